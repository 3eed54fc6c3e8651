// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Go's net/http reads them, and delivery through a real proxy on
// loopback: a CONNECT tunnel to a TLS receiver for https endpoints, absolute-form requests for http ones.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '../../../src/telemetry/connection';
import { proxyFor } from '../../../src/telemetry/proxy';

describe('proxyFor', () => {
  const https = new URL('https://nom.telemetrydeck.com/v2/');
  it.each([
    [{ HTTPS_PROXY: 'http://proxy:3128' }, 'http://proxy:3128/'],
    [{ https_proxy: 'proxy:3128' }, 'http://proxy:3128/'],
    [{ HTTP_PROXY: 'http://proxy:3128' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'telemetrydeck.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.telemetrydeck.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', no_proxy: 'example.com, *' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'nom.telemetrydeck.com:8443' }, 'http://proxy:3128/'],
    [{ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'deck.com' }, 'http://proxy:3128/'],
  ])('%j -> %s', (env, want) => {
    expect(proxyFor(https, env)?.href).toBe(want);
  });

  it('never proxies loopback endpoints', () => {
    expect(proxyFor(new URL('http://127.0.0.1:9/v2/'), { HTTP_PROXY: 'http://proxy:1' })).toBeUndefined();
    expect(proxyFor(new URL('http://localhost:9/v2/'), { HTTP_PROXY: 'http://proxy:1' })).toBeUndefined();
  });
});

function selfSignedCert(host: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${host}`,
    '-addext', `subjectAltName=DNS:${host}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

describe('delivery through a proxy', () => {
  it('tunnels to an https endpoint with CONNECT (with proxy credentials) and verifies its certificate', async () => {
    const host = 'nom.telemetrydeck.test';
    const { key, cert } = selfSignedCert(host);
    const bodies: string[] = [];
    const target = createHttpsServer({ key, cert }, (req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        bodies.push(`${req.method} ${req.url} ${req.headers.host} ${b}`);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    const targetPort = (target.address() as { port: number }).port;
    const connects: string[] = [];
    const sockets: Socket[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req: IncomingMessage, client: Socket) => {
      connects.push(`${req.url} ${req.headers['proxy-authorization']}`);
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      sockets.push(client, upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const proxyPort = (proxy.address() as { port: number }).port;
    try {
      const endpoint = new URL(`https://${host}/v2/`);
      const proxyUrl = proxyFor(endpoint, { HTTPS_PROXY: `http://u%40x:p%3Ass@127.0.0.1:${proxyPort}` });
      const c = new Connection({ endpoint, proxy: proxyUrl, userAgent: 'test', tls: { ca: cert } }).start();
      expect(await c.whenReady(5000)).toBe(true);
      expect(await c.send('[{"a":1}]', 1000)).toBe(true);
      const until = Date.now() + 5000;
      while (bodies.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(connects).toEqual([`${host}:443 Basic ${Buffer.from('u@x:p:ss').toString('base64')}`]);
      expect(bodies).toEqual([`POST /v2/ ${host} [{"a":1}]`]);
      c.close();
      // A certificate the client does not trust: no connection, nothing sent.
      const untrusted = new Connection({ endpoint, proxy: proxyUrl, userAgent: 'test' }).start();
      expect(await untrusted.whenReady(5000)).toBe(false);
      expect(untrusted.failure).toMatch(/certificate/i);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => target.close(r));
    }
  });

  it('sends an absolute-form request to an http proxy for an http endpoint', async () => {
    const seen: string[] = [];
    const proxy = createHttpServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${b}`);
        res.end();
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const port = (proxy.address() as { port: number }).port;
    try {
      const endpoint = new URL('http://telemetry.example.test/v2/');
      const c = new Connection({ endpoint, proxy: proxyFor(endpoint, { HTTP_PROXY: `127.0.0.1:${port}` }), userAgent: 't' }).start();
      expect(await c.whenReady(5000)).toBe(true);
      expect(await c.send('[]', 1000)).toBe(true);
      const until = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(['POST http://telemetry.example.test/v2/ []']);
      c.close();
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});
