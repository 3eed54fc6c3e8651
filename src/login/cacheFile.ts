// Where the Go kubectl-gs keeps its OIDC token cache (pkg/credentialcache), computed the same way so that
// both executables share one cache and one lock: a user can switch between them in the middle of a day
// without logging in again.
//   dir:  os.UserHomeDir()/.kube/.kubectl-gs/cache (os.TempDir() when there is no home)
//   name: token-<hex of the first 16 bytes of sha256("<issuer>:<clientID>")>.json, and .lock beside it
// Node modules are required inside the functions: this file is on the credential plugin's cached path.
// (sha256Hex is the shared plain-JavaScript one in src/sha256.ts, for the same reason.)
import { sha256Hex } from '../sha256';

export interface CacheFiles {
  dir: string;
  json: string;
  lock: string;
}

/** Go's os.UserHomeDir: $HOME on Unix, %USERPROFILE% on Windows; undefined when unset. */
function userHomeDir(env: NodeJS.ProcessEnv): string | undefined {
  const home = process.platform === 'win32' ? env.USERPROFILE : env.HOME;
  return home || undefined;
}

export function cacheDir(env: NodeJS.ProcessEnv): string {
  const path = require('node:path') as typeof import('node:path');
  const home = userHomeDir(env);
  const base = home ?? (require('node:os') as typeof import('node:os')).tmpdir();
  return path.join(base, '.kube', '.kubectl-gs', 'cache');
}

/** The hex part of the file names: fmt.Sprintf("%x", sha256.Sum256([]byte(issuer + ":" + clientID))[:16]). */
export function cacheKey(issuerUrl: string, clientId: string): string {
  // Plain-JS SHA-256: loading node:crypto would cost this hot path more than the rest of it (measured
  // with scripts/bench/login.mjs). 16 bytes = the first 32 hex digits.
  return sha256Hex(`${issuerUrl}:${clientId}`).slice(0, 32);
}

export function cacheFiles(issuerUrl: string, clientId: string, env: NodeJS.ProcessEnv): CacheFiles {
  const path = require('node:path') as typeof import('node:path');
  const dir = cacheDir(env);
  const key = cacheKey(issuerUrl, clientId);
  return { dir, json: path.join(dir, `token-${key}.json`), lock: path.join(dir, `token-${key}.lock`) };
}
