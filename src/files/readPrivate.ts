// Reads a file the tool wrote for itself (a telemetry signal in the spool, a cache entry, a token file)
// only if it still is what the tool wrote: a regular file, reached without following a symbolic link,
// with one name (a hard link planted to another file has two), owned by this user, and small. Anything
// else someone put in the tool's folders is not read at all.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: the caller may remove what is not a file of ours. */
export type NotRead = 'missing' | 'not a regular file' | 'symbolic link' | 'not ours' | 'too large' | 'unreadable';

export type ReadResult = { ok: true; text: string } | { ok: false; why: NotRead };
export type BytesResult = { ok: true; data: Buffer } | { ok: false; why: NotRead };

/** O_NOFOLLOW where the platform has it (not Windows, where lstat checks the name instead). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export function readPrivateFile(path: string, maxBytes: number): ReadResult {
  const read = readPrivateBytes(path, maxBytes);
  return read.ok ? { ok: true, text: read.data.toString('utf8') } : read;
}

/** readPrivateFile for binary content (a V8 code cache). */
export function readPrivateBytes(path: string, maxBytes: number): BytesResult {
  let fd: number | undefined;
  try {
    if (!NOFOLLOW && lstatSync(path).isSymbolicLink()) return { ok: false, why: 'symbolic link' };
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW);
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, why: 'not a regular file' };
    if (st.nlink !== 1) return { ok: false, why: 'not ours' };
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) return { ok: false, why: 'not ours' };
    if (st.size > maxBytes) return { ok: false, why: 'too large' };
    // Read up to one byte more than allowed: a file that grew since fstat is still caught.
    const buf = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n; length <= maxBytes && (n = readSync(fd, buf, length, buf.length - length, null)) > 0; ) length += n;
    if (length > maxBytes) return { ok: false, why: 'too large' };
    return { ok: true, data: buf.subarray(0, length) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, why: 'missing' };
    // Linux says ELOOP for O_NOFOLLOW on a link; FreeBSD says EMLINK; opening a folder may say EISDIR.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, why: 'symbolic link' };
    if (code === 'EISDIR') return { ok: false, why: 'not a regular file' };
    return { ok: false, why: 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
