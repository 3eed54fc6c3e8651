// How the template commands finish: problems are printed one per line (`error: ...`) and nothing is
// written; otherwise the manifests go to stdout or, with --output, atomically to the file.
import type { Deps } from '../cli/deps';
import { writeFileAtomic } from './atomicWrite';

export function reportProblems(problems: string[], deps: Deps): number {
  for (const problem of problems) deps.stderr.write(`error: ${problem}\n`);
  return 1;
}

export function emit(text: string, output: string | undefined, deps: Deps): number {
  if (output) writeFileAtomic(output, text);
  else deps.stdout.write(text);
  return 0;
}
