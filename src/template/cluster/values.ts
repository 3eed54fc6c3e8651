// The chart values (the `<name>-userconfig` ConfigMap's data.values) per provider. Keys and defaults
// follow the Go kubectl-gs; keys a current chart no longer accepts are left out (see chartSchemas.ts).
import { apiAllowList } from './allowList';
import type { ClusterConfig, Oidc } from './options';

type Values = Record<string, unknown>;

/** Drops undefined, empty strings and empty arrays, as Go's `omitempty` does. */
function compact(obj: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

function metadata(c: ClusterConfig, { alwaysPreventDeletion = false } = {}): Values {
  return compact({
    description: c.description,
    labels: Object.keys(c.labels).length > 0 ? c.labels : undefined,
    name: c.name,
    organization: c.organization,
    // The Go tool writes preventDeletion: false only for capa; elsewhere only when true.
    preventDeletion: alwaysPreventDeletion || c.preventDeletion ? c.preventDeletion : undefined,
    servicePriority: c.servicePriority,
  });
}

function release(c: ClusterConfig): Values {
  return !c.releaseChart && c.release ? { release: { version: c.release } } : {};
}

function oidc(o: Oidc | undefined, { caPem = true } = {}): Values | undefined {
  if (!o) return undefined;
  return compact({ caPem: caPem ? o.caPem : undefined, clientId: o.clientId, groupsClaim: o.groupsClaim, issuerUrl: o.issuerUrl, usernameClaim: o.usernameClaim });
}

function nodePools(c: ClusterConfig, { azs = true } = {}): Values | undefined {
  const f = c.f;
  if (!f.machinePoolName) return undefined;
  const zones = f.machinePoolAzs.length > 0 ? f.machinePoolAzs : f.controlPlaneAz;
  return {
    [f.machinePoolName]: compact({
      availabilityZones: azs ? zones : undefined,
      customNodeLabels: f.machinePoolCustomNodeLabels,
      instanceType: f.machinePoolInstanceType,
      maxSize: f.machinePoolMaxSize,
      minSize: f.machinePoolMinSize,
      rootVolumeSizeGB: f.machinePoolRootVolumeSizeGb,
    }),
  };
}

function capa(c: ClusterConfig): Values {
  const f = c.f;
  const proxyPrivate = f.clusterType === 'proxy-private';
  const network = compact({ vpcCidr: f.vpcCidr, pods: f.podsCidr ? { cidrBlocks: [f.podsCidr] } : undefined });
  const subnets = c.subnets
    ? [
        { cidrBlocks: c.subnets.private, isPublic: false },
        ...(c.subnets.public ? [{ cidrBlocks: c.subnets.public, isPublic: true }] : []),
      ]
    : undefined;
  const connectivity = compact({
    availabilityZoneUsageLimit: f.azUsageLimit,
    network,
    proxy: proxyPrivate
      ? compact({ enabled: true, httpProxy: f.httpProxy || f.httpsProxy, httpsProxy: f.httpsProxy, noProxy: f.noProxy })
      : undefined,
    subnets,
    topology: proxyPrivate
      ? compact({ mode: f.topologyMode ?? 'GiantSwarmManaged', prefixListId: f.awsPrefixListId, transitGatewayId: f.awsTransitGatewayId })
      : {},
    vpcMode: proxyPrivate ? (f.vpcMode ?? 'private') : undefined,
  });
  const controlPlane = compact({
    apiMode: proxyPrivate ? (f.apiMode ?? 'private') : undefined,
    instanceType: f.controlPlaneInstanceType,
    loadBalancerIngressAllowCidrBlocks: apiAllowList(c.natGatewayCidrs, f.controlPlaneLoadBalancerIngressAllowCidrBlock),
    oidc: oidc(c.oidc),
  });
  return {
    global: compact({
      connectivity,
      controlPlane,
      metadata: metadata(c, { alwaysPreventDeletion: true }),
      nodePools: nodePools(c),
      providerSpecific: compact({ awsClusterRoleIdentityName: f.awsClusterRoleIdentityName, region: f.region }),
      ...release(c),
    }),
  };
}

function capz(c: ClusterConfig): Values {
  const f = c.f;
  const identity = compact({ name: f.azureClusterIdentityName, namespace: f.azureClusterIdentityNamespace });
  return {
    global: compact({
      controlPlane: compact({ instanceType: f.controlPlaneInstanceType, oidc: oidc(c.oidc), replicas: 3 }),
      metadata: metadata(c),
      nodePools: nodePools(c, { azs: false }),
      providerSpecific: compact({
        azureClusterIdentity: Object.keys(identity).length > 0 ? identity : undefined,
        location: f.region,
        subscriptionId: f.azureSubscriptionId,
      }),
      ...release(c),
    }),
  };
}

/** cluster-aks (the Go tool's BuildAKSClusterConfig): AKS manages control plane and nodes, so little is set here. */
function aks(c: ClusterConfig): Values {
  const f = c.f;
  const identity = compact({ name: f.azureClusterIdentityName, namespace: f.azureClusterIdentityNamespace });
  return {
    global: compact({
      controlPlane: { sku: { tier: 'Standard' } },
      managementCluster: f.managementCluster,
      metadata: metadata(c),
      providerSpecific: compact({
        azureClusterIdentity: Object.keys(identity).length > 0 ? identity : undefined,
        location: f.region,
        subscriptionId: f.azureSubscriptionId,
      }),
      ...release(c),
    }),
  };
}

function eks(c: ClusterConfig): Values {
  const f = c.f;
  const providerSpecific = compact({ awsClusterRoleIdentityName: f.awsClusterRoleIdentityName, region: f.region });
  const o = oidc(c.oidc, { caPem: false });
  return {
    global: compact({
      controlPlane: o ? { oidc: o } : undefined,
      metadata: metadata(c),
      nodePools: nodePools(c),
      providerSpecific: Object.keys(providerSpecific).length > 0 ? providerSpecific : undefined,
      ...release(c),
    }),
  };
}

function vsphere(c: ClusterConfig): Values {
  const f = c.f;
  const network = { devices: [{ dhcp4: true, networkName: f.vsphereNetworkName }] };
  const machine = (diskGiB: number, memoryMiB: number, numCPUs: number) => ({
    cloneMode: 'linkedClone',
    diskGiB,
    memoryMiB,
    network,
    numCPUs,
    resourcePool: f.vsphereResourcePool,
  });
  return {
    global: compact({
      connectivity: compact({
        baseDomain: f.baseDomain,
        network: {
          controlPlaneEndpoint: { host: f.vsphereControlPlaneIp ?? '', ipPoolName: f.vsphereControlPlaneIpPool, port: 6443 },
          loadBalancers: compact({
            cidrBlocks: f.vsphereServiceLoadBalancerCidr ? [f.vsphereServiceLoadBalancerCidr] : undefined,
            ipPoolName: f.vsphereServiceLbPool,
          }),
        },
      }),
      controlPlane: compact({
        machineTemplate: machine(f.vsphereControlPlaneDiskGib!, f.vsphereControlPlaneMemoryMib!, f.vsphereControlPlaneNumCpus!),
        oidc: oidc(c.oidc),
        replicas: f.vsphereControlPlaneReplicas,
      }),
      metadata: metadata(c),
      nodePools: {
        worker: { ...machine(f.vsphereWorkerDiskGib!, f.vsphereWorkerMemoryMib!, f.vsphereWorkerNumCpus!), replicas: f.vsphereWorkerReplicas },
      },
      ...release(c),
    }),
  };
}

function cloudDirector(c: ClusterConfig): Values {
  const f = c.f;
  const proxy =
    f.cloudDirectorHttpsProxy && f.cloudDirectorHttpProxy && f.cloudDirectorNoProxy
      ? { enabled: true, httpProxy: f.cloudDirectorHttpProxy, httpsProxy: f.cloudDirectorHttpsProxy, noProxy: f.cloudDirectorNoProxy }
      : undefined;
  return {
    global: compact({
      connectivity: compact({
        baseDomain: f.baseDomain,
        network: { loadBalancers: { vipSubnet: f.cloudDirectorVipSubnet } },
        proxy,
      }),
      controlPlane: compact({
        machineTemplate: { catalog: 'giantswarm', diskSizeGB: f.cloudDirectorControlPlaneDiskSizeGb, sizingPolicy: f.cloudDirectorControlPlaneSizingPolicy },
        oidc: oidc(c.oidc),
        replicas: f.cloudDirectorControlPlaneReplicas,
      }),
      metadata: metadata(c),
      nodePools: {
        worker: {
          catalog: 'giantswarm',
          diskSizeGB: f.cloudDirectorWorkerDiskSizeGb,
          replicas: f.cloudDirectorWorkerReplicas,
          sizingPolicy: f.cloudDirectorWorkerSizingPolicy,
        },
      },
      providerSpecific: {
        org: f.cloudDirectorOrg,
        ovdc: f.cloudDirectorOvdc,
        ovdcNetwork: f.cloudDirectorOvdcNetwork,
        site: f.cloudDirectorSite,
        userContext: { secretRef: { secretName: f.cloudDirectorCredentialsSecretName } },
      },
      ...release(c),
    }),
  };
}

export function clusterValues(c: ClusterConfig): Values {
  switch (c.provider) {
    case 'capa':
      return capa(c);
    case 'capz':
      return capz(c);
    case 'eks':
      return eks(c);
    case 'vsphere':
      return vsphere(c);
    case 'cloud-director':
      return cloudDirector(c);
    case 'aks':
      return aks(c);
  }
}
