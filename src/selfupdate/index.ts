// The selfupdate room's one door: the version check after a command (src/cli/run.ts), its background
// refresh (__version-check) and the selfupdate command. src/cli/run.ts opens this door after every
// counted command, so it loads only the state file's code; the feed, undici and the installer are
// loaded when used.
import type * as Feed from './feed';
import type * as Install from './install';

export { versionCheckAfterCommand, refreshLatest, checkSwitchedOff, CHECK_COMMAND, REFRESH_DEADLINE_MS, type Spawner } from './check';
export { readState, writeState, checkDue, newerThan, stateFile, CHECK_INTERVAL_MS, type VersionState } from './state';
export { installedByKrew, updateCommand, KREW_UPGRADE, SELFUPDATE } from './krew';
export type { Release } from './feed';

const feed = () => require('./feed') as typeof Feed;
const install = () => require('./install') as typeof Install;

export const fetchLatestRelease: typeof Feed.fetchLatestRelease = (env, timeoutMs) => feed().fetchLatestRelease(env, timeoutMs);
export const fetchVerifiedExecutable: typeof Install.fetchVerifiedExecutable = (r, os, arch) => install().fetchVerifiedExecutable(r, os, arch);
export const replaceExecutable: typeof Install.replaceExecutable = (t, c, p) => install().replaceExecutable(t, c, p);
export const archiveName: typeof Install.archiveName = (v, os, arch) => install().archiveName(v, os, arch);
