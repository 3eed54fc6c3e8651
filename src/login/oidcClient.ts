// The OpenID Connect client of login and token renewal, on openid-client (panva, v6): issuer discovery,
// refresh, authorization code with PKCE and state, and the device flow. Loaded only when a network
// round trip is needed anyway, never on the credential plugin's cached path.
// Secrets: tokens are returned to the caller and never put into an error message.
import type * as Client from 'openid-client';
import { UserError } from '../errors';
import { httpFetch, networkReason } from './http';

export interface TokenPair {
  idToken: string;
  refreshToken: string;
}

/** The issuer rejected the refresh token (expired, revoked, already spent): only a new login helps. */
export class RefreshRejectedError extends Error {
  constructor(readonly issuer: string, readonly reason: string) {
    super(`the OIDC issuer ${issuer} rejected the refresh token (${reason})`);
    this.name = 'RefreshRejectedError';
  }
}

let loaded: typeof Client | undefined;
async function client(): Promise<typeof Client> {
  loaded ??= (require('../vendor') as typeof import('../vendor')).openidClient();
  return loaded;
}

export interface ClientOptions {
  /** A confidential client's secret (legacy auth-provider entries may carry one): HTTP basic auth, as golang.org/x/oauth2 tries first. */
  clientSecret?: string;
  /** PEM certificates to trust for the issuer besides the system's. */
  ca?: string[];
}

/** Fetches the issuer's discovery document (openid-configuration); a public client unless a secret is given. */
export async function discover(issuer: string, clientId: string, signal?: AbortSignal, options: ClientOptions = {}): Promise<Client.Configuration> {
  const c = await client();
  const customFetch: Client.CustomFetch = (url, init) => httpFetch(url, { ...init, signal: signal ?? init.signal, extraCa: options.ca });
  let config: Client.Configuration;
  try {
    const auth = options.clientSecret ? c.ClientSecretBasic(options.clientSecret) : c.None();
    config = await c.discovery(new URL(issuer), clientId, undefined, auth, { [c.customFetch]: customFetch });
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw new UserError(`cannot reach the OIDC issuer ${issuer}: ${describeOidcError(err)}`);
  }
  config[c.customFetch] = customFetch;
  return config;
}

/** Exchanges a refresh token for new tokens (Go's RenewToken); a missing new refresh token keeps the old one, as golang.org/x/oauth2 does. */
export async function refreshTokens(issuer: string, clientId: string, refreshToken: string, options: ClientOptions = {}): Promise<TokenPair> {
  const config = await discover(issuer, clientId, undefined, options);
  const c = await client();
  let response: Awaited<ReturnType<typeof c.refreshTokenGrant>>;
  try {
    response = await c.refreshTokenGrant(config, refreshToken);
  } catch (err) {
    const oauthError = (err as { error?: unknown }).error;
    // invalid_grant: expired or revoked (RFC 6749); invalid_request: Dex's answer for a spent or unknown one.
    if (oauthError === 'invalid_grant' || oauthError === 'invalid_request') {
      throw new RefreshRejectedError(issuer, String(oauthError));
    }
    throw new UserError(`cannot renew the OIDC token at ${issuer}: ${describeOidcError(err)}`);
  }
  if (!response.id_token) throw new UserError(`the OIDC issuer ${issuer} answered the token renewal without an id token`);
  return { idToken: response.id_token, refreshToken: response.refresh_token || refreshToken };
}

export interface AuthorizationRequest {
  config: Client.Configuration;
  url: URL;
  state: string;
  verifier: string;
  redirectUri: string;
}

/**
 * The authorization URL Go's oauth2 AuthCodeURL(state, AccessTypeOffline) makes, plus PKCE (S256), plus
 * Dex's extra parameters (connector_id or connector_filter) in the order Go appends them.
 */
export async function authorizationRequest(config: Client.Configuration, redirectUri: string, scopes: string[], extra: Record<string, string>): Promise<AuthorizationRequest> {
  const c = await client();
  const verifier = c.randomPKCECodeVerifier();
  const state = c.randomState();
  const params: Record<string, string> = {
    access_type: 'offline',
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: scopes.join(' '),
    state,
    code_challenge: await c.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  };
  return { config, url: c.buildAuthorizationUrl(config, params), state, verifier, redirectUri };
}

/** Checks the callback's state and exchanges its code for tokens (PKCE verifier included). */
export async function exchangeCode(request: AuthorizationRequest, callbackUrl: URL): Promise<TokenPair> {
  const c = await client();
  let response: { id_token?: string; refresh_token?: string };
  try {
    if (new URL(request.redirectUri).pathname === '/' && !request.redirectUri.endsWith('/')) {
      // A redirect URI without a path (Go's direct OIDC logins: http://localhost:<port>): openid-client would
      // send it back with a "/" added, which issuers that compare exactly refuse; so the callback is
      // checked here and the grant sent with the URI as it was given.
      const params = callbackUrl.searchParams;
      if (params.get('state') !== request.state) throw new Error('the callback\'s state does not match this login (a stale or forged request)');
      const error = params.get('error');
      if (error) throw Object.assign(new Error(error), { error, error_description: params.get('error_description') ?? undefined });
      const code = params.get('code');
      if (!code) throw new Error('the callback carries no authorization code');
      response = await c.genericGrantRequest(request.config, 'authorization_code', { code, redirect_uri: request.redirectUri, code_verifier: request.verifier });
    } else {
      response = await c.authorizationCodeGrant(request.config, callbackUrl, { pkceCodeVerifier: request.verifier, expectedState: request.state });
    }
  } catch (err) {
    throw new UserError(`the login was not completed: ${describeOidcError(err)}`);
  }
  if (!response.id_token) throw new UserError('the OIDC issuer answered the login without an id token; check that the "openid" scope is allowed for this client');
  return { idToken: response.id_token, refreshToken: response.refresh_token ?? '' };
}

export interface DeviceAuthorization {
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  poll(signal: AbortSignal): Promise<TokenPair>;
}

/** Starts the device flow (RFC 8628) at the issuer's device authorization endpoint. */
export async function startDeviceAuthorization(config: Client.Configuration, scopes: string[]): Promise<DeviceAuthorization> {
  const c = await client();
  let response: Awaited<ReturnType<typeof c.initiateDeviceAuthorization>>;
  try {
    response = await c.initiateDeviceAuthorization(config, { scope: scopes.join(' ') });
  } catch (err) {
    throw new UserError(`cannot start the device login at ${config.serverMetadata().issuer}: ${describeOidcError(err)}`);
  }
  return {
    userCode: response.user_code,
    verificationUri: response.verification_uri,
    verificationUriComplete: response.verification_uri_complete,
    poll: async (signal) => {
      try {
        const tokens = await c.pollDeviceAuthorizationGrant(config, response, undefined, { signal });
        if (!tokens.id_token) throw new UserError('the OIDC issuer answered the device login without an id token');
        return { idToken: tokens.id_token, refreshToken: tokens.refresh_token ?? '' };
      } catch (err) {
        if (signal.aborted || err instanceof UserError) throw signal.aborted ? signal.reason : err;
        throw new UserError(`the device login was not completed: ${describeOidcError(err)}`);
      }
    },
  };
}

/** One line for an openid-client error: the OAuth error code and description, or the network reason. */
export function describeOidcError(err: unknown): string {
  const e = err as { error?: unknown; error_description?: unknown; message?: string; name?: string; code?: string };
  if (typeof e?.error === 'string') {
    return typeof e.error_description === 'string' && e.error_description ? `${e.error}: ${e.error_description}` : e.error;
  }
  if (e?.name === 'TypeError' || (e as { cause?: unknown })?.cause) return networkReason(err);
  return (e?.message ?? String(err)).split('\n')[0];
}
