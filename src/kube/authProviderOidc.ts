// The legacy `auth-provider: oidc` user entry (written by older Go kubectl-gs logins and other tools), as
// client-go's oidc auth provider handled it before kubectl dropped it: the id-token is used while it is
// valid (client-go's 10 s margin); an expired one is renewed with the refresh-token at idp-issuer-url
// (client-id, client-secret when present, idp-certificate-authority(-data) for the issuer's TLS), and
// both new tokens are saved back into the kubeconfig file that defined the user, under kubectl's lock,
// editing only that entry. Two commands renewing at once: the second finds the first one's token in the
// file once it gets the lock, and spends nothing.
//
// The renewal itself (an OIDC client, kubeconfig editing under a lock) is login's work: login uses this
// room, so this room does not import login; the CLI hands the renewer in (setOidcRenewer, src/cli/deps.ts).
import { UserError } from '../errors';
import { tokenClaims } from '../jwtClaims';
import type { Connection } from './connection';

const expiryMarginSeconds = 10;

function validToken(token: string | undefined, nowMs: number): boolean {
  const exp = token && token.split('.').length === 3 ? tokenClaims(token).exp : undefined;
  return typeof exp === 'number' && exp * 1000 > nowMs + expiryMarginSeconds * 1000;
}

export interface OidcRenewal {
  userName: string;
  /** The file that defined the user; undefined when it came from flags only (then nothing is saved). */
  file?: string;
  config: Record<string, string>;
  env: NodeJS.ProcessEnv;
  now: number;
  valid(token: string | undefined, nowMs: number): boolean;
}

export type OidcRenewer = (renewal: OidcRenewal) => Promise<string>;

let renewer: OidcRenewer | undefined;

/** Installs what renews an expired id-token (the CLI installs login's; tests may install their own). */
export function setOidcRenewer(renew: OidcRenewer | undefined): void {
  renewer = renew;
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
  if (!renewer) throw new UserError(`${whose} has an expired oidc id-token that this program cannot renew; log in again with 'kubectl gs login <installation>'`);
  return renewer({ userName: conn.userName ?? '', file: conn.userSource, config, env, now: nowMs, valid: validToken });
}
