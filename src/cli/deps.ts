// What a command's run() may touch in the world. Tests pass fakes; the executable passes realDeps().
import type { GlobalOptions } from './globalFlags';

export interface OutputStream {
  write(chunk: string): boolean;
  /** Resolves once everything written so far has been handed to the OS (for large outputs). */
  drain?(): Promise<void>;
  isTTY?: boolean;
}

export interface Deps {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** The current time; injectable so ages and durations can be tested. */
  now(): Date;
  /** The directory for per-user configuration (XDG_CONFIG_HOME/kubectl-gs by default). */
  configDir(): string;
  /** The directory for caches (XDG_CACHE_HOME/kubectl-gs by default). */
  cacheDir(): string;
  /**
   * Builds a Kubernetes client from the global connection flags. Loaded lazily so that commands that
   * never talk to a cluster never load the client code.
   */
  kube(global: GlobalOptions): Promise<import('../kube').KubeClient>;
  /**
   * How to run this program again (the telemetry spool flusher starts it in the background). Absent in
   * tests, where nothing is spawned.
   */
  self?(): { command: string; args: string[] };
}

function streamOf(s: NodeJS.WriteStream): OutputStream {
  // A reader that goes away (`kubectl gs get clusters -A | head`) ends the program quietly, as SIGPIPE ends
  // kubectl (status 128 + 13), rather than with an unhandled EPIPE and a stack trace.
  s.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`error: cannot write the output: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? 141 : 1);
  });
  return {
    write: (chunk) => s.write(chunk),
    drain: () => new Promise((resolve) => (s.writableNeedDrain ? s.once('drain', () => resolve()) : resolve())),
    isTTY: s.isTTY,
  };
}

export function xdgDir(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const path = require('node:path') as typeof import('node:path');
  const given = env[variable];
  if (given && path.isAbsolute(given)) return path.join(given, 'kubectl-gs');
  // $HOME first, as Go's os.UserHomeDir reads it; node:os only when it is unset (loading it costs ~0.3 ms).
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : (require('node:os') as typeof import('node:os')).homedir();
  return path.join(home, fallback, 'kubectl-gs');
}

export function realDeps(): Deps {
  const env = process.env;
  const stderr = streamOf(process.stderr);
  return {
    stdout: streamOf(process.stdout),
    stderr,
    env,
    now: () => new Date(),
    configDir: () => xdgDir(env, 'XDG_CONFIG_HOME', '.config'),
    cacheDir: () => xdgDir(env, 'XDG_CACHE_HOME', '.cache'),
    kube: async (global) => (await import('../kube')).createKubeClient(global, env, global.debug ? (line) => stderr.write(line) : undefined),
    // The single executable is kubectl-gs itself; under plain node (development) it is node + the script.
    self: () => ((require('node:sea') as typeof import('node:sea')).isSea() ? { command: process.execPath, args: [] } : { command: process.execPath, args: [process.argv[1]] }),
  };
}
