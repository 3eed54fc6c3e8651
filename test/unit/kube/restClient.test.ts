// The REST client against loopback servers this test starts (TLS with certificates made here, and plain
// http): CA trust, client certificates, --tls-server-name, redirects, timeouts and Retry-After, answer-size
// limits, answers that are not objects, credentials over http, and URLs with credentials in messages.
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveConnection } from '../../../src/kube/connection';
import type { ConnectionFlags } from '../../../src/kube/connectionFlags';
import type { ClusterConfig, Kubeconfig, UserConfig } from '../../../src/kube/kubeconfig';
import { RestClient, requestLogLine, type ClientLimits } from '../../../src/kube/restClient';
import { TestCa, type Pem } from '../../support/testCerts';
import { failure } from '../../support/failure';

const b64 = (pem: string) => Buffer.from(pem).toString('base64');

let ca: TestCa;
let otherCa: TestCa;
let localhost: Pem;
let internalOnly: Pem;
let alice: Pem;
const servers: Server[] = [];

beforeAll(() => {
  ca = TestCa.create('cluster-ca');
  otherCa = TestCa.create('other-ca');
  localhost = ca.issue('localhost', ['DNS:localhost', 'IP:127.0.0.1']);
  internalOnly = ca.issue('api.internal', ['DNS:api.internal']);
  alice = otherCa.issue('alice');
});

afterAll(() => {
  for (const s of servers) s.close();
});

interface Seen {
  path: string;
  authorization?: string;
  clientCn?: string;
}

/** A loopback server; `seen` lists every request it received. */
async function serve(handler: RequestListener, tls?: ServerOptions): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const record: RequestListener = (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate?.();
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization, clientCn: peer?.subject?.CN as string | undefined });
    handler(req, res);
  };
  const server = tls ? createHttpsServer(tls, record) : createHttpServer(record);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, seen, server };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

const ok = json({ kind: 'Namespace', metadata: { name: 'default' } });

function client(
  cluster: ClusterConfig,
  user: UserConfig = {},
  flags: ConnectionFlags = {},
  options: { debugLog?: (line: string) => void; limits?: ClientLimits; stdinIsTTY?: boolean } = {},
): RestClient {
  const config: Kubeconfig = {
    clusters: new Map([['c', { source: 'test', ...cluster }]]),
    users: new Map([['u', { source: 'test', ...user }]]),
    contexts: new Map([['ctx', { source: 'test', cluster: 'c', user: 'u' }]]),
    currentContext: 'ctx',
    files: ['test'],
  };
  // No proxy variables: only loopback.
  return new RestClient(resolveConnection(config, flags), { PATH: process.env.PATH }, options.stdinIsTTY ?? false, options.debugLog, options.limits);
}

describe('TLS trust', () => {
  test('trusts the cluster CA from certificate-authority-data and sends the token', async () => {
    const api = await serve(ok, localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, { token: 'secret-token' });
    expect(await c.get('/api/v1/namespaces/default')).toMatchObject({ metadata: { name: 'default' } });
    expect(api.seen).toEqual([{ path: '/api/v1/namespaces/default', authorization: 'Bearer secret-token', clientCn: undefined }]);
    c.close();
  });

  test('refuses a server whose certificate another CA signed, and sends it nothing', async () => {
    const api = await serve(ok, localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(otherCa.cert) }, { token: 'secret-token' });
    const err = await failure(c.get('/api/v1/namespaces/default'));
    expect(err.message).toMatch(/^the API server's certificate at 127\.0\.0\.1:\d+ is signed by an unknown authority/);
    expect(api.seen).toEqual([]);
    c.close();
  });

  test('--tls-server-name checks the certificate against that name instead of the address', async () => {
    const api = await serve(ok, internalOnly);
    const named = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, { tlsServerName: 'api.internal' });
    expect(await named.get('/version')).toMatchObject({ kind: 'Namespace' });
    named.close();
    const unnamed = client({ server: api.url, certificateAuthorityData: b64(ca.cert) });
    const err = await failure(unnamed.get('/version'));
    expect(err.message).toMatch(/^the API server's certificate is not valid for 127\.0\.0\.1 \(context "ctx"\): .*; fix the server address or set the expected name with --tls-server-name$/);
    unnamed.close();
  });

  test('presents the client certificate to a server that asks for one', async () => {
    const api = await serve(ok, { ...localhost, requestCert: true, rejectUnauthorized: true, ca: [otherCa.cert] });
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, { clientCertificateData: b64(alice.cert), clientKeyData: b64(alice.key) });
    await c.get('/version');
    expect(api.seen.map((s) => s.clientCn)).toEqual(['alice']);
    c.close();
    // Without it, the server ends the handshake: reported as a failed request, one line.
    const anonymous = client({ server: api.url, certificateAuthorityData: b64(ca.cert) });
    const err = await failure(anonymous.get('/version'));
    expect(err.message).not.toContain('\n');
    expect(api.seen).toHaveLength(1);
    anonymous.close();
  });
});

describe('redirects', () => {
  test('are reported, not followed: the other host never sees the token', async () => {
    const other = await serve(ok, localhost);
    const api = await serve((_req, res) => res.writeHead(302, { location: `${other.url.replace('//', '//user:pw@')}/steal` }).end(), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, { token: 'secret-token' });
    const err = await failure(c.get('/apis/cluster.x-k8s.io/v1beta1/clusters'));
    expect(err.message).toBe(
      `the server at ${new URL(api.url).host} redirected GET /apis/cluster.x-k8s.io/v1beta1/clusters to https://xxxxx@${new URL(other.url).host}/steal (HTTP 302); kubectl gs does not follow redirects: point --server or the kubeconfig at the API server itself`,
    );
    expect(other.seen).toEqual([]);
    c.close();
  });
});

describe('--request-timeout', () => {
  test('a server that never answers is given up on after the timeout, named in the message', async () => {
    const api = await serve(() => {}, localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, { requestTimeout: '300ms' });
    const err = await failure(c.get('/version'));
    expect(err.message).toBe(`the API server ${new URL(api.url).host} did not answer GET /version within 300ms (--request-timeout); check that it is reachable or raise --request-timeout`);
    c.close();
  });

  test('600h (longer than Node timers hold) is no limit, not an instant failure', async () => {
    const api = await serve(ok, localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, { requestTimeout: '600h' });
    expect(await c.get('/version')).toMatchObject({ kind: 'Namespace' });
    c.close();
  });

  test('a Retry-After longer than the timeout is not waited for: the server answer is reported at once', async () => {
    const api = await serve(json({ kind: 'Status', message: 'the server is shutting down' }, 503, { 'retry-after': '100000' }), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, { requestTimeout: '2s' });
    const err = await failure(c.get('/version'));
    expect(err.message).toBe(`the API server ${new URL(api.url).host} failed (503): the server is shutting down`);
    expect(api.seen).toHaveLength(1);
    c.close();
  });

  test('retries that fit in the timeout are made', async () => {
    let calls = 0;
    const api = await serve((req, res) => (++calls < 3 ? json({ kind: 'Status', message: 'busy' }, 429, { 'retry-after': '0' })(req, res) : ok(req, res)), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, { requestTimeout: '10s' });
    expect(await c.get('/version')).toMatchObject({ kind: 'Namespace' });
    expect(api.seen).toHaveLength(3);
    c.close();
  });
});

describe('exec plugins and --request-timeout', () => {
  const slowPlugin = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-unit-rest-exec-'));
    const path = join(dir, 'slow-login.sh');
    const out = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'from-plugin' } });
    writeFileSync(path, `#!/bin/sh\nsleep 1\nprintf '%s' '${out}'\n`, { mode: 0o755 });
    return { apiVersion: 'client.authentication.k8s.io/v1beta1', command: path, args: [], env: [], provideClusterInfo: false };
  };

  test('an interactive plugin may take longer than --request-timeout: the user is typing, the request has not started', async () => {
    const api = await serve(ok, localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, { exec: slowPlugin() }, { requestTimeout: '500ms' }, { stdinIsTTY: true });
    await c.get('/version');
    expect(api.seen.map((s) => s.authorization)).toEqual(['Bearer from-plugin']);
    c.close();
  });

  test('a plugin that cannot talk to the user is bounded by --request-timeout', async () => {
    const api = await serve(ok, localhost);
    const exec = slowPlugin();
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, { exec }, { requestTimeout: '500ms' });
    expect((await failure(c.get('/version'))).message).toBe(
      `the exec credential plugin "${exec.command}" of user "u" did not finish within 500ms (--request-timeout) and was stopped; check that it works without a terminal, or raise --request-timeout`,
    );
    expect(api.seen).toEqual([]);
    c.close();
  });
});

describe('answer size', () => {
  const limits = { maxBodyBytes: 1024 * 1024 };
  const big = Buffer.alloc(2 * 1024 * 1024, ' ');

  test('a small gzip answer that expands beyond the limit is refused in one line', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"items":['), big, Buffer.from(']}')]));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const api = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, {}, { limits });
    const err = await failure(c.get('/api/v1/pods'));
    expect(err.message).toBe(
      `the answer of ${new URL(api.url).host} to GET /api/v1/pods is larger than 1 MiB, the most kubectl gs reads (a page of a list is far smaller); check that --server or the kubeconfig points at a Kubernetes API server`,
    );
    c.close();
  });

  test('so is an uncompressed answer beyond the limit', async () => {
    const api = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(big), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) }, {}, {}, { limits });
    expect((await failure(c.get('/api/v1/pods'))).message).toContain('is larger than 1 MiB');
    c.close();
  });

  test('the default limit is 256 MiB', async () => {
    const { defaultLimits } = await import('../../../src/kube/restClient');
    expect(defaultLimits.maxBodyBytes).toBe(256 * 1024 * 1024);
  });
});

describe('answers that are not what Kubernetes sends', () => {
  test('null or scalar list items: not a list of objects', async () => {
    const api = await serve(json({ kind: 'List', items: [{ metadata: { name: 'a' } }, 1, 'x', null] }), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) });
    const err = await failure(c.listPages('/apis/cluster.x-k8s.io/v1beta1/clusters', {}, () => {}));
    expect(err.message).toBe(
      "the API server's answer to GET /apis/cluster.x-k8s.io/v1beta1/clusters is not a list of objects (item 2 is a number); check that --server or the kubeconfig points at a Kubernetes API server",
    );
    c.close();
  });

  test('a JSON answer that is not an object', async () => {
    const api = await serve(json('null'), localhost);
    const c = client({ server: api.url, certificateAuthorityData: b64(ca.cert) });
    expect((await failure(c.get('/apis/x/v1/namespaces/a/things/b'))).message).toBe(
      `the server at ${new URL(api.url).host} answered GET /apis/x/v1/namespaces/a/things/b with null, not a JSON object; check that --server or the kubeconfig points at a Kubernetes API server`,
    );
    c.close();
  });
});

describe('credentials', () => {
  test('are never sent over http; a 401 there says so', async () => {
    const api = await serve(json({ kind: 'Status', message: 'Unauthorized', code: 401 }, 401));
    const c = client({ server: api.url }, { token: 'secret-token' });
    const err = await failure(c.get('/version'));
    expect(err.message).toBe(
      `the API server at ${new URL(api.url).host} asks for credentials (401 Unauthorized), but they are sent only over https and the server address is http:// (context "ctx"); use its https:// address`,
    );
    expect(api.seen).toEqual([{ path: '/version', authorization: undefined, clientCn: undefined }]);
    c.close();
  });

  test('a 401 over http without credentials is the usual message', async () => {
    const api = await serve(json({ kind: 'Status', message: 'Unauthorized', code: 401 }, 401));
    const c = client({ server: api.url });
    expect((await failure(c.get('/version'))).message).toContain('rejected your credentials (401 Unauthorized)');
    c.close();
  });

  test('a proxy-url password is never printed', async () => {
    const c = client({ server: 'https://127.0.0.1:1', proxyUrl: 'socks5://alice:PASSWORD@127.0.0.1:1080' });
    const err = await failure(c.get('/version'));
    expect(err.message).toBe('proxy-url "socks5://xxxxx@127.0.0.1:1080" of cluster "c" is not supported: use an http:// or https:// proxy');
  });

  test('--debug lines and the client\'s server address carry no URL credentials', async () => {
    const api = await serve(ok, localhost);
    const lines: string[] = [];
    const server = api.url.replace('//', '//alice:PASSWORD@');
    const c = client({ server, certificateAuthorityData: b64(ca.cert) }, {}, {}, { debugLog: (l) => lines.push(l) });
    await c.get('/version');
    expect(c.server).toBe(api.url.replace('//', '//xxxxx@'));
    expect(lines.join('')).not.toContain('PASSWORD');
    expect(lines.join('')).not.toContain('alice');
    c.close();
    const failed = requestLogLine('GET', 'https://h/x', process.hrtime.bigint(), new Error('connect to http://bob:hunter2@proxy:3128 failed'), undefined);
    expect(failed).toMatch(/^debug: GET https:\/\/h\/x failed after \d+ ms: connect to http:\/\/xxxxx@proxy:3128 failed\n$/);
  });
});
