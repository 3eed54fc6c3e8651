// `kubectl gs gitops init`: the repository root: management-clusters/, .sops.yaml and the pre-commit hook
// that refuses unencrypted *.enc.yaml files.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { applyPlan, gitopsFlags, type GitopsOptions } from './shared';

export const flags = { ...gitopsFlags };

export async function run(o: GitopsOptions, deps: Deps): Promise<number> {
  const { layers } = await import('../../gitops');
  return applyPlan(o, layers.initPlan(), 'the repository set-up', deps);
}

export const definition = defineCommand({
  name: 'init',
  describe: 'Initialize GitOps repository with a basic configuration.',
  examples: [
    ['$0 gitops init', 'Initialize repository at the current directory'],
    ['$0 gitops init --local-path /tmp/gitops-demo', 'Initialize repository at given location'],
    ['$0 gitops init --local-path /tmp/gitops-demo --dry-run', 'Initialize dry-run'],
  ],
  flags,
  options: (values): GitopsOptions => values,
  run,
});
