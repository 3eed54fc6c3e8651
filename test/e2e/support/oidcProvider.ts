// A real OpenID Provider for the login e2e tests: npm oidc-provider (a certified OP implementation) on
// https://127.0.0.1:<free port>, serving certificate signed by its own test CA. It runs as a child process
// (oidcProviderServer.mjs: ESM, which jest cannot load in-process) and is steered over the IPC channel.
//
//   const op = await startOidcProvider({ idTokenTtlSeconds: 5 });
//   op.issuer, op.caFile, op.clientId            // what the client and kube-apiserver are given
//   await op.setIdTokenTtl(2);                    // applies to tokens issued from now on
//   await op.tokenRequests();                     // every POST /token so far: [{ grantType, status }]
//   await op.revokeGrants('alice');               // alice's refresh tokens now answer invalid_grant
//   await op.stop();
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopper } from './apiserver';
import { authorizeInBrowser, Browser } from './browser';
import { makeLoopbackPki } from './pki';

/** The client id the Go kubectl-gs uses with Dex (cmd/login/oidc.go). */
export const goClientId = 'zQiFLUnrTFQwrybYzeY53hWWfhOKWRAU';

export interface OidcAccount {
  email?: string;
  name?: string;
  groups?: string[];
}

export interface OidcProviderOptions {
  /** Default goClientId. The client is public (no secret), native (loopback redirects on any port). */
  clientId?: string;
  /** Lifetime of id tokens (and access tokens) issued; default 3600. Changeable later with setIdTokenTtl. */
  idTokenTtlSeconds?: number;
  /** Default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** Path of the loopback redirect URIs registered for localhost, 127.0.0.1 and [::1]; default Go's /oauth/callback. */
  callbackPath?: string;
  /** More redirect URIs to register, verbatim. */
  extraRedirectUris?: string[];
  /** Known logins. Others get email <login>@<emailDomain>, name <login>, groups defaultGroups, unless anyLogin is false. */
  accounts?: Record<string, OidcAccount>;
  /** Accept any login at the login form (default true). */
  anyLogin?: boolean;
  emailDomain?: string;
  /** Default ['kgs-e2e-users']. */
  defaultGroups?: string[];
  /** Whether the code flow demands PKCE (default true, oidc-provider's rule for public clients). */
  pkceRequired?: boolean;
  /** Listen on this port (default: any free one). */
  port?: number;
  /** Called once the issuer URL and CA file exist, before the provider answers (to start a kube-apiserver
   *  that trusts it meanwhile: needs a fixed port). */
  onIssuerKnown?: (early: { issuer: string; caFile: string; clientId: string }) => void;
}

export interface TokenRequest {
  /** grant_type of the request: authorization_code, refresh_token, urn:ietf:params:oauth:grant-type:device_code */
  grantType: string;
  /** HTTP status the provider answered (200, or 400 for invalid_grant and authorization_pending). */
  status: number;
}

export interface OidcProvider {
  /** https://127.0.0.1:<port>, no trailing slash: the iss of every token. */
  issuer: string;
  /** PEM of the CA that signed the provider's serving certificate (for --oidc-ca-file and the client). */
  caFile: string;
  /** Same CA as a string. */
  caPem: string;
  clientId: string;
  /** Path of the registered loopback redirect URIs (any port). */
  callbackPath: string;
  /** Default groups of logins not listed in accounts. */
  defaultGroups: string[];
  /** The email (= kube-apiserver username with --oidc-username-claim=email) the provider gives a login. */
  emailOf(login: string): string;
  /** Lifetime of id and access tokens issued from now on. */
  setIdTokenTtl(seconds: number): Promise<void>;
  /** Every request to the token endpoint since start or resetTokenRequests, oldest first. */
  tokenRequests(): Promise<TokenRequest[]>;
  resetTokenRequests(): Promise<void>;
  /** An id token for a login signed with the provider's key, made directly (no flow, no token request);
   *  expires in ttlSeconds (default: the current id token TTL; negative for an already expired one). */
  mintIdToken(login: string, ttlSeconds?: number): Promise<string>;
  /** Revokes the grants of one login (all logins when omitted): their refresh and access tokens stop working.
   *  Resolves to the number of grants revoked. */
  revokeGrants(login?: string): Promise<number>;
  /** The provider's stdout+stderr so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** What the child reads from its one argument. */
interface OidcServerConfig {
  certFile: string;
  keyFile: string;
  clientId: string;
  idTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  callbackPath: string;
  extraRedirectUris: string[];
  accounts: Record<string, OidcAccount>;
  anyLogin: boolean;
  emailDomain: string;
  defaultGroups: string[];
  pkceRequired: boolean;
  port: number;
}

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcProvider> {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-oidc-'));
  const pki = makeLoopbackPki(dir, 'oidc');
  const config: OidcServerConfig = {
    certFile: pki.certFile,
    keyFile: pki.keyFile,
    clientId: options.clientId ?? goClientId,
    idTokenTtlSeconds: options.idTokenTtlSeconds ?? 3600,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600,
    callbackPath: options.callbackPath ?? '/oauth/callback',
    extraRedirectUris: options.extraRedirectUris ?? [],
    accounts: options.accounts ?? {},
    anyLogin: options.anyLogin ?? true,
    emailDomain: options.emailDomain ?? 'example.com',
    defaultGroups: options.defaultGroups ?? ['kgs-e2e-users'],
    pkceRequired: options.pkceRequired ?? true,
    port: options.port ?? 0,
  };
  const logFile = join(dir, 'provider.log');
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = fork(join(__dirname, 'oidcProviderServer.mjs'), [JSON.stringify(config)], {
      stdio: ['ignore', fd, fd, 'ipc'],
      // The child needs none of jest's or the test's flags, and must not inherit an inspector port.
      execArgv: [],
      env: { ...process.env, NODE_ENV: 'test', DEBUG: '' },
    });
  } finally {
    closeSync(fd);
  }
  if (options.onIssuerKnown) {
    if (!options.port) throw new Error('onIssuerKnown needs a fixed port');
    options.onIssuerKnown({ issuer: `https://127.0.0.1:${options.port}`, caFile: pki.caFile, clientId: config.clientId });
  }
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const port = await new Promise<number>((resolvePort, reject) => {
    const onExit = (code: number | null) => reject(new Error(`oidc provider exited (${code}) before it was ready:\n${log()}`));
    child.once('exit', onExit);
    child.on('message', (msg: { type?: string; port?: number; id?: number; result?: unknown; error?: string }) => {
      if (msg.type === 'ready' && msg.port) {
        child.removeListener('exit', onExit);
        resolvePort(msg.port);
        return;
      }
      const waiter = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!waiter) return;
      pending.delete(msg.id!);
      if (msg.error) waiter.reject(new Error(`oidc provider: ${msg.error}`));
      else waiter.resolve(msg.result);
    });
  });
  child.on('exit', () => {
    for (const w of pending.values()) w.reject(new Error(`oidc provider exited:\n${log()}`));
    pending.clear();
  });

  const call = <T>(op: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolveCall, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolveCall as (v: unknown) => void, reject });
      child.send({ id, op, args });
    });

  const stop = stopper([child], dir);

  return {
    issuer: `https://127.0.0.1:${port}`,
    caFile: pki.caFile,
    caPem: readFileSync(pki.caFile, 'utf8'),
    clientId: config.clientId,
    callbackPath: config.callbackPath,
    defaultGroups: config.defaultGroups,
    emailOf: (login) => config.accounts[login]?.email ?? `${login}@${config.emailDomain}`,
    setIdTokenTtl: (seconds) => call('setIdTokenTtl', seconds),
    tokenRequests: () => call<TokenRequest[]>('tokenRequests'),
    resetTokenRequests: () => call('resetTokenRequests'),
    mintIdToken: (login, ttlSeconds) => call<string>('mintIdToken', login, ttlSeconds),
    revokeGrants: (login) => call<number>('revokeGrants', login),
    log,
    stop,
  };
}

export interface Tokens {
  idToken: string;
  refreshToken?: string;
  accessToken: string;
  expiresIn: number;
}

/** The scopes the Go kubectl-gs asks Dex for (cmd/login/oidc.go oidcScopes). */
export const goScopes = ['openid', 'profile', 'email', 'groups', 'offline_access', 'audience:server:client_id:dex-k8s-authenticator'];

async function tokenEndpoint(op: OidcProvider, form: Record<string, string>): Promise<Tokens> {
  const page = await new Browser({ ca: op.caPem }).fetch(`${op.issuer}/token`, { method: 'POST', form: { client_id: op.clientId, ...form }, accept: 'application/json' });
  const body = JSON.parse(page.body) as { id_token?: string; refresh_token?: string; access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (page.status !== 200 || !body.id_token || !body.access_token) {
    throw new Error(`token endpoint: ${page.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
  }
  return { idToken: body.id_token, refreshToken: body.refresh_token, accessToken: body.access_token, expiresIn: body.expires_in ?? 0 };
}

/**
 * Tokens for a login without kubectl-gs: the harness itself is the client (authorization code + PKCE +
 * state, through the browser helpers). For setting up caches and kubeconfigs as the Go tool leaves them.
 */
export async function loginAs(op: OidcProvider, login: string, scopes: string[] = goScopes): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = `http://127.0.0.1:1${op.callbackPath}`;
  const url = new URL(`${op.issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: op.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const { callbackUrl } = await authorizeInBrowser(url.href, { ca: op.caPem, login, stopAtCallback: true });
  const back = new URL(callbackUrl).searchParams;
  if (back.get('state') !== state || !back.get('code')) throw new Error(`authorization failed: ${callbackUrl}`);
  return tokenEndpoint(op, { grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: redirectUri, code_verifier: verifier });
}

/** One refresh_token grant (rotation: the given refresh token is spent, the result holds the next one). */
export function refreshTokens(op: OidcProvider, refreshToken: string): Promise<Tokens> {
  return tokenEndpoint(op, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** The claims of a JWT (no verification: for assertions on what the provider issued). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
