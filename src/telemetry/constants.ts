// Fixed facts of the telemetry signal. The app ID and signal type are the Go kubectl-gs's, so both
// clients count in the same TelemetryDeck app.
export const APP_ID = '4539763B-A291-4835-B832-9BEB80CA7039';
export const SIGNAL_TYPE = 'GiantSwarm.command';
export const DEFAULT_ENDPOINT = 'https://nom.telemetrydeck.com/v2/';

/** Where the per-cluster setting lives: one ConfigMap that everyone using the cluster reads. */
export const CLUSTER_SETTING_NAMESPACE = 'kube-system';
export const CLUSTER_SETTING_NAME = 'kubectl-gs-telemetry';

/** Salt for the anonymous cluster ID, so the ID cannot be matched to a kube-system UID seen elsewhere. */
export const CLUSTER_ID_SALT = 'kubectl-gs telemetry cluster id v1';

/** Cluster facts change rarely: refresh them once a day. */
export const CLUSTER_FACTS_TTL_MS = 24 * 60 * 60 * 1000;
/** The cluster-wide opt-out is re-read more often, so an admin's opt-out reaches every user within an hour. */
export const CLUSTER_SETTING_TTL_MS = 60 * 60 * 1000;

/** The spool keeps at most this many unsent signals; the oldest are dropped first. */
export const SPOOL_LIMIT = 100;
/** At most this many spooled signals ride along in one request body. */
export const SPOOL_BATCH = 50;

/**
 * The spool flusher (flush.ts): at most one helper process per interval, and it exits by itself
 * within FLUSH_DEADLINE_MS of its start, sent or not.
 */
export const FLUSH_INTERVAL_MS = 60_000;
export const FLUSH_DEADLINE_MS = 4_000;
/** The hidden command the helper process runs. */
export const FLUSH_COMMAND = '__telemetry-flush';

/** Where signals go: KUBECTL_GS_TELEMETRY_ENDPOINT (tests, a relay), else TelemetryDeck. */
export function endpointOf(env: NodeJS.ProcessEnv): string {
  return env[ENV.endpoint] || DEFAULT_ENDPOINT;
}

export const ENV = {
  optOut: 'KUBECTL_GS_TELEMETRY_OPTOUT',
  doNotTrack: 'DO_NOT_TRACK',
  debug: 'KUBECTL_GS_TELEMETRY_DEBUG',
  testMode: 'KUBECTL_GS_TELEMETRY_TESTMODE',
  endpoint: 'KUBECTL_GS_TELEMETRY_ENDPOINT',
} as const;

/** What is collected, in the words `status` and the first-run notice use. */
export const COLLECTED = [
  'the command path (e.g. "kubectl gs get clusters") and the names of the flags used, never their values or any arguments',
  'exit code, duration, whether it ran in CI',
  'kubectl-gs version, operating system and CPU architecture',
  'an anonymous user hash (SHA-256 of machine and user facts)',
  'for commands that talk to a cluster: an anonymous cluster ID (salted hash), Kubernetes version, node count, cloud provider',
];
