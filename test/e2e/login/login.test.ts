// `kubectl gs login` and `kubectl gs credential-plugin` against real parts: the OpenID provider of the
// harness (oidc-provider over TLS), a kube-apiserver whose OIDC authenticator trusts it, the Athena
// stand-in, the built executable and the real kubectl. The tests play the user's browser.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createHash } from 'node:crypto';
import { startAthena, type Athena } from '../support/athena';
import { authorizeInBrowser, approveDeviceCode } from '../support/browser';
import { distDir, kubectlPath, run, type RunResult } from '../support/env';
import { organizationCrdFile } from '../support/objects';
import { startOidcApiServer, type OidcApiServer } from '../support/oidcApiServer';
import { loginAs, startOidcProvider, type OidcProvider } from '../support/oidcProvider';

let op: OidcProvider;
let api: OidcApiServer;
let athena: Athena;
let caBundle: string;

beforeAll(async () => {
  // http://localhost (no path): the redirect URI of Go's direct OIDC logins of workload clusters.
  op = await startOidcProvider({ extraRedirectUris: ['http://localhost'] });
  api = await startOidcApiServer(op);
  athena = await startAthena({ info: { provider: 'capa', codename: 'golem', apiUrl: api.serverUrl, authUrl: op.issuer, caCert: readFileSync(api.caFile, 'utf8') } });
  const dir = mkdtempSync(join(tmpdir(), 'kgs-login-e2e-'));
  caBundle = join(dir, 'cas.pem');
  // The machine's trust store would hold the installation's CAs; here NODE_EXTRA_CA_CERTS does.
  writeFileSync(caBundle, [readFileSync(op.caFile, 'utf8').trim(), readFileSync(athena.caFile!, 'utf8').trim(), ''].join('\n'));
}, 180_000);

afterAll(async () => {
  await athena?.stop();
  await api?.stop();
  await op?.stop();
});

interface UserEnv {
  home: string;
  kubeconfig: string;
  env: Record<string, string | undefined>;
}

function newUser(): UserEnv {
  const home = mkdtempSync(join(tmpdir(), 'kgs-login-home-'));
  const kubeconfig = join(home, '.kube', 'config');
  return {
    home,
    kubeconfig,
    env: {
      HOME: home,
      KUBECONFIG: kubeconfig,
      NODE_EXTRA_CA_CERTS: caBundle,
      KUBECTL_GS_TELEMETRY_OPTOUT: '1',
      // dist first (kubectl finds kubectl-gs there, for `kubectl gs` and as the credential plugin); no browser opener.
      PATH: `${distDir}${delimiter}/usr/bin${delimiter}/bin`,
    },
  };
}

const cacheKey = (issuer: string, clientId: string) => createHash('sha256').update(`${issuer}:${clientId}`).digest().subarray(0, 16).toString('hex');
const cacheFile = (u: UserEnv) => join(u.home, '.kube', '.kubectl-gs', 'cache', `token-${cacheKey(op.issuer, op.clientId)}.json`);

/** Starts `kubectl gs login ...args` and resolves the authorization URL it prints, plus its end. */
function startLogin(u: UserEnv, args: string[]): { url: Promise<string>; done: Promise<RunResult> } {
  const child = spawn(kubectlPath, ['gs', 'login', ...args], { env: { ...process.env, ...u.env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let resolveUrl!: (url: string) => void;
  let rejectUrl!: (e: Error) => void;
  const url = new Promise<string>((res, rej) => ((resolveUrl = res), (rejectUrl = rej)));
  url.catch(() => undefined);
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    const m = /^(https:\/\/\S+)$/m.exec(stdout);
    if (m) resolveUrl(m[1]);
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<RunResult>((res) =>
    child.on('close', (code) => {
      rejectUrl(new Error(`login ended without printing a URL (${code}):\n${stdout}\n${stderr}`));
      res({ code: code ?? 1, stdout, stderr });
    }),
  );
  return { url, done };
}

async function browserLogin(u: UserEnv, args: string[], login = 'alice', consent: 'approve' | 'deny' = 'approve'): Promise<RunResult> {
  const l = startLogin(u, args);
  const url = await l.url;
  await authorizeInBrowser(url, { ca: op.caPem, login, consent });
  return l.done;
}

const kubectl = (u: UserEnv, args: string[]) => run(kubectlPath, args, { env: u.env });
const errorLines = (text: string) => text.split('\n').filter((l) => /^error: /.test(l));

/** Replaces the id token in the kubeconfig's exec entry and the cache with an expired one the provider signed. */
async function expireTokens(u: UserEnv, login: string): Promise<void> {
  const expired = await op.mintIdToken(login, -60);
  const text = readFileSync(u.kubeconfig, 'utf8').replace(/(name: KUBECTL_GS_OIDC_ID_TOKEN\n\s+value: )\S+/, `$1${expired}`);
  writeFileSync(u.kubeconfig, text);
  const cache = JSON.parse(readFileSync(cacheFile(u), 'utf8')) as { id_token: string; refresh_token: string };
  writeFileSync(cacheFile(u), JSON.stringify({ id_token: expired, refresh_token: cache.refresh_token }));
}

describe('kubectl gs login (browser) and the credential plugin', () => {
  let u: UserEnv;
  beforeAll(() => (u = newUser()));

  it('logs in through Athena and the issuer, writes Go-named entries 0600 and the shared cache', async () => {
    const r = await browserLogin(u, [athena.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Logged in successfully as 'alice@example.com' on cluster 'golem'.");
    expect(r.stdout).toContain("A new kubectl context 'gs-golem' has been created and selected.");
    const config = readFileSync(u.kubeconfig, 'utf8');
    expect(config).toMatch(/current-context: gs-golem/);
    expect(config).toContain('- name: gs-alice-golem\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n      - credential-plugin\n      command: kubectl-gs\n');
    expect(statSync(u.kubeconfig).mode & 0o777).toBe(0o600);
    const cache = JSON.parse(readFileSync(cacheFile(u), 'utf8'));
    expect(Object.keys(cache)).toEqual(['id_token', 'refresh_token']);
    expect(statSync(cacheFile(u)).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(cache.refresh_token);
  });

  it('after login, plain kubectl works through the credential plugin with no token request', async () => {
    await op.resetTokenRequests();
    const r = await kubectl(u, ['get', 'namespaces', '-o', 'name']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('namespace/default');
    expect(await op.tokenRequests()).toEqual([]);
  });

  it('after the id token expired, 20 parallel kubectl commands renew it with exactly one token request', async () => {
    await expireTokens(u, 'alice');
    await op.resetTokenRequests();
    const results = await Promise.all(Array.from({ length: 20 }, () => kubectl(u, ['get', '--raw', '/version'])));
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(await op.tokenRequests()).toEqual([{ grantType: 'refresh_token', status: 200 }]);
    const ns = await kubectl(u, ['get', 'namespaces', '-o', 'name']);
    expect(ns.stdout).toContain('namespace/default');
  });

  it('re-running login for the known context renews and switches as Go does', async () => {
    writeFileSync(u.kubeconfig, readFileSync(u.kubeconfig, 'utf8').replace('current-context: gs-golem', 'current-context: elsewhere'));
    await expireTokens(u, 'alice');
    await op.resetTokenRequests();
    const r = await run(kubectlPath, ['gs', 'login', 'golem'], { env: u.env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("Switched to context 'gs-golem'.\nYou are logged in to the cluster 'golem'.\n");
    expect(readFileSync(u.kubeconfig, 'utf8')).toContain('current-context: gs-golem');
    expect(await op.tokenRequests()).toEqual([{ grantType: 'refresh_token', status: 200 }]);
    const again = await run(kubectlPath, ['gs', 'login', 'gs-golem'], { env: u.env });
    expect(again.stdout).toBe("Context 'gs-golem' is already selected.\n");
  });

  it('--workload-cluster with --api-endpoint: a direct OIDC login that writes <mc context>-<cluster>-oidc', async () => {
    const r = await browserLogin(u, ['--workload-cluster', 'mywc', '--api-endpoint', api.serverUrl, '--oidc-issuer', op.issuer, '--oidc-client-id', op.clientId, '--api-ca-file', api.caFile, '--oidc-scope', 'groups']);
    // (stderr may say that no browser could be opened: there is none here)
    expect(r.stderr.replace("Couldn't open the default browser. Please access the URL above to continue logging in.\n\n", '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skipping management cluster access; using the endpoint, issuer, client ID and CA provided via flags.');
    expect(r.stdout).toContain("A new kubectl context has been created named 'gs-golem-mywc-oidc' and selected.");
    const ns = await kubectl(u, ['--context', 'gs-golem-mywc-oidc', 'get', 'namespaces', '-o', 'name']);
    expect(ns.stdout).toContain('namespace/default');
    // Back to the management cluster context for the tests below.
    expect((await run(kubectlPath, ['config', 'use-context', 'gs-golem'], { env: u.env })).code).toBe(0);
  });

  it('after the provider revoked the grant, kubectl fails with one line naming the login command', async () => {
    await expireTokens(u, 'alice');
    await op.revokeGrants('alice');
    const before = readFileSync(cacheFile(u), 'utf8');
    const r = await kubectl(u, ['get', 'namespaces']);
    expect(r.code).not.toBe(0);
    // kubectl runs the plugin once per attempt (discovery, then the request) and shows each run's stderr:
    // every run says the same one line, and nothing else comes from the plugin.
    const line = `error: the OIDC issuer ${op.issuer} rejected the refresh token (invalid_grant); log in again with 'kubectl gs login golem'`;
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toContain(line);
    expect(lines.filter((l) => !l.includes('exec plugin') && !l.includes('memcache.go') && !/^(Unable to connect|error: You must be logged in|error: getting credentials)/.test(l))).toEqual(lines.filter((l) => l === line));
    expect(readFileSync(cacheFile(u), 'utf8')).toBe(before);
  });
});

describe('a kubeconfig and cache written by the Go kubectl-gs', () => {
  it('work unchanged: the cached token is served, then renewed with the cached refresh token', async () => {
    const u = newUser();
    const tokens = await loginAs(op, 'bob');
    const expired = await op.mintIdToken('bob', -60);
    mkdirSync(join(u.home, '.kube', '.kubectl-gs', 'cache'), { recursive: true, mode: 0o700 });
    // Go: clientcmd.ModifyConfig of storeMCCredentials + oidcExec (the id token in the entry is long expired).
    const ca = Buffer.from(readFileSync(api.caFile, 'utf8')).toString('base64');
    writeFileSync(
      u.kubeconfig,
      `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: ${api.serverUrl}
  name: gs-golem
contexts:
- context:
    cluster: gs-golem
    user: gs-bob-golem
  name: gs-golem
current-context: gs-golem
kind: Config
preferences: {}
users:
- name: gs-bob-golem
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - credential-plugin
      command: kubectl-gs
      env:
      - name: KUBECTL_GS_OIDC_ISSUER_URL
        value: ${op.issuer}
      - name: KUBECTL_GS_OIDC_CLIENT_ID
        value: ${op.clientId}
      - name: KUBECTL_GS_OIDC_ID_TOKEN
        value: ${expired}
      - name: KUBECTL_GS_OIDC_REFRESH_TOKEN
        value: spent-long-ago
      interactiveMode: IfAvailable
      provideClusterInfo: false
`,
      { mode: 0o600 },
    );
    // Go: credentialcache.WriteWithLock -> json.Marshal(Entry{...}), os.WriteFile(..., 0600).
    writeFileSync(cacheFile(u), `{"id_token":"${tokens.idToken}","refresh_token":"${tokens.refreshToken}"}`, { mode: 0o600 });
    chmodSync(cacheFile(u), 0o600);
    await op.resetTokenRequests();
    const served = await kubectl(u, ['get', 'namespaces', '-o', 'name']);
    expect(served.stderr).toBe('');
    expect(served.stdout).toContain('namespace/default');
    expect(await op.tokenRequests()).toEqual([]);

    writeFileSync(cacheFile(u), `{"id_token":"${expired}","refresh_token":"${tokens.refreshToken}"}`, { mode: 0o600 });
    const renewed = await kubectl(u, ['get', 'namespaces', '-o', 'name']);
    expect(renewed.stderr).toBe('');
    expect(renewed.stdout).toContain('namespace/default');
    expect(await op.tokenRequests()).toEqual([{ grantType: 'refresh_token', status: 200 }]);

    // An entry asking for client.authentication.k8s.io/v1 gets a v1 ExecCredential (kubectl refuses any other).
    writeFileSync(u.kubeconfig, readFileSync(u.kubeconfig, 'utf8').replace('apiVersion: client.authentication.k8s.io/v1beta1', 'apiVersion: client.authentication.k8s.io/v1').replace('interactiveMode: IfAvailable', 'interactiveMode: Never'));
    const v1 = await kubectl(u, ['get', 'namespaces', '-o', 'name']);
    expect(v1.stderr).toBe('');
    expect(v1.stdout).toContain('namespace/default');
  });
});

describe('kubectl gs login --device-auth and --self-contained', () => {
  it('logs in with the device flow, naming the user <name>-device as Go does', async () => {
    const u = newUser();
    const child = spawn(kubectlPath, ['gs', 'login', athena.url, '--device-auth'], { env: { ...process.env, ...u.env } as NodeJS.ProcessEnv });
    let stdout = '';
    const url = await new Promise<string>((resolve) => child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /Open this URL in the browser to log in:\n(\S+)/.exec(stdout);
      if (m) resolve(m[1]);
    }));
    await approveDeviceCode(url, { ca: op.caPem, login: 'carol' });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    expect(code).toBe(0);
    expect(readFileSync(u.kubeconfig, 'utf8')).toContain('- name: gs-carol-device-golem\n');
    expect((await kubectl(u, ['get', 'namespaces', '-o', 'name'])).stdout).toContain('namespace/default');
  });

  it('writes a self-contained kubeconfig, and refuses an existing file', async () => {
    const u = newUser();
    const file = join(u.home, 'golem.yaml');
    const r = await browserLogin(u, [athena.url, '--self-contained', file]);
    expect(r.code).toBe(0);
    expect(existsSync(u.kubeconfig)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const ns = await run(kubectlPath, ['--kubeconfig', file, 'get', 'namespaces', '-o', 'name'], { env: u.env });
    expect(ns.stdout).toContain('namespace/default');
    const again = await run(kubectlPath, ['gs', 'login', athena.url, '--self-contained', file], { env: u.env });
    expect(again.code).not.toBe(0);
    expect(errorLines(again.stderr)).toEqual([`error: The destination file ${file} already exists. Please specify a different destination.`]);
  });
});

describe('failed logins leave the kubeconfig byte for byte as it was', () => {
  const original = '# hand-written\napiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\ncurrent-context: ""\n';
  function userWithConfig(): UserEnv {
    const u = newUser();
    mkdirSync(join(u.home, '.kube'), { recursive: true });
    writeFileSync(u.kubeconfig, original);
    return u;
  }
  function expectFailedOneLine(r: RunResult, pattern: RegExp, u: UserEnv) {
    expect(r.code).not.toBe(0);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(errorLines(r.stderr)[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(u.kubeconfig, 'utf8')).toBe(original);
  }

  it('Athena down', async () => {
    const u = userWithConfig();
    athena.failWith(503);
    try {
      expectFailedOneLine(await run(kubectlPath, ['gs', 'login', athena.url], { env: u.env }), /cannot get installation information from .*HTTP status 503/, u);
    } finally {
      athena.failWith(undefined);
    }
  });

  it('a CA the machine does not trust', async () => {
    const u = userWithConfig();
    const r = await run(kubectlPath, ['gs', 'login', athena.url], { env: { ...u.env, NODE_EXTRA_CA_CERTS: undefined } });
    expectFailedOneLine(r, /not signed by a trusted authority/, u);
  });

  it('no browser action before --login-timeout', async () => {
    const u = userWithConfig();
    const r = await run(kubectlPath, ['gs', 'login', athena.url, '--login-timeout=3s'], { env: u.env });
    expectFailedOneLine(r, /timed out after 3s.*--login-timeout=6s/, u);
  });

  it('denied consent', async () => {
    const u = userWithConfig();
    const r = await browserLogin(u, [athena.url], 'alice', 'deny');
    expectFailedOneLine(r, /access_denied/, u);
  });
});

describe('legacy auth-provider: oidc entries', () => {
  it('kubectl gs get renews an expired id-token with the refresh-token and saves both into that entry only', async () => {
    const crds = readFileSync(organizationCrdFile, 'utf8');
    await run(kubectlPath, ['--kubeconfig', api.kubeconfigPath, 'apply', '-f', '-'], { input: crds });
    await run(kubectlPath, ['--kubeconfig', api.kubeconfigPath, 'wait', '--for', 'condition=Established', '--timeout', '60s', 'crd/organizations.security.giantswarm.io']);
    const u = newUser();
    mkdirSync(join(u.home, '.kube'), { recursive: true });
    const tokens = await loginAs(op, 'dave');
    const expired = await op.mintIdToken('dave', -60);
    const head = `# older kubectl-gs login, edited by hand
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${Buffer.from(readFileSync(api.caFile, 'utf8')).toString('base64')}
    server: ${api.serverUrl}
  name: gs-golem
contexts:
- context:
    cluster: gs-golem
    user: gs-dave-golem
  name: gs-golem
current-context: gs-golem
kind: Config
preferences: {}
users:
- name: other-user   # keep
  user:
    token: static
`;
    writeFileSync(
      u.kubeconfig,
      head +
        `- name: gs-dave-golem
  user:
    auth-provider:
      config:
        client-id: ${op.clientId}
        id-token: ${expired}
        idp-certificate-authority-data: ${Buffer.from(op.caPem).toString('base64')}
        idp-issuer-url: ${op.issuer}
        refresh-token: ${tokens.refreshToken}
      name: oidc
`,
      { mode: 0o600 },
    );
    await op.resetTokenRequests();
    const env = { ...u.env, NODE_EXTRA_CA_CERTS: undefined }; // the entry's idp-certificate-authority-data is what trusts the issuer
    const r = await run(kubectlPath, ['gs', 'get', 'organizations'], { env });
    expect(r.stderr).toMatch(/^No organizations found\./); // authorised: the server answered the list
    expect(r.code).toBe(0);
    expect(await op.tokenRequests()).toEqual([{ grantType: 'refresh_token', status: 200 }]);
    const after = readFileSync(u.kubeconfig, 'utf8');
    expect(after.startsWith(head)).toBe(true);
    const newId = /id-token: (\S+)/.exec(after)![1];
    const newRefresh = /refresh-token: (\S+)/.exec(after)![1];
    expect(newId).not.toBe(expired);
    expect(newRefresh).not.toBe(tokens.refreshToken);
    // The saved token is used as long as it is valid: no more token requests.
    expect((await run(kubectlPath, ['gs', 'get', 'organizations'], { env })).code).toBe(0);
    expect(await op.tokenRequests()).toHaveLength(1);
  });
});
