// The two interactive logins of `kubectl gs login` against an installation's issuer (Dex), as the Go
// tool runs them (cmd/login/oidc.go): authorization code through the browser and a loopback callback,
// or the device flow (--device-auth). Both return the tokens and the user name Go derives for the
// kubeconfig user entry. PKCE is used on both code flows here (Go uses it only for direct OIDC logins);
// Dex and every current issuer accept it, and it keeps a stolen code useless.
import { UserError } from '../errors';
import { formatDuration } from '../kube/duration';
import { startCallbackServer } from './callbackServer';
import { tokenClaims } from '../jwtClaims';
import { authorizationRequest, discover, exchangeCode, startDeviceAuthorization, type TokenPair } from './oidcClient';

/** The Giant Swarm Dex client the Go tool logs in with. */
export const goClientId = 'zQiFLUnrTFQwrybYzeY53hWWfhOKWRAU';
export const goScopes = ['openid', 'profile', 'email', 'groups', 'offline_access', 'audience:server:client_id:dex-k8s-authenticator'];

export interface LoginResult extends TokenPair {
  clientId: string;
  /** Go's user name: the e-mail's local part (browser), or name with dots, lower-case, + "-device". */
  username: string;
  email?: string;
}

export interface LoginIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Opens the URL in a browser; false when none could be started. */
  openBrowser(url: string): Promise<boolean>;
}

export interface BrowserLoginOptions {
  issuer: string;
  clientId?: string;
  scopes?: string[];
  /** connector_id=<id> when given, else connector_filter=giantswarm (--cluster-admin) or customer. */
  connectorId?: string;
  clusterAdmin?: boolean;
  callbackHost: string;
  callbackPort: number;
  timeoutMs: number;
  /** A direct issuer (not Dex): no connector parameters, redirect URI http://localhost:<port> (Go's GetPlainAuthURL). */
  plain?: boolean;
}

function timeoutError(timeoutMs: number): UserError {
  const seconds = Math.round((2 * timeoutMs) / 1000);
  return new UserError(
    `your authentication flow timed out after ${formatDuration(timeoutMs)}; run the same command again, and give it more time with --login-timeout if needed, for example --login-timeout=${seconds}s`,
  );
}

export async function browserLogin(o: BrowserLoginOptions, io: LoginIo): Promise<LoginResult> {
  const clientId = o.clientId ?? goClientId;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutError(o.timeoutMs)), o.timeoutMs);
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  aborted.catch(() => undefined);
  let server: Awaited<ReturnType<typeof startCallbackServer>> | undefined;
  try {
    const config = await Promise.race([discover(o.issuer, clientId, controller.signal), aborted]);
    let request: Awaited<ReturnType<typeof authorizationRequest>> | undefined;
    try {
      server = await startCallbackServer(o.callbackHost, o.callbackPort, (url) => exchangeCode(request!, url), o.plain ? '/' : undefined);
    } catch (err) {
      throw new UserError(`cannot start the login callback server on ${o.callbackHost || '0.0.0.0'}:${o.callbackPort}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; choose another --callback-port`);
    }
    const extra: Record<string, string> = o.plain ? {} : o.connectorId ? { connector_id: o.connectorId } : { connector_filter: o.clusterAdmin ? 'giantswarm' : 'customer' };
    request = await authorizationRequest(config, server.redirectUri, o.scopes ?? goScopes, extra);
    const url = request.url.href;
    io.stdout.write(`\nYour browser should now be opening this URL:\n${url}\n\n`);
    if (!(await io.openBrowser(url))) io.stderr.write("Couldn't open the default browser. Please access the URL above to continue logging in.\n\n");
    const tokens = (await Promise.race([server.result, aborted])) as TokenPair;
    const claims = tokenClaims(tokens.idToken);
    const email = typeof claims.email === 'string' ? claims.email : undefined;
    return { ...tokens, clientId, email, username: (email ?? '').split('@')[0] || String(claims.sub ?? 'user') };
  } finally {
    clearTimeout(timer);
    server?.close();
  }
}

export interface DeviceLoginOptions {
  issuer: string;
  clientId?: string;
  scopes?: string[];
}

/** Go's handleDeviceFlowOIDC: prints the verification URL and waits for the user's approval. */
export async function deviceLogin(o: DeviceLoginOptions, io: LoginIo): Promise<LoginResult> {
  const clientId = o.clientId ?? goClientId;
  const config = await discover(o.issuer, clientId);
  const device = await startDeviceAuthorization(config, o.scopes ?? goScopes);
  const url = device.verificationUriComplete ?? `${device.verificationUri} (code ${device.userCode})`;
  io.stdout.write(`Open this URL in the browser to log in:\n${url}\n\nThe process will continue automatically once the in-browser login is completed\n`);
  const tokens = await device.poll(new AbortController().signal);
  const claims = tokenClaims(tokens.idToken);
  const name = typeof claims.name === 'string' && claims.name ? claims.name : typeof claims.email === 'string' ? claims.email.split('@')[0] : String(claims.sub ?? 'user');
  return { ...tokens, clientId, username: `${name.replace(/ /g, '.').toLowerCase()}-device` };
}
