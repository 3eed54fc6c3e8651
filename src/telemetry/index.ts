// The telemetry room's one door: exactly what code outside src/telemetry uses of it.
// Cheap to open: src/cli/run.ts imports it at start-up (for the environment opt-out) and loads the
// session through it, so no module behind this door loads anything heavy when it is imported. The
// network (node:tls, node:dns), child processes, node:os and node:crypto are required inside the
// functions that need them, when they run; measured in docs/telemetry.md.

// Running a command with telemetry (src/cli/run.ts) and the background flusher (__telemetry-flush).
export { optedOutByEnv } from './envOptOut';
export { startSession } from './session';
export { flushSpool } from './flush';
export { FLUSH_DEADLINE_MS } from './constants';

// The telemetry commands (src/commands/telemetry): settings, status, the spool, the cluster-wide setting.
export { readUserSettings, writeUserSettings, settingsFile } from './settings';
export { decide, NOT_COLLECTED } from './status';
export { COLLECTED, endpointOf } from './constants';
export { resolveUserHash } from './userHash';
export { Spool, spoolDir } from './spool';
export { readClusterSetting, writeClusterSetting, clusterSettingLocation } from './clusterSetting';
export { clusterKey, readClusterCache, writeClusterCache } from './clusterFacts';
