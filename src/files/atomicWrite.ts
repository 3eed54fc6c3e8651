// Writes a whole file or nothing, and never through a link someone planted. The data goes to a new
// temporary file in the target's folder, under an unpredictable name, created exclusively (O_CREAT |
// O_EXCL: if anything exists at that name, a symbolic link included, the open fails instead of following
// it), with the final permission bits from the start; it is written, flushed to the disk, and renamed
// over the target (atomic within one file system: a reader sees the old file or the new one, never half).
// On any failure (a full disk included) the temporary file is removed and the target is left as it was.
import { closeSync, fchmodSync, fsyncSync, futimesSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoOf, FileWriteError } from './errors';
import { randomSuffix } from './randomName';

export const PRIVATE_FILE_MODE = 0o600;

export interface WriteOptions {
  /** Permission bits of the written file, exactly (the umask cannot widen or narrow them). Default 0600: only its user. */
  mode?: number;
  /**
   * Keep the exact permission bits of the file being replaced; when there is none, `mode` reduced by
   * the umask, as a program creating a file for the user does (template --output: 0644 under umask 022).
   */
  keepMode?: boolean;
  /**
   * fsync the file before the rename, and the folder after it, so the new content survives a power cut
   * (default true: settings, tokens, kubeconfigs, --output files). False only for caches and telemetry
   * signals, written on a command's exit path, where an fsync costs 0.6-4 ms (measured on the
   * development VM) and losing the file in a power cut costs nothing (a cache is read afresh, a signal
   * is one usage count). The write is atomic either way.
   */
  fsync?: boolean;
  /** The file's modification time (ms since epoch), set before it appears (a time stamp file's content). */
  mtimeMs?: number;
}

/** Tries this many temporary names: another one exists only if someone planted it (or an astronomical coincidence). */
const ATTEMPTS = 4;

/**
 * Replaces target with data atomically (see above). The folder must exist (ensurePrivateDir makes one).
 * Throws FileWriteError naming target, with the errno code; nothing is left behind.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const dir = dirname(target);
  let mode = options.mode ?? PRIVATE_FILE_MODE;
  let exact = true;
  if (options.keepMode) {
    try {
      mode = statSync(target).mode & 0o777;
    } catch {
      exact = false; // no file to replace: a new file for the user, under their umask
    }
  }
  let temp = '';
  let fd: number | undefined;
  try {
    for (let attempt = 1; fd === undefined; attempt++) {
      temp = join(dir, `.${basename(target)}.${randomSuffix()}.tmp`);
      try {
        fd = openSync(temp, 'wx', mode);
      } catch (err) {
        temp = ''; // not ours: never remove it
        if (errnoOf(err) !== 'EEXIST' || attempt >= ATTEMPTS) throw err;
      }
    }
    // The umask may have taken bits away from the mode given to open (a kept 0664 would become 0644).
    if (exact && process.platform !== 'win32') fchmodSync(fd, mode);
    writeFileSync(fd, data);
    if (options.mtimeMs !== undefined) futimesSync(fd, options.mtimeMs / 1000, options.mtimeMs / 1000);
    if (options.fsync !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    temp = '';
    if (options.fsync !== false) syncFolder(dir);
  } catch (err) {
    if (fd !== undefined) closeQuietly(fd);
    if (temp) removeQuietly(temp);
    throw new FileWriteError(target, err);
  }
}

/** Makes the rename itself durable. Not possible on Windows (a folder cannot be opened), and best effort elsewhere. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // some file systems refuse to fsync a folder; the file itself is on the disk
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed or never valid
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
