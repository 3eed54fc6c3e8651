// Validates `template cluster` flags for the chosen provider and applies the Go kubectl-gs's defaults.
// Every problem is collected (one line each) so a user fixes them all in one go; nothing is rendered
// unless the list is empty.
import { readFileSync } from 'node:fs';
import { azureLocations } from '../chartSchemas';
import {
  checkCidr,
  checkClusterName,
  checkDnsLabel,
  checkDnsSubdomain,
  checkInteger,
  checkOneOf,
  checkOrganization,
  checkSemver,
  checkSizes,
  checkUrl,
  compareSemver,
  isSemver,
  parseIpv4Cidr,
  parseLabels,
  Problems,
  required,
  semverMajor,
} from '../validate';
import { providerOnlyFlags, providers, type ClusterFlags, type Provider } from './flags';
import { allowListFlag } from './allowList';
import { layoutSubnets, type SubnetLayout } from './subnets';

/** Release versions from 35.0.0 on are installed with the release-<provider> chart of that version. */
export const releaseChartMajor = 35;

export const chartNames: Record<Provider, string> = {
  capa: 'aws',
  capz: 'azure',
  eks: 'eks',
  vsphere: 'vsphere',
  'cloud-director': 'cloud-director',
  aks: 'aks',
};

export interface Oidc {
  issuerUrl: string;
  clientId: string;
  usernameClaim: string;
  groupsClaim: string;
  caPem?: string;
}

export interface ClusterConfig {
  provider: Provider;
  name: string;
  organization: string;
  namespace: string;
  /** Without a leading "v"; undefined only for eks without --release. */
  release?: string;
  description?: string;
  labels: Record<string, string>;
  servicePriority?: string;
  preventDeletion: boolean;
  /** The App's chart (cluster-<p> or release-<p>) and version ("" lets the platform pick it). */
  chart: string;
  chartVersion: string;
  /** True when the chart is release-<p>, which has the release baked in (no release key in values). */
  releaseChart: boolean;
  catalog: string;
  defaultApps?: { catalog: string; version: string };
  oidc?: Oidc;
  subnets?: SubnetLayout;
  /** capa: the management cluster's NAT gateway IPs as /32 CIDRs, looked up by the command; [] until then. */
  natGatewayCidrs: string[];
  f: ClusterFlags;
}

const awsRegion = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
const awsInstanceType = /^[a-z][a-z0-9]*\.[a-z0-9]+$/;
const nodePoolName = /^[a-z0-9][-a-z0-9]{3,18}[a-z0-9]$/;
const servicePriorities = ['highest', 'medium', 'lowest'];

function flagProviders(flag: string): Provider[] | undefined {
  if (flag.startsWith('vsphere-')) return ['vsphere'];
  if (flag.startsWith('cloud-director-')) return ['cloud-director'];
  return providerOnlyFlags[flag];
}

/** Applies defaults (the Go tool's) to fields the user left out. */
function withDefaults(f: ClusterFlags, provider: Provider): ClusterFlags {
  const d = { ...f };
  d.controlPlaneAz = [...f.controlPlaneAz].sort(); // as the Go tool does, so the order given does not matter
  d.clusterCatalog ??= 'cluster';
  d.oidcUsernameClaim ??= 'email';
  d.oidcGroupsClaim ??= 'groups';
  if (provider === 'capa') {
    d.machinePoolName ??= 'nodepool0';
    d.machinePoolInstanceType ??= 'm5.xlarge';
    d.machinePoolMinSize ??= 3;
    d.machinePoolMaxSize ??= 10;
    d.azUsageLimit ??= 3;
    d.clusterType ??= 'public';
    d.publicSubnetSize ??= 20;
    d.privateSubnetSize ??= 18;
  }
  if (provider === 'capz' || provider === 'eks') {
    // These charts bring their own default node pool; ours is only added when asked for.
    const wanted = [...f.given].some((g) => g.startsWith('machine-pool-'));
    if (wanted) {
      d.machinePoolName ??= 'nodepool0';
      if (provider === 'eks') d.machinePoolInstanceType ??= 'm5.xlarge';
      d.machinePoolMinSize ??= 3;
      d.machinePoolMaxSize ??= 10;
    }
  }
  if (provider === 'vsphere') {
    d.vsphereServiceLbPool ??= 'svc-lb-ips';
    d.vsphereControlPlaneIpPool ??= 'wc-cp-ips';
    d.vsphereControlPlaneDiskGib ??= 50;
    d.vsphereControlPlaneMemoryMib ??= 8192;
    d.vsphereControlPlaneNumCpus ??= 4;
    d.vsphereControlPlaneReplicas ??= 3;
    d.vsphereWorkerDiskGib ??= 50;
    d.vsphereWorkerMemoryMib ??= 14144;
    d.vsphereWorkerNumCpus ??= 6;
    d.vsphereWorkerReplicas ??= 3;
    d.vsphereResourcePool ??= '*/Resources';
    d.vsphereCredentialsSecretName ??= 'vsphere-credentials';
    d.defaultAppsCatalog ??= 'cluster';
  }
  if (provider === 'cloud-director') {
    d.cloudDirectorControlPlaneReplicas ??= 3;
    d.cloudDirectorControlPlaneSizingPolicy ??= 'm1.medium';
    d.cloudDirectorControlPlaneDiskSizeGb ??= 30;
    d.cloudDirectorWorkerReplicas ??= 3;
    d.cloudDirectorWorkerDiskSizeGb ??= 30;
    d.cloudDirectorWorkerSizingPolicy ??= 'm1.medium';
    d.cloudDirectorCredentialsSecretName ??= 'vcd-credentials';
  }
  return d;
}

function checkNodePool(f: ClusterFlags, provider: Provider, p: Problems): void {
  if (f.machinePoolName !== undefined && !nodePoolName.test(f.machinePoolName)) {
    p.add(`--machine-pool-name "${f.machinePoolName}" is not a valid node pool name: use 5-20 lowercase letters, digits and '-', starting and ending with a letter or digit`);
  }
  if (f.machinePoolInstanceType !== undefined && provider !== 'capz' && !awsInstanceType.test(f.machinePoolInstanceType)) {
    p.add(`--machine-pool-instance-type "${f.machinePoolInstanceType}" is not an EC2 instance type; use e.g. m5.xlarge`);
  }
  if (f.machinePoolMinSize !== undefined) p.add(checkInteger('machine-pool-min-size', f.machinePoolMinSize, { min: 0 }));
  if (f.machinePoolMaxSize !== undefined) p.add(checkInteger('machine-pool-max-size', f.machinePoolMaxSize, { min: 1 }));
  if (f.machinePoolMinSize !== undefined && f.machinePoolMaxSize !== undefined) {
    p.add(checkSizes('machine-pool-min-size', f.machinePoolMinSize, 'machine-pool-max-size', f.machinePoolMaxSize));
  }
  if (f.machinePoolRootVolumeSizeGb !== undefined) p.add(checkInteger('machine-pool-root-volume-size-gb', f.machinePoolRootVolumeSizeGb, { min: 1 }));
  for (const l of f.machinePoolCustomNodeLabels) {
    if (!/^[A-Za-z0-9-_./]{1,63}=[A-Za-z0-9-_.]{0,63}$/.test(l)) {
      p.add(`--machine-pool-custom-node-labels "${l}" is not a node label; use key=value`);
    }
  }
}

function checkAws(f: ClusterFlags, provider: Provider, p: Problems): SubnetLayout | undefined {
  if (f.region !== undefined && !awsRegion.test(f.region)) p.add(`--region "${f.region}" is not an AWS region; use e.g. eu-west-1`);
  if (f.awsClusterRoleIdentityName !== undefined && !/^[-a-zA-Z0-9_.]{1,63}$/.test(f.awsClusterRoleIdentityName)) {
    p.add(`--aws-cluster-role-identity-name "${f.awsClusterRoleIdentityName}" is not valid: use 1-63 letters, digits, '-', '_' or '.'`);
  }
  if (provider !== 'capa') return undefined;
  if (f.controlPlaneInstanceType !== undefined && !awsInstanceType.test(f.controlPlaneInstanceType)) {
    p.add(`--control-plane-instance-type "${f.controlPlaneInstanceType}" is not an EC2 instance type; use e.g. r6i.xlarge`);
  }
  p.add(checkOneOf('cluster-type', f.clusterType!, ['public', 'proxy-private']));
  if (f.apiMode !== undefined) p.add(checkOneOf('api-mode', f.apiMode, ['public', 'private']));
  if (f.vpcMode !== undefined) p.add(checkOneOf('vpc-mode', f.vpcMode, ['public', 'private']));
  if (f.topologyMode !== undefined) p.add(checkOneOf('topology-mode', f.topologyMode, ['UserManaged', 'GiantSwarmManaged', 'None']));
  if (f.awsPrefixListId !== undefined && !f.awsPrefixListId.startsWith('pl-')) {
    p.add(`--aws-prefix-list-id "${f.awsPrefixListId}" is not a prefix list ID; they start with "pl-"`);
  }
  if (f.awsTransitGatewayId !== undefined && !f.awsTransitGatewayId.startsWith('tgw-')) {
    p.add(`--aws-transit-gateway-id "${f.awsTransitGatewayId}" is not a transit gateway ID; they start with "tgw-"`);
  }
  const proxyPrivate = f.clusterType === 'proxy-private';
  if (!proxyPrivate) {
    for (const flag of ['https-proxy', 'http-proxy', 'no-proxy', 'api-mode', 'vpc-mode', 'topology-mode', 'aws-prefix-list-id', 'aws-transit-gateway-id']) {
      if (f.given.has(flag)) p.add(`--${flag} applies only to proxy-private clusters; add --cluster-type proxy-private or leave it out`);
    }
  } else {
    if (!f.httpsProxy) p.add('--https-proxy is required for --cluster-type proxy-private: give the proxy URL, e.g. http://proxy.example.com:3128');
    if (!f.vpcCidr) p.add('--vpc-cidr is required for --cluster-type proxy-private: give the VPC CIDR, e.g. 10.0.0.0/16');
  }
  if (f.httpsProxy) p.add(checkUrl('https-proxy', f.httpsProxy, ['http', 'https']));
  if (f.httpProxy) p.add(checkUrl('http-proxy', f.httpProxy, ['http', 'https']));
  // "" stands for "only the management cluster's NAT gateway IPs" (./allowList.ts).
  for (const block of f.controlPlaneLoadBalancerIngressAllowCidrBlock) if (block !== '') p.add(checkCidr(allowListFlag, block));
  const allowList = f.given.has(allowListFlag);
  if (allowList && !f.managementCluster) {
    // As Go's flag validation: the allow-list always takes the management cluster's NAT gateway IPs.
    p.add(`--management-cluster must not be empty when specifying --${allowListFlag}: give the management cluster's name (its NAT gateway IPs join the allow-list)`);
  } else if (!allowList && f.given.has('management-cluster')) {
    p.add(`--management-cluster is used by --provider capa only with --${allowListFlag} (to add its NAT gateway IPs); add that flag or leave --management-cluster out`);
  }
  if (f.podsCidr !== undefined) p.add(checkCidr('pods-cidr', f.podsCidr));
  p.add(checkInteger('az-usage-limit', f.azUsageLimit!, { min: 1 }));
  if (Number.isInteger(f.azUsageLimit) && f.azUsageLimit! > 26) p.add(`--az-usage-limit must be at most 26, got ${f.azUsageLimit}`);
  p.add(checkInteger('public-subnet-size', f.publicSubnetSize!, { min: 1 }));
  p.add(checkInteger('private-subnet-size', f.privateSubnetSize!, { min: 1 }));
  for (const [flag, size] of [['public-subnet-size', f.publicSubnetSize!], ['private-subnet-size', f.privateSubnetSize!]] as const) {
    if (Number.isInteger(size) && size > 28) p.add(`--${flag} must be at most 28 (AWS's smallest subnet is /28), got ${size}`);
  }
  if (f.vpcCidr === undefined) return undefined;
  const problem = checkCidr('vpc-cidr', f.vpcCidr);
  if (problem) {
    p.add(problem);
    return undefined;
  }
  if (!p.empty) return undefined; // the layout depends on sizes that must be valid first
  const layout = layoutSubnets({
    vpc: parseIpv4Cidr(f.vpcCidr)!,
    vpcText: f.vpcCidr,
    zones: f.azUsageLimit!,
    proxyPrivate,
    privateMask: f.privateSubnetSize!,
    publicMask: f.publicSubnetSize!,
  });
  if (typeof layout === 'string') {
    p.add(layout);
    return undefined;
  }
  return layout;
}

function checkVsphere(f: ClusterFlags, p: Problems): void {
  p.add(required('vsphere-network-name', f.vsphereNetworkName, 'the vCenter network for the new VMs'));
  if (f.vsphereServiceLoadBalancerCidr !== undefined) p.add(checkCidr('vsphere-service-load-balancer-cidr', f.vsphereServiceLoadBalancerCidr));
  if (f.vsphereControlPlaneIp !== undefined && f.vsphereControlPlaneIp !== '' && !/^(\d{1,3}\.){3}\d{1,3}$/.test(f.vsphereControlPlaneIp)) {
    p.add(`--vsphere-control-plane-ip "${f.vsphereControlPlaneIp}" is not an IPv4 address; give one, or leave it out for automatic allocation`);
  }
  for (const flag of ['vsphere-service-lb-pool', 'vsphere-control-plane-ip-pool'] as const) {
    const value = flag === 'vsphere-service-lb-pool' ? f.vsphereServiceLbPool! : f.vsphereControlPlaneIpPool!;
    p.add(checkDnsSubdomain(flag, value));
  }
  p.add(checkDnsSubdomain('vsphere-credentials-secret-name', f.vsphereCredentialsSecretName!));
  const ints: Array<[string, number, number]> = [
    ['vsphere-control-plane-disk-gib', f.vsphereControlPlaneDiskGib!, 1],
    ['vsphere-control-plane-memory-mib', f.vsphereControlPlaneMemoryMib!, 8192],
    ['vsphere-control-plane-num-cpus', f.vsphereControlPlaneNumCpus!, 2],
    ['vsphere-control-plane-replicas', f.vsphereControlPlaneReplicas!, 1],
    ['vsphere-worker-disk-gib', f.vsphereWorkerDiskGib!, 1],
    ['vsphere-worker-memory-mib', f.vsphereWorkerMemoryMib!, 8192],
    ['vsphere-worker-num-cpus', f.vsphereWorkerNumCpus!, 2],
    ['vsphere-worker-replicas', f.vsphereWorkerReplicas!, 1],
  ];
  for (const [flag, value, min] of ints) p.add(checkInteger(flag, value, { min }));
}

function checkCloudDirector(f: ClusterFlags, p: Problems): void {
  p.add(required('cloud-director-vip-subnet', f.cloudDirectorVipSubnet, 'the VIP subnet for the load balancers, e.g. 10.205.9.254/24'));
  if (f.cloudDirectorVipSubnet) {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(f.cloudDirectorVipSubnet);
    // A gateway address with its prefix (host bits set) is the usual form here, so only the syntax is checked.
    if (!m || !m[1].split('.').every((o) => Number(o) <= 255) || Number(m[2]) > 32) {
      p.add(`--cloud-director-vip-subnet "${f.cloudDirectorVipSubnet}" is not a valid CIDR; use the form 10.205.9.254/24`);
    }
  }
  p.add(required('cloud-director-org', f.cloudDirectorOrg, 'the organization name in Cloud Director'));
  p.add(required('cloud-director-ovdc', f.cloudDirectorOvdc, 'the organization VDC name in Cloud Director'));
  p.add(required('cloud-director-ovdc-network', f.cloudDirectorOvdcNetwork, 'the organization VDC network name in Cloud Director'));
  p.add(required('cloud-director-site', f.cloudDirectorSite, 'the Cloud Director site URL'));
  if (f.cloudDirectorSite) p.add(checkUrl('cloud-director-site', f.cloudDirectorSite, ['https', 'http']));
  p.add(checkInteger('cloud-director-control-plane-replicas', f.cloudDirectorControlPlaneReplicas!, { min: 1 }));
  p.add(checkInteger('cloud-director-control-plane-disk-size-gb', f.cloudDirectorControlPlaneDiskSizeGb!, { min: 1 }));
  p.add(checkInteger('cloud-director-worker-disk-size-gb', f.cloudDirectorWorkerDiskSizeGb!, { min: 1 }));
  // The cluster-cloud-director chart requires more than one worker.
  p.add(checkInteger('cloud-director-worker-replicas', f.cloudDirectorWorkerReplicas!, { min: 2 }));
  p.add(checkDnsSubdomain('cloud-director-credentials-secret-name', f.cloudDirectorCredentialsSecretName!));
  const proxies = [f.cloudDirectorHttpsProxy, f.cloudDirectorHttpProxy, f.cloudDirectorNoProxy];
  if (proxies.some((v) => v) && !proxies.every((v) => v)) {
    p.add('--cloud-director-https-proxy, --cloud-director-http-proxy and --cloud-director-no-proxy go together: give all three or none');
  }
  if (f.cloudDirectorHttpsProxy) p.add(checkUrl('cloud-director-https-proxy', f.cloudDirectorHttpsProxy, ['http', 'https']));
  if (f.cloudDirectorHttpProxy) p.add(checkUrl('cloud-director-http-proxy', f.cloudDirectorHttpProxy, ['http', 'https']));
}

function checkOidc(f: ClusterFlags, p: Problems): Oidc | undefined {
  const oidcFlags = ['oidc-client-id', 'oidc-username-claim', 'oidc-groups-claim', 'oidc-ca-file'];
  if (!f.oidcIssuerUrl && f.provider === 'cloud-director') {
    // The chart's defaults carry an oidc block that its schema only accepts once issuer and client are set.
    p.add('--oidc-issuer-url is required for --provider cloud-director (the cluster-cloud-director chart requires OIDC settings): give the issuer URL and --oidc-client-id');
    return undefined;
  }
  if (!f.oidcIssuerUrl) {
    for (const flag of oidcFlags) if (f.given.has(flag)) p.add(`--${flag} needs --oidc-issuer-url; give the issuer URL or leave it out`);
    return undefined;
  }
  p.add(checkUrl('oidc-issuer-url', f.oidcIssuerUrl, ['https']));
  p.add(required('oidc-client-id', f.oidcClientId, 'the OIDC client ID that goes with --oidc-issuer-url'));
  let caPem: string | undefined;
  if (f.oidcCaFile !== undefined) {
    try {
      caPem = readFileSync(f.oidcCaFile, 'utf8');
      if (!caPem.includes('-----BEGIN CERTIFICATE-----')) p.add(`--oidc-ca-file ${f.oidcCaFile} holds no PEM certificate; give the issuer's CA certificate in PEM form`);
    } catch (err) {
      p.add(`--oidc-ca-file ${f.oidcCaFile} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the path`);
    }
  }
  return { issuerUrl: f.oidcIssuerUrl, clientId: f.oidcClientId ?? '', usernameClaim: f.oidcUsernameClaim!, groupsClaim: f.oidcGroupsClaim!, ...(caPem ? { caPem } : {}) };
}

/** The characters of generated names: no 1 or l, which are easily confused (the Go tool's key.NameChars). */
const nameChars = '023456789abcdefghijkmnopqrstuvwxyz';

/** A random 10-character name that is a valid cluster name (starts with a letter), as key.GenerateName makes. */
export function generatedClusterName(): string {
  const { randomInt } = require('node:crypto') as typeof import('node:crypto');
  for (;;) {
    let name = '';
    for (let i = 0; i < 10; i++) name += nameChars[randomInt(nameChars.length)];
    if (/^[a-z]/.test(name)) return name;
  }
}

/** Returns the resolved config, or undefined with every problem recorded. */
export function resolveCluster(raw: ClusterFlags, p: Problems): ClusterConfig | undefined {
  const missingProvider = required('provider', raw.provider, `the infrastructure provider, one of: ${providers.join(', ')}`);
  if (missingProvider) p.add(missingProvider);
  else if (!(providers as readonly string[]).includes(raw.provider!)) p.add(checkOneOf('provider', raw.provider!, providers));
  const provider = (providers as readonly string[]).includes(raw.provider ?? '') ? (raw.provider as Provider) : undefined;

  if (raw.generateName && raw.name) p.add('--name and --generate-name are mutually exclusive. We recommend choosing a name explicitly using --name.');
  if (raw.generateName && !raw.name) raw = { ...raw, name: generatedClusterName() };
  p.add(required('name', raw.name, 'the cluster name, e.g. --name mycluster (or --generate-name for a random one)'));
  if (raw.name) p.add(checkClusterName('name', raw.name));
  p.add(required('organization', raw.organization, 'the organization that owns the cluster, e.g. --organization acme'));
  if (raw.organization) p.add(checkOrganization('organization', raw.organization));
  const release = raw.release?.replace(/^v/, '');
  if (raw.release !== undefined && raw.release !== '') p.add(checkSemver('release', release!));
  else if (provider && provider !== 'eks') p.add(required('release', raw.release, 'the workload cluster release version, e.g. 31.1.0 (kubectl gs get releases lists them)'));
  if (raw.servicePriority !== undefined) p.add(checkOneOf('service-priority', raw.servicePriority, servicePriorities));
  const labels = parseLabels('label', raw.label, p);
  if (raw.description !== undefined && raw.description.includes('\n')) p.add('--description must be one line');
  if (raw.clusterCatalog !== undefined) p.add(checkDnsLabel('cluster-catalog', raw.clusterCatalog));
  if (raw.clusterVersion !== undefined) p.add(checkSemver('cluster-version', raw.clusterVersion.replace(/^v/, '')));
  if (raw.defaultAppsVersion !== undefined) p.add(checkSemver('default-apps-version', raw.defaultAppsVersion.replace(/^v/, '')));
  if (raw.baseDomain !== undefined) p.add(checkDnsSubdomain('base-domain', raw.baseDomain));

  if (!provider) return undefined;
  for (const flag of raw.given) {
    const allowed = flagProviders(flag);
    if (allowed && !allowed.includes(provider)) p.add(`--${flag} does not apply to --provider ${provider}; it is for ${allowed.join(', ')}`);
  }
  const f = withDefaults(raw, provider);
  let subnets: SubnetLayout | undefined;
  if (provider === 'capa' || provider === 'capz' || provider === 'eks') checkNodePool(f, provider, p);
  if (provider === 'capa' || provider === 'eks') subnets = checkAws(f, provider, p);
  if (provider === 'aks') p.add(required('region', f.region, 'the Azure location, e.g. westeurope'));
  if (provider === 'capz') {
    p.add(required('region', f.region, `the Azure location, one of: ${azureLocations.join(', ')}`));
    if (f.region) p.add(checkOneOf('region', f.region, azureLocations));
  }
  if (provider === 'capz' || provider === 'aks') {
    p.add(required('azure-subscription-id', f.azureSubscriptionId, 'the Azure subscription ID (a UUID)'));
    if (f.azureSubscriptionId && !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(f.azureSubscriptionId)) {
      p.add(`--azure-subscription-id "${f.azureSubscriptionId}" is not a subscription ID; use the UUID form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`);
    }
    if (f.azureClusterIdentityNamespace !== undefined) p.add(checkDnsLabel('azure-cluster-identity-namespace', f.azureClusterIdentityNamespace));
  }
  if (provider === 'vsphere') checkVsphere(f, p);
  if (provider === 'cloud-director') checkCloudDirector(f, p);
  const oidc = checkOidc(f, p);

  // Which chart and version the App installs.
  const chartSuffix = chartNames[provider];
  let chartVersion = '';
  let releaseChart = false;
  const clusterVersion = f.clusterVersion?.replace(/^v/, '');
  const releaseOk = release !== undefined && isSemver(release);
  if (provider === 'capa' || provider === 'capz' || provider === 'aks') {
    releaseChart = releaseOk && semverMajor(release!) >= releaseChartMajor;
    // cluster-<p> charts get their version from the release through the platform's admission webhook.
    chartVersion = releaseChart ? release! : '';
  } else if (clusterVersion !== undefined) {
    chartVersion = clusterVersion;
    releaseChart = isSemver(clusterVersion) && semverMajor(clusterVersion) >= releaseChartMajor;
  } else if (releaseOk && semverMajor(release!) >= releaseChartMajor) {
    chartVersion = release!;
    releaseChart = true;
  } else {
    p.add(
      `--cluster-version is required for --provider ${provider} unless --release is ${releaseChartMajor}.0.0 or newer: give the cluster-${chartSuffix} chart version ` +
        '(the Go kubectl-gs looks the latest one up on the management cluster; this command does not)',
    );
  }
  let defaultApps: ClusterConfig['defaultApps'];
  if (provider === 'vsphere' && !releaseChart && isSemver(chartVersion) && compareSemver(chartVersion, '0.61.0') < 0) {
    // cluster-vsphere before 0.61.0 needs the separate default-apps-vsphere App.
    const version = f.defaultAppsVersion?.replace(/^v/, '');
    if (!version) p.add(`--default-apps-version is required with cluster-vsphere ${chartVersion} (before 0.61.0): give the default-apps-vsphere chart version`);
    else defaultApps = { catalog: f.defaultAppsCatalog!, version };
  } else if (provider === 'vsphere' && f.given.has('default-apps-version')) {
    p.add(`--default-apps-version applies only to cluster-vsphere before 0.61.0; leave it out for ${chartVersion || 'this version'}`);
  }

  if (!p.empty) return undefined;
  return {
    provider,
    name: f.name!,
    organization: f.organization!,
    namespace: `org-${f.organization}`,
    release,
    description: f.description,
    labels,
    servicePriority: f.servicePriority,
    preventDeletion: f.preventDeletion,
    chart: `${releaseChart ? 'release' : 'cluster'}-${chartSuffix}`,
    chartVersion,
    releaseChart,
    catalog: f.clusterCatalog!,
    defaultApps,
    oidc,
    subnets,
    natGatewayCidrs: [],
    f,
  };
}
