// `kubectl gs gitops add workload-cluster`: the cluster's Flux Kustomization (listed in the organization's
// workload-clusters/kustomization.yaml), its [mapi/]apps and cluster directories, and with --base the
// cluster definition from a base, patched with --cluster-user-config.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { UserError } from '../../../errors';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';
import { readUserValues } from './valuesFile';

export const flags = defineFlags({
  ...gitopsFlags,
  base: { type: 'string', describe: 'Path to the base directory. It must be relative to the repository root.' },
  'management-cluster': { type: 'string', describe: 'Codename of the management cluster the workload cluster belongs to.' },
  name: { type: 'string', describe: 'Name of the Workload Cluster.' },
  organization: { type: 'string', describe: 'Name of the Organization the workload cluster belongs to.' },
  'skip-mapi': { type: 'boolean', describe: 'Skip `mapi` directory when adding the app.' },
  'repository-name': { type: 'string', describe: 'Name of the GitOps repository.' },
  release: { type: 'string', describe: 'Workload cluster release version.' },
  'cluster-user-config': { type: 'string', describe: 'Cluster app user configuration to patch the base with.' },
});

export interface WorkloadClusterOptions extends GitopsOptions {
  base?: string;
  managementCluster?: string;
  name?: string;
  organization?: string;
  skipMapi: boolean;
  repositoryName?: string;
  release?: string;
  clusterUserConfig?: string;
}

export async function run(o: WorkloadClusterOptions, deps: Deps): Promise<number> {
  const g = await import('../../../gitops');
  const { mc, org, wc } = g.layerNames(
    { managementCluster: o.managementCluster, organization: o.organization, workloadCluster: o.name },
    ['managementCluster', 'workloadCluster', 'organization'],
    { workloadCluster: 'name' },
  );
  const repository = g.required('repository-name', o.repositoryName, 'the GitOps repository name, e.g. --repository-name gitops-demo');
  if (o.base && !o.release) throw new UserError('--release must not be empty when referencing base: give the release version, e.g. --release 29.0.0');
  g.checkRepositoryName('repository-name', repository);
  if (o.base) g.checkRelativePath('base', o.base);
  if (o.release !== undefined && !/^[0-9A-Za-z.+-]+$/.test(o.release)) throw new UserError(`--release "${o.release}" is not a release version; use e.g. 29.0.0`);
  const clusterUserConfig = readUserValues('cluster-user-config', o.clusterUserConfig, 'text');
  const plan = g.layers.workloadClusterPlan({ mc, org, wc, repository, skipMapi: o.skipMapi, base: o.base || undefined, release: o.release, clusterUserConfig });
  return applyPlan(o, plan, `workload cluster "${wc}"`, deps);
}

export const definition = defineCommand({
  name: 'workload-cluster',
  aliases: ['wc'],
  describe: 'Adds a new workload cluster to your GitOps directory structure',
  examples: [
    ['$0 gitops add wc --name dummy --management-cluster mymc --organization myorg --repository-name gitops-demo', 'Add dummy workload cluster structure, without cluster definition'],
    [
      '$0 gitops add wc --name dummy --management-cluster mymc --organization myorg --repository-name gitops-demo --base bases/clusters/capa/template --release 29.0.0',
      'Add dummy workload cluster structure with definition from base',
    ],
    [
      '$0 gitops add wc --name dummy --management-cluster mymc --organization myorg --repository-name gitops-demo --base bases/clusters/capa/template --release 29.0.0 --cluster-user-config /tmp/cluster_user_config.yaml',
      'Add dummy workload cluster structure with definition from base and extra configuration',
    ],
  ],
  flags,
  // The typed flag values are the options (FlagValues carries every field the type names).
  options: (v): WorkloadClusterOptions => v,
  run,
});
