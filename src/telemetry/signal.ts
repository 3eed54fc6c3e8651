// The TelemetryDeck ingest v2 signal: the fields and the reserved TelemetryDeck.* payload keys the Go
// client (giantswarm/telemetrydeck-go) sends, plus what kubectl-gs adds about the run.
import { buildInfo } from '../buildInfo';
import { goArch, goOs } from '../platform';
import { APP_ID, SIGNAL_TYPE } from './constants';

export type PayloadValue = string | number | boolean;

export interface Signal {
  appID: string;
  clientUser: string;
  sessionID: string;
  isTestMode: boolean;
  type: string;
  payload: Record<string, PayloadValue>;
}

export interface RunFacts {
  /** Canonical command path without "kubectl gs", e.g. ["get", "clusters"]. */
  path: string[];
  flags: string[];
  exitCode: number;
  durationMs: number;
  ci: boolean;
}

/** Cluster facts as sent; every field is anonymous or coarse (see clusterFacts.ts). */
export interface ClusterPayload {
  id?: string;
  kubernetesVersion?: string;
  nodeCount?: number;
  provider?: string;
}

export function buildSignal(run: RunFacts, clientUser: string, testMode: boolean, cluster?: ClusterPayload): Signal {
  const payload: Record<string, PayloadValue> = {
    'TelemetryDeck.Device.architecture': goArch(process.arch),
    'TelemetryDeck.Device.operatingSystem': goOs(process.platform),
    'TelemetryDeck.SDK.nameAndVersion': `kubectl-gs/${buildInfo.version}`,
    'TelemetryDeck.AppInfo.version': buildInfo.version,
    appVersion: buildInfo.version,
    command: ['kubectl', 'gs', ...run.path].join(' '),
    exitCode: run.exitCode,
    succeeded: run.exitCode === 0,
    durationMs: Math.round(run.durationMs),
    flags: run.flags.join(','),
    ci: run.ci,
  };
  if (cluster) addCluster(payload, cluster);
  return { appID: APP_ID, clientUser, sessionID: randomUuidV4(), isTestMode: testMode, type: SIGNAL_TYPE, payload };
}

export function addCluster(payload: Record<string, PayloadValue>, cluster: ClusterPayload): void {
  if (cluster.id) payload['cluster.id'] = cluster.id;
  if (cluster.kubernetesVersion) payload['cluster.kubernetesVersion'] = cluster.kubernetesVersion;
  if (cluster.nodeCount !== undefined) payload['cluster.nodeCount'] = cluster.nodeCount;
  if (cluster.provider) payload['cluster.provider'] = cluster.provider;
}

/**
 * A random UUID v4 from Math.random (V8 seeds it from the OS): a session ID needs uniqueness, not
 * secrecy, and crypto.randomUUID would load node:crypto on every command (~0.5-1 ms).
 */
export function randomUuidV4(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
