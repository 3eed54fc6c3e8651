// `kubectl gs gitops add organization`: MC/organizations/ORG with the Organization CR and an empty
// workload-clusters/kustomization.yaml.
import type { Deps } from '../../../cli/deps';
import { defineFlags } from '../../../cli/flagTable';
import { gitopsCommand, gitopsFlags, gitopsOptions, type GitopsOptions } from '../shared';

export const flags = defineFlags({
  ...gitopsFlags,
  'management-cluster': { type: 'string', describe: 'Management Cluster the Organization belongs to.' },
  name: { type: 'string', describe: 'Organization name.' },
});

export interface OrganizationOptions extends GitopsOptions {
  managementCluster?: string;
  name?: string;
}

export async function run(o: OrganizationOptions, deps: Deps): Promise<number> {
  const g = await import('../../../gitops');
  const mc = g.required('management-cluster', o.managementCluster, 'the management cluster codename, e.g. --management-cluster demomc');
  const name = g.required('name', o.name, 'the organization name, e.g. --name demoorg');
  g.checkName('management-cluster', mc);
  g.checkOrgName('name', name);
  const result = g.runPlan(o.localPath, g.layers.organizationPlan(mc, name), o.dryRun, `organization "${name}"`);
  deps.stdout.write(result.output);
  return 0;
}

export const definition = gitopsCommand({
  name: 'organization',
  aliases: ['org'],
  describe: 'Adds a new Organization to your GitOps directory structure',
  examples: [['$0 gitops add org --name dummy --management-cluster dummy', 'Add dummy Organization to dummy Management Cluster']],
  flags,
  options: (values): OrganizationOptions => ({ ...gitopsOptions(values), managementCluster: values.managementCluster, name: values.name }),
  run,
});
