// Facts about the cluster a command talks to: an anonymous ID, the Kubernetes version, the node count
// and the cloud provider, plus the cluster-wide setting. Gathered in parallel with the command through
// the command's own client, a handful of small GETs, and cached per cluster under the cache directory,
// so a command never waits for them: what is not ready when the command ends comes from the cache.
import { join } from 'node:path';
import { ensurePrivateDir, readPrivateFile, writeFileAtomic } from '../files/index';
import type { KubeClient } from '../kube';
import { CLUSTER_FACTS_TTL_MS, CLUSTER_ID_SALT, CLUSTER_SETTING_TTL_MS } from './constants';
import { readClusterSetting, type ClusterSetting } from './clusterSetting';
import { statusOf } from './kubeErrors';
import type { ClusterPayload } from './signal';
import { isClusterKey, validFacts } from './signalShape';
import { sha256Hex } from '../sha256';

export interface ClusterCacheEntry {
  facts?: ClusterPayload;
  factsAt?: number;
  setting?: ClusterSetting;
  settingAt?: number;
}

/** The local cache key of a cluster: a hash of its API server URL (never sent anywhere). */
export function clusterKey(server: string): string {
  return sha256Hex(server).slice(0, 32);
}

function clustersDir(cacheDir: string): string {
  return join(cacheDir, 'telemetry', 'clusters');
}

/** Entries are a few hundred bytes; a bigger file is not one of ours. */
const MAX_CACHE_BYTES = 4096;

/**
 * The cached entry; empty when there is none, or when the file is not one this tool wrote: not a
 * regular file of this user, or not of the entry's shape. Its facts go into signals, so each one is
 * checked to be exactly what gatherClusterFacts makes.
 */
export function readClusterCache(cacheDir: string, key: string): ClusterCacheEntry {
  if (!isClusterKey(key)) return {};
  const read = readPrivateFile(join(clustersDir(cacheDir), `${key}.json`), MAX_CACHE_BYTES);
  if (!read.ok) return {};
  try {
    return validEntry(JSON.parse(read.text) as unknown);
  } catch {
    return {};
  }
}

function validEntry(raw: unknown): ClusterCacheEntry {
  if (!isObject(raw)) return {};
  const entry: ClusterCacheEntry = {};
  const time = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (time(raw.factsAt)) {
    const facts = validFacts(raw.facts);
    if (facts) Object.assign(entry, { facts, factsAt: raw.factsAt as number });
  }
  if ((raw.setting === 'enabled' || raw.setting === 'disabled' || raw.setting === 'none') && time(raw.settingAt)) {
    Object.assign(entry, { setting: raw.setting, settingAt: raw.settingAt as number });
  }
  return entry;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Cached per cluster, 0600 in a 0700 folder (the name is a hash of the API server URL). Best effort. */
export function writeClusterCache(cacheDir: string, key: string, entry: ClusterCacheEntry): void {
  try {
    if (!isClusterKey(key)) return;
    ensurePrivateDir(clustersDir(cacheDir));
    writeFileAtomic(join(clustersDir(cacheDir), `${key}.json`), JSON.stringify(entry), { fsync: false });
  } catch {
    // A cache that cannot be written is only a cache.
  }
}

export function factsFresh(entry: ClusterCacheEntry, now: number): boolean {
  return entry.factsAt !== undefined && now - entry.factsAt < CLUSTER_FACTS_TTL_MS;
}

export function settingFresh(entry: ClusterCacheEntry, now: number): boolean {
  return entry.settingAt !== undefined && now - entry.settingAt < CLUSTER_SETTING_TTL_MS;
}

export function anonymousClusterId(kubeSystemUid: string): string {
  return sha256Hex(CLUSTER_ID_SALT + kubeSystemUid);
}

/** The scheme of a node's spec.providerID ("aws:///eu-west-1a/i-0abc" -> "aws"), nothing else of it. */
export function providerOf(providerID: string | undefined): string | undefined {
  if (!providerID) return undefined;
  const m = /^([a-z][a-z0-9-]{0,31}):\/\//i.exec(providerID);
  return m ? m[1].toLowerCase() : 'other';
}


/** "v1.29.3-eks-adc7111" -> "v1.29.3": the release only, no vendor build strings. */
export function releaseOf(gitVersion: string | undefined): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(gitVersion ?? '');
  return m ? `v${m[1]}.${m[2]}.${m[3] ?? '0'}` : undefined;
}

interface NodeList {
  metadata?: { continue?: string; remainingItemCount?: number };
  items: Array<{ spec?: { providerID?: string } }>;
}

/**
 * The facts, each on its own: one that fails (RBAC, old server) is left out, the others still count.
 * Nodes are counted from one page of one node (limit=1 plus remainingItemCount), never by listing all.
 */
export async function gatherClusterFacts(client: KubeClient): Promise<ClusterPayload> {
  const settle = <T>(p: Promise<T>) => p.then((v) => v, () => undefined);
  const [version, ns, nodes] = await Promise.all([
    settle(client.get<{ gitVersion?: string }>('/version')),
    settle(client.get<{ metadata?: { uid?: string } }>('/api/v1/namespaces/kube-system')),
    settle(client.get<NodeList>('/api/v1/nodes', { limit: 1 })),
  ]);
  if (!version && !ns && !nodes) throw new Error('the cluster answered none of the fact requests');
  const facts: ClusterPayload = {};
  const release = releaseOf(version?.gitVersion);
  if (release) facts.kubernetesVersion = release;
  if (ns?.metadata?.uid) facts.id = anonymousClusterId(ns.metadata.uid);
  if (nodes && Array.isArray(nodes.items)) {
    const remaining = nodes.metadata?.remainingItemCount;
    if (typeof remaining === 'number') facts.nodeCount = nodes.items.length + remaining;
    else if (!nodes.metadata?.continue) facts.nodeCount = nodes.items.length;
    const provider = providerOf(nodes.items[0]?.spec?.providerID);
    if (provider) facts.provider = provider;
  }
  return facts;
}

export interface Refreshed {
  /** The up-to-date entry (also written to the cache). */
  entry: ClusterCacheEntry;
  /**
   * False when the cluster answered none of the requests, not even with an error status (refused, no
   * such host, TLS failure, timeout): it was not reached, so it could not say whether it opted out.
   */
  reached: boolean;
}

/**
 * Refreshes what is stale in this cluster's cache entry (everything, without a cache), in the background
 * of the command; never rejects.
 */
export async function refreshCluster(client: KubeClient, cache: { dir: string; key: string } | undefined, now: () => number): Promise<Refreshed> {
  const entry = cache ? readClusterCache(cache.dir, cache.key) : {};
  let reached = false;
  const watched = answerWatcher(client, () => (reached = true));
  const [facts, setting] = await Promise.all([
    factsFresh(entry, now()) ? undefined : gatherClusterFacts(watched).catch(() => undefined),
    settingFresh(entry, now()) ? undefined : readClusterSetting(watched).catch(() => undefined),
  ]);
  const next: ClusterCacheEntry = { ...entry };
  if (facts) Object.assign(next, { facts, factsAt: now() });
  if (setting) Object.assign(next, { setting, settingAt: now() });
  if (cache && (facts || setting)) writeClusterCache(cache.dir, cache.key, next);
  return { entry: next, reached: reached || (factsFresh(entry, now()) && settingFresh(entry, now())) };
}

/** The client, telling onAnswer whenever the cluster answers a GET (successfully or with an error status). */
function answerWatcher(client: KubeClient, onAnswer: () => void): KubeClient {
  const get = <T>(...args: Parameters<KubeClient['get']>): Promise<T> =>
    client.get<T>(...args).then(
      (v) => (onAnswer(), v),
      (err: unknown) => {
        if (statusOf(err) !== undefined) onAnswer();
        throw err;
      },
    );
  return Object.create(client, { get: { value: get } }) as KubeClient;
}
