// Where the Go kubectl-gs keeps its OIDC token cache (pkg/credentialcache), computed the same way so that
// both executables share one cache and one lock: a user can switch between them in the middle of a day
// without logging in again.
//   dir:  os.UserHomeDir()/.kube/.kubectl-gs/cache (os.TempDir() when there is no home)
//   name: token-<hex of the first 16 bytes of sha256("<issuer>:<clientID>")>.json, and .lock beside it
// Node modules are required inside the functions: this file is on the credential plugin's cached path.

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
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${issuerUrl}:${clientId}`, 'utf8').digest().subarray(0, 16).toString('hex');
}

export function cacheFiles(issuerUrl: string, clientId: string, env: NodeJS.ProcessEnv): CacheFiles {
  const path = require('node:path') as typeof import('node:path');
  const dir = cacheDir(env);
  const key = cacheKey(issuerUrl, clientId);
  return { dir, json: path.join(dir, `token-${key}.json`), lock: path.join(dir, `token-${key}.lock`) };
}
