// A real OpenID Provider (npm oidc-provider, panva) for the login e2e tests, run as a child process of the
// jest worker by test/e2e/support/oidcProvider.ts. It is ESM with ESM dependencies, which jest's CommonJS
// module system cannot load in-process; as a child it runs on plain node exactly as published.
//
// Configured by one JSON argument (see OidcServerConfig in oidcProvider.ts). Talks to its parent over the
// fork IPC channel: sends {type:'ready', port} once listening, then answers {id, op, args} requests.
// It behaves like Dex where the Go kubectl-gs depends on Dex: device endpoint /device/code, the user's
// groups in a "groups" claim and "name"/"email" in the id token, offline_access without prompt=consent.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2]);

// Mutable per test through the IPC channel.
let idTokenTtl = config.idTokenTtlSeconds;
/** One entry per request to the token endpoint: which grant, and the HTTP status answered. */
let tokenRequests = [];
/** grant id -> account id, to revoke a user's grants from a test. */
const grants = new Map();

function account(login) {
  const known = config.accounts[login];
  if (!known && !config.anyLogin) return undefined;
  return {
    email: known?.email ?? `${login}@${config.emailDomain}`,
    name: known?.name ?? login,
    groups: known?.groups ?? config.defaultGroups,
  };
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' };

const loopbackCallbacks = ['localhost', '127.0.0.1', '[::1]'].map((h) => `http://${h}${config.callbackPath}`);

const server = createServer({ cert: readFileSync(config.certFile), key: readFileSync(config.keyFile) });
server.listen(config.port, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `https://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'native', // loopback redirect URIs match on any port (RFC 8252), as Dex allows
        redirect_uris: [...loopbackCallbacks, ...config.extraRedirectUris],
        grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'RS256', // kube-apiserver's default --oidc-signing-algs
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Claims by scope, into the id token itself (Dex puts them there; kube-apiserver reads only the id token).
    conformIdTokenClaims: false,
    scopes: ['openid', 'offline_access', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    async findAccount(_ctx, sub) {
      const a = account(sub);
      if (!a) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: a.email, email_verified: true, name: a.name, groups: a.groups };
        },
      };
    },
    features: {
      devInteractions: { enabled: true }, // login form (any password) and consent form; abort = access_denied
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
    },
    pkce: { required: () => config.pkceRequired },
    routes: { device_authorization: '/device/code' }, // Dex's path, where the Go client posts
    // Refresh tokens of public clients rotate by default (rotateRefreshToken); a replayed one revokes the grant.
    ttl: {
      IdToken: () => idTokenTtl,
      AccessToken: () => idTokenTtl, // Dex gives both the same lifetime
      RefreshToken: () => config.refreshTokenTtlSeconds,
    },
    // Unknown logins at the login form: a visible error instead of a half-made session.
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html><body><h1>oops</h1><pre id="error">${JSON.stringify(out)}</pre></body></html>`;
    },
  });
  provider.on('grant.saved', (grant) => grants.set(grant.jti, grant.accountId));
  provider.on('server_error', (_ctx, err) => process.stderr.write(`server_error: ${err.stack}\n`));
  provider.use(async (ctx, next) => {
    // Dex honours offline_access on its own; oidc-provider only together with prompt=consent (OIDC Core
    // 11), which the Go client never sends. Asking for consent is what a browser user sees at Dex anyway.
    if (ctx.method === 'GET' && ctx.path === '/auth' && ctx.query.prompt === undefined
      && String(ctx.query.scope ?? '').split(' ').includes('offline_access')) {
      ctx.query = { ...ctx.query, prompt: 'consent' };
    }
    await next();
    if (ctx.method === 'POST' && ctx.path === '/token') {
      tokenRequests.push({ grantType: ctx.oidc?.params?.grant_type ?? '', status: ctx.status });
    }
  });

  const ops = {
    setIdTokenTtl([seconds]) {
      idTokenTtl = seconds;
    },
    tokenRequests() {
      return tokenRequests;
    },
    resetTokenRequests() {
      tokenRequests = [];
    },
    /** An id token signed with the provider's key, made without any flow (no token-endpoint request). */
    mintIdToken([login, ttlSeconds]) {
      const a = account(login);
      if (!a) throw new Error(`unknown login ${login}`);
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: login, name: a.name, email: a.email, email_verified: true, groups: a.groups, aud: config.clientId, iss: issuer, iat: now, exp: now + (ttlSeconds ?? idTokenTtl) };
      const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid })}.${b64(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
    async revokeGrants([accountId]) {
      let revoked = 0;
      for (const [grantId, owner] of grants) {
        if (accountId !== undefined && owner !== accountId) continue;
        await Promise.all([
          provider.RefreshToken.revokeByGrantId(grantId),
          provider.AccessToken.revokeByGrantId(grantId),
          provider.AuthorizationCode.revokeByGrantId(grantId),
          provider.DeviceCode.revokeByGrantId(grantId),
          provider.Grant.adapter.destroy(grantId),
        ]);
        grants.delete(grantId);
        revoked++;
      }
      return revoked;
    },
  };
  process.on('message', async ({ id, op, args }) => {
    try {
      process.send({ id, result: await ops[op](args ?? []) });
    } catch (err) {
      process.send({ id, error: String(err?.stack ?? err) });
    }
  });

  const handler = provider.callback();
  server.on('request', handler);
  process.send({ type: 'ready', port });
});
// The parent went away (test worker killed): do not linger.
process.on('disconnect', () => process.exit(0));
