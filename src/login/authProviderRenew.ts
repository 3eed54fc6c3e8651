// Renewal of a legacy `auth-provider: oidc` entry (see src/kube/authProviderOidc.ts): under the lock of the
// kubeconfig file that defines the user, look at the entry again, renew with its refresh-token, and write
// both tokens back into that entry only.
import { UserError } from '../errors';
import { writeFileAtomic } from '../files';
import { editKubeconfigText, parseDoc } from './kubeconfigEdit';
import { lockKubeconfig } from './kubeconfigWrite';
import { refreshTokens } from './oidcClient';

type AuthProviderRenewal = import('../kube').OidcRenewal;

/** The auth-provider config of `userName` as the file holds it now. */
function currentConfig(text: string, userName: string): Record<string, string> | undefined {
  const users = parseDoc(text).users;
  if (!Array.isArray(users)) return undefined;
  const entry = users.find((u) => typeof u === 'object' && u !== null && (u as { name?: unknown }).name === userName) as { user?: { 'auth-provider'?: { config?: Record<string, string> } } } | undefined;
  return entry?.user?.['auth-provider']?.config;
}

export async function renewAuthProviderTokens(r: AuthProviderRenewal): Promise<string> {
  const fs = require('node:fs') as typeof import('node:fs');
  const release = r.file ? await lockKubeconfig(r.file) : () => undefined;
  try {
    const text = r.file ? fs.readFileSync(r.file, 'utf8') : '';
    const config = (r.file && currentConfig(text, r.userName)) || r.config;
    if (r.valid(config['id-token'], r.now)) return config['id-token'];
    const caFiles: string[] = [];
    if (config['idp-certificate-authority-data']) caFiles.push(Buffer.from(config['idp-certificate-authority-data'], 'base64').toString('utf8'));
    if (config['idp-certificate-authority']) caFiles.push(fs.readFileSync(config['idp-certificate-authority'], 'utf8'));
    let tokens;
    try {
      tokens = await refreshTokens(config['idp-issuer-url'], config['client-id'], config['refresh-token'], { clientSecret: config['client-secret'], ca: caFiles });
    } catch (err) {
      if ((err as Error).name === 'RefreshRejectedError') {
        throw new UserError(`${(err as Error).message} for user "${r.userName}"; log in again with 'kubectl gs login <installation>'`);
      }
      throw err;
    } finally {
      await (await import('./http')).closeHttp();
    }
    if (r.file) {
      const next = editKubeconfigText(text, {
        entries: [
          {
            list: 'users',
            name: r.userName,
            update: (body) => {
              const provider = { ...((body?.['auth-provider'] as Record<string, unknown>) ?? {}) };
              provider.config = { ...((provider.config as Record<string, unknown>) ?? {}), 'id-token': tokens.idToken, 'refresh-token': tokens.refreshToken };
              return { ...(body ?? {}), 'auth-provider': provider };
            },
          },
        ],
      });
      try {
        writeFileAtomic(fs.realpathSync(r.file), next, { mode: 0o600 });
      } catch (err) {
        throw new UserError(`cannot save the renewed oidc tokens into ${r.file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
    }
    return tokens.idToken;
  } finally {
    release();
  }
}
