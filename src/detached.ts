// Starts a program in the background, as the telemetry flusher and the version check's refresh are
// started: detached, with no input or output (the shell never waits for it), in a working directory of
// its own choosing (never the user's, which may be a mount point to release), and at the lowest CPU
// priority, so that on a machine with few cores its start-up does not compete with the exit of the
// command that started it (measured in npm run bench: telemetry.mjs, versioncheck.mjs). Never waits.

/** Returns the child's pid, or undefined when it could not be started. Never throws. */
export function startDetached(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number | undefined {
  try {
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const child = spawn(command, args, { cwd, detached: true, stdio: 'ignore', env, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    if (!child.pid) return undefined;
    try {
      (require('node:os') as typeof import('node:os')).setPriority(child.pid, 19);
    } catch {
      // Not permitted here: it runs at normal priority.
    }
    return child.pid;
  } catch {
    return undefined;
  }
}
