// The telemetry room's one door: exactly what code outside src/telemetry uses of it.
// src/cli/run.ts imports it at every start (to read the environment opt-out before anything else), so
// opening it must cost next to nothing: it loads only the small modules below (settings, status, the
// spool, the cluster-wide setting: file and string work, nothing heavy). What runs a command's telemetry
// (the session and its connection, the flusher, the user hash, cluster facts) is loaded on the first
// call of a function that needs it, and within those, the network (node:net, node:tls, node:dns), child
// processes, node:os and node:crypto only when used. Measured in docs/telemetry.md.
import type * as ClusterFacts from './clusterFacts';
import type * as Flush from './flush';
import type * as Session from './session';
import type * as UserHash from './userHash';

export { optedOutByEnv } from './envOptOut';
export { isCI } from './ci';
export { COLLECTED, endpointOf, FLUSH_DEADLINE_MS } from './constants';
export { readUserSettings, writeUserSettings, settingsFile } from './settings';
export { decide, NOT_COLLECTED } from './status';
export { Spool, spoolDir } from './spool';
export { readClusterSetting, writeClusterSetting, clusterSettingLocation } from './clusterSetting';

// Loaded on first use (a require, which the bundle turns into a module initialised on its first call).
const session = () => require('./session') as typeof Session;
const flush = () => require('./flush') as typeof Flush;
const userHash = () => require('./userHash') as typeof UserHash;
const clusterFacts = () => require('./clusterFacts') as typeof ClusterFacts;

/** One command's telemetry (src/cli/run.ts). */
export const startSession: typeof Session.startSession = (input) => session().startSession(input);
/** The background flusher's work (__telemetry-flush). */
export const flushSpool: typeof Flush.flushSpool = (deps, opts) => flush().flushSpool(deps, opts);
/** The user hash, waiting for the slow lookup where there is one (telemetry status). */
export const resolveUserHash: typeof UserHash.resolveUserHash = (...args) => userHash().resolveUserHash(...args);
/** A cluster's local cache entry, by its key (the cluster-wide setting commands remember what they set). */
export const clusterKey: typeof ClusterFacts.clusterKey = (server) => clusterFacts().clusterKey(server);
export const readClusterCache: typeof ClusterFacts.readClusterCache = (cacheDir, key) => clusterFacts().readClusterCache(cacheDir, key);
export const writeClusterCache: typeof ClusterFacts.writeClusterCache = (cacheDir, key, entry) => clusterFacts().writeClusterCache(cacheDir, key, entry);
