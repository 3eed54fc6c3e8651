// Spooled signals held for a cluster's cluster-wide setting, or for the user hash (see session.ts): shared
// by the invocation that sends and by the spool flusher, so both honour a cluster's opt-out exactly alike.
import { CLUSTER_FACTS_TTL_MS } from './constants';
import { addCluster, type Signal } from './signal';
import { Spool, type Claimed } from './spool';

/**
 * Send them once the cache knows the setting (dropped if the cluster opted out), keep them while it does
 * not, drop them when they are older than a day. Signals held for the user hash get userHash, or are
 * kept when the sender does not know it either. Other signals are sent as they are.
 */
export function resolvePending(claimed: Claimed, spool: Spool, cacheDir: string, now = Date.now(), userHash?: string): { send: Signal[]; keep: Claimed } {
  const send: Signal[] = [];
  const keep: Claimed = { entries: [], files: [] };
  const dropped: string[] = [];
  claimed.entries.forEach((entry, i) => {
    const file = claimed.files[i];
    if (entry.pendingUser) {
      if (!userHash) {
        keep.entries.push(entry);
        keep.files.push(file);
        return;
      }
      entry.signal.clientUser = userHash;
    }
    if (!entry.pendingCluster) {
      send.push(entry.signal);
      return;
    }
    const known = clusterFacts().readClusterCache(cacheDir, entry.pendingCluster);
    if (known.setting === 'disabled' || (!known.setting && now - entry.createdAt > CLUSTER_FACTS_TTL_MS)) {
      dropped.push(file);
    } else if (!known.setting) {
      keep.entries.push(entry);
      keep.files.push(file);
    } else {
      if (known.facts) addCluster(entry.signal.payload, known.facts);
      send.push(entry.signal);
    }
  });
  spool.done({ entries: [], files: dropped });
  return { send, keep };
}

/** The cluster code, loaded only for commands that talk to a cluster (or signals held for one). */
export function clusterFacts(): typeof import('./clusterFacts') {
  return require('./clusterFacts') as typeof import('./clusterFacts');
}
