// Folders that hold what only their user may read (telemetry spool and caches, the discovery cache with
// its API server URLs, token files): created 0700, and an existing one that is more open (made by an
// older version as 0755) is closed to 0700 when the tool writes into it again.
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { errnoOf, FileWriteError } from './errors';

export const PRIVATE_DIR_MODE = 0o700;

/**
 * Makes dir (and any missing parents, also 0700, as the XDG spec asks) and leaves it 0700. Throws
 * FileWriteError naming the folder that could not be made, with the real reason (a read-only or full
 * file system, a file in the way, a folder of another user, whose mode cannot be changed). Permission
 * bits mean little on Windows; there it only makes the folder.
 */
export function ensurePrivateDir(dir: string): void {
  let at = dir;
  try {
    let st = statSync(dir, { throwIfNoEntry: false });
    if (!st) {
      makeFolders(dir, (d) => (at = d));
      at = dir;
      st = statSync(dir);
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
    if (process.platform !== 'win32' && (st.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    throw err instanceof FileWriteError ? err : new FileWriteError(at, err);
  }
}

/**
 * mkdir -p, one folder at a time: Node's recursive mkdir reports ENOENT ("no such folder") when the
 * real trouble is a read-only file system or a missing permission further up.
 */
function makeFolders(dir: string, trying: (dir: string) => void): void {
  const parent = dirname(dir);
  if (parent !== dir && !statSync(parent, { throwIfNoEntry: false })) makeFolders(parent, trying);
  trying(dir);
  try {
    mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
  } catch (err) {
    if (errnoOf(err) !== 'EEXIST') throw err; // made by another process meanwhile: fine
  }
}
