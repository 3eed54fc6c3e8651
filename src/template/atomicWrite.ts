// Writes a whole file or nothing: the text goes to a temporary file in the same directory, which is then
// renamed over the target (rename is atomic within one file system). On any failure the previous file is
// left byte-identical and the temporary file is removed.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../cli/errors';

export function writeFileAtomic(target: string, text: string): void {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777; // keep the permissions of the file being replaced
  } catch {
    // no previous file
  }
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UserError(`cannot write ${target} (${reason}); check that the directory exists and is writable`);
  }
}
