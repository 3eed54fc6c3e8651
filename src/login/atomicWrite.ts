// Writes a whole file or nothing: a new temporary file ('wx': never an existing one, so never someone
// else's) in the target's directory, synced, then renamed over the target. A reader (kubectl, the Go
// kubectl-gs, another credential plugin) sees the old file or the new one, never a part.
// To be replaced by the shared helper in src/files/ once it lands on main (note for the lead).

export function writeFileAtomic(target: string, data: string, mode: number): void {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    // The mode given to open is masked by the umask; the file must end up exactly `mode` (0600 for secrets).
    fs.fchmodSync(fd, mode);
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw err;
  }
}

/** mkdir -p with mode 0700 for folders that hold secrets (existing folders are left as they are, as Go's MkdirAll does). */
export function ensurePrivateDir(dir: string): void {
  const fs = require('node:fs') as typeof import('node:fs');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
