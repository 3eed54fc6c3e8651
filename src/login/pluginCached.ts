// The credential plugin's hot path, run by kubectl before every command of a context that logged in with
// kubectl gs: a still-usable id token from the kubeconfig entry or from the shared token cache, with no
// network, no lock and no OIDC library (renewal lives in pluginRenew.ts, loaded only when needed).
// The cache is read without the lock: this program replaces the file atomically, and a file that a Go
// process is writing in place reads as broken JSON, which sends us to the locked path.
import { cacheFiles } from './cacheFile';
import { usableUntil } from './idToken';
import type { PluginSettings } from './pluginEnv';
import { readCacheEntry } from './tokenCache';

export interface Credential {
  token: string;
  /** When kubectl should ask again (ms since the epoch). */
  until: number;
}

export function usable(token: string | undefined, nowMs: number): Credential | undefined {
  const until = usableUntil(token);
  return token && until !== undefined && until > nowMs ? { token, until } : undefined;
}

export function cachedCredential(settings: PluginSettings, env: NodeJS.ProcessEnv, nowMs: number): Credential | undefined {
  const fromKubeconfig = usable(settings.idToken, nowMs);
  if (fromKubeconfig) return fromKubeconfig;
  const files = cacheFiles(settings.issuerUrl, settings.clientId, env);
  return usable(readCacheEntry(files.json)?.idToken, nowMs);
}
