// `template cluster --provider capa --control-plane-load-balancer-ingress-allow-cidr-block ...`: the NAT
// gateway IPs of the management cluster, from the object the Go kubectl-gs reads
// (cmd/template/cluster/provider/capa.go): the AWSCluster named after the management cluster in
// org-giantswarm, infrastructure.cluster.x-k8s.io/v1beta2 (the field: see natGatewayIpsPath). One GET
// through the kubeconfig's current context (or --kubeconfig/--context/--server), as Go's client does.
import type { Deps } from '../../cli/deps';
import type { GlobalOptions } from '../../cli/globalFlags';
import { UserError } from '../../errors';
import { getObject, KubeUnreachableError, resourcePath } from '../../kube';
import { natGatewayCidrs } from '../../template/cluster/allowList';

export const awsClusterType = { group: 'infrastructure.cluster.x-k8s.io', version: 'v1beta2', plural: 'awsclusters' } as const;

/** Giant Swarm keeps each management cluster's own Cluster API objects in this namespace. */
export const managementClusterNamespace = 'org-giantswarm';

/** The addresses as /32 CIDRs, or why no cluster could be asked (no kubeconfig, unreachable server). */
export type NatLookup = { cidrs: string[] } | { unreachable: string };

export async function lookUpNatGatewayCidrs(managementCluster: string, global: GlobalOptions, deps: Deps): Promise<NatLookup> {
  const path = resourcePath(awsClusterType, managementClusterNamespace, managementCluster);
  let awsCluster: { status?: unknown } | undefined;
  try {
    awsCluster = await getObject(await deps.kube(global), path);
  } catch (err) {
    if (err instanceof KubeUnreachableError) return { unreachable: err.message };
    // An answer that is an error (no such CRD, forbidden, bad credentials): Go stops here too.
    if (err instanceof UserError) throw new UserError(`cannot read the management cluster's AWSCluster: ${err.message}`);
    throw err;
  }
  if (!awsCluster) {
    throw new UserError(
      `the management cluster's AWSCluster "${managementCluster}" does not exist in namespace ${managementClusterNamespace}; check --management-cluster and that your context points at that management cluster`,
    );
  }
  return { cidrs: natGatewayCidrs(awsCluster) };
}
