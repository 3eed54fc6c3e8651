// The direct OIDC login of a workload cluster (cmd/login/wc_oidc.go runOIDCLogin): the browser flow at the
// cluster's own issuer (any OIDC provider, not Dex: PKCE, callback path "/", scopes openid profile email
// offline_access + --oidc-scope), the token checked against the cluster's API server (a warning only), and
// a warning when the issuer gave no refresh token. The tokens end in the kubeconfig's exec entry (Go's
// oidcExec, mcKubeconfig.ts) and in the credential plugin's cache.
import { UserError } from '../errors';
import type { AuthIssuer } from './wcStructuredAuth';

/** Go's directOIDCScopes. */
export const directOidcScopes = ['openid', 'profile', 'email', 'offline_access'];

export interface WcOidcDeps {
  out(text: string): void;
  err(text: string): void;
  /** The browser login (authorization code + PKCE) at a direct issuer, redirect http://localhost:<port>/ (Go's
   *  handleDirectOIDC), with login's --callback-host/-port and --login-timeout. */
  browserLogin(params: { issuer: string; clientId: string; scopes: string[] }): Promise<{ idToken: string; refreshToken?: string }>;
  /** Go's VerifyIDTokenWithKubernetesAPI: GET /version with the token; rejects with the reason when refused. */
  verifyToken(idToken: string, server: string, caPem: string): Promise<void>;
  /** The credential plugin's cache (Go's credentialcache.WriteWithLock). */
  writeTokenCache(issuerUrl: string, clientId: string, idToken: string, refreshToken: string): void;
}

export interface WcOidcLogin {
  issuer: AuthIssuer;
  /** The workload cluster's API server and its CA (PEM), for the verification. */
  server: string;
  caPem: string;
  extraScopes: string[];
  deviceAuth: boolean;
}

export async function runWcOidcLogin(l: WcOidcLogin, deps: WcOidcDeps): Promise<{ idToken: string; refreshToken?: string }> {
  if (l.deviceAuth) throw new UserError('device auth is not supported for direct OIDC issuers; use browser-based login');
  const tokens = await deps.browserLogin({ issuer: l.issuer.issuerUrl, clientId: l.issuer.clientId, scopes: [...directOidcScopes, ...l.extraScopes] });
  try {
    await deps.verifyToken(tokens.idToken, l.server, l.caPem);
  } catch (err) {
    deps.err(`OIDC flow succeeded but token verification returned error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  if (!tokens.refreshToken) {
    deps.err(
      `Warning: the OIDC provider (${l.issuer.issuerUrl}) did not return a refresh token. The generated kubeconfig will only work until the ID token expires; after that, re-run 'kubectl gs login' to renew. To enable automatic renewal, configure the OIDC application (client: ${l.issuer.clientId}) to issue refresh tokens (enable the 'offline_access' scope and the refresh-token grant).\n`,
    );
  }
  return tokens;
}
