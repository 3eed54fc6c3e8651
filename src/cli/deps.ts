// The real deps of the executable (realDeps); the Deps type itself is in src/deps.ts, for every room.

export type { Deps, OutputStream } from '../deps';
import type { Deps, OutputStream } from '../deps';

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
    kube: async (global) => {
      const kube = await import('../kube');
      // Legacy `auth-provider: oidc` entries are renewed by login's code, which the kube room cannot import.
      kube.setOidcRenewer(async (renewal) => (await import('../login/authProviderRenew')).renewAuthProviderTokens(renewal));
      return kube.createKubeClient(global, env, global.debug ? (line) => stderr.write(line) : undefined);
    },
    // The single executable is kubectl-gs itself; under plain node (development) it is node + the script.
    self: () => ((require('node:sea') as typeof import('node:sea')).isSea() ? { command: process.execPath, args: [] } : { command: process.execPath, args: [process.argv[1]] }),
  };
}
