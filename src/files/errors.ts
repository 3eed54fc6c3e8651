// Why a file could not be written or read, in words a user can act on ("read-only file system", not
// "EROFS"), and the error the helpers of this room throw: it names the path and keeps the errno code.

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder does not exist',
  EEXIST: 'a file of that name is in the way',
  ELOOP: 'it is a symbolic link',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

/** The errno code of a Node file-system error, if it has one. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "read-only file system" for EROFS; the code itself for codes without words here. */
export function describeFsError(err: unknown): string {
  const code = errnoOf(err);
  if (code) return REASONS[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}

/** A write (or the folder it needed) failed. The message is one line: "cannot write <path> (<reason>)". */
export class FileWriteError extends Error {
  /** The errno code (EROFS, ENOSPC, ...), or undefined for a failure without one. */
  readonly code: string | undefined;
  constructor(readonly path: string, cause: unknown) {
    super(`cannot write ${path} (${describeFsError(cause)})`, { cause });
    this.name = 'FileWriteError';
    this.code = errnoOf(cause);
  }
}
