// The three objects `deploy chart` applies, field for field as the Go kubectl-gs builds them
// (internal/deploychart/manifest.go, registrysecret.go): an OCIRepository for the chart, a HelmRelease
// installing it into the workload cluster (through its <cluster>-kubeconfig Secret, or in the management
// cluster itself), and, with registry credentials, a docker-config Secret Flux pulls with.
import type { KubeObject } from '../../kube';

export const clusterLabel = 'giantswarm.io/cluster';

export interface OciRepositoryOptions {
  name: string;
  namespace: string;
  clusterName: string;
  url: string;
  version: string;
  autoUpgrade: string;
  /** Go's Duration.String() of --interval, e.g. "10m0s". */
  interval: string;
  apiVersion: string;
  secretRef?: string;
  provider?: string;
}

export interface HelmReleaseOptions {
  name: string;
  namespace: string;
  clusterName: string;
  chartName: string;
  targetNamespace: string;
  interval: string;
  values?: Record<string, unknown>;
  valuesFrom: Array<{ kind: string; name: string }>;
  managementCluster: boolean;
  apiVersion: string;
}

/** ObjectMeta as Go marshals it: a zero creationTimestamp is written as null. */
function meta(name: string, namespace: string, clusterName: string): KubeObject['metadata'] {
  return { creationTimestamp: null, labels: { [clusterLabel]: clusterName }, name, namespace } as unknown as KubeObject['metadata'];
}

export function ociRepository(o: OciRepositoryOptions): KubeObject {
  const spec: Record<string, unknown> = { interval: o.interval, provider: o.provider || 'generic', url: o.url };
  if (o.version || o.autoUpgrade) spec.ref = o.autoUpgrade ? { semver: semverRange(o.version, o.autoUpgrade) } : { tag: o.version };
  if (o.secretRef) spec.secretRef = { name: o.secretRef };
  return { apiVersion: o.apiVersion, kind: 'OCIRepository', metadata: meta(o.name, o.namespace, o.clusterName), spec };
}

export function helmRelease(o: HelmReleaseOptions): KubeObject {
  const spec: Record<string, unknown> = {
    chartRef: { kind: 'OCIRepository', name: o.name },
    install: { createNamespace: true },
    interval: o.interval,
    releaseName: o.chartName,
    targetNamespace: o.targetNamespace,
  };
  if (!o.managementCluster) {
    spec.kubeConfig = { secretRef: { name: `${o.clusterName}-kubeconfig` } };
    spec.storageNamespace = o.targetNamespace;
  }
  if (o.values) spec.values = o.values;
  if (o.valuesFrom.length) spec.valuesFrom = o.valuesFrom.map((v) => ({ kind: v.kind, name: v.name }));
  return { apiVersion: o.apiVersion, kind: 'HelmRelease', metadata: meta(o.name, o.namespace, o.clusterName), spec };
}

export interface RegistrySecretOptions {
  name: string;
  namespace: string;
  clusterName: string;
  registry: string;
  username: string;
  password: string;
}

/** A kubernetes.io/dockerconfigjson Secret; the JSON as Go's json.Marshal writes a map (keys sorted). */
export function registrySecret(o: RegistrySecretOptions): KubeObject {
  const auth = Buffer.from(`${o.username}:${o.password}`).toString('base64');
  const config = JSON.stringify({ auths: { [o.registry]: { auth, password: o.password, username: o.username } } });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(o.name, o.namespace, o.clusterName),
    data: { '.dockerconfigjson': Buffer.from(config).toString('base64') },
    type: 'kubernetes.io/dockerconfigjson',
  };
}

/** The semver range Flux follows for --auto-upgrade (Masterminds wildcards), from the version's numbers. */
export function semverRange(version: string, autoUpgrade: string): string {
  const [major = 0, minor = 0] = (/^v?(\d+)(?:\.(\d+))?/.exec(version)?.slice(1) ?? []).map((n) => Number(n ?? 0));
  switch (autoUpgrade) {
    case 'patch':
      return `${major}.${minor}.x`;
    case 'minor':
      return `${major}.x`;
    case 'all':
      return '*';
  }
  return version;
}

const semverTag = /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The highest tag that is a release version (Masterminds semver.NewVersion accepts "1", "1.2", "v1.2.3";
 * pre-releases are skipped), as written in the registry; undefined when there is none.
 */
export function latestSemverTag(tags: string[]): string | undefined {
  let best: { tag: string; n: number[] } | undefined;
  for (const tag of tags) {
    const m = semverTag.exec(tag);
    if (!m || m[4] !== undefined) continue;
    const n = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
    if (!best || compare(n, best.n) > 0) best = { tag, n };
  }
  return best?.tag;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The management cluster's name from a context named gs-<mc> or teleport.giantswarm.io-<mc>; else the context name. */
export function clusterNameFromContext(contextName: string): string {
  for (const prefix of ['gs-', 'teleport.giantswarm.io-']) {
    if (contextName.startsWith(prefix) && contextName.length > prefix.length) return contextName.slice(prefix.length);
  }
  return contextName;
}

/** group/version of a CRD's storage version, else its first served one (Go's storageAPIVersion). */
export function storageApiVersion(crd: { spec?: { group?: string; versions?: Array<{ name: string; served?: boolean; storage?: boolean }> } }): string | undefined {
  const versions = crd.spec?.versions ?? [];
  const v = versions.find((x) => x.storage) ?? versions.find((x) => x.served);
  return v && crd.spec?.group ? `${crd.spec.group}/${v.name}` : undefined;
}
