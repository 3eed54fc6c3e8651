// Writes a whole file or nothing: the text goes to a temporary file in the same directory, which is then
// renamed over the target (rename is atomic within one file system). On any failure the previous file is
// left byte-identical and the temporary file is removed.
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../cli/errors';

export function writeFileAtomic(target: string, text: string): void {
  const dir = dirname(target);
  // node:crypto only here, when a file is written: loading it costs every template command ~10 ms of CPU
  // on Node 26 (8 ms more than on Node 24), although most print to stdout.
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
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
