// The parsed flags of `template cluster`, before validation. Undefined means "not given": defaults are
// applied per provider in ./options.ts, so a flag that does not apply to a provider is never emitted.
export const providers = ['capa', 'capz', 'eks', 'vsphere', 'cloud-director', 'aks'] as const;
export type Provider = (typeof providers)[number];

export interface ClusterFlags {
  /** Names of the flags given on the command line (to reject ones the provider does not use). */
  given: ReadonlySet<string>;
  provider?: string;
  name?: string;
  /** --generate-name: a random name stands in for --name (see generatedClusterName). */
  generateName?: boolean;
  organization?: string;
  release?: string;
  description?: string;
  output?: string;
  label: string[];
  servicePriority?: string;
  preventDeletion: boolean;
  region?: string;
  controlPlaneInstanceType?: string;
  controlPlaneAz: string[];
  podsCidr?: string;
  baseDomain?: string;
  clusterCatalog?: string;
  clusterVersion?: string;
  defaultAppsCatalog?: string;
  defaultAppsVersion?: string;

  oidcIssuerUrl?: string;
  oidcClientId?: string;
  oidcUsernameClaim?: string;
  oidcGroupsClaim?: string;
  oidcCaFile?: string;

  // Node pool (capa, capz, eks).
  machinePoolName?: string;
  machinePoolInstanceType?: string;
  machinePoolMinSize?: number;
  machinePoolMaxSize?: number;
  machinePoolRootVolumeSizeGb?: number;
  machinePoolAzs: string[];
  machinePoolCustomNodeLabels: string[];

  // AWS (capa, eks).
  awsClusterRoleIdentityName?: string;
  azUsageLimit?: number;
  vpcCidr?: string;
  clusterType?: string;
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
  apiMode?: string;
  vpcMode?: string;
  topologyMode?: string;
  awsPrefixListId?: string;
  awsTransitGatewayId?: string;
  publicSubnetSize?: number;
  privateSubnetSize?: number;
  controlPlaneLoadBalancerIngressAllowCidrBlock: string[];

  // Azure (capz).
  azureSubscriptionId?: string;
  /** aks: written to the chart's global.managementCluster; capa: whose NAT gateway IPs join the API allow-list. */
  managementCluster?: string;
  azureClusterIdentityName?: string;
  azureClusterIdentityNamespace?: string;

  // vSphere.
  vsphereControlPlaneIp?: string;
  vsphereServiceLoadBalancerCidr?: string;
  vsphereNetworkName?: string;
  vsphereServiceLbPool?: string;
  vsphereControlPlaneIpPool?: string;
  vsphereControlPlaneDiskGib?: number;
  vsphereControlPlaneMemoryMib?: number;
  vsphereControlPlaneNumCpus?: number;
  vsphereControlPlaneReplicas?: number;
  vsphereWorkerDiskGib?: number;
  vsphereWorkerMemoryMib?: number;
  vsphereWorkerNumCpus?: number;
  vsphereWorkerReplicas?: number;
  vsphereResourcePool?: string;
  vsphereCredentialsSecretName?: string;

  // Cloud Director.
  cloudDirectorControlPlaneReplicas?: number;
  cloudDirectorControlPlaneDiskSizeGb?: number;
  cloudDirectorControlPlaneSizingPolicy?: string;
  cloudDirectorWorkerDiskSizeGb?: number;
  cloudDirectorWorkerSizingPolicy?: string;
  cloudDirectorWorkerReplicas?: number;
  cloudDirectorCredentialsSecretName?: string;
  cloudDirectorVipSubnet?: string;
  cloudDirectorHttpsProxy?: string;
  cloudDirectorHttpProxy?: string;
  cloudDirectorNoProxy?: string;
  cloudDirectorOrg?: string;
  cloudDirectorOvdc?: string;
  cloudDirectorOvdcNetwork?: string;
  cloudDirectorSite?: string;
}

/** Flags only some providers accept (besides the vsphere-* and cloud-director-* ones). */
export const providerOnlyFlags: Record<string, Provider[]> = {
  'machine-pool-name': ['capa', 'capz', 'eks'],
  'machine-pool-instance-type': ['capa', 'capz', 'eks'],
  'machine-pool-min-size': ['capa', 'capz', 'eks'],
  'machine-pool-max-size': ['capa', 'capz', 'eks'],
  'machine-pool-root-volume-size-gb': ['capa', 'capz', 'eks'],
  'machine-pool-azs': ['capa', 'eks'],
  'machine-pool-custom-node-labels': ['capa', 'capz', 'eks'],
  'aws-cluster-role-identity-name': ['capa', 'eks'],
  'az-usage-limit': ['capa'],
  'vpc-cidr': ['capa'],
  'cluster-type': ['capa'],
  'https-proxy': ['capa'],
  'http-proxy': ['capa'],
  'no-proxy': ['capa'],
  'api-mode': ['capa'],
  'vpc-mode': ['capa'],
  'topology-mode': ['capa'],
  'aws-prefix-list-id': ['capa'],
  'aws-transit-gateway-id': ['capa'],
  'public-subnet-size': ['capa'],
  'private-subnet-size': ['capa'],
  'control-plane-load-balancer-ingress-allow-cidr-block': ['capa'],
  'control-plane-instance-type': ['capa', 'capz'],
  'control-plane-az': ['capa', 'eks'],
  'pods-cidr': ['capa'],
  'azure-subscription-id': ['capz', 'aks'],
  'azure-cluster-identity-name': ['capz', 'aks'],
  'azure-cluster-identity-namespace': ['capz', 'aks'],
  'management-cluster': ['capa', 'aks'],
  'base-domain': ['vsphere', 'cloud-director'],
  'cluster-version': ['eks', 'vsphere', 'cloud-director'],
  'default-apps-catalog': ['vsphere'],
  'default-apps-version': ['vsphere'],
  'oidc-ca-file': ['capa', 'capz', 'vsphere', 'cloud-director'],
  // cluster-aks takes no OIDC settings (AKS manages the API server).
  'oidc-issuer-url': ['capa', 'capz', 'eks', 'vsphere', 'cloud-director'],
  'oidc-client-id': ['capa', 'capz', 'eks', 'vsphere', 'cloud-director'],
  'oidc-username-claim': ['capa', 'capz', 'eks', 'vsphere', 'cloud-director'],
  'oidc-groups-claim': ['capa', 'capz', 'eks', 'vsphere', 'cloud-director'],
};
