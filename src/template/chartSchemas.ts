// Our own subset of each cluster chart's values schema (helm/cluster-<provider>/values.schema.json of
// cluster-aws 9.0.0, cluster-azure 8.0.0, cluster-eks 2.2.0, cluster-vsphere 8.0.0 and
// cluster-cloud-director 4.7.0), covering every key `template cluster` emits: types, enums, patterns,
// limits, and where the chart forbids unknown keys. Helm validates the user values merged with the
// chart's defaults and the platform's cluster config (base domain, management cluster name), so keys
// that those provide are not listed as required here; keys nothing else provides are.
import type { Schema } from './schema';

const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const int: Schema = { type: 'integer' };
const strings: Schema = { type: 'array', items: str };
const anything: Schema = {};
const nodePoolName = '^[a-z0-9][-a-z0-9]{3,18}[a-z0-9]$';

function closed(properties: Record<string, Schema>, required?: string[]): Schema {
  return { type: 'object', additionalProperties: false, properties, ...(required ? { required } : {}) };
}

function open(properties: Record<string, Schema>, required?: string[]): Schema {
  return { type: 'object', properties, ...(required ? { required } : {}) };
}

const metadataLabels: Schema = {
  type: 'object',
  additionalProperties: false,
  patternProperties: { '^[a-zA-Z0-9/\\._-]+$': { type: 'string', maxLength: 63, minLength: 0, pattern: '^[a-zA-Z0-9\\._-]+$' } },
};

const servicePriority: Schema = { type: 'string', enum: ['highest', 'medium', 'lowest'] };

function metadata(extra: Record<string, Schema> = {}, additional = true): Schema {
  const properties = { description: str, labels: metadataLabels, name: str, organization: str, preventDeletion: bool, servicePriority, ...extra };
  return additional ? open(properties) : closed(properties);
}

const oidc = (extra: Record<string, Schema> = {}): Schema =>
  closed({ caPem: str, clientId: str, groupsClaim: str, issuerUrl: str, usernameClaim: str, ...extra });

const release: Schema = { type: 'object', required: ['version'], properties: { version: str } };

function root(global: Schema, releaseChart: boolean): Schema {
  const g = releaseChart ? global : { ...global, required: [...(global.required ?? []), 'release'] };
  return { type: 'object', properties: { global: g }, additionalProperties: anything };
}

const awsInstanceType: Schema = { type: 'string', pattern: '^[a-z][a-z0-9]*\\.[a-z0-9]+$' };
const awsRoleIdentity: Schema = { type: 'string', minLength: 1, maxLength: 63, pattern: '^[-a-zA-Z0-9_\\.]{1,63}$' };
const proxy = closed({ enabled: bool, httpProxy: str, httpsProxy: str, noProxy: str });

export function awsSchema(releaseChart: boolean): Schema {
  const cidrBlock: Schema = { type: 'object', required: ['cidr'], properties: { availabilityZone: str, cidr: str } };
  return root(
    open(
      {
        connectivity: closed({
          availabilityZoneUsageLimit: int,
          baseDomain: str,
          network: closed({
            vpcCidr: str,
            pods: closed({ cidrBlocks: { type: 'array', items: str, minItems: 1, maxItems: 1 } }),
          }),
          proxy,
          subnets: { type: 'array', items: closed({ cidrBlocks: { type: 'array', items: cidrBlock }, isPublic: bool }) },
          topology: closed({ mode: { type: 'string', enum: ['None', 'GiantSwarmManaged', 'UserManaged'] }, prefixListId: str, transitGatewayId: str }),
          vpcMode: { type: 'string', enum: ['public', 'private'] },
        }),
        controlPlane: closed({
          apiMode: { type: 'string', enum: ['public', 'private'] },
          instanceType: awsInstanceType,
          loadBalancerIngressAllowCidrBlocks: strings,
          oidc: oidc(),
        }),
        metadata: metadata({ name: { type: 'string', maxLength: 20 } }),
        nodePools: {
          type: 'object',
          additionalProperties: false,
          patternProperties: {
            [nodePoolName]: closed({
              availabilityZones: strings,
              customNodeLabels: strings,
              instanceType: awsInstanceType,
              maxSize: int,
              minSize: int,
              rootVolumeSizeGB: int,
            }),
          },
        },
        providerSpecific: closed({ awsClusterRoleIdentityName: awsRoleIdentity, region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$' } }),
        release,
      },
      ['metadata'],
    ),
    releaseChart,
  );
}

/**
 * cluster-aks (helm/cluster-aks/values.schema.json, giantswarm/cluster-aks at commit 248e408): open
 * objects; the chart lists no release key but the platform reads global.release like the others'.
 */
export function aksSchema(releaseChart: boolean): Schema {
  return root(
    open(
      {
        controlPlane: open({ sku: open({ tier: { type: 'string', enum: ['Free', 'Premium', 'Standard'] } }) }),
        managementCluster: str,
        metadata: open({ description: str, labels: { type: 'object' }, name: str, organization: str, preventDeletion: bool, servicePriority }),
        providerSpecific: open({ azureClusterIdentity: open({ name: str, namespace: str }), location: str, subscriptionId: str }),
        release,
      },
      ['metadata'],
    ),
    releaseChart,
  );
}

export const azureLocations = ['eastus', 'germanywestcentral', 'northeurope', 'westeurope', 'westus2'] as const;

export function azureSchema(releaseChart: boolean): Schema {
  return root(
    open(
      {
        controlPlane: open({ instanceType: str, replicas: { type: 'integer', exclusiveMinimum: 0 }, oidc: oidc() }),
        metadata: metadata(),
        nodePools: {
          type: 'object',
          additionalProperties: false,
          patternProperties: {
            [nodePoolName]: open({
              customNodeLabels: strings,
              instanceType: str,
              maxSize: { type: 'integer', minimum: 0 },
              minSize: { type: 'integer', minimum: 0 },
              rootVolumeSizeGB: { type: 'integer', exclusiveMinimum: 0 },
            }),
          },
        },
        providerSpecific: open(
          {
            azureClusterIdentity: open({ name: str, namespace: str }),
            location: { type: 'string', enum: [...azureLocations] },
            subscriptionId: { type: 'string', minLength: 36, maxLength: 36, pattern: '^[a-fA-F0-9][-a-fA-F0-9]+[a-fA-F0-9]$' },
          },
          ['subscriptionId'],
        ),
        release,
      },
      ['metadata'],
    ),
    releaseChart,
  );
}

/** cluster-eks has no release key in its schema but accepts one as an unknown key of global. */
export function eksSchema(): Schema {
  return root(
    open({
      controlPlane: open({ oidc: open({ clientId: str, groupsClaim: str, issuerUrl: str, usernameClaim: str }) }),
      metadata: metadata(),
      nodePools: {
        type: 'object',
        additionalProperties: false,
        patternProperties: {
          [nodePoolName]: open({ availabilityZones: strings, customNodeLabels: strings, instanceType: str, maxSize: int, minSize: int, rootVolumeSizeGB: int }),
        },
      },
      providerSpecific: open({ awsClusterRoleIdentityName: awsRoleIdentity, region: str }),
      release,
    }),
    true,
  );
}

const k8sName = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';

export function vsphereSchema(releaseChart: boolean): Schema {
  const device = closed({ dhcp4: bool, networkName: str }, ['networkName']);
  const machine = {
    cloneMode: { type: 'string', enum: ['fullClone', 'linkedClone'] } as Schema,
    diskGiB: { type: 'integer', exclusiveMinimum: 0 } as Schema,
    memoryMiB: { type: 'integer', minimum: 8192 } as Schema,
    network: closed({ devices: { type: 'array', items: device } }),
    numCPUs: { type: 'integer', minimum: 2 } as Schema,
    resourcePool: str,
  };
  return root(
    open(
      {
        connectivity: closed({
          baseDomain: str,
          network: open({
            controlPlaneEndpoint: open({ host: str, ipPoolName: { type: 'string', pattern: k8sName }, port: int }),
            loadBalancers: closed({
              cidrBlocks: {
                type: 'array',
                minItems: 1,
                items: { type: 'string', pattern: '^((25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)(/([0-9]|[1,2][0-9]|[3][0-2]))?$' },
              },
              ipPoolName: { type: 'string', pattern: k8sName },
            }),
          }),
          proxy,
        }),
        controlPlane: closed({ machineTemplate: { ...open(machine, ['network']) }, oidc: oidc(), replicas: { type: 'integer', minimum: 1 } }),
        metadata: metadata(),
        nodePools: closed({ worker: open({ ...machine, replicas: { type: 'integer', minimum: 1 } }, ['network']) }),
        release,
      },
      ['metadata'],
    ),
    releaseChart,
  );
}

export function cloudDirectorSchema(releaseChart: boolean): Schema {
  const machine = { catalog: str, diskSizeGB: { type: 'integer', exclusiveMinimum: 0 } as Schema, sizingPolicy: str };
  return root(
    open(
      {
        connectivity: closed({ baseDomain: str, network: open({ loadBalancers: closed({ vipSubnet: str }, ['vipSubnet']) }), proxy }),
        // The chart's own defaults hold an oidc block that is only valid once these keys are set.
        controlPlane: closed(
          {
            machineTemplate: closed(machine, ['catalog']),
            oidc: { ...oidc({ groupsPrefix: str, usernamePrefix: str }), required: ['clientId', 'groupsClaim', 'issuerUrl', 'usernameClaim'] },
            replicas: int,
          },
          ['oidc'],
        ),
        metadata: metadata({}, false),
        nodePools: {
          type: 'object',
          additionalProperties: false,
          properties: { worker: closed({ ...machine, replicas: { type: 'integer', exclusiveMinimum: 1 } }) },
          patternProperties: { '^[a-z0-9-]{3,10}$': closed({ ...machine, replicas: { type: 'integer', exclusiveMinimum: 1 } }) },
        },
        providerSpecific: closed(
          { org: str, ovdc: str, ovdcNetwork: str, site: str, userContext: closed({ secretRef: closed({ secretName: str }) }) },
          ['org', 'ovdc', 'ovdcNetwork', 'site'],
        ),
        release,
      },
      ['metadata'],
    ),
    releaseChart,
  );
}
