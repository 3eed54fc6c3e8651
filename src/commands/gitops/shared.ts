// What every `gitops` command shares: the Go tool's persistent --dry-run and --local-path flags, and the
// shape of a command module until it is registered in the CLI's command tree.
import type { Deps } from '../../cli/deps';
import { defineFlags, type FlagTable, type FlagValues } from '../../cli/flagTable';

export const gitopsFlags = defineFlags({
  'dry-run': { type: 'boolean', describe: 'Print files and directories instead of creating them' },
  'local-path': { type: 'string', default: '.', describe: 'Path to the cloned GitOps repository' },
});

export interface GitopsOptions {
  dryRun: boolean;
  localPath: string;
}

export function gitopsOptions(values: FlagValues<typeof gitopsFlags>): GitopsOptions {
  return { dryRun: values.dryRun, localPath: values.localPath };
}

/** The context options() receives: which flags were given on the command line (by long name). */
export interface OptionsContext {
  given: readonly string[];
  /** The global (kubectl) flags; `add app` reads its deprecated --namespace there. */
  global?: { namespace?: string };
}

export interface GitopsCommand<T extends FlagTable, O> {
  name: string;
  aliases?: string[];
  describe: string;
  examples?: Array<[string, string]>;
  flags: T;
  options: (values: FlagValues<T>, ctx: OptionsContext) => O;
  run: (options: O, deps: Deps) => Promise<number>;
}

export function gitopsCommand<const T extends FlagTable, O>(c: GitopsCommand<T, O>): GitopsCommand<T, O> {
  return c;
}

/** Runs a plan for a command: printed with --dry-run, else written; what it says goes to stdout. */
export async function applyPlan(o: GitopsOptions, plan: import('../../gitops').Plan, what: string, deps: Deps): Promise<number> {
  const { runPlan } = await import('../../gitops');
  deps.stdout.write(runPlan(o.localPath, plan, o.dryRun, what).output);
  return 0;
}
