// `kubectl gs template cluster`: the manifests that create a workload cluster (a values ConfigMap and
// the App installing the provider's cluster chart), rendered from flags. Offline, except that a capa API
// allow-list takes the management cluster's NAT gateway IPs from the cluster, as Go does.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { GlobalOptions } from '../../cli/globalFlags';
import type { ClusterFlags } from '../../template/cluster/flags';
import type { ClusterConfig } from '../../template/cluster/options';
import { defineFlags } from '../../cli/flagTable';
import { UserError } from '../../errors';

const common = 'Cluster flags:';
const pool = 'Node pool flags (capa, capz, eks):';
const aws = 'AWS flags (capa; region and role identity also eks):';
const azure = 'Azure flags (capz, aks):';
const vsphere = 'vSphere flags (vsphere):';
const vcd = 'Cloud Director flags (cloud-director):';
const oidc = 'OIDC flags:';
const compat = 'Accepted for compatibility, no effect (a warning says so):';

export const flags = defineFlags({
  provider: { type: 'string', group: common, describe: 'Infrastructure provider: capa, capz, eks, vsphere, cloud-director or aks. (required)' },
  name: { type: 'string', group: common, describe: 'Cluster name: lowercase letters, digits and -, starting with a letter, at most 20 characters. (required, or --generate-name)' },
  'generate-name': { type: 'boolean', group: common, describe: 'Generate a random cluster name (10 characters) instead of --name. We recommend choosing a name explicitly using --name.' },
  organization: { type: 'string', group: common, describe: 'Organization owning the cluster; manifests go to its namespace org-<organization>. (required)' },
  release: { type: 'string', group: common, describe: 'Workload cluster release version, e.g. 31.1.0 (required, except for eks). From 35.0.0 on the App installs the release-<provider> chart of that version.' },
  description: { type: 'string', group: common, describe: "User-friendly description of the cluster's purpose." },
  output: { type: 'string', group: common, describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
  label: { type: 'list', group: common, describe: 'Cluster label key=value; repeat or comma-separate for more.' },
  'service-priority': { type: 'string', group: common, describe: 'Service priority of the cluster: highest, medium or lowest (chart default: highest).' },
  'prevent-deletion': { type: 'boolean', group: common, describe: 'Label the manifests with giantswarm.io/prevent-deletion and set the chart\'s preventDeletion.' },
  region: { type: 'string', group: common, describe: 'Region (capa, eks: e.g. eu-west-1) or Azure location (capz, aks: required).' },
  'control-plane-instance-type': { type: 'string', group: common, describe: 'Instance type of the control plane nodes (capa, capz).' },
  'control-plane-az': { type: 'list', group: common, describe: 'Availability zones of the control plane; also the node pool\'s when --machine-pool-azs is not given (capa, eks).' },
  'pods-cidr': { type: 'string', group: common, describe: 'CIDR of the pod network (capa).' },
  'base-domain': { type: 'string', group: common, describe: 'Base domain of the cluster (vsphere, cloud-director); by default the management cluster provides it.' },
  'cluster-catalog': { type: 'string', group: common, describe: 'Catalog of the cluster chart. (default "cluster")' },
  'cluster-version': { type: 'string', group: common, describe: 'Version of the cluster chart (eks, vsphere, cloud-director); needed unless --release is 35.0.0 or newer. The Go kubectl-gs looks the latest up on the management cluster; this command does not look it up.' },
  'default-apps-catalog': { type: 'string', group: common, describe: 'Catalog of default-apps-vsphere, for cluster-vsphere before 0.61.0. (default "cluster")' },
  'default-apps-version': { type: 'string', group: common, describe: 'Version of default-apps-vsphere; required with cluster-vsphere before 0.61.0.' },
  'management-cluster': {
    type: 'string', group: common,
    describe: 'Name of the management cluster: capa, with --control-plane-load-balancer-ingress-allow-cidr-block, reads its NAT gateway IPs from the cluster; aks writes it to the chart\'s global.managementCluster.',
  },

  'machine-pool-name': { type: 'string', group: pool, describe: 'Node pool name, 5-20 characters. (default "nodepool0")' },
  'machine-pool-instance-type': { type: 'string', group: pool, describe: 'Node pool instance type. (default "m5.xlarge" on AWS)' },
  'machine-pool-min-size': { type: 'number', group: pool, describe: 'Minimum number of nodes. (default 3)' },
  'machine-pool-max-size': { type: 'number', group: pool, describe: 'Maximum number of nodes. (default 10)' },
  'machine-pool-root-volume-size-gb': { type: 'number', group: pool, describe: 'Root volume size in GB (default: the chart\'s).' },
  'machine-pool-azs': { type: 'list', group: pool, describe: 'Availability zones of the node pool (capa, eks).' },
  'machine-pool-custom-node-labels': { type: 'list', group: pool, describe: 'Node labels key=value for the pool\'s nodes.' },

  'aws-cluster-role-identity-name': { type: 'string', group: aws, describe: 'Name of the AWSClusterRoleIdentity used to create the cluster (chart default: "default").' },
  'az-usage-limit': { type: 'number', group: aws, describe: 'Number of availability zones the VPC uses. (default 3)' },
  'vpc-cidr': { type: 'string', group: aws, describe: 'CIDR of the VPC; subnets for each zone are derived from it.' },
  'public-subnet-size': { type: 'number', group: aws, describe: 'Prefix length of the public subnets. (default 20)' },
  'private-subnet-size': { type: 'number', group: aws, describe: 'Prefix length of the private subnets. (default 18)' },
  'cluster-type': { type: 'string', group: aws, describe: 'public or proxy-private. (default "public")' },
  'https-proxy': { type: 'string', group: aws, describe: 'HTTPS_PROXY for the cluster (required for proxy-private).' },
  'http-proxy': { type: 'string', group: aws, describe: 'HTTP_PROXY for the cluster (default: --https-proxy).' },
  'no-proxy': { type: 'string', group: aws, describe: 'NO_PROXY for the cluster.' },
  'api-mode': { type: 'string', group: aws, describe: 'API mode of a proxy-private cluster: public or private. (default "private")' },
  'vpc-mode': { type: 'string', group: aws, describe: 'VPC mode of a proxy-private cluster: public or private. (default "private")' },
  'topology-mode': { type: 'string', group: aws, describe: 'Network topology of a proxy-private cluster: UserManaged, GiantSwarmManaged or None. (default "GiantSwarmManaged")' },
  'aws-prefix-list-id': { type: 'string', group: aws, describe: 'Prefix list ID (pl-...) for a proxy-private cluster.' },
  'aws-transit-gateway-id': { type: 'string', group: aws, describe: 'Transit gateway ID (tgw-...) for a proxy-private cluster.' },
  'control-plane-load-balancer-ingress-allow-cidr-block': {
    type: 'array', group: aws,
    describe: 'IPv4 CIDR allowed to reach the API load balancer; repeat for more. Needs --management-cluster: the NAT gateway IPs of its AWSCluster (in org-giantswarm, read through your current context) come first, so it can still manage the cluster. "" alone allows only those. Without a reachable cluster they are left out, with a warning.',
  },

  'azure-subscription-id': { type: 'string', group: azure, describe: 'Azure subscription ID. (required for capz and aks)' },
  'azure-cluster-identity-name': { type: 'string', group: azure, describe: 'Name of the AzureClusterIdentity to use (default: the chart\'s).' },
  'azure-cluster-identity-namespace': { type: 'string', group: azure, describe: 'Namespace of the AzureClusterIdentity (default: the chart\'s).' },

  'vsphere-network-name': { type: 'string', group: vsphere, describe: 'vCenter network of the new VMs. (required for vsphere)' },
  'vsphere-control-plane-ip': { type: 'string', group: vsphere, describe: 'Control plane IP; leave out for automatic allocation.' },
  'vsphere-service-load-balancer-cidr': { type: 'string', group: vsphere, describe: 'CIDR for Service load balancers.' },
  'vsphere-service-lb-pool': { type: 'string', group: vsphere, describe: 'GlobalInClusterIpPool for Service load balancer IPs. (default "svc-lb-ips")' },
  'vsphere-control-plane-ip-pool': { type: 'string', group: vsphere, describe: 'GlobalInClusterIpPool for the control plane IP. (default "wc-cp-ips")' },
  'vsphere-control-plane-disk-gib': { type: 'number', group: vsphere, describe: 'Control plane node disk in GiB. (default 50)' },
  'vsphere-control-plane-memory-mib': { type: 'number', group: vsphere, describe: 'Control plane node memory in MiB, at least 8192. (default 8192)' },
  'vsphere-control-plane-num-cpus': { type: 'number', group: vsphere, describe: 'Control plane node CPUs, at least 2. (default 4)' },
  'vsphere-control-plane-replicas': { type: 'number', group: vsphere, describe: 'Control plane nodes (use an odd number). (default 3)' },
  'vsphere-worker-disk-gib': { type: 'number', group: vsphere, describe: 'Worker node disk in GiB. (default 50)' },
  'vsphere-worker-memory-mib': { type: 'number', group: vsphere, describe: 'Worker node memory in MiB, at least 8192. (default 14144)' },
  'vsphere-worker-num-cpus': { type: 'number', group: vsphere, describe: 'Worker node CPUs, at least 2. (default 6)' },
  'vsphere-worker-replicas': { type: 'number', group: vsphere, describe: 'Worker nodes. (default 3)' },
  'vsphere-resource-pool': { type: 'string', group: vsphere, describe: 'vSphere resource pool. (default "*/Resources")' },
  'vsphere-credentials-secret-name': { type: 'string', group: vsphere, describe: "Secret in the organization's namespace with the vSphere credentials. (default \"vsphere-credentials\")" },

  'cloud-director-vip-subnet': { type: 'string', group: vcd, describe: 'VIP subnet of the load balancers, e.g. 10.205.9.254/24. (required)' },
  'cloud-director-org': { type: 'string', group: vcd, describe: 'Organization name in Cloud Director. (required)' },
  'cloud-director-ovdc': { type: 'string', group: vcd, describe: 'Organization VDC name. (required)' },
  'cloud-director-ovdc-network': { type: 'string', group: vcd, describe: 'Organization VDC network name. (required)' },
  'cloud-director-site': { type: 'string', group: vcd, describe: 'Cloud Director site URL. (required)' },
  'cloud-director-control-plane-replicas': { type: 'number', group: vcd, describe: 'Control plane nodes (use an odd number). (default 3)' },
  'cloud-director-control-plane-disk-size-gb': { type: 'number', group: vcd, describe: 'Control plane node disk in GB. (default 30)' },
  'cloud-director-control-plane-sizing-policy': { type: 'string', group: vcd, describe: 'Control plane sizing policy. (default "m1.medium")' },
  'cloud-director-worker-replicas': { type: 'number', group: vcd, describe: 'Worker nodes, at least 2. (default 3)' },
  'cloud-director-worker-disk-size-gb': { type: 'number', group: vcd, describe: 'Worker node disk in GB. (default 30)' },
  'cloud-director-worker-sizing-policy': { type: 'string', group: vcd, describe: 'Worker sizing policy. (default "m1.medium")' },
  'cloud-director-credentials-secret-name': { type: 'string', group: vcd, describe: "Secret in the organization's namespace with the Cloud Director credentials. (default \"vcd-credentials\")" },
  'cloud-director-https-proxy': { type: 'string', group: vcd, describe: 'HTTPS_PROXY for the cluster (with the other two proxy flags).' },
  'cloud-director-http-proxy': { type: 'string', group: vcd, describe: 'HTTP_PROXY for the cluster.' },
  'cloud-director-no-proxy': { type: 'string', group: vcd, describe: 'NO_PROXY for the cluster.' },

  'oidc-issuer-url': { type: 'string', group: oidc, describe: 'OIDC issuer URL (https) for the API server.' },
  'oidc-client-id': { type: 'string', group: oidc, describe: 'OIDC client ID (required with --oidc-issuer-url).' },
  'oidc-username-claim': { type: 'string', group: oidc, describe: 'OIDC username claim. (default "email")' },
  'oidc-groups-claim': { type: 'string', group: oidc, describe: 'OIDC groups claim. (default "groups")' },
  'oidc-ca-file': { type: 'string', group: oidc, describe: 'PEM file of the CA that signed the issuer\'s certificate (not eks).' },

  // The Go kubectl-gs registers these but no provider reads them (see ignoredFlagWarnings).
  'kubernetes-version': { type: 'string', group: compat, describe: 'No effect: the release (--release) sets the Kubernetes version.' },
  template: { type: 'string', group: compat, describe: 'No effect: the manifests are always printed as YAML.' },
  'allow-missing-template-keys': { type: 'boolean', group: compat, describe: 'No effect: the manifests are always printed as YAML.' },
  'show-managed-fields': { type: 'boolean', group: compat, describe: 'No effect: the manifests are always printed as YAML.' },
});

export interface TemplateClusterOptions extends ClusterFlags {
  global: GlobalOptions;
}

/**
 * The Go kubectl-gs registers --kubernetes-version (default v1.20.9) and the print flags of
 * genericclioptions.NewPrintFlags (--template, --allow-missing-template-keys, --show-managed-fields; its -o
 * is dropped for the file flag --output) on `template cluster`, but none of its providers reads them
 * (cmd/template/cluster/runner.go copies KubernetesVersion into the config; no provider template uses it,
 * and the print flags are never read). Scripts written for Go pass them, so they are accepted here too,
 * and a warning says each one changes nothing and what does decide instead.
 */
export function ignoredFlagWarnings(given: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  if (given.has('kubernetes-version')) {
    lines.push('Warning: --kubernetes-version has no effect: the Kubernetes version comes with the release (--release) or, without one, the cluster chart\'s version\n');
  }
  const print = ['template', 'allow-missing-template-keys', 'show-managed-fields'].filter((flag) => given.has(flag));
  if (print.length > 0) {
    lines.push(`Warning: ${print.map((flag) => `--${flag}`).join(', ')} ${print.length === 1 ? 'has' : 'have'} no effect: template cluster always prints its manifests as YAML (--output names a file)\n`);
  }
  return lines;
}

/** capa with an allow-list: the management cluster's NAT gateway IPs, or a warning (or error) when no cluster answers. */
async function addNatGateways(config: ClusterConfig, global: GlobalOptions, deps: Deps): Promise<void> {
  const { lookUpNatGatewayCidrs } = await import('./managementClusterNat');
  const mc = config.f.managementCluster!;
  const lookup = await lookUpNatGatewayCidrs(mc, global, deps);
  if ('cidrs' in lookup) {
    config.natGatewayCidrs = lookup.cidrs;
    return;
  }
  const flag = '--control-plane-load-balancer-ingress-allow-cidr-block';
  if (config.f.controlPlaneLoadBalancerIngressAllowCidrBlock.every((cidr) => cidr === '')) {
    // Only "": the list would be empty, which opens the API to everyone instead of the management cluster only.
    throw new UserError(`${flag} "" allows only the NAT gateway IPs of management cluster "${mc}", and no cluster could be asked for them: ${lookup.unreachable}; give them as /32 CIDRs instead`);
  }
  deps.stderr.write(`Warning: the NAT gateway IPs of management cluster "${mc}" were not added to the API allow-list, no cluster could be asked for them: ${lookup.unreachable}; add them with ${flag} IP/32, or the management cluster cannot reach the new cluster's API\n`);
}

export async function run(options: TemplateClusterOptions, deps: Deps): Promise<number> {
  for (const line of ignoredFlagWarnings(options.given)) deps.stderr.write(line);
  const [{ Problems }, { resolveCluster }, { renderCluster }, { yamlDocuments }, out] = await Promise.all([
    import('../../template/validate'),
    import('../../template/cluster/options'),
    import('../../template/cluster/render'),
    import('../../template/yaml'),
    import('../../template/output'),
  ]);
  const problems = new Problems();
  const config = resolveCluster(options, problems);
  if (!config) return out.reportProblems(problems.list, deps);
  if (config.provider === 'capa' && config.f.controlPlaneLoadBalancerIngressAllowCidrBlock.length > 0) await addNatGateways(config, options.global, deps);
  const rendered = renderCluster(config);
  if (rendered.schemaProblems.length > 0) {
    // A flag combination our checks let through but the chart would reject: say where.
    return out.reportProblems(rendered.schemaProblems.map((p) => `the ${config.chart} chart would reject the values: ${p}`), deps);
  }
  return out.emit(yamlDocuments(rendered.manifests), config.f.output, deps);
}

export const definition = defineCommand({
  name: 'cluster',
  describe: 'Template a workload cluster: a values ConfigMap and the App that installs the cluster chart. Works offline (capa\'s API allow-list asks the management cluster for its NAT gateway IPs).',
  examples: [
    ['$0 template cluster --provider capa --name mycluster --organization acme --release 31.1.0 --region eu-west-1', 'AWS cluster to stdout'],
    ['$0 template cluster --provider capa --name mycluster --organization acme --release 31.1.0 --output mycluster.yaml', 'Write to a file for editing and committing'],
    ['$0 template cluster --provider capz --name mycluster --organization acme --release 31.1.0 --region westeurope --azure-subscription-id <uuid>', 'Azure cluster'],
  ],
  // (--no-proxy is a flag of its own, so --no-x negation is off for this command: see negationAllowed.)
  flags,
  options: (values, ctx): TemplateClusterOptions => ({ ...values, given: ctx.given, global: ctx.global }),

  run,
});
