// `gitops add base`: the cluster base's App CR and chart values, made by this project's `template
// cluster` and `template app` code (as the Go tool reuses its own), with the Flux substitution variables
// ${cluster_name}, ${organization} and ${release} in place of a real cluster's values.
import { UserError } from '../errors';
import type { ClusterFlags } from '../template/cluster/flags';
import type { ClusterConfig } from '../template/cluster/options';
import { clusterValues } from '../template/cluster/values';
import { appCr } from '../template/manifests';
import { toYaml } from '../template/yaml';

export const baseProviders = ['capa', 'capz', 'vsphere'] as const;
export type BaseProvider = (typeof baseProviders)[number];

const charts: Record<BaseProvider, string> = { capa: 'cluster-aws', capz: 'cluster-azure', vsphere: 'cluster-vsphere' };

export interface BaseInput {
  provider: BaseProvider;
  region?: string;
  azureSubscriptionId?: string;
}

function bareFlags(extra: Partial<ClusterFlags>): ClusterFlags {
  return {
    given: new Set<string>(),
    label: [],
    preventDeletion: false,
    controlPlaneAz: [],
    machinePoolAzs: [],
    machinePoolCustomNodeLabels: [],
    controlPlaneLoadBalancerIngressAllowCidrBlock: [],
    ...extra,
  };
}

/** The flags the Go tool passes for each provider: nothing else is set, so the chart's defaults apply. */
function baseFlags(b: BaseInput): ClusterFlags {
  switch (b.provider) {
    case 'capa':
      return bareFlags({ machinePoolName: 'nodepool0' });
    case 'capz':
      if (!b.region) throw new UserError('--region is required for the capz base: give the Azure location, e.g. --region westeurope');
      if (!b.azureSubscriptionId) throw new UserError('--azure-subscription-id is required for the capz base: give the Azure subscription ID');
      return bareFlags({ region: b.region, azureSubscriptionId: b.azureSubscriptionId });
    case 'vsphere':
      return bareFlags({});
  }
}

export function clusterBaseFiles(b: BaseInput): { appCr: string; values: string } {
  const f = baseFlags(b);
  const config: ClusterConfig = {
    provider: b.provider,
    name: '${cluster_name}',
    organization: '${organization}',
    namespace: 'org-${organization}',
    release: b.provider === 'capa' ? '${release}' : undefined,
    labels: {},
    preventDeletion: false,
    chart: charts[b.provider],
    chartVersion: '',
    releaseChart: false,
    catalog: 'cluster',
    natGatewayCidrs: [],
    f,
  };
  const values = toYaml(JSON.parse(JSON.stringify(clusterValues(config))) as unknown);
  const app = appCr({
    appName: '${cluster_name}',
    catalog: 'cluster',
    defaultingEnabled: false,
    inCluster: true,
    name: charts[b.provider],
    namespace: 'org-${organization}',
    version: '',
    userConfigMapName: '${cluster_name}-config',
  });

  // The Go tool's template adds a newline after each YAML text, so the files end with an empty line.
  return { appCr: toYaml(app), values };
}
