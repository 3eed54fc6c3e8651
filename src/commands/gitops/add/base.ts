// `kubectl gs gitops add base`: bases/clusters/PROVIDER/template, a cluster definition (App CR and chart
// values with Flux substitution variables) that workload clusters are made from with --base.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { UserError } from '../../../errors';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';

const supported = ['capa', 'capz', 'vsphere'] as const;

export const flags = defineFlags({
  ...gitopsFlags,
  provider: { type: 'string', describe: `Installation infrastructure provider, supported values: ${supported.join(', ')}` },
  region: { type: 'string', describe: 'AWS/Azure region where cluster will be created' },
  'azure-subscription-id': { type: 'string', describe: 'Azure subscription ID' },
});

export interface BaseOptions extends GitopsOptions {
  provider?: string;
  region?: string;
  azureSubscriptionId?: string;
}

export async function run(o: BaseOptions, deps: Deps): Promise<number> {
  const provider = supported.find((p) => p === o.provider);
  if (!provider) throw new UserError(`--provider must be one of: ${supported.join(', ')}`);
  const g = await import('../../../gitops');
  const files = g.clusterBaseFiles({ provider, region: o.region, azureSubscriptionId: o.azureSubscriptionId });
  return applyPlan(o, g.layers.clusterBasePlan(provider, files.appCr, files.values), `the ${provider} cluster base`, deps);
}

export const definition = defineCommand({
  name: 'base',
  describe: 'Adds a new Cluster base template to your GitOps directory structure',
  examples: [['$0 gitops add base --provider capa', 'Add a CAPA base to your GitOps directory structure']],
  flags,
  options: (v): BaseOptions => v,
  run,
});
