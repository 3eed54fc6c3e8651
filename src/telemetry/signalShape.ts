// What a signal of ours looks like, key by key, and the check every spooled signal passes before it is
// sent. The spool is a folder on disk: anything found there (a link, a file someone put there, a file
// of another program or version) is sent only if it is exactly a signal this tool makes, with each value
// of the form the tool gives it, so that nothing but the fields of docs/telemetry.md can leave this way.
import { APP_ID, SIGNAL_TYPE } from './constants';
import type { ClusterPayload, PayloadValue, Signal } from './signal';
import type { SpoolEntry } from './spool';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const matches = (re: RegExp) => (v: unknown) => typeof v === 'string' && re.test(v);
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isCount = (max: number) => (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** A kubectl-gs version (any version: the spool may hold signals of the one before an upgrade). */
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/;
const GO_NAME = /^[a-z0-9]{1,16}$/;
/** What providerOf (clusterFacts.ts) gives: a lowercase URL scheme, or "other". */
export const PROVIDER = /^[a-z][a-z0-9-]{0,31}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Cache keys are what clusterKey makes; anything else (from a planted spool entry) names no file. */
export function isClusterKey(key: unknown): key is string {
  return typeof key === 'string' && /^[0-9a-f]{32}$/.test(key);
}

/** Every payload key a signal has, and the form of its value. */
const PAYLOAD: Record<string, (v: unknown) => boolean> = {
  'TelemetryDeck.Device.architecture': matches(GO_NAME),
  'TelemetryDeck.Device.operatingSystem': matches(GO_NAME),
  'TelemetryDeck.SDK.nameAndVersion': (v) => typeof v === 'string' && v.startsWith('kubectl-gs/') && VERSION.test(v.slice(11)),
  'TelemetryDeck.AppInfo.version': matches(VERSION),
  appVersion: matches(VERSION),
  command: matches(/^kubectl gs( [a-z0-9_][a-z0-9_-]{0,39}){0,4}$/),
  exitCode: isCount(255),
  succeeded: isBoolean,
  durationMs: isCount(Number.MAX_SAFE_INTEGER),
  flags: matches(/^([a-z0-9][a-z0-9-]{0,63}(,[a-z0-9][a-z0-9-]{0,63}){0,63})?$/),
  ci: isBoolean,
};

/** The cluster facts (clusterFacts.ts), each optional; as payload keys they are prefixed "cluster.". */
const FACTS: Record<keyof ClusterPayload, (v: unknown) => boolean> = {
  id: matches(HEX64),
  kubernetesVersion: matches(/^v\d{1,4}\.\d{1,4}\.\d{1,6}$/),
  nodeCount: isCount(Number.MAX_SAFE_INTEGER),
  provider: matches(PROVIDER),
};

/** Exactly the facts gatherClusterFacts makes, each of its own form; undefined for anything else. */
export function validFacts(raw: unknown): ClusterPayload | undefined {
  if (!isObject(raw)) return undefined;
  const facts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!Object.hasOwn(FACTS, k) || !FACTS[k as keyof ClusterPayload](v)) return undefined;
    facts[k] = v;
  }
  return facts as ClusterPayload;
}

/** A copy of the signal if it is exactly one of ours (all keys, nothing else, each value of its form). */
export function ourSignal(raw: unknown): Signal | undefined {
  if (!isObject(raw) || !sameKeys(raw, ['appID', 'clientUser', 'sessionID', 'isTestMode', 'type', 'payload'])) return undefined;
  const { appID, clientUser, sessionID, isTestMode, type, payload } = raw;
  if (appID !== APP_ID || type !== SIGNAL_TYPE || !matches(UUID_V4)(sessionID) || typeof isTestMode !== 'boolean') return undefined;
  if (clientUser !== '' && !matches(HEX64)(clientUser)) return undefined;
  if (!isObject(payload)) return undefined;
  const copy: Record<string, PayloadValue> = {};
  for (const key of Object.keys(PAYLOAD)) {
    if (!PAYLOAD[key](payload[key])) return undefined;
    copy[key] = payload[key] as PayloadValue;
  }
  for (const [key, value] of Object.entries(payload)) {
    if (Object.hasOwn(PAYLOAD, key)) continue;
    const fact = key.startsWith('cluster.') ? key.slice(8) : '';
    if (!Object.hasOwn(FACTS, fact) || !FACTS[fact as keyof ClusterPayload](value)) return undefined;
    copy[key] = value as PayloadValue;
  }
  return { appID, clientUser: clientUser as string, sessionID: sessionID as string, isTestMode, type, payload: copy };
}

/** The spool entry in text, if it is exactly one the spool writes; undefined for anything else. */
export function parseSpoolEntry(text: string): SpoolEntry | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  const { signal, createdAt, pendingCluster, pendingUser } = raw;
  const optional = [pendingCluster === undefined ? '' : 'pendingCluster', pendingUser === undefined ? '' : 'pendingUser'].filter(Boolean);
  if (!sameKeys(raw, ['signal', 'createdAt', ...optional])) return undefined;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return undefined;
  if (pendingCluster !== undefined && !isClusterKey(pendingCluster)) return undefined;
  if (pendingUser !== undefined && pendingUser !== true) return undefined;
  const ours = ourSignal(signal);
  // A signal without a user hash is one that waits for it, and only that.
  if (!ours || (ours.clientUser === '') !== (pendingUser === true)) return undefined;
  return {
    signal: ours,
    createdAt,
    ...(pendingCluster !== undefined ? { pendingCluster: pendingCluster as string } : {}),
    ...(pendingUser ? { pendingUser: true as const } : {}),
  };
}

function sameKeys(o: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k));
}
