// `kubectl gs __version-check`: the version check's background refresh (src/selfupdate/check.ts). Hidden
// and never counted; started detached by an invocation whose daily check was due. Prints nothing and
// always exits 0, within REFRESH_DEADLINE_MS.
import { defineCommand } from '../../cli/command';

export const definition = defineCommand({
  name: '__version-check', // CHECK_COMMAND (src/selfupdate/check.ts), not imported: this module loads at every start
  describe: 'Look up the latest release for the version check (started by kubectl gs itself)',
  hidden: true,
  counted: false,
  options: () => ({}),
  run: async (_options, deps) => {
    const { refreshLatest, REFRESH_DEADLINE_MS } = await import('../../selfupdate/index');
    // undici's sockets may keep the process alive past the deadline; this ends it there in any case.
    const hardStop = setTimeout(() => process.exit(0), REFRESH_DEADLINE_MS + 500);
    hardStop.unref();
    await refreshLatest(deps, REFRESH_DEADLINE_MS);
    clearTimeout(hardStop);
    return 0;
  },
});
