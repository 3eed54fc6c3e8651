// Runs a plan: checks what it builds on, then prints it (--dry-run) or writes it all-or-nothing. A plan
// that changes nothing writes nothing and says so.
import { checkPlan, computeChanges } from './changes';
import { commitChanges } from './commit';
import { printPlan } from './dryRun';
import type { Plan } from './plan';

export interface RunResult {
  /** What to print on stdout. */
  output: string;
  changed: boolean;
}

export function runPlan(repo: string, plan: Plan, dryRun: boolean, what: string): RunResult {
  checkPlan(repo, plan);
  if (dryRun) return { output: printPlan(repo, plan), changed: false };
  const changes = computeChanges(repo, plan);
  if (changes.mkdirs.length === 0 && changes.writes.length === 0) {
    return { output: `Nothing changed: ${what} is already in the repository.\n`, changed: false };
  }
  commitChanges(repo, changes);
  return { output: '', changed: true };
}

