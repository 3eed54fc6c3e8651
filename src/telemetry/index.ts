// The telemetry room's one door: everything code outside src/telemetry uses of it, and nothing else.
// Cheap to open: src/cli/run.ts loads it for every counted command (and reads the environment opt-out
// from it first), so nothing here loads a heavy module on import. The network (node:tls, node:dns),
// child processes, node:os and node:crypto are loaded inside the functions that need them, when they
// are called; measured in docs/telemetry.md.

// Running a command with telemetry (src/cli/run.ts) and the background flusher (__telemetry-flush).
export { optedOutByEnv } from './envOptOut';
export { startSession, type SessionInput, type TelemetrySession } from './session';
export { flushSpool } from './flush';
export { FLUSH_DEADLINE_MS } from './constants';

// The telemetry commands (src/commands/telemetry): settings, status, the spool, the cluster-wide setting.
export { readUserSettings, writeUserSettings, settingsFile, SettingNotSaved, type UserSettings } from './settings';
export { decide, NOT_COLLECTED, type Decision } from './status';
export { COLLECTED, endpointOf } from './constants';
export { resolveUserHash } from './userHash';
export { Spool, spoolDir } from './spool';
export { readClusterSetting, writeClusterSetting, clusterSettingLocation, type ClusterSetting } from './clusterSetting';
export { clusterKey, readClusterCache, writeClusterCache } from './clusterFacts';
