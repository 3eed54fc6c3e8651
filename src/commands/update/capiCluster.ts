// A Cluster API Cluster by name, at the version of cluster.x-k8s.io the server prefers (the Go kubectl-gs
// asks for v1beta2; servers of older Cluster API releases serve only v1beta1). The version comes from the
// discovery cache `get` keeps, so a repeated command sends no discovery request.
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { KubeClient, KubeObject } from '../../kube';

const capiGroup = 'cluster.x-k8s.io';

/** The Cluster at the version the server prefers (Go asks for v1beta2; older servers serve only v1beta1). */
export async function getCapiCluster(client: KubeClient, deps: Deps, namespace: string, name: string): Promise<{ obj: KubeObject; path: string } | undefined> {
  const { preferredVersionCached, forgetPreferredVersion } = await import('../get/discoveryCache');
  const { getObject, resourcePath } = await import('../../kube');
  for (let attempt = 0; attempt < 2; attempt++) {
    const { version, cached } = await preferredVersionCached(client, deps, capiGroup);
    if (!version) {
      throw new UserError("the server does not serve clusters.cluster.x-k8s.io (is the Cluster API installed?): make sure your context points at a Giant Swarm management cluster ('kubectl config use-context NAME')");
    }
    const path = resourcePath({ group: capiGroup, version, plural: 'clusters' }, namespace, name);
    try {
      const obj = await getObject(client, path);
      return obj ? { obj, path } : undefined;
    } catch (err) {
      // A cached version the server stopped serving: ask the server once more.
      if (!cached || (err as { code?: unknown }).code !== 404) throw err;
      forgetPreferredVersion(client, deps, capiGroup);
    }
  }
  return undefined;
}

