// How the template commands finish: problems are printed one per line (`error: ...`) and nothing is
// written; otherwise the manifests go to stdout or, with --output, atomically to the file.
import type { Deps } from '../deps';
import { UserError } from '../errors';
import { FileWriteError, writeFileAtomic } from '../files/index';

export function reportProblems(problems: string[], deps: Deps): number {
  for (const problem of problems) deps.stderr.write(`error: ${problem}\n`);
  return 1;
}

export function emit(text: string, output: string | undefined, deps: Deps): number {
  if (output) writeOutputFile(output, text);
  else deps.stdout.write(text);
  return 0;
}

/**
 * The whole file or nothing (the previous file stays byte-identical on any failure), written as the user
 * expects of a file they asked for: a new one 0644 reduced by their umask, a replaced one with its
 * permissions kept. (Not private: manifests hold no secrets, and are meant to be committed and shared.)
 */
function writeOutputFile(target: string, text: string): void {
  try {
    writeFileAtomic(target, text, { mode: 0o644, keepMode: true });
  } catch (err) {
    const reason = err instanceof FileWriteError ? (err.code ?? 'error') : (err as Error).message;
    throw new UserError(`cannot write ${target} (${reason}); check that the directory exists and is writable`);
  }
}
