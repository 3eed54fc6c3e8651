// What every `gitops` command shares: the Go tool's persistent --dry-run and --local-path flags (declared
// on each command here), and running a plan.
import type { Deps } from '../../cli/deps';
import { defineFlags } from '../../cli/flagTable';

export const gitopsFlags = defineFlags({
  'dry-run': { type: 'boolean', describe: 'Print files and directories instead of creating them' },
  'local-path': { type: 'string', default: '.', describe: 'Path to the cloned GitOps repository' },
});

export interface GitopsOptions {
  dryRun: boolean;
  localPath: string;
}

/** Runs a plan for a command: printed with --dry-run, else written; what it says goes to stdout. */
export async function applyPlan(o: GitopsOptions, plan: import('../../gitops').Plan, what: string, deps: Deps): Promise<number> {
  const { runPlan } = await import('../../gitops');
  deps.stdout.write(runPlan(o.localPath, plan, o.dryRun, what).output);
  return 0;
}
