// `kubectl gs __telemetry-flush`: the spool flusher's entry (src/telemetry/flush.ts). Hidden (never in
// help or completion) and never counted; started in the background by an invocation whose signal had to
// wait in the spool. Prints nothing and always exits 0, within FLUSH_DEADLINE_MS.
import { defineCommand } from '../../cli/command';

export const definition = defineCommand({
  name: '__telemetry-flush', // FLUSH_COMMAND (src/telemetry/constants.ts), not imported: this module loads at every start
  describe: 'Send the usage signals waiting in the spool (started by kubectl gs itself)',
  hidden: true,
  counted: false,
  options: () => ({}),
  run: async (_options, deps) => {
    // The connection's sockets and timers are unref'd; this timer keeps the process alive while they
    // work, and ends it at the deadline whatever they are doing.
    const { FLUSH_DEADLINE_MS } = await import('../../telemetry/constants');
    const hardStop = setTimeout(() => process.exit(0), FLUSH_DEADLINE_MS);
    try {
      const { flushSpool } = await import('../../telemetry/flush');
      await flushSpool(deps, { deadlineMs: FLUSH_DEADLINE_MS - 200 });
    } catch {
      // Nothing to report to anyone.
    }
    clearTimeout(hardStop);
    return 0;
  },
});
