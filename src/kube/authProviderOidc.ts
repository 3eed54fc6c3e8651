// The legacy `auth-provider: oidc` user entry (written by older Go kubectl-gs logins and other tools), as
// client-go's oidc auth provider handled it before kubectl dropped it: the id-token is used while it is
// valid (client-go's 10 s margin); an expired one is renewed with the refresh-token at idp-issuer-url
// (client-id, client-secret when present, idp-certificate-authority(-data) for the issuer's TLS), and
// both new tokens are saved back into the kubeconfig file that defined the user, under kubectl's lock,
// editing only that entry. Two commands renewing at once: the second finds the first one's token in the
// file once it gets the lock, and spends nothing.
import { UserError } from '../cli/errors';
import type { Connection } from './connection';

const expiryMarginSeconds = 10;

function validToken(token: string | undefined, nowMs: number): boolean {
  const { tokenTimes } = require('../login/idToken') as typeof import('../login/idToken');
  const times = tokenTimes(token);
  return times !== undefined && times.exp * 1000 > nowMs + expiryMarginSeconds * 1000;
}

export async function oidcAuthProviderToken(conn: Pick<Connection, 'user' | 'userName' | 'userSource'>, env: NodeJS.ProcessEnv, nowMs = Date.now()): Promise<string> {
  const config = conn.user.authProvider?.config ?? {};
  const whose = `user "${conn.userName ?? ''}"`;
  if (validToken(config['id-token'], nowMs)) return config['id-token'];
  if (!config['refresh-token']) {
    if (config['id-token']) return config['id-token']; // the server decides; nothing to renew with
    throw new UserError(`${whose} has an oidc auth-provider without id-token or refresh-token; log in again with 'kubectl gs login <installation>'`);
  }
  if (!config['idp-issuer-url'] || !config['client-id']) {
    throw new UserError(`${whose} has an expired oidc id-token, and its auth-provider lacks idp-issuer-url or client-id to renew it; log in again with 'kubectl gs login <installation>'`);
  }
  const { renewAuthProviderTokens } = await import('../login/authProviderRenew');
  return renewAuthProviderTokens({ userName: conn.userName ?? '', file: conn.userSource, config, env, now: nowMs, valid: validToken });
}
