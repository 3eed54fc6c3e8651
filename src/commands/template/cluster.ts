// `kubectl gs template cluster`: the manifests that create a workload cluster (a values ConfigMap and
// the App installing the provider's cluster chart), rendered offline from flags.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { ClusterFlags } from '../../template/cluster/flags';
import { addFlags, readFlags, type FlagSpec } from './flagTable';

const common = 'Cluster flags:';
const pool = 'Node pool flags (capa, capz, eks):';
const aws = 'AWS flags (capa; region and role identity also eks):';
const azure = 'Azure flags (capz):';
const vsphere = 'vSphere flags (vsphere):';
const vcd = 'Cloud Director flags (cloud-director):';
const oidc = 'OIDC flags:';

export const clusterFlagSpecs: FlagSpec[] = [
  { name: 'provider', kind: 'string', group: common, describe: 'Infrastructure provider: capa, capz, eks, vsphere or cloud-director. (required)' },
  { name: 'name', kind: 'string', group: common, describe: 'Cluster name: lowercase letters, digits and -, starting with a letter, at most 20 characters. (required)' },
  { name: 'organization', kind: 'string', group: common, describe: 'Organization owning the cluster; manifests go to its namespace org-<organization>. (required)' },
  { name: 'release', kind: 'string', group: common, describe: 'Workload cluster release version, e.g. 31.1.0 (required, except for eks). From 35.0.0 on the App installs the release-<provider> chart of that version.' },
  { name: 'description', kind: 'string', group: common, describe: "User-friendly description of the cluster's purpose." },
  { name: 'output', kind: 'string', group: common, describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
  { name: 'label', kind: 'list', group: common, describe: 'Cluster label key=value; repeat or comma-separate for more.' },
  { name: 'service-priority', kind: 'string', group: common, describe: 'Service priority of the cluster: highest, medium or lowest (chart default: highest).' },
  { name: 'prevent-deletion', kind: 'boolean', group: common, describe: 'Label the manifests with giantswarm.io/prevent-deletion and set the chart\'s preventDeletion.' },
  { name: 'region', kind: 'string', group: common, describe: 'Region (capa, eks: e.g. eu-west-1) or Azure location (capz, required).' },
  { name: 'control-plane-instance-type', kind: 'string', group: common, describe: 'Instance type of the control plane nodes (capa, capz).' },
  { name: 'control-plane-az', kind: 'list', group: common, describe: 'Availability zones of the control plane; also the node pool\'s when --machine-pool-azs is not given (capa, eks).' },
  { name: 'pods-cidr', kind: 'string', group: common, describe: 'CIDR of the pod network (capa).' },
  { name: 'base-domain', kind: 'string', group: common, describe: 'Base domain of the cluster (vsphere, cloud-director); by default the management cluster provides it.' },
  { name: 'cluster-catalog', kind: 'string', group: common, describe: 'Catalog of the cluster chart. (default "cluster")' },
  { name: 'cluster-version', kind: 'string', group: common, describe: 'Version of the cluster chart (eks, vsphere, cloud-director); needed unless --release is 35.0.0 or newer. The Go kubectl-gs looks the latest up on the management cluster; this command never contacts a cluster.' },
  { name: 'default-apps-catalog', kind: 'string', group: common, describe: 'Catalog of default-apps-vsphere, for cluster-vsphere before 0.61.0. (default "cluster")' },
  { name: 'default-apps-version', kind: 'string', group: common, describe: 'Version of default-apps-vsphere; required with cluster-vsphere before 0.61.0.' },

  { name: 'machine-pool-name', kind: 'string', group: pool, describe: 'Node pool name, 5-20 characters. (default "nodepool0")' },
  { name: 'machine-pool-instance-type', kind: 'string', group: pool, describe: 'Node pool instance type. (default "m5.xlarge" on AWS)' },
  { name: 'machine-pool-min-size', kind: 'number', group: pool, describe: 'Minimum number of nodes. (default 3)' },
  { name: 'machine-pool-max-size', kind: 'number', group: pool, describe: 'Maximum number of nodes. (default 10)' },
  { name: 'machine-pool-root-volume-size-gb', kind: 'number', group: pool, describe: 'Root volume size in GB (default: the chart\'s).' },
  { name: 'machine-pool-azs', kind: 'list', group: pool, describe: 'Availability zones of the node pool (capa, eks).' },
  { name: 'machine-pool-custom-node-labels', kind: 'list', group: pool, describe: 'Node labels key=value for the pool\'s nodes.' },

  { name: 'aws-cluster-role-identity-name', kind: 'string', group: aws, describe: 'Name of the AWSClusterRoleIdentity used to create the cluster (chart default: "default").' },
  { name: 'az-usage-limit', kind: 'number', group: aws, describe: 'Number of availability zones the VPC uses. (default 3)' },
  { name: 'vpc-cidr', kind: 'string', group: aws, describe: 'CIDR of the VPC; subnets for each zone are derived from it.' },
  { name: 'public-subnet-size', kind: 'number', group: aws, describe: 'Prefix length of the public subnets. (default 20)' },
  { name: 'private-subnet-size', kind: 'number', group: aws, describe: 'Prefix length of the private subnets. (default 18)' },
  { name: 'cluster-type', kind: 'string', group: aws, describe: 'public or proxy-private. (default "public")' },
  { name: 'https-proxy', kind: 'string', group: aws, describe: 'HTTPS_PROXY for the cluster (required for proxy-private).' },
  { name: 'http-proxy', kind: 'string', group: aws, describe: 'HTTP_PROXY for the cluster (default: --https-proxy).' },
  { name: 'no-proxy', kind: 'string', group: aws, describe: 'NO_PROXY for the cluster.' },
  { name: 'api-mode', kind: 'string', group: aws, describe: 'API mode of a proxy-private cluster: public or private. (default "private")' },
  { name: 'vpc-mode', kind: 'string', group: aws, describe: 'VPC mode of a proxy-private cluster: public or private. (default "private")' },
  { name: 'topology-mode', kind: 'string', group: aws, describe: 'Network topology of a proxy-private cluster: UserManaged, GiantSwarmManaged or None. (default "GiantSwarmManaged")' },
  { name: 'aws-prefix-list-id', kind: 'string', group: aws, describe: 'Prefix list ID (pl-...) for a proxy-private cluster.' },
  { name: 'aws-transit-gateway-id', kind: 'string', group: aws, describe: 'Transit gateway ID (tgw-...) for a proxy-private cluster.' },
  { name: 'control-plane-load-balancer-ingress-allow-cidr-block', kind: 'array', group: aws, describe: 'CIDR allowed to reach the API load balancer; repeat for more. Unlike the Go kubectl-gs, the management cluster\'s NAT gateway IPs are not looked up: add them too.' },

  { name: 'azure-subscription-id', kind: 'string', group: azure, describe: 'Azure subscription ID. (required for capz)' },
  { name: 'azure-cluster-identity-name', kind: 'string', group: azure, describe: 'Name of the AzureClusterIdentity to use (default: the chart\'s).' },
  { name: 'azure-cluster-identity-namespace', kind: 'string', group: azure, describe: 'Namespace of the AzureClusterIdentity (default: the chart\'s).' },

  { name: 'vsphere-network-name', kind: 'string', group: vsphere, describe: 'vCenter network of the new VMs. (required for vsphere)' },
  { name: 'vsphere-control-plane-ip', kind: 'string', group: vsphere, describe: 'Control plane IP; leave out for automatic allocation.' },
  { name: 'vsphere-service-load-balancer-cidr', kind: 'string', group: vsphere, describe: 'CIDR for Service load balancers.' },
  { name: 'vsphere-service-lb-pool', kind: 'string', group: vsphere, describe: 'GlobalInClusterIpPool for Service load balancer IPs. (default "svc-lb-ips")' },
  { name: 'vsphere-control-plane-ip-pool', kind: 'string', group: vsphere, describe: 'GlobalInClusterIpPool for the control plane IP. (default "wc-cp-ips")' },
  { name: 'vsphere-control-plane-disk-gib', kind: 'number', group: vsphere, describe: 'Control plane node disk in GiB. (default 50)' },
  { name: 'vsphere-control-plane-memory-mib', kind: 'number', group: vsphere, describe: 'Control plane node memory in MiB, at least 8192. (default 8192)' },
  { name: 'vsphere-control-plane-num-cpus', kind: 'number', group: vsphere, describe: 'Control plane node CPUs, at least 2. (default 4)' },
  { name: 'vsphere-control-plane-replicas', kind: 'number', group: vsphere, describe: 'Control plane nodes (use an odd number). (default 3)' },
  { name: 'vsphere-worker-disk-gib', kind: 'number', group: vsphere, describe: 'Worker node disk in GiB. (default 50)' },
  { name: 'vsphere-worker-memory-mib', kind: 'number', group: vsphere, describe: 'Worker node memory in MiB, at least 8192. (default 14144)' },
  { name: 'vsphere-worker-num-cpus', kind: 'number', group: vsphere, describe: 'Worker node CPUs, at least 2. (default 6)' },
  { name: 'vsphere-worker-replicas', kind: 'number', group: vsphere, describe: 'Worker nodes. (default 3)' },
  { name: 'vsphere-resource-pool', kind: 'string', group: vsphere, describe: 'vSphere resource pool. (default "*/Resources")' },
  { name: 'vsphere-credentials-secret-name', kind: 'string', group: vsphere, describe: "Secret in the organization's namespace with the vSphere credentials. (default \"vsphere-credentials\")" },

  { name: 'cloud-director-vip-subnet', kind: 'string', group: vcd, describe: 'VIP subnet of the load balancers, e.g. 10.205.9.254/24. (required)' },
  { name: 'cloud-director-org', kind: 'string', group: vcd, describe: 'Organization name in Cloud Director. (required)' },
  { name: 'cloud-director-ovdc', kind: 'string', group: vcd, describe: 'Organization VDC name. (required)' },
  { name: 'cloud-director-ovdc-network', kind: 'string', group: vcd, describe: 'Organization VDC network name. (required)' },
  { name: 'cloud-director-site', kind: 'string', group: vcd, describe: 'Cloud Director site URL. (required)' },
  { name: 'cloud-director-control-plane-replicas', kind: 'number', group: vcd, describe: 'Control plane nodes (use an odd number). (default 3)' },
  { name: 'cloud-director-control-plane-disk-size-gb', kind: 'number', group: vcd, describe: 'Control plane node disk in GB. (default 30)' },
  { name: 'cloud-director-control-plane-sizing-policy', kind: 'string', group: vcd, describe: 'Control plane sizing policy. (default "m1.medium")' },
  { name: 'cloud-director-worker-replicas', kind: 'number', group: vcd, describe: 'Worker nodes, at least 2. (default 3)' },
  { name: 'cloud-director-worker-disk-size-gb', kind: 'number', group: vcd, describe: 'Worker node disk in GB. (default 30)' },
  { name: 'cloud-director-worker-sizing-policy', kind: 'string', group: vcd, describe: 'Worker sizing policy. (default "m1.medium")' },
  { name: 'cloud-director-credentials-secret-name', kind: 'string', group: vcd, describe: "Secret in the organization's namespace with the Cloud Director credentials. (default \"vcd-credentials\")" },
  { name: 'cloud-director-https-proxy', kind: 'string', group: vcd, describe: 'HTTPS_PROXY for the cluster (with the other two proxy flags).' },
  { name: 'cloud-director-http-proxy', kind: 'string', group: vcd, describe: 'HTTP_PROXY for the cluster.' },
  { name: 'cloud-director-no-proxy', kind: 'string', group: vcd, describe: 'NO_PROXY for the cluster.' },

  { name: 'oidc-issuer-url', kind: 'string', group: oidc, describe: 'OIDC issuer URL (https) for the API server.' },
  { name: 'oidc-client-id', kind: 'string', group: oidc, describe: 'OIDC client ID (required with --oidc-issuer-url).' },
  { name: 'oidc-username-claim', kind: 'string', group: oidc, describe: 'OIDC username claim. (default "email")' },
  { name: 'oidc-groups-claim', kind: 'string', group: oidc, describe: 'OIDC groups claim. (default "groups")' },
  { name: 'oidc-ca-file', kind: 'string', group: oidc, describe: 'PEM file of the CA that signed the issuer\'s certificate (not eks).' },
];

/** The same table under the name every template command exports it by (see fastArgs.ts). */
export const flags = clusterFlagSpecs;

export type ClusterOptions = ClusterFlags;

export async function run(options: ClusterOptions, deps: Deps): Promise<number> {
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
  const rendered = renderCluster(config);
  if (rendered.schemaProblems.length > 0) {
    // A flag combination our checks let through but the chart would reject: say where.
    return out.reportProblems(rendered.schemaProblems.map((p) => `the ${config.chart} chart would reject the values: ${p}`), deps);
  }
  return out.emit(yamlDocuments(rendered.manifests), config.f.output, deps);
}

export const definition = defineCommand<ClusterOptions>({
  name: 'cluster',
  describe: 'Template a workload cluster: a values ConfigMap and the App that installs the cluster chart. Works offline.',
  examples: [
    ['$0 template cluster --provider capa --name mycluster --organization acme --release 31.1.0 --region eu-west-1', 'AWS cluster to stdout'],
    ['$0 template cluster --provider capa --name mycluster --organization acme --release 31.1.0 --output mycluster.yaml', 'Write to a file for editing and committing'],
    ['$0 template cluster --provider capz --name mycluster --organization acme --release 31.1.0 --region westeurope --azure-subscription-id <uuid>', 'Azure cluster'],
  ],
  // --no-proxy is a flag of its own here, not the negation of a --proxy flag.
  builder: (y) => addFlags(y.parserConfiguration({ 'populate--': true, 'boolean-negation': false }), clusterFlagSpecs),
  options: (argv) => {
    const { values, given, problems } = readFlags(argv, clusterFlagSpecs);
    return {
      ...(values as Omit<ClusterFlags, 'given' | 'parseProblems'>),
      labels: values.label as string[],
      given,
      parseProblems: problems,
    } as ClusterFlags;
  },
  run,
});
