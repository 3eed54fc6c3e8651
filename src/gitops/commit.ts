// Puts a set of changes into the repository all or nothing. New contents are first written to a staging
// folder inside the repository root (same file system, so renames are atomic); then directories are made
// and each file renamed into place, the file it replaces moved aside first. If any step fails, every step
// done is undone in reverse (new files removed, replaced files moved back, new directories removed), so
// the tree is left as it was, and the error is reported.
import { mkdirSync, mkdtempSync, renameSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';
import { writeFileAtomic } from '../files';
import type { Changes } from './changes';
import { defaultDirMode } from './plan';

function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

export function commitChanges(repo: string, changes: Changes): void {
  let staging: string;
  try {
    staging = mkdtempSync(join(repo, '.gitops-staging-'));
  } catch (err) {
    throw new UserError(`cannot write in ${repo} (${reason(err)}); check that the folder is writable`);
  }
  const undo: Array<() => void> = [];
  try {
    changes.writes.forEach((w, i) => {
      const staged = join(staging, `new-${i}`);
      // Exclusive create, flushed, with exactly the mode asked for whatever the umask (the shared writer).
      writeFileAtomic(staged, w.data, { mode: w.mode });
    });
    for (const d of changes.mkdirs) {
      const full = join(repo, d);
      try {
        mkdirSync(full, { mode: defaultDirMode });
      } catch (err) {
        throw new UserError(`cannot create ${full} (${reason(err)}); check that the folder is writable`);
      }
      undo.push(() => rmdirSync(full));
    }
    changes.writes.forEach((w, i) => {
      const full = join(repo, w.path);
      const staged = join(staging, `new-${i}`);
      try {
        if (w.replaces) {
          const aside = join(staging, `old-${i}`);
          renameSync(full, aside);
          undo.push(() => renameSync(aside, full));
        }
        renameSync(staged, full);
        if (!w.replaces) undo.push(() => unlinkSync(full));
      } catch (err) {
        throw new UserError(`cannot write ${full} (${reason(err)}); check that the folder is writable`);
      }
    });
  } catch (err) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // keep undoing the rest; what could not be undone stays in the staging folder below
      }
    }
    rmSync(staging, { recursive: true, force: true });
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot write in ${repo} (${reason(err)}); check that the folder is writable and has free space`);
  }
  rmSync(staging, { recursive: true, force: true });
}
