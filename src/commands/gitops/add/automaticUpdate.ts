// `kubectl gs gitops add automatic-update`: Flux image automation for an app: the management cluster's
// ImageUpdateAutomation, the app's ImageRepository and ImagePolicy, and the setter comment on the App
// CR's version.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';

export const flags = defineFlags({
  ...gitopsFlags,
  'management-cluster': { type: 'string', describe: 'Codename of the Management Cluster the Workload Cluster belongs to.' },
  organization: { type: 'string', describe: 'Name of the Organization the Workload Cluster belongs to.' },
  'skip-mapi': { type: 'boolean', describe: 'Skip `mapi` directory when adding the app.' },
  'workload-cluster': { type: 'string', describe: 'Name of the Workload Cluster the app belongs to.' },
  app: { type: 'string', describe: 'App in the repository to configure automatic updates for.' },
  repository: { type: 'string', describe: 'The gitops repository to update application in.' },
  'version-repository': { type: 'string', describe: 'The OCI repository to update the version from.' },
});

export interface AutomaticUpdateOptions extends GitopsOptions {
  managementCluster?: string;
  organization?: string;
  skipMapi: boolean;
  workloadCluster?: string;
  app?: string;
  repository?: string;
  versionRepository?: string;
}

export async function run(o: AutomaticUpdateOptions, deps: Deps): Promise<number> {
  const g = await import('../../../gitops');
  const { mc, org, wc } = g.layerNames(o, ['managementCluster', 'organization', 'workloadCluster']);
  const app = g.required('app', o.app, 'the app directory name, e.g. --app hello-world');
  const repository = g.required('repository', o.repository, 'the GitOps repository name, e.g. --repository gitops-demo');
  const versionRepository = g.required('version-repository', o.versionRepository, 'the OCI repository, e.g. --version-repository gsoci.azurecr.io/charts/giantswarm/hello-world');
  g.checkName('app', app);
  g.checkRepositoryName('repository', repository);
  g.checkImage('version-repository', versionRepository);
  const plan = g.layers.automaticUpdatePlan({ mc, org, wc, app, repository, versionRepository, skipMapi: o.skipMapi });
  return applyPlan(o, plan, `automatic updates for app "${app}"`, deps);
}

export const definition = defineCommand({
  name: 'automatic-update',
  aliases: ['update'],
  describe: 'Enable automatic updates for an app.',
  examples: [
    [
      '$0 gitops add automatic-update --app hello-world --version-repository gsoci.azurecr.io/charts/giantswarm/hello-world --management-cluster demomc --organization demoorg --workload-cluster demowc --repository gitops-demo',
      'Enable automatic updates for hello-world app',
    ],
  ],
  flags,
  // The typed flag values are the options (FlagValues carries every field the type names).
  options: (v): AutomaticUpdateOptions => v,
  run,
});
