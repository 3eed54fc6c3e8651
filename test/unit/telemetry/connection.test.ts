// The connection's failure modes: a DNS server that never answers must neither make the connection
// "ready" nor hold the process at exit (getaddrinfo on libuv's thread pool would: process.exit joins it);
// a direct https endpoint is verified against its certificate.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { Connection, resolveHost } from '../../../src/telemetry/connection';

async function silentDns(): Promise<{ server: string; queries: () => number; close: () => void }> {
  const sock = createSocket('udp4');
  let queries = 0;
  sock.on('message', () => queries++);
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { server: `127.0.0.1:${sock.address().port}`, queries: () => queries, close: () => sock.close() };
}

describe('connection', () => {
  it('stays not-ready while DNS never answers, and a process exits at once anyway', async () => {
    const dns = await silentDns();
    try {
      const c = new Connection({ endpoint: new URL('https://nom.telemetrydeck.com/v2/'), userAgent: 't', dnsServers: [dns.server] }).start();
      expect(await c.whenReady(300)).toBe(false);
      expect(dns.queries()).toBeGreaterThan(0);
      c.close();
      // In a process of its own: start connecting, then exit as the CLI does. It must end by itself.
      const dir = mkdtempSync(join(tmpdir(), 'kgs-dns-'));
      const script = join(dir, 'exit.cjs');
      buildSync({
        stdin: {
          contents: `const { Connection } = require(${JSON.stringify(resolve(__dirname, '../../../src/telemetry/connection.ts'))});
            new Connection({ endpoint: new URL('https://nom.telemetrydeck.com/v2/'), userAgent: 't', dnsServers: [${JSON.stringify(dns.server)}] }).start();
            setTimeout(() => process.exit(7), 50);`,
          resolveDir: dir,
        },
        bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent',
      });
      const child = spawn(process.execPath, [script], { stdio: 'ignore' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('exit', (c2, s) => r([c2, s])));
      clearTimeout(killer);
      expect({ code, signal }).toEqual({ code: 7, signal: null });
    } finally {
      dns.close();
    }
  });

  it('never resolves .invalid names and maps localhost to loopback without asking DNS', async () => {
    await expect(resolveHost('telemetry.kubectl-gs.invalid')).rejects.toThrow(/\.invalid/);
    expect(await resolveHost('localhost')).toBe('127.0.0.1');
    expect(await resolveHost('[::1]')).toBe('::1');
  });

  it('posts to a direct https endpoint it trusts, and to none it does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const got: string[] = [];
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        got.push(`${req.method} ${req.url} ${req.headers['content-type']} ${b}`);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const endpoint = new URL(`https://localhost:${(server.address() as { port: number }).port}/v2/`);
    try {
      const c = new Connection({ endpoint, userAgent: 't', tls: { ca: cert } }).start();
      expect(await c.whenReady(5000)).toBe(true);
      expect(await c.send('[1]', 1000)).toBe(true);
      const until = Date.now() + 5000;
      while (!got.length && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(got).toEqual(['POST /v2/ application/json; charset=utf-8 [1]']);
      c.close();
      const untrusted = new Connection({ endpoint, userAgent: 't' }).start();
      expect(await untrusted.whenReady(5000)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
