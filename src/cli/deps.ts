// The real deps of the executable (realDeps); the Deps type itself is in src/deps.ts, for every room.

export type { Deps, OutputStream } from '../deps';
import type { Deps, OutputStream } from '../deps';
import { writeSync } from 'node:fs';
import { fdOutput, streamOutput } from './fdOutput';
import { xdgDir } from '../xdgDir';

export { xdgDir };

/**
 * A reader that goes away (`kubectl gs get clusters -A | head`) ends the program quietly, as SIGPIPE ends
 * kubectl (status 128 + 13), rather than with an unhandled EPIPE and a stack trace.
 */
function outputFailed(err: NodeJS.ErrnoException): never {
  if (err.code !== 'EPIPE') {
    try {
      writeSync(2, `error: cannot write the output: ${err.message}\n`);
    } catch {
      // stderr is gone too; the exit status still says it.
    }
  }
  process.exit(err.code === 'EPIPE' ? 141 : 1);
}

function guarded(s: NodeJS.WriteStream): NodeJS.WriteStream {
  s.on('error', outputFailed);
  return s;
}

/** stdout (1) or stderr (2): straight to the descriptor on POSIX; on Windows through Node's stream, which writes a console in UTF-16. */
function output(fd: 1 | 2): OutputStream {
  const stream = () => guarded(fd === 1 ? process.stdout : process.stderr);
  if (process.platform === 'win32') return streamOutput(stream());
  return fdOutput({ fd, stream, onError: outputFailed });
}

export function realDeps(): Deps {
  const env = process.env;
  const stderr = output(2);
  return {
    stdout: output(1),
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
