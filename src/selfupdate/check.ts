// The version check after a counted command (Go: cmd/runner.go). At most once a day, it prints what the
// last refresh found (one line on stderr, when a newer release exists) and starts the next refresh: this
// program again, running the hidden command __version-check, started as the telemetry flusher is
// (src/detached.ts: detached, no stdio, lowest CPU priority). The command never waits for the network
// and its exit code is untouched.
import type { Deps } from '../deps';
import { buildInfo } from '../buildInfo';
import { startDetached } from '../detached';
import { isCI } from '../telemetry/index';
import { updateCommand } from './krew';
import { checkDue, newerThan, readState, writeState } from './state';

export const CHECK_COMMAND = '__version-check';
/** The whole refresh, connection and answer, in the background helper. */
export const REFRESH_DEADLINE_MS = 10_000;

/**
 * Why no check runs: off by flag, by environment, or in CI. (The fourth switch, a stderr nobody sees, is
 * asked only once a check is due: knowing whether stderr is a terminal loads node:tty, ~2 ms, and is
 * needed once a day, not at every command.)
 */
export function checkSwitchedOff(deps: Deps, flagOff: boolean): boolean {
  if (flagOff) return true;
  const off = (deps.env.KUBECTL_GS_DISABLE_VERSION_CHECK ?? '').trim().toLowerCase();
  if (off !== '' && off !== '0' && off !== 'false') return true;
  return isCI(deps.env);
}

export type Spawner = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => void;

/**
 * Called after a counted command, synchronously: reads the state file, maybe prints the notice, maybe
 * claims today's check and starts the refresher. Never throws, never waits. Returns whether it started one.
 */
export function versionCheckAfterCommand(deps: Deps, opts: { flagOff: boolean; executable: () => string; spawner?: Spawner }): boolean {
  try {
    if (checkSwitchedOff(deps, opts.flagOff)) return false;
    const cacheDir = deps.cacheDir();
    const now = deps.now().getTime();
    const state = readState(cacheDir);
    if (!checkDue(state, now) || !deps.stderr.isTTY) return false;
    const newer = newerThan(state, buildInfo.version);
    if (newer) {
      deps.stderr.write(
        `You are running an outdated version of kubectl-gs (${buildInfo.version}); the latest is ${newer}. Please update by running "${updateCommand(opts.executable())}".\n`,
      );
    }
    // Claim the day first: a refresh that fails (no network) is not retried by every command after it.
    writeState(cacheDir, { ...state, checkedAt: now });
    const self = deps.self?.();
    if (!self) return false;
    (opts.spawner ?? startDetached)(self.command, [...self.args, CHECK_COMMAND], cacheDir, deps.env);
    return true;
  } catch {
    return false;
  }
}

/** The background helper's work: asks the feed for the latest release and stores its version. Never throws. */
export async function refreshLatest(deps: Deps, deadlineMs = REFRESH_DEADLINE_MS): Promise<boolean> {
  try {
    const { fetchLatestRelease } = require('./feed') as typeof import('./feed');
    const release = await fetchLatestRelease(deps.env, deadlineMs);
    const cacheDir = deps.cacheDir();
    // Re-read: keep the claim another invocation may have written meanwhile.
    writeState(cacheDir, { ...readState(cacheDir), latest: release.version });
    return true;
  } catch {
    return false;
  }
}
