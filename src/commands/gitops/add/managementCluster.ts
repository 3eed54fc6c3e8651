// `kubectl gs gitops add management-cluster`: management-clusters/MC with its Flux Kustomization, the
// master key Secret, .sops.keys/ and organizations/; --gen-master-key adds a SOPS key pair.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';

export const flags = defineFlags({
  ...gitopsFlags,
  'gen-master-key': { type: 'boolean', describe: 'Generate Management Cluster master GPG key for SOPS.' },
  name: { type: 'string', describe: 'Codename of the Management Cluster.' },
  'repository-name': { type: 'string', describe: 'Name of the gitops repository.' },
});

export interface ManagementClusterOptions extends GitopsOptions {
  genMasterKey: boolean;
  name?: string;
  repositoryName?: string;
}

export async function run(o: ManagementClusterOptions, deps: Deps): Promise<number> {
  const g = await import('../../../gitops');
  const { mc: name } = g.layerNames({ managementCluster: o.name }, ['managementCluster'], { managementCluster: 'name' });
  const repository = g.required('repository-name', o.repositoryName, 'the GitOps repository name, e.g. --repository-name gitops-demo');
  g.checkRepositoryName('repository-name', repository);
  // A management cluster already in the repository keeps its key: a new one would only add an unused key
  // file and rule (`add encryption` adds keys to existing layers).
  const exists = g.layers.managementClusterExists(o.localPath, name);
  const key = o.genMasterKey && !exists ? await g.generateKeyPair(`${name} Flux master`) : undefined;
  return applyPlan(o, g.layers.managementClusterPlan({ name, repository, key }), `management cluster "${name}"`, deps);
}

export const definition = defineCommand({
  name: 'management-cluster',
  aliases: ['mc'],
  describe: 'Adds a new Management Cluster to your GitOps directory structure',
  examples: [
    ['$0 gitops add mc --name dummy --repository-name gitops-demo', 'Add dummy Management Cluster'],
    ['$0 gitops add mc --name dummy --repository-name gitops-demo --gen-master-key', 'Add dummy Management Cluster with master GPG key'],
  ],
  flags,
  options: (values): ManagementClusterOptions => values,
  run,
});
