// The login test harness itself: a token from the e2e OpenID provider is accepted by the real kube-apiserver's
// OIDC authenticator as the expected user and group; the browser helpers drive code and device flows; the
// provider's test controls (token TTL, revocation, token-request log) do what they say.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, approveDeviceCode, authorizeInBrowser } from '../support/browser';
import { kubectlPath, run } from '../support/env';
import { startOidcStack, type OidcApiServer } from '../support/oidcApiServer';
import { goScopes, jwtClaims, loginAs, refreshTokens, type OidcProvider } from '../support/oidcProvider';

let op: OidcProvider;
let api: OidcApiServer;
let emptyKubeconfig: string;

beforeAll(async () => {
  ({ op, api } = await startOidcStack({ accounts: { bob: { groups: ['strangers'], name: 'Bob Builder' } } }));
  emptyKubeconfig = join(api.dir, 'empty-kubeconfig');
  writeFileSync(emptyKubeconfig, '');
});

afterAll(async () => {
  await api?.stop();
  await op?.stop();
});

function kubectlWithToken(token: string, args: string[]) {
  return run(kubectlPath, ['--kubeconfig', emptyKubeconfig, '--server', api.serverUrl, '--certificate-authority', api.caFile, '--token', token, ...args]);
}

describe('the OIDC kube-apiserver', () => {
  it('accepts an id token from the provider as the user named by its email claim, in its groups', async () => {
    const tokens = await loginAs(op, 'alice');
    const claims = jwtClaims(tokens.idToken);
    expect(claims).toMatchObject({ iss: op.issuer, aud: op.clientId, email: 'alice@example.com', groups: ['kgs-e2e-users'] });

    const list = await kubectlWithToken(tokens.idToken, ['get', 'namespaces', '-o', 'name']);
    expect(list.stderr).toBe('');
    expect(list.stdout).toContain('namespace/default');
    // The group binding grants "view" only: a write is refused, and the refusal names the user.
    const create = await kubectlWithToken(tokens.idToken, ['create', 'namespace', 'alice-was-here']);
    expect(create.code).not.toBe(0);
    expect(create.stderr).toContain('User "alice@example.com" cannot create resource "namespaces"');
  });

  it('refuses a user outside the bound group (authenticated, not authorized)', async () => {
    const tokens = await loginAs(op, 'bob');
    const r = await kubectlWithToken(tokens.idToken, ['get', 'namespaces']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('User "bob@example.com" cannot list resource "namespaces"');
  });

  it('rejects an expired id token (401), and accepts the one a refresh returns', async () => {
    await op.setIdTokenTtl(1);
    const tokens = await loginAs(op, 'alice');
    await op.setIdTokenTtl(3600);
    await new Promise((r) => setTimeout(r, 2100));
    const expired = await kubectlWithToken(tokens.idToken, ['get', 'namespaces']);
    expect(expired.code).not.toBe(0);
    expect(expired.stderr).toMatch(/Unauthorized|must be logged in/);

    const renewed = await refreshTokens(op, tokens.refreshToken!);
    expect(renewed.refreshToken).toBeDefined();
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken); // rotation
    expect((await kubectlWithToken(renewed.idToken, ['get', 'namespaces', '-o', 'name'])).stdout).toContain('namespace/default');
  });
});

describe('the provider', () => {
  it('logs every token-endpoint request with its grant type and status', async () => {
    await op.resetTokenRequests();
    const tokens = await loginAs(op, 'carol');
    const renewed = await refreshTokens(op, tokens.refreshToken!);
    await expect(refreshTokens(op, tokens.refreshToken!)).rejects.toThrow(/invalid_grant/); // a spent refresh token
    expect(renewed.idToken).toBeTruthy();
    expect(await op.tokenRequests()).toEqual([
      { grantType: 'authorization_code', status: 200 },
      { grantType: 'refresh_token', status: 200 },
      { grantType: 'refresh_token', status: 400 },
    ]);
  });

  it('revokes a login\'s grants: its refresh token is then refused', async () => {
    const dave = await loginAs(op, 'dave');
    const erin = await loginAs(op, 'erin');
    expect(await op.revokeGrants('dave')).toBe(1);
    await expect(refreshTokens(op, dave.refreshToken!)).rejects.toThrow(/invalid_grant/);
    expect((await refreshTokens(op, erin.refreshToken!)).idToken).toBeTruthy();
  });

  it('answers a denied consent with error=access_denied at the callback', async () => {
    const url = new URL(`${op.issuer}/auth`);
    url.search = new URLSearchParams({
      client_id: op.clientId, response_type: 'code', redirect_uri: 'http://localhost:1/oauth/callback', scope: goScopes.join(' '),
      state: 'xyz', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }).toString();
    const { callbackUrl } = await authorizeInBrowser(url.href, { ca: op.caPem, consent: 'deny', stopAtCallback: true });
    const back = new URL(callbackUrl);
    expect(`${back.origin}${back.pathname}`).toBe('http://localhost:1/oauth/callback');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('xyz');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('runs the device flow at Dex\'s endpoint (/device/code) and gives the approved login\'s tokens', async () => {
    const client = new Browser({ ca: op.caPem });
    const poll = async () => JSON.parse((await client.fetch(`${op.issuer}/token`, {
      method: 'POST', accept: 'application/json',
      form: { client_id: op.clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: code.device_code },
    })).body) as { error?: string; id_token?: string; refresh_token?: string };
    const code = JSON.parse((await client.fetch(`${op.issuer}/device/code`, {
      method: 'POST', accept: 'application/json', form: { client_id: op.clientId, scope: goScopes.join(' ') },
    })).body) as { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string };
    expect((await poll()).error).toBe('authorization_pending');

    // The user types the code at the plain verification URI.
    const approval = await approveDeviceCode(code.verification_uri, { ca: op.caPem, login: 'bob', userCode: code.user_code });
    expect(approval.approved).toBe(true);
    const tokens = await poll();
    expect(jwtClaims(tokens.id_token!)).toMatchObject({ name: 'Bob Builder', email: 'bob@example.com', groups: ['strangers'] });
    expect(tokens.refresh_token).toBeTruthy();
  });
});
