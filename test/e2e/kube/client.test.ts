// The Kubernetes client in-process against the real kube-apiserver: every auth mode, paging, writes, and
// the failures users meet (server down, wrong CA, wrong name, bad token, RBAC, missing CRD, timeouts).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { gzipSync } from 'node:zlib';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/errors';
import { createKubeClient, KubeApiError, type ConnectionFlags, type KubeClient, type KubeObject } from '../../../src/kube';
import { apiServer, applyCrds, kubectlGs, kubectlOk } from '../support/env';
import { organizationCrdFile } from '../support/objects';
import { freePort } from '../support/apiserver';
import { failure } from '../../support/failure';

const tmp = mkdtempSync(join(tmpdir(), 'kgs-kube-e2e-'));

function client(flags: ConnectionFlags = {}, env: NodeJS.ProcessEnv = {}): Promise<KubeClient> {
  return createKubeClient(flags, { PATH: process.env.PATH, HOME: tmp, KUBECONFIG: apiServer().kubeconfigPath, ...env });
}

function b64(file: string): string {
  return readFileSync(file).toString('base64');
}

/** Writes a kubeconfig (JSON is YAML) with one context "only" to a fresh directory. */
function writeKubeconfig(cluster: Record<string, unknown>, user: Record<string, unknown>, dir = mkdtempSync(join(tmp, 'kc-'))): string {
  const path = join(dir, 'config');
  writeFileSync(
    path,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'only', context: { cluster: 'c', user: 'u', namespace: 'kube-public' } }],
      'current-context': 'only',
    }),
  );
  return path;
}

async function getDefaultNamespace(c: KubeClient): Promise<string> {
  const ns = await c.get<KubeObject>('/api/v1/namespaces/default');
  return ns.metadata.name;
}

describe('auth modes', () => {
  test.each(['local', 'local-cert', 'local-exec', 'local-exec-beta'])('context %s reads a namespace', async (context) => {
    const c = await client({ context });
    expect(await getDefaultNamespace(c)).toBe('default');
    expect(c.contextName).toBe(context);
    expect(c.server).toBe(apiServer().serverUrl);
    expect(c.namespace).toBe('default');
  });

  test('inline certificate-authority-data, client-certificate-data and client-key-data', async () => {
    const s = apiServer();
    const kubeconfig = writeKubeconfig(
      { server: s.serverUrl, 'certificate-authority-data': b64(s.caFile) },
      { 'client-certificate-data': b64(s.clientCertFile), 'client-key-data': b64(s.clientKeyFile) },
    );
    const c = await client({ kubeconfig });
    expect(await getDefaultNamespace(c)).toBe('default');
    expect(c.namespace).toBe('kube-public');
  });

  test('relative paths resolve against the kubeconfig file, not the working directory', async () => {
    const s = apiServer();
    const dir = mkdtempSync(join(tmp, 'rel-'));
    copyFileSync(s.caFile, join(dir, 'ca.crt'));
    copyFileSync(s.execV1Script, join(dir, 'login.sh'));
    chmodSync(join(dir, 'login.sh'), 0o755);
    const kubeconfig = writeKubeconfig(
      { server: s.serverUrl, 'certificate-authority': 'ca.crt' },
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './login.sh', interactiveMode: 'Never' } },
      dir,
    );
    const c = await client({}, { KUBECONFIG: `${join(tmp, 'missing-file')}:${kubeconfig}` });
    expect(await getDefaultNamespace(c)).toBe('default');
  });

  test('tokenFile', async () => {
    const s = apiServer();
    const dir = mkdtempSync(join(tmp, 'tf-'));
    writeFileSync(join(dir, 'token'), `${s.adminToken}\n`);
    const kubeconfig = writeKubeconfig({ server: s.serverUrl, 'certificate-authority': s.caFile }, { tokenFile: 'token' }, dir);
    expect(await getDefaultNamespace(await client({ kubeconfig }))).toBe('default');
  });

  test('--token overrides the context user', async () => {
    const c = await client({ context: 'local-viewer', token: apiServer().adminToken });
    expect(await getDefaultNamespace(c)).toBe('default');
  });

  test('--server, --certificate-authority and --token without any kubeconfig', async () => {
    const s = apiServer();
    const c = await client({ server: s.serverUrl, certificateAuthority: s.caFile, token: s.adminToken }, { KUBECONFIG: join(tmp, 'none') });
    expect(await getDefaultNamespace(c)).toBe('default');
    expect(c.contextName).toBeUndefined();
  });

  test('--insecure-skip-tls-verify accepts a server the CA cannot vouch for', async () => {
    const s = apiServer();
    const c = await client({ insecureSkipTlsVerify: true, certificateAuthority: undefined }, {});
    expect(await getDefaultNamespace(c)).toBe('default');
    const wrongCa = writeKubeconfig({ server: s.serverUrl }, { token: s.adminToken });
    expect(await getDefaultNamespace(await client({ kubeconfig: wrongCa, insecureSkipTlsVerify: true }))).toBe('default');
  });

  test('--as impersonates (and the server applies the impersonated user\'s rights)', async () => {
    const err = await failure((await client({ as: 'viewer' })).get('/api/v1/namespaces'));
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).code).toBe(403);
    expect(err.message).toContain('User "viewer" cannot list resource "namespaces"');
    const asGroup = await client({ as: 'someone', asGroup: ['system:masters'] });
    expect(await getDefaultNamespace(asGroup)).toBe('default');
  });
});

describe('paging, writes and discovery', () => {
  const ns = `paging-${process.pid}`;
  beforeAll(async () => {
    await kubectlOk(['create', 'namespace', ns]);
    const items = Array.from({ length: 25 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${String(i).padStart(2, '0')}`, namespace: ns, labels: { paging: 'yes' } },
      data: { i: String(i) },
    }));
    await kubectlOk(['apply', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
  });

  test('listPages with limit 10 delivers 3 pages holding all 25 objects', async () => {
    const c = await client();
    const pages: string[][] = [];
    await c.listPages(`/api/v1/namespaces/${ns}/configmaps`, { limit: 10, labelSelector: 'paging=yes' }, (page) => {
      pages.push(page.items.map((o) => o.metadata.name));
    });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `cm-${String(i).padStart(2, '0')}`));
  });

  test('a path that carries its own query keeps it next to the query argument', async () => {
    const c = await client();
    const list = await c.get<{ items: KubeObject[] }>(`/api/v1/namespaces/${ns}/configmaps?labelSelector=paging%3Dyes`, { limit: 2 });
    expect(list.items).toHaveLength(2);
    expect(list.items.every((o) => o.metadata.labels?.paging === 'yes')).toBe(true);
  });

  test('listPages defaults to one page of up to 500', async () => {
    const c = await client();
    let calls = 0;
    await c.listPages(`/api/v1/namespaces/${ns}/configmaps`, { labelSelector: 'paging=yes' }, (page) => {
      calls++;
      expect(page.items).toHaveLength(25);
    });
    expect(calls).toBe(1);
  });

  test('request creates and merge-patches; a second create is a 409 KubeApiError', async () => {
    const c = await client({ namespace: ns });
    const path = `/api/v1/namespaces/${c.namespace}/configmaps`;
    const created = await c.request<KubeObject>('POST', path, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'written' }, data: { a: '1' } });
    expect(created.metadata.name).toBe('written');
    const patched = await c.request<KubeObject & { data: Record<string, string> }>('PATCH', `${path}/written`, { data: { b: '2' } }, 'application/merge-patch+json');
    expect(patched.data).toEqual({ a: '1', b: '2' });
    const err = await failure(c.request('POST', path, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'written' } }));
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).code).toBe(409);
    expect((err as KubeApiError).reason).toBe('AlreadyExists');
    expect(err.message).toContain('"written" already exists');
  });

  test('a missing object is a 404 KubeApiError with the server\'s message', async () => {
    const c = await client();
    const err = await failure(c.get(`/api/v1/namespaces/${ns}/configmaps/nope`));
    expect((err as KubeApiError).code).toBe(404);
    expect((err as KubeApiError).reason).toBe('NotFound');
    expect(err.message).toBe('configmaps "nope" not found');
  });

  test('preferredVersion asks one group, and says undefined for a group that is not served', async () => {
    const c = await client();
    expect(await c.preferredVersion('apiextensions.k8s.io')).toBe('v1');
    expect(await c.preferredVersion('')).toBe('v1');
    expect(await c.preferredVersion('absent.kgs-e2e.example.com')).toBeUndefined();
  });
});

describe('what goes on the wire (a loopback HTTPS receiver with the server certificate)', () => {
  let seen: IncomingHttpHeaders[] = [];
  let receiverUrl = '';
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const { servingKeyFile, servingCertFile } = apiServer();
    const server = createHttpsServer({ key: readFileSync(servingKeyFile), cert: readFileSync(servingCertFile) }, (req, res) => {
      seen.push(req.headers);
      if (req.url === '/busy' && seen.length < 3) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"kind":"Status","message":"too many requests"}');
        return;
      }
      if (req.url === '/always-busy') {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"kind":"Status","message":"the server is shutting down"}');
        return;
      }
      const body = JSON.stringify({ kind: 'Status', ok: true });
      if (req.headers['accept-encoding']?.includes('gzip')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(body));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    receiverUrl = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(() => close());
  beforeEach(() => {
    seen = [];
  });

  test('basic auth, impersonation headers, gzip answers decoded', async () => {
    const c = await client({ server: receiverUrl, username: 'bob', password: 's3cret', as: 'alice', asGroup: ['devs', 'ops'], asUid: '42' });
    expect(await c.get('/version')).toEqual({ kind: 'Status', ok: true });
    const h = seen[0]!;
    expect(h.authorization).toBe(`Basic ${Buffer.from('bob:s3cret').toString('base64')}`);
    expect(h['impersonate-user']).toBe('alice');
    expect(h['impersonate-group']).toBe('devs, ops');
    expect(h['impersonate-uid']).toBe('42');
    expect(h['user-agent']).toMatch(/^kubectl-gs\/\S+ \(linux\/(amd64|arm64)\)$/);
    expect(h.accept).toBe('application/json');
  });

  test('--disable-compression asks for no gzip', async () => {
    const c = await client({ server: receiverUrl, token: 't', disableCompression: true });
    await c.get('/version');
    expect(seen[0]!['accept-encoding']).toBeUndefined();
    expect(seen[0]!.authorization).toBe('Bearer t');
  });

  test('--tls-server-name checks the certificate against that name', async () => {
    const c = await client({ server: receiverUrl, token: 't', tlsServerName: 'localhost' });
    expect(await c.get('/version')).toEqual({ kind: 'Status', ok: true });
  });

  test('429 with Retry-After is retried; a server that stays busy is reported after 3 retries', async () => {
    const c = await client({ server: receiverUrl, token: 't' });
    expect(await c.get('/busy')).toEqual({ kind: 'Status', ok: true });
    expect(seen).toHaveLength(3);
    seen = [];
    const err = await failure(c.get('/always-busy'));
    expect(seen).toHaveLength(4);
    expect((err as KubeApiError).code).toBe(503);
    expect(err.message).toBe(`the API server ${new URL(receiverUrl).host} failed (503): the server is shutting down`);
  });

  test('request() sends JSON with its content type', async () => {
    const c = await client({ server: receiverUrl, token: 't' });
    await c.request('PATCH', '/api/v1/namespaces/x', { a: 1 }, 'application/merge-patch+json');
    expect(seen[0]!['content-type']).toBe('application/merge-patch+json');
  });
});

describe('exec credentials', () => {
  test('a credential the server rejects is fetched again once (401 -> re-run the plugin)', async () => {
    const s = apiServer();
    const dir = mkdtempSync(join(tmp, 'refresh-'));
    const counter = join(dir, 'count');
    const plugin = join(dir, 'plugin.sh');
    // First run: a stale token; later runs: the admin token.
    writeFileSync(
      plugin,
      `#!/bin/sh
n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}
if [ $n -eq 1 ]; then t=stale; else t=${s.adminToken}; fi
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' $t
`,
    );
    chmodSync(plugin, 0o755);
    const kubeconfig = writeKubeconfig(
      { server: s.serverUrl, 'certificate-authority': s.caFile },
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } },
    );
    const c = await client({ kubeconfig });
    expect(await getDefaultNamespace(c)).toBe('default');
    await c.get('/version');
    // Once stale, once refreshed, then cached for the rest of the invocation.
    expect(readFileSync(counter, 'utf8').trim()).toBe('2');
  });
});

describe('proxies', () => {
  test('proxy-url: the request goes through an HTTP CONNECT proxy', async () => {
    const s = apiServer();
    const tunnels: string[] = [];
    const open: Socket[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req, clientSocket: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const { connect } = require('node:net') as typeof import('node:net');
      const upstream = connect(Number(port), host, () => {
        clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(clientSocket).pipe(upstream);
      });
      open.push(clientSocket, upstream);
      upstream.on('error', () => clientSocket.destroy());
      clientSocket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    try {
      const kubeconfig = writeKubeconfig({ server: s.serverUrl, 'certificate-authority': s.caFile, 'proxy-url': proxyUrl }, { token: s.adminToken });
      const c = await client({ kubeconfig });
      expect(await getDefaultNamespace(c)).toBe('default');
      expect(tunnels).toEqual([new URL(s.serverUrl).host]);
      c.close();
    } finally {
      for (const sock of open) sock.destroy();
      await new Promise((r) => proxy.close(r));
    }
  });

  test('HTTPS_PROXY is not used for a loopback server (as Go\'s ProxyFromEnvironment)', async () => {
    const deadProxy = `http://127.0.0.1:${await freePort()}`;
    const c = await client({}, { HTTPS_PROXY: deadProxy, https_proxy: deadProxy });
    expect(await getDefaultNamespace(c)).toBe('default');
  });

  test('a socks5 proxy-url is refused in one line', async () => {
    const s = apiServer();
    const kubeconfig = writeKubeconfig({ server: s.serverUrl, 'certificate-authority': s.caFile, 'proxy-url': 'socks5://127.0.0.1:1080' }, { token: s.adminToken });
    const err = await failure((await client({ kubeconfig })).get('/version'));
    expect(err.message).toBe('proxy-url "socks5://127.0.0.1:1080" of cluster "c" is not supported: use an http:// or https:// proxy');
  });
});

describe('connections', () => {
  test('one TLS connection serves every request of an invocation (preconnect + keep-alive)', async () => {
    const s = apiServer();
    const target = Number(new URL(s.serverUrl).port);
    let connections = 0;
    const open: Socket[] = [];
    const forwarder = createTcpServer((inbound) => {
      connections++;
      const { connect } = require('node:net') as typeof import('node:net');
      const outbound = connect(target, '127.0.0.1');
      open.push(inbound, outbound);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('error', () => outbound.destroy());
      outbound.on('error', () => inbound.destroy());
    });
    await new Promise<void>((r) => forwarder.listen(0, '127.0.0.1', () => r()));
    const port = (forwarder.address() as { port: number }).port;
    try {
      const c = await client({ server: `https://127.0.0.1:${port}` });
      // Let the preconnected socket finish its handshake, as it does while a command loads its modules.
      await new Promise((r) => setTimeout(r, 200));
      expect(connections).toBe(1);
      expect(await getDefaultNamespace(c)).toBe('default');
      await c.get('/version');
      await c.listPages('/api/v1/namespaces', { limit: 1 }, () => {});
      expect(connections).toBe(1);
      c.close();
    } finally {
      for (const sock of open) sock.destroy();
      await new Promise((r) => forwarder.close(r));
    }
  });
});

describe('failures are one actionable line', () => {
  let silent: TcpServer;
  let silentPort: number;
  let web: HttpServer;
  let webPort: number;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers: for --request-timeout.
    silent = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    silentPort = (silent.address() as { port: number }).port;
    // A web server that is not Kubernetes.
    web = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    webPort = (web.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    await new Promise((r) => web.close(r));
  });

  function expectOneLine(err: Error): void {
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).not.toContain('\n');
  }

  test('server down: names host:port and suggests checking the context', async () => {
    const port = await freePort(); // nothing listens there any more
    const s = apiServer();
    const err = await failure((await client({ server: `https://127.0.0.1:${port}`, certificateAuthority: s.caFile, token: 'x' })).get('/version'));
    expectOneLine(err);
    expect(err.message).toContain(`cannot reach the API server at 127.0.0.1:${port} (connection refused)`);
    expect(err.message).toContain("make sure your context points at a management cluster: log in with 'kubectl gs login <management-cluster>', or switch with 'kubectl config use-context NAME'");
  });

  test('wrong CA: unknown authority, names --certificate-authority and --insecure-skip-tls-verify', async () => {
    const err = await failure((await client({ certificateAuthority: apiServer().otherCaFile })).get('/version'));
    expectOneLine(err);
    expect(err.message).toContain('signed by an unknown authority');
    expect(err.message).toContain('--certificate-authority');
    expect(err.message).toContain('--insecure-skip-tls-verify');
  });

  test('no CA at all (a private CA the system does not trust) is an unknown authority too', async () => {
    const s = apiServer();
    const kubeconfig = writeKubeconfig({ server: s.serverUrl }, { token: s.adminToken });
    const err = await failure((await client({ kubeconfig })).get('/version'));
    expect(err.message).toContain('signed by an unknown authority');
  });

  test('a server name the certificate does not cover: names --tls-server-name', async () => {
    const err = await failure((await client({ tlsServerName: 'api.example.com' })).get('/version'));
    expectOneLine(err);
    expect(err.message).toContain('not valid for api.example.com');
    expect(err.message).toContain('--tls-server-name');
  });

  test('bad token: credentials rejected, log in again', async () => {
    const err = await failure((await client({ token: 'wrong' })).get('/api/v1/namespaces'));
    expectOneLine(err);
    expect((err as KubeApiError).code).toBe(401);
    expect(err.message).toContain('rejected your credentials (401 Unauthorized) (context "local")');
    expect(err.message).toContain("they may have expired: log in again with 'kubectl gs login <management-cluster>' to renew them");
  });

  test('RBAC forbidden: says which verb and resource', async () => {
    const err = await failure((await client({ context: 'local-viewer' })).listPages('/api/v1/namespaces/default/configmaps', {}, () => {}));
    expectOneLine(err);
    expect((err as KubeApiError).code).toBe(403);
    expect(err.message).toMatch(/^forbidden: User "viewer" cannot list resource "configmaps" in API group "" in the namespace "default"/);
  });

  test('missing CRD group: names the group and suggests a management cluster', async () => {
    // A group no test installs (other suites install the Cluster API and Giant Swarm CRDs on this server).
    const err = await failure((await client()).listPages('/apis/absent.kgs-e2e.example.com/v1beta1/namespaces/default/widgets', {}, () => {}));
    expectOneLine(err);
    expect((err as KubeApiError).code).toBe(404);
    expect(err.message).toContain('does not serve widgets in API group absent.kgs-e2e.example.com/v1beta1');
    expect(err.message).toContain('CRD is not installed');
    expect(err.message).toContain('workload cluster rather than a management cluster');
  });

  test('request timeout against a server that never answers names --request-timeout', async () => {
    const c = await client({ server: `https://127.0.0.1:${silentPort}`, insecureSkipTlsVerify: true, requestTimeout: '1s' });
    const err = await failure(c.get('/version'));
    expectOneLine(err);
    expect(err.message).toContain(`did not answer GET /version within 1s (--request-timeout)`);
  });

  test('an answer that is not JSON', async () => {
    const err = await failure((await client({ server: `http://127.0.0.1:${webPort}` })).get('/api/v1/namespaces'));
    expectOneLine(err);
    expect(err.message).toContain('did not answer GET /api/v1/namespaces with JSON (HTTP 200, text/html)');
  });

  test('an exec plugin that is not installed shows its installHint', async () => {
    const s = apiServer();
    const kubeconfig = writeKubeconfig(
      { server: s.serverUrl, 'certificate-authority': s.caFile },
      { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'kgs-no-such-plugin', interactiveMode: 'Never', installHint: 'Install it with\n  brew install kgs-plugin' } },
    );
    const err = await failure((await client({ kubeconfig })).get('/version'));
    expectOneLine(err);
    expect(err.message).toBe('the exec credential plugin "kgs-no-such-plugin" of user "u" was not found: Install it with brew install kgs-plugin');
  });

  test('no kubeconfig at all: like kubectl', async () => {
    const err = await failure(client({}, { KUBECONFIG: undefined, HOME: mkdtempSync(join(tmp, 'home-')) }));
    expectOneLine(err);
    expect(err.message).toContain('no configuration has been provided; set KUBECONFIG or pass --kubeconfig');
  });

  test('an unknown context is named', async () => {
    const err = await failure(client({ context: 'nope' }));
    expect(err.message).toBe(`context "nope" given with --context does not exist in kubeconfig ${apiServer().kubeconfigPath}; list contexts with 'kubectl config get-contexts'`);
  });
});

describe('--debug', () => {
  // Through the executable and kubectl: one line per API request on stderr, like kubectl -v=6, with the
  // output itself unchanged and no credential in the log.
  test('logs each request with its URL, status and time, and nothing secret', async () => {
    const s = apiServer();
    await applyCrds(readFileSync(organizationCrdFile, 'utf8'));
    const plain = await kubectlGs(['get', 'organizations']);
    const debug = await kubectlGs(['get', 'organizations', '--debug']);
    expect(debug.code).toBe(plain.code);
    // The same table, but for the AGE column, which may have ticked on between the two runs.
    const ageless = (out: string) => out.replace(/\b\d+[smhd](\d+[smh])?\b/g, 'AGE');
    expect(ageless(debug.stdout)).toBe(ageless(plain.stdout));
    const lines = debug.stderr.split('\n').filter((l) => l.startsWith('debug: '));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^debug: GET https:\/\/127\.0\.0\.1:\d+\/\S+ \d{3}( [A-Za-z ]+)? in \d+ ms$/);
    expect(lines.some((l) => l.startsWith(`debug: GET ${s.serverUrl}/apis/security.giantswarm.io/v1alpha1/organizations?limit=500 200 OK in `))).toBe(true);
    expect(debug.stderr).not.toContain(s.adminToken);
    expect(plain.stderr).not.toContain('debug: ');
  });

  test('logs a request that fails before any answer', async () => {
    const port = await freePort();
    const r = await kubectlGs(['get', 'organizations', '--debug', '--server', `https://127.0.0.1:${port}`, '--insecure-skip-tls-verify']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^debug: GET https://127\\.0\\.0\\.1:${port}/\\S+ failed after \\d+ ms: ECONNREFUSED$`, 'm'));
  });
});
