// Finding the workload cluster on the management cluster, as the Go kubectl-gs does (cmd/login/wc.go
// getCluster, clientcert.go findCluster): with --organization in org-<name> first and then in the namespace
// the Organization's status names; without it in every organization's namespace; "default" too with
// --insecure-namespace. The Cluster is Cluster API's (cluster.x-k8s.io/v1beta2), as Go reads it.
import { UserError } from '../errors';
import type { KubeClient, KubeList, KubeObject } from '../kube/client';
import { KubeApiError } from '../kube/errors';

export interface WcCluster extends KubeObject {
  spec?: {
    controlPlaneEndpoint?: { host?: string; port?: number };
    infrastructureRef?: { kind?: string };
  };
}

interface Organization extends KubeObject {
  status?: { namespace?: string };
}

export interface FindClusterOptions {
  clusterName: string;
  organization?: string;
  insecureNamespace: boolean;
}

const organizationsPath = '/apis/security.giantswarm.io/v1alpha1/organizations';

/** Not found in one namespace: the caller may look elsewhere. */
class ClusterNotFound extends UserError {}

function clusterPath(namespace: string, name: string): string {
  return `/apis/cluster.x-k8s.io/v1beta2/namespaces/${encodeURIComponent(namespace)}/clusters/${encodeURIComponent(name)}`;
}

async function fetchCluster(mc: KubeClient, namespace: string, name: string): Promise<WcCluster> {
  try {
    return await mc.get<WcCluster>(clusterPath(namespace, name));
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) throw new ClusterNotFound(`The workload cluster ${name} could not be found.`);
    if (err instanceof KubeApiError && err.code === 403) {
      throw new ForbiddenNamespace(`You don't have the required permissions to get clusters in the ${namespace} namespace.`);
    }
    throw err;
  }
}

class ForbiddenNamespace extends UserError {}

/** Go's findCluster: one namespace answers directly; several are searched together, missing and forbidden ones skipped. */
async function findCluster(mc: KubeClient, name: string, namespaces: string[]): Promise<WcCluster> {
  if (namespaces.length === 1) return fetchCluster(mc, namespaces[0]!, name);
  const results = await Promise.allSettled(namespaces.map((ns) => fetchCluster(mc, ns, name)));
  const failure = results.find((r) => r.status === 'rejected' && !(r.reason instanceof ClusterNotFound || r.reason instanceof ForbiddenNamespace));
  if (failure) throw (failure as PromiseRejectedResult).reason;
  const found = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new ClusterNotFound(
      `The workload cluster ${name} could not be found. Make sure you have access to the cluster's organization namespace. You can try the --insecure-namespace flag to search for legacy clusters that may reside outside the organization namespace. This might fail for non-admin users.`,
    );
  }
  const listed = found.map((c, i) => `${i + 1}. ${name} in organization ${c.metadata.labels?.['giantswarm.io/organization'] || 'n/a'}`);
  throw new UserError(`There are multiple workload clusters with the name ${name}: ${listed.join(', ')}. Use the --organization flag to select one from a specific organization.`);
}

async function organizationNamespace(mc: KubeClient, name: string): Promise<string> {
  let org: Organization;
  try {
    org = await mc.get<Organization>(`${organizationsPath}/${encodeURIComponent(name)}`);
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) throw new UserError(`The organization ${name} could not be found.`);
    throw err;
  }
  const namespace = org.status?.namespace ?? '';
  if (!namespace) throw new UserError(`Could not find the namespace for organization ${name}.`);
  return namespace;
}

async function allOrganizationNamespaces(mc: KubeClient): Promise<string[]> {
  const list = await mc.get<KubeList<Organization>>(organizationsPath);
  if (list.items.length === 0) throw new UserError('Could not find any organizations.');
  return list.items.map((o) => o.status?.namespace ?? '').filter((ns) => ns.length > 0);
}

export async function findWorkloadCluster(mc: KubeClient, o: FindClusterOptions): Promise<WcCluster> {
  const withDefault = (namespaces: string[]) => (o.insecureNamespace ? [...namespaces, 'default'] : namespaces);
  if (!o.organization) return findCluster(mc, o.clusterName, withDefault(await allOrganizationNamespaces(mc)));

  // The conventional namespace first: no cluster-scoped read of the Organization needed.
  const assumed = `org-${o.organization}`;
  try {
    return await findCluster(mc, o.clusterName, withDefault([assumed]));
  } catch (err) {
    if (!(err instanceof ClusterNotFound)) throw err;
  }
  const namespace = await organizationNamespace(mc, o.organization);
  if (namespace === assumed) throw new UserError(`The workload cluster ${o.clusterName} could not be found.`);
  return findCluster(mc, o.clusterName, withDefault([namespace]));
}

const newClusterMaxAgeMs = 30 * 60 * 1000;

/** Go's controlPlaneEndpoint: host and port of the cluster's API, or the message Go prints when there is none. */
export function controlPlaneEndpoint(cluster: WcCluster, now: Date = new Date()): { host: string; port: number } {
  const host = cluster.spec?.controlPlaneEndpoint?.host ?? '';
  const port = cluster.spec?.controlPlaneEndpoint?.port ?? 0;
  if (host && port) return { host, port };
  const name = cluster.metadata.name;
  const created = Date.parse(cluster.metadata.creationTimestamp ?? '');
  if (created < now.getTime() - newClusterMaxAgeMs) {
    throw new UserError(
      `Could not create a context for workload cluster ${name}, as the cluster's API server endpoint is not known. Since the cluster has been created a while ago, this appears to be a problem with cluster creation. Please contact Giant Swarm's support.`,
    );
  }
  throw new UserError(
    `Could not create a context for workload cluster ${name}, as the cluster's API server endpoint is not known yet. If the cluster has been created recently, please wait for a few minutes and try again.`,
  );
}

/** Go's isEKS: the cluster's infrastructure is an AWSManagedCluster. */
export function isEks(cluster: WcCluster): boolean {
  return cluster.spec?.infrastructureRef?.kind === 'AWSManagedCluster';
}

/** internal/key PureCAPIProviders: providers whose workload clusters get certificates from the cluster CA. */
export const pureCapiProviders = ['aks', 'capa', 'capz', 'eks', 'vsphere', 'cloud-director'];

/**
 * Go's getWCBasePath: the installation's base domain from the management cluster context's API server URL
 * (https://api.<codename>.<base>:443 -> <base> for Cluster API installations; g8s.<base> -> <base> otherwise).
 */
export function wcBasePath(mcServer: string, mcContextName: string, provider: string): string {
  let host = mcServer.replace(/:[0-9]+$/, '');
  host = host.replace(/^https:\/\//, '').replace(/^internal-/, '').replace(/^api\./, '');
  if (pureCapiProviders.includes(provider)) {
    const m = /^gs-([a-z0-9]+)$/.exec(mcContextName);
    if (!m) throw new UserError(`Can not parse MC codename from context ${mcContextName}. Valid MC context schema is \`gs-$CODENAME\`.`);
    if (host.startsWith(`${m[1]}.`)) host = host.slice(m[1]!.length + 1);
  }
  return host.replace(/^g8s\./, '');
}
