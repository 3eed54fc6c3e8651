// The Giant Swarm and Cluster API labels and annotations `get` reads (github.com/giantswarm/k8smetadata,
// as the Go kubectl-gs uses them).
export const label = {
  releaseVersion: 'release.giantswarm.io/version',
  organization: 'giantswarm.io/organization',
  servicePriority: 'giantswarm.io/service-priority',
  cluster: 'giantswarm.io/cluster',
  capiClusterName: 'cluster.x-k8s.io/cluster-name',
  catalog: 'application.giantswarm.io/catalog',
} as const;

export const annotation = {
  clusterDescription: 'cluster.giantswarm.io/description',
  machineDeploymentName: 'machine-deployment.giantswarm.io/name',
  machinePoolName: 'machine-pool.giantswarm.io/name',
  // The cluster-autoscaler's bounds for a node group (Cluster API convention).
  autoscalerMinSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size',
  autoscalerMaxSize: 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size',
} as const;

/** What the Go kubectl-gs shows for a value that is not set. */
export const naValue = 'n/a';

/** Reads a nested field of an unstructured object: field(obj, 'status', 'phase'). */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A string field, or '' (as Go's unstructured.NestedString gives). */
export function str(obj: unknown, ...path: string[]): string {
  const v = field(obj, ...path);
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** An integer field, or 0 (as Go's unstructured.NestedInt64 gives). */
export function int(obj: unknown, ...path: string[]): number {
  const v = field(obj, ...path);
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}
