// The spool flusher with the built executable through the real kubectl: an endpoint that is slow to
// connect (a TLS receiver on loopback that holds every handshake for a while, as a far-away endpoint
// would) makes a fast command spool its signal; the helper process it starts delivers it, exactly once.
// Also: no helper when telemetry is off, none within the interval, and the helper ends by itself even
// when the endpoint never answers. The command's own output and exit code never change.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { apiServer, kubectlGs } from '../support/env';

interface SlowReceiver {
  endpoint: string;
  caFile: string;
  connections: () => number;
  signals: () => any[];
  close: () => void;
}

const tlsDir = mkdtempSync(join(tmpdir(), 'kgs-flush-tls-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(tlsDir, 'key.pem'), '-out', join(tlsDir, 'cert.pem')], { stdio: 'ignore' });

/** HTTPS on loopback that starts each TLS handshake only after holdMs (Infinity: never). */
async function slowReceiver(holdMs: number): Promise<SlowReceiver> {
  const key = readFileSync(join(tlsDir, 'key.pem'));
  const cert = readFileSync(join(tlsDir, 'cert.pem'));
  const bodies: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const http = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      res.on('error', () => {}).end('{}');
    });
  });
  const server = createNetServer({ pauseOnConnect: true }, (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    if (holdMs === Infinity) return;
    setTimeout(() => {
      if (socket.destroyed) return;
      const secure = new TLSSocket(socket, { isServer: true, key, cert });
      secure.on('error', () => {});
      http.emit('connection', secure);
      socket.resume();
    }, holdMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `https://localhost:${port}/v2/`,
    caFile: join(tlsDir, 'cert.pem'),
    connections: () => connections,
    signals: () => bodies.flatMap((b) => JSON.parse(b) as any[]),
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function home(rx: SlowReceiver, consent: object = { noticeShownAt: '2026-01-01T00:00:00Z' }, extra: Record<string, string | undefined> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-flush-e2e-'));
  mkdirSync(join(dir, 'config/kubectl-gs'), { recursive: true });
  writeFileSync(join(dir, 'config/kubectl-gs/telemetry.json'), JSON.stringify(consent));
  const cache = join(dir, 'cache');
  return {
    cache,
    telemetryDir: join(cache, 'kubectl-gs', 'telemetry'),
    env: {
      XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: cache, NODE_EXTRA_CA_CERTS: rx.caFile,
      KUBECTL_GS_TELEMETRY_OPTOUT: '', DO_NOT_TRACK: undefined, CI: undefined, GITHUB_ACTIONS: undefined,
      KUBECTL_GS_TELEMETRY_ENDPOINT: rx.endpoint, KUBECTL_GS_TELEMETRY_DEBUG: undefined, KUBECTL_GS_TELEMETRY_TESTMODE: '1',
      HTTPS_PROXY: undefined, HTTP_PROXY: undefined, https_proxy: undefined, http_proxy: undefined,
      ...extra,
    } as Record<string, string | undefined>,
  };
}

function spooled(telemetryDir: string): string[] {
  try {
    return readdirSync(join(telemetryDir, 'spool')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

/** Flusher processes started for this cache directory (found through /proc: argv and environment). */
function flushers(cache: string): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!argv.includes('__telemetry-flush')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`XDG_CACHE_HOME=${cache}`)) out.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return cond();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the spool flusher of the built executable', () => {
  it('delivers the signal of a fast command the endpoint was too slow for, exactly once, output unchanged', async () => {
    const rx = await slowReceiver(500);
    try {
      const h = home(rx);
      const expected = await kubectlGs(['version'], { env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
      const r = await kubectlGs(['version'], { env: h.env });
      expect(r).toEqual(expected);
      const failing = await kubectlGs(['version', '-o', 'nope'], { env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
      expect(failing.code).not.toBe(0);
      // Within a few seconds the helper has connected and sent what the command spooled.
      expect(await until(() => rx.signals().length >= 1, 5000)).toBe(true);
      await sleep(1000);
      const signals = rx.signals();
      expect(signals).toHaveLength(1);
      expect(signals[0].payload).toMatchObject({ command: 'kubectl gs version', flags: '', exitCode: 0 });
      expect(spooled(h.telemetryDir)).toEqual([]);
      // The next command, within the interval: spooled again, and no second helper.
      const attempt = statSync(join(h.telemetryDir, 'flush-attempt')).mtimeMs;
      const rf = await kubectlGs(['version', '-o', 'nope'], { env: h.env });
      expect(rf).toEqual(failing);
      const connectionsAfter = rx.connections();
      await sleep(1500);
      expect(flushers(h.cache)).toEqual([]);
      expect(rx.connections()).toBe(connectionsAfter);
      expect(rx.signals()).toHaveLength(1);
      expect(spooled(h.telemetryDir)).toHaveLength(1);
      expect(statSync(join(h.telemetryDir, 'flush-attempt')).mtimeMs).toBe(attempt);
    } finally {
      rx.close();
    }
  });

  it('sends from the command itself after talking TLS to the API server with its own CA (NODE_EXTRA_CA_CERTS still trusted)', async () => {
    // The API server's secure context trusts only the cluster CA and may replace the process's default CAs
    // to get there (src/tlsTrust.ts); telemetry's context must get Node's defaults back, NODE_EXTRA_CA_CERTS
    // (the receiver's certificate here) included. An exec credential plugin that takes 300 ms keeps the
    // command running until telemetry's handshake is done, so the command itself sends, no helper.
    const rx = await slowReceiver(0);
    try {
      const h = home(rx);
      const facts = apiServer();
      const slowExec = join(mkdtempSync(join(tmpdir(), 'kgs-slow-exec-')), 'slow-exec.sh');
      writeFileSync(slowExec, `#!/bin/sh\nsleep 0.3\nexec "${facts.execV1Script}"\n`, { mode: 0o755 });
      const kubeconfig = join(h.cache, '..', 'kubeconfig.json');
      writeFileSync(kubeconfig, JSON.stringify({
        apiVersion: 'v1', kind: 'Config', 'current-context': 'slow',
        clusters: [{ name: 'e2e', cluster: { server: facts.serverUrl, 'certificate-authority': facts.caFile } }],
        users: [{ name: 'slow', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: slowExec, interactiveMode: 'Never' } } }],
        contexts: [{ name: 'slow', context: { cluster: 'e2e', user: 'slow', namespace: 'default' } }],
      }));
      const r = await kubectlGs(['get', 'clusters', '-A', '-o', 'name'], { env: { ...h.env, KUBECONFIG: kubeconfig } });
      // Whether this suite's server has the Cluster CRD depends on which suites ran before; either answer
      // came over TLS from the API server, which is what matters here.
      expect(r.stderr).not.toMatch(/certificate|authority|connect/);
      expect(await until(() => rx.signals().length >= 1, 3000)).toBe(true);
      expect(rx.signals()[0].payload).toMatchObject({ command: 'kubectl gs get clusters', exitCode: r.code });
      expect(existsSync(join(h.telemetryDir, 'flush-attempt'))).toBe(false);
      expect(spooled(h.telemetryDir)).toEqual([]);
    } finally {
      rx.close();
    }
  });

  it('the helper is gone within 5 s even when the endpoint never answers, and the signal stays in the spool', async () => {
    const rx = await slowReceiver(Infinity);
    try {
      const h = home(rx);
      const r = await kubectlGs(['version'], { env: h.env });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const exitedAt = Date.now();
      expect(await until(() => flushers(h.cache).length > 0 || rx.connections() >= 2, 2000)).toBe(true);
      expect(await until(() => flushers(h.cache).length === 0, 5000 - (Date.now() - exitedAt))).toBe(true);
      expect(rx.connections()).toBe(2); // the command's own, and the helper's
      expect(rx.signals()).toEqual([]);
      expect(spooled(h.telemetryDir)).toHaveLength(1);
    } finally {
      rx.close();
    }
  });

  it.each([
    ['KUBECTL_GS_TELEMETRY_OPTOUT=1', { KUBECTL_GS_TELEMETRY_OPTOUT: '1' }, {}],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }, {}],
    ['telemetry disabled by the user', {}, { enabled: false }],
  ])('starts no helper with %s, even with signals in the spool', async (_n, extra, consent) => {
    const rx = await slowReceiver(200);
    try {
      const h = home(rx, { noticeShownAt: '2026-01-01T00:00:00Z', ...consent }, extra);
      mkdirSync(join(h.telemetryDir, 'spool'), { recursive: true });
      const waiting = { createdAt: Date.now(), signal: { appID: 'a', clientUser: 'u', sessionID: 'waiting', isTestMode: true, type: 'GiantSwarm.command', payload: {} } };
      writeFileSync(join(h.telemetryDir, 'spool', `${String(Date.now()).padStart(15, '0')}-1-x.json`), JSON.stringify(waiting));
      const r = await kubectlGs(['version'], { env: h.env });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      await sleep(1200);
      expect(rx.connections()).toBe(0);
      expect(existsSync(join(h.telemetryDir, 'flush-attempt'))).toBe(false);
      expect(spooled(h.telemetryDir)).toHaveLength(1);
    } finally {
      rx.close();
    }
  });
});
