// The API allow-list of a capa cluster, as the Go kubectl-gs builds it (cmd/template/cluster/provider/capa.go):
// once --control-plane-load-balancer-ingress-allow-cidr-block is given, the management cluster's NAT gateway
// IPs come first (each as /32, without repeats) so the management cluster can still manage the new cluster,
// then the given CIDRs in their order. An empty value adds nothing: `--...-cidr-block ""` alone means "only
// the management cluster's addresses".
import { UserError } from '../../errors';

export const allowListFlag = 'control-plane-load-balancer-ingress-allow-cidr-block';

/**
 * Where the addresses are in the management cluster's AWSCluster (infrastructure.cluster.x-k8s.io/v1beta2):
 * CAPA's AWSClusterStatus.Network has the JSON name networkStatus. The Go kubectl-gs read it there up to
 * v4.12.0 (typed Status.Network), and its error message still names this path; since v5.0.0 (commit
 * 3ccdcb3, unstructured objects) it reads status.network, which the CRD's schema does not have, so it finds
 * no addresses on a real cluster. This follows the field that exists.
 */
export const natGatewayIpsPath = '.status.networkStatus.natGatewaysIPs';

/** The NAT gateway IPs of a management cluster's AWSCluster as /32 CIDRs; Go's errors when there are none or one is not IPv4. */
export function natGatewayCidrs(awsCluster: { status?: unknown }): string[] {
  const ips = (awsCluster.status as { networkStatus?: { natGatewaysIPs?: unknown } } | undefined)?.networkStatus?.natGatewaysIPs;
  // Go reads the list with unstructured.NestedStringSlice: anything but a list of strings counts as missing.
  const list = Array.isArray(ips) && ips.every((ip) => typeof ip === 'string') ? (ips as string[]) : [];
  if (list.length === 0) {
    throw new UserError(
      `the management cluster's AWSCluster has no ${natGatewayIpsPath} yet, so the IP ranges to allow cannot be determined; wait until its NAT gateways are ready, or give their IPs as /32 CIDRs`,
    );
  }
  // node:net only here: rendering a template without a lookup never loads it.
  const { isIPv4 } = require('node:net') as typeof import('node:net');
  const cidrs: string[] = [];
  for (const ip of list) {
    if (!isIPv4(ip)) throw new UserError(`the management cluster's AWSCluster has an invalid IPv4 in ${natGatewayIpsPath}: "${ip}"`);
    const cidr = `${ip}/32`;
    if (!cidrs.includes(cidr)) cidrs.push(cidr);
  }
  return cidrs;
}

/** The chart's global.controlPlane.loadBalancerIngressAllowCidrBlocks: the NAT CIDRs, then the given ones ("" skipped). */
export function apiAllowList(natCidrs: string[], given: string[]): string[] {
  return [...natCidrs, ...given.filter((cidr) => cidr !== '')];
}
