// `kubectl gs gitops add organization`: MC/organizations/ORG with the Organization CR and an empty
// workload-clusters/kustomization.yaml.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';

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
  const { mc, org } = g.layerNames({ managementCluster: o.managementCluster, organization: o.name }, ['managementCluster', 'organization'], { organization: 'name' });
  return applyPlan(o, g.layers.organizationPlan(mc, org), `organization "${org}"`, deps);
}

export const definition = defineCommand({
  name: 'organization',
  aliases: ['org'],
  describe: 'Adds a new Organization to your GitOps directory structure',
  examples: [['$0 gitops add org --name dummy --management-cluster dummy', 'Add dummy Organization to dummy Management Cluster']],
  flags,
  options: (values): OrganizationOptions => values,
  run,
});
