// The credential plugin's renewal path (Go's cmd/credentialplugin runner after its fast path): under the
// exclusive lock shared with the Go tool, look at the cache again (another process may have renewed while
// we waited), else spend the newest refresh token once and cache the result. Twenty kubectl processes
// started at once on an expired token therefore make one token request: the first renews, the others
// wait for the lock and find its result in the cache. Unlike Go, discovery happens under the lock, after
// that second look, so the waiting processes make no request at all.
import { UserError } from '../errors';
import { ensurePrivateDir } from './privateDir';
import { cacheFiles } from './cacheFile';
import { lockExclusive, type HeldLock } from './flock';
import { loginHint } from './loginHint';
import type { TokenPair } from './oidcClient';
import { usable, type Credential } from './pluginCached';
import type { PluginSettings } from './pluginEnv';
import { readCacheEntry, writeCacheEntry } from './tokenCache';

export interface RenewDeps {
  env: NodeJS.ProcessEnv;
  stderr: { write(s: string): unknown };
  now(): number;
  /** The token request; openid-client against the issuer unless a test gives another. */
  refresh?: (issuerUrl: string, clientId: string, refreshToken: string) => Promise<TokenPair>;
  lockTimeoutMs?: number;
}

export async function renewedCredential(settings: PluginSettings, deps: RenewDeps): Promise<Credential> {
  const files = cacheFiles(settings.issuerUrl, settings.clientId, deps.env);
  let lock: HeldLock | undefined;
  try {
    ensurePrivateDir(files.dir);
    lock = await lockExclusive(files.lock, deps.lockTimeoutMs ?? 60_000);
  } catch (err) {
    // Go's fallback: go on without coordination rather than fail the user's kubectl command.
    deps.stderr.write(`kubectl-gs: warning: failed to acquire token cache lock: ${(err as Error).message}\n`);
  }
  try {
    let refreshToken = settings.refreshToken;
    const cached = readCacheEntry(files.json);
    if (cached) {
      const fresh = usable(cached.idToken, deps.now());
      if (fresh) return fresh;
      // The cached refresh token is the newest one when the issuer rotates them.
      if (cached.refreshToken) {
        refreshToken = cached.refreshToken;
      }
    }
    if (!refreshToken) {
      throw new UserError(
        `the ID token in this kubeconfig has expired and no refresh token is available to renew it; log in again with ${loginHint(settings, deps.env)}`,
      );
    }
    // Go prints "kubectl-gs: renewing OIDC token (...)" here on every renewal; kubectl shows a plugin's
    // stderr to the user, so this stays quiet and a failure is one line.
    const refresh = deps.refresh ?? (async (i: string, c: string, r: string) => (await import('./oidcClient')).refreshTokens(i, c, r));
    let tokens: TokenPair;
    try {
      tokens = await refresh(settings.issuerUrl, settings.clientId, refreshToken);
    } catch (err) {
      if ((err as Error).name === 'RefreshRejectedError') {
        throw new UserError(`${(err as Error).message}; log in again with ${loginHint(settings, deps.env)}`);
      }
      throw err;
    }
    try {
      writeCacheEntry(files.dir, files.json, tokens);
    } catch (err) {
      throw new UserError(`failed to cache token: cannot write ${files.json} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return usable(tokens.idToken, deps.now()) ?? { token: tokens.idToken, until: deps.now() };
  } finally {
    lock?.release();
  }
}
