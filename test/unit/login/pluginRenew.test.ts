import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFiles } from '../../../src/login/cacheFile';
import { RefreshRejectedError } from '../../../src/login/oidcClient';
import { cachedCredential } from '../../../src/login/pluginCached';
import { renewedCredential } from '../../../src/login/pluginRenew';
import { tokenAt } from './jwt';

const issuerUrl = 'https://issuer.test';
const clientId = 'cid';
const nowSec = Math.floor(Date.now() / 1000);

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'kgs-renew-'));
  const env = { HOME: home, KUBECONFIG: join(home, 'none') };
  return { home, env, files: cacheFiles(issuerUrl, clientId, env) };
}

function captured() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

describe('credential plugin renewal', () => {
  it('spends the refresh token once when many renew at the same time, and caches the result 0600 in a 0700 folder', async () => {
    const { env, files } = setup();
    let calls = 0;
    const refresh = async (_i: string, _c: string, rt: string) => {
      calls++;
      expect(rt).toBe('rt-kubeconfig');
      await new Promise((r) => setTimeout(r, 100));
      return { idToken: tokenAt(nowSec, 3600, { n: 'new' }), refreshToken: 'rt-rotated' };
    };
    const settings = { issuerUrl, clientId, idToken: tokenAt(nowSec - 7200, 3600), refreshToken: 'rt-kubeconfig' };
    const stderr = captured();
    const results = await Promise.all(Array.from({ length: 10 }, () => renewedCredential(settings, { env, stderr, now: () => Date.now(), refresh })));
    expect(calls).toBe(1);
    expect(new Set(results.map((r) => r.token)).size).toBe(1);
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual({ id_token: results[0].token, refresh_token: 'rt-rotated' });
    expect(statSync(files.json).mode & 0o777).toBe(0o600);
    expect(statSync(files.dir).mode & 0o777).toBe(0o700);
    expect(stderr.text()).toBe('');
    // The cached path now serves it without any renewal.
    expect(cachedCredential(settings, env, Date.now())?.token).toBe(results[0].token);
  });

  it('uses the refresh token of a cache the Go tool wrote (rotated after the kubeconfig was written)', async () => {
    const { env, files } = setup();
    mkdirSync(files.dir, { recursive: true, mode: 0o700 });
    // Go's json.Marshal(Entry{...}), written with os.WriteFile(path, data, 0600).
    writeFileSync(files.json, `{"id_token":"${tokenAt(nowSec - 7200, 3600)}","refresh_token":"rt-from-go"}`, { mode: 0o600 });
    const seen: string[] = [];
    const refresh = async (_i: string, _c: string, rt: string) => {
      seen.push(rt);
      return { idToken: tokenAt(nowSec, 3600), refreshToken: '' };
    };
    const settings = { issuerUrl, clientId, idToken: '', refreshToken: 'rt-old' };
    await renewedCredential(settings, { env, stderr: captured(), now: () => Date.now(), refresh });
    expect(seen).toEqual(['rt-from-go']);
  });

  it('serves a still-valid cached token found under the lock without renewing', async () => {
    const { env, files } = setup();
    mkdirSync(files.dir, { recursive: true });
    const fresh = tokenAt(nowSec, 3600);
    writeFileSync(files.json, JSON.stringify({ id_token: fresh, refresh_token: 'x' }));
    const refresh = jest.fn();
    const got = await renewedCredential({ issuerUrl, clientId, idToken: '', refreshToken: 'y' }, { env, stderr: captured(), now: () => Date.now(), refresh });
    expect(got.token).toBe(fresh);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('a rejected refresh token gives one line naming the login command, and leaves the cache as it was', async () => {
    const { home, env, files } = setup();
    const kubeconfig = join(home, 'config');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: gs-golem',
        'contexts:',
        '- context: {cluster: gs-golem, user: gs-jane-golem}',
        '  name: gs-golem',
        'users:',
        '- name: gs-jane-golem',
        '  user:',
        '    exec:',
        '      apiVersion: client.authentication.k8s.io/v1beta1',
        '      command: kubectl-gs',
        '      args: [credential-plugin]',
        '      env:',
        `      - {name: KUBECTL_GS_OIDC_ISSUER_URL, value: "${issuerUrl}"}`,
        `      - {name: KUBECTL_GS_OIDC_CLIENT_ID, value: ${clientId}}`,
        '',
      ].join('\n'),
    );
    const refresh = async () => {
      throw new RefreshRejectedError(issuerUrl, 'invalid_grant');
    };
    const err = await renewedCredential({ issuerUrl, clientId, idToken: '', refreshToken: 'secret-rt' }, { env: { ...env, KUBECONFIG: kubeconfig }, stderr: captured(), now: () => Date.now(), refresh }).catch((e: Error) => e);
    expect((err as Error).message).toBe(`the OIDC issuer ${issuerUrl} rejected the refresh token (invalid_grant); log in again with 'kubectl gs login golem'`);
    expect((err as Error).message).not.toContain('secret-rt');
    expect(() => statSync(files.json)).toThrow();
  });

  it('without any refresh token, says to log in again', async () => {
    const { env } = setup();
    const err = await renewedCredential({ issuerUrl, clientId, idToken: '', refreshToken: '' }, { env, stderr: captured(), now: () => Date.now(), refresh: jest.fn() }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/no refresh token is available to renew it; log in again with 'kubectl gs login <installation>'/);
  });
});
