// `kubectl gs gitops check`: whether the repository is up to date with the structure this build
// generates (exit 1 when not, for CI), and `--adopt` to record the layers of an older repository.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../errors';
import { defineFlags } from '../../cli/flagTable';
import { gitopsFlags, type GitopsOptions } from './shared';

export const flags = defineFlags({
  ...gitopsFlags,
  adopt: { type: 'boolean', describe: 'Record the layers of a repository that does not track its structure version yet.' },
});

export interface CheckOptions extends GitopsOptions {
  adopt: boolean;
}

export async function run(o: CheckOptions, deps: Deps): Promise<number> {
  const { checkRepository } = await import('../../gitops');
  const result = checkRepository(o.localPath, { adopt: o.adopt, dryRun: o.dryRun });
  deps.stdout.write(result.output);
  if (result.error) throw new UserError(result.error);
  return 0;
}

export const definition = defineCommand({
  name: 'check',
  describe: 'Check whether the GitOps repository is up to date with the repository structure.',
  examples: [
    ['$0 gitops check', 'Check the repository at the current directory'],
    ['$0 gitops check --local-path /tmp/gitops-demo', 'Check the repository at a given location'],
    ['$0 gitops check --local-path /tmp/gitops-demo --adopt', 'Record what a pre-existing repository already holds'],
    ['$0 gitops check --local-path /tmp/gitops-demo --adopt --dry-run', 'See what adoption would record, without writing it'],
  ],
  flags,
  options: (values): CheckOptions => values,
  run,
});
