// A real HTTP receiver on loopback that records every byte it is sent, and the endpoint behaviours the
// telemetry must survive: answers at once, answers after 2 s, accepts and never answers, refuses, DNS
// fails (.invalid), drops packets (a listening socket whose accept queue is full: the kernel drops SYNs).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';

export type Behaviour = 'ok' | 'slow' | 'hang' | 'refuse' | 'dns' | 'drop';
export const behaviours: Behaviour[] = ['ok', 'slow', 'hang', 'refuse', 'dns', 'drop'];

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Receiver {
  endpoint: string;
  /** Every request received, parsed. */
  requests: Received[];
  /** Every raw byte any connection delivered (headers included), for the privacy test. */
  raw(): Buffer;
  /** All signals of all requests, flattened. */
  signals(): any[];
  /** Resolves once at least n signals arrived (or after ms, whatever comes first). */
  waitForSignals(n: number, ms?: number): Promise<any[]>;
  close(): Promise<void>;
}

export async function startReceiver(behaviour: Behaviour = 'ok', answerDelayMs = 0): Promise<Receiver> {
  if (behaviour === 'refuse') return refusing();
  if (behaviour === 'dns') return fixed('http://telemetry.kubectl-gs.invalid/v2/', async () => {});
  if (behaviour === 'drop') return dropping();
  const requests: Received[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(body).toString('utf8') });
      const answer = () => {
        res.on('error', () => {});
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      };
      if (behaviour === 'hang') return;
      const delay = behaviour === 'slow' ? 2000 : answerDelayMs;
      if (delay > 0) {
        const t = setTimeout(answer, delay);
        timers.add(t);
      } else answer();
    });
    req.on('error', () => {});
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_e, s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const signals = () => requests.flatMap((r) => {
    try {
      return JSON.parse(r.body) as any[];
    } catch {
      return [];
    }
  });
  return {
    endpoint: `http://127.0.0.1:${port}/v2/`,
    requests,
    raw: () => Buffer.concat(chunks),
    signals,
    waitForSignals: async (n, ms = 5000) => {
      const until = Date.now() + ms;
      while (signals().length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return signals();
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function fixed(endpoint: string, close: () => Promise<void>): Receiver {
  return {
    endpoint,
    requests: [],
    raw: () => Buffer.alloc(0),
    signals: () => [],
    waitForSignals: async () => [],
    close,
  };
}

/** A port nobody listens on: connections are refused at once. */
async function refusing(): Promise<Receiver> {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return fixed(`http://127.0.0.1:${port}/v2/`, async () => {});
}

/**
 * A listening socket that never accepts, with a backlog of 0, filled by one connection: the kernel then
 * drops every further SYN, as a firewall DROP rule would, and a connect attempt just hangs. Node always
 * accepts, so python3 holds the socket.
 */
async function dropping(): Promise<Receiver> {
  const py = spawn('python3', ['-c', [
    'import socket,sys,time',
    's=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(0)',
    'print(s.getsockname()[1], flush=True)',
    'time.sleep(600)',
  ].join('\n')], { stdio: ['ignore', 'pipe', 'inherit'] }) as ChildProcess;
  const port = await new Promise<number>((resolve, reject) => {
    py.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    py.once('error', reject);
    py.once('exit', () => reject(new Error('python3 exited')));
  });
  // Fill the accept queue (backlog 0 holds one, two to be sure).
  const fillers: Socket[] = [];
  for (let i = 0; i < 2; i++) {
    fillers.push(connect(port, '127.0.0.1').on('error', () => {}));
    await new Promise((r) => setTimeout(r, 50));
  }
  return fixed(`http://127.0.0.1:${port}/v2/`, async () => {
    for (const f of fillers) f.destroy();
    py.kill();
  });
}

/** True if a connect to this endpoint does not complete within ms (used to check the drop simulation). */
export function connectHangs(endpoint: string, ms = 300): Promise<boolean> {
  const u = new URL(endpoint);
  return new Promise((resolve) => {
    const s = connect(Number(u.port), u.hostname);
    const t = setTimeout(() => {
      s.destroy();
      resolve(true);
    }, ms);
    s.once('connect', () => {
      clearTimeout(t);
      s.destroy();
      resolve(false);
    });
    s.once('error', () => {
      clearTimeout(t);
      resolve(false);
    });
  });
}
