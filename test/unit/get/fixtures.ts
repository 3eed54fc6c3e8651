// Objects for the `get` unit tests, shaped as the API server returns them (labels and annotations as the
// Go kubectl-gs test data has them). "now" in fakeDeps is 2026-11-23T12:00:00Z.
import type { KubeObject } from '../../../src/kube/client';
import { runCli } from '../../../src/cli/run';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import type { FakeKube } from './fakeKube';

export const created = '2026-11-23T02:00:00Z'; // 10h before "now"

export function cluster(name: string, namespace: string, extra: { release?: string; org?: string; priority?: string; description?: string; phase?: string; created?: string } = {}): KubeObject {
  const labels: Record<string, string> = { 'cluster.x-k8s.io/cluster-name': name };
  if (extra.release) labels['release.giantswarm.io/version'] = extra.release;
  if (extra.org) labels['giantswarm.io/organization'] = extra.org;
  if (extra.priority) labels['giantswarm.io/service-priority'] = extra.priority;
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace,
      labels,
      annotations: extra.description ? { 'cluster.giantswarm.io/description': extra.description } : undefined,
      creationTimestamp: extra.created ?? created,
      managedFields: [{ manager: 'kubectl', operation: 'Update' }],
      resourceVersion: '42',
      uid: `uid-${name}`,
    },
    spec: { controlPlaneEndpoint: { host: `${name}.example.com`, port: 6443 } },
    status: extra.phase ? { phase: extra.phase } : {},
  };
}

export function machineDeployment(name: string, namespace: string, clusterName: string, s: { replicas?: number; ready?: number; phase?: string; description?: string; min?: string; max?: string } = {}): KubeObject {
  const annotations: Record<string, string> = {};
  if (s.description) annotations['machine-deployment.giantswarm.io/name'] = s.description;
  if (s.min) annotations['cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size'] = s.min;
  if (s.max) annotations['cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size'] = s.max;
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'MachineDeployment',
    metadata: {
      name, namespace, creationTimestamp: created, annotations,
      labels: { 'cluster.x-k8s.io/cluster-name': clusterName, 'giantswarm.io/cluster': clusterName },
    },
    spec: { clusterName, replicas: s.replicas ?? 0 },
    status: { replicas: s.replicas, readyReplicas: s.ready, phase: s.phase },
  };
}

export function machinePool(name: string, namespace: string, clusterName: string, s: { replicas?: number; ready?: number; description?: string; min?: string; max?: string } = {}): KubeObject {
  const md = machineDeployment(name, namespace, clusterName, s);
  const annotations: Record<string, string> = { ...md.metadata.annotations };
  delete annotations['machine-deployment.giantswarm.io/name'];
  if (s.description) annotations['machine-pool.giantswarm.io/name'] = s.description;
  return { ...md, kind: 'MachinePool', metadata: { ...md.metadata, annotations, labels: { 'cluster.x-k8s.io/cluster-name': clusterName } } };
}

export function release(name: string, state: string | undefined, versions: Record<string, string> = {}): KubeObject {
  const components = ['kubernetes', 'flatcar'].filter((n) => versions[n]).map((n) => ({ name: n, version: versions[n] }));
  const apps = ['cilium', 'coredns', 'observability-bundle', 'security-bundle'].filter((n) => versions[n]).map((n) => ({ name: n, version: versions[n] }));
  return {
    apiVersion: 'release.giantswarm.io/v1alpha1',
    kind: 'Release',
    metadata: { name, creationTimestamp: '2026-10-24T12:00:00Z' },
    spec: { state, components, apps, date: '2026-10-24T12:00:00Z' },
  };
}

export function organization(name: string): KubeObject {
  return {
    apiVersion: 'security.giantswarm.io/v1alpha1',
    kind: 'Organization',
    metadata: { name, creationTimestamp: created },
    spec: {},
    status: { namespace: `org-${name}` },
  };
}

export function app(name: string, namespace: string, status?: { version: string; lastDeployed?: string; status: string; reason?: string }): KubeObject {
  return {
    apiVersion: 'application.giantswarm.io/v1alpha1',
    kind: 'App',
    metadata: { name, namespace, creationTimestamp: created },
    spec: { catalog: 'giantswarm', name, namespace: 'kube-system', version: status?.version ?? '1.0.0', kubeConfig: { inCluster: true } },
    status: status ? { version: status.version, appVersion: status.version, release: { lastDeployed: status.lastDeployed, status: status.status, reason: status.reason ?? '' } } : undefined,
  };
}

export function catalog(name: string, namespace: string, urls: string[], storageUrl?: string): KubeObject {
  return {
    apiVersion: 'application.giantswarm.io/v1alpha1',
    kind: 'Catalog',
    metadata: { name, namespace, creationTimestamp: created },
    spec: { title: name, description: `${name} catalog`, repositories: urls.map((url) => ({ type: 'helm', url })), storage: storageUrl ? { type: 'helm', URL: storageUrl } : undefined },
  };
}

export function catalogEntry(catalogName: string, appName: string, version: string, appVersion: string, description: string, latest = true): KubeObject {
  return {
    apiVersion: 'application.giantswarm.io/v1alpha1',
    kind: 'AppCatalogEntry',
    metadata: {
      name: `${catalogName}-${appName}-${version}`,
      namespace: 'default',
      creationTimestamp: created,
      labels: { 'application.giantswarm.io/catalog': catalogName, 'app.kubernetes.io/name': appName, latest: String(latest) },
    },
    spec: { appName, appVersion, version, catalog: { name: catalogName, namespace: 'default' }, chart: { description } },
  };
}

/** Runs `kubectl gs <args>` in-process against a fake cluster. */
export async function gs(kube: FakeKube, ...args: string[]): Promise<{ code: number; deps: FakeDeps; out: string; err: string }> {
  return gsWith(kube, {}, ...args);
}

/** The same with some deps replaced (e.g. a cacheDir shared between runs, or the time). */
export async function gsWith(kube: FakeKube, overrides: Partial<FakeDeps>, ...args: string[]): Promise<{ code: number; deps: FakeDeps; out: string; err: string }> {
  const contextNamespace = kube.namespace;
  const deps = fakeDeps({
    ...overrides,
    kube: async (global) => {
      kube.namespace = global.namespace ?? contextNamespace;
      return kube;
    },
  });
  const code = await runCli(args, deps);
  return { code, deps, out: deps.stdout.text(), err: deps.stderr.text() };
}
