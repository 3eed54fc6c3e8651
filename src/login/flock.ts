// An exclusive flock(2) on a lock file, the lock the Go kubectl-gs takes (syscall.Flock(fd, LOCK_EX) on
// token-<key>.lock), so that this executable, the Go one and any number of either wait for each other.
//
// Node has no flock. Native addons (fs-ext) cannot be loaded from a single-executable app, and a lock of
// our own kind (an O_EXCL file) would not exclude a Go process. So the lock file is opened here and its
// descriptor handed to a small helper as fd 3: `flock -x 3` (util-linux, present on every Linux) or, where
// that is missing (macOS), perl's flock. A flock belongs to the open file description, which the helper
// shares with us; the helper exits once it holds the lock, and the lock stays ours until we close our
// descriptor (or exit, or crash: the kernel releases it, so a dead process never leaves a stale lock).
// Cost: one process start (~2-5 ms), only on the renewal path, never on the cached one.
// Windows: Go's lock there is only an open file (no exclusion); this does the same.

export interface HeldLock {
  release(): void;
}

type Helper = { command: string; args: string[] };

const helpers: Helper[] = [
  { command: 'flock', args: ['-x', '3'] },
  { command: 'perl', args: ['-MFcntl=:flock', '-e', 'open(my $f, "+<&=", 3) or exit 2; flock($f, LOCK_EX) or exit 3; exit 0'] },
];

/** Resolves once the lock is held; rejects when no helper could take it within timeoutMs. */
export async function lockExclusive(path: string, timeoutMs: number): Promise<HeldLock> {
  const fs = require('node:fs') as typeof import('node:fs');
  const fd = fs.openSync(path, fs.constants.O_CREAT | fs.constants.O_RDWR, 0o600);
  const release = () => {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  };
  if (process.platform === 'win32') return { release };
  let lastError: Error | undefined;
  for (const helper of helpers) {
    const outcome = await runHelper(helper, fd, timeoutMs);
    if (outcome === 'locked') return { release };
    if (outcome === 'timeout') {
      release();
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for the lock ${path}`);
    }
    lastError = outcome;
  }
  release();
  throw new Error(`cannot lock ${path}: ${lastError?.message ?? 'no flock helper'}`);
}

function runHelper(helper: Helper, fd: number, timeoutMs: number): Promise<'locked' | 'timeout' | Error> {
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: 'locked' | 'timeout' | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(v);
    };
    const child = spawn(helper.command, helper.args, { stdio: ['ignore', 'ignore', 'ignore', fd] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done('timeout');
    }, timeoutMs);
    child.on('error', (err) => done(err));
    child.on('exit', (code, signal) => done(code === 0 ? 'locked' : new Error(`${helper.command} exited with ${signal ?? code}`)));
  });
}
