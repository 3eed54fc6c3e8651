// One fire-and-forget HTTP/1.1 POST over node:net / node:tls, opened early and written late:
// start() resolves the name and connects (through an HTTPS_PROXY CONNECT tunnel if one applies) while
// the command runs; send() writes the request once the command is done and resolves as soon as the bytes
// are handed to the kernel. The answer is never read: the process exits and the kernel delivers what it
// was given. Nothing here keeps the process alive (sockets and timers are unref'd).
//
// Why not fetch/undici or node:http: undici costs 45-88 ms to load plus a WebAssembly compile that delays
// exit; node:http adds an agent and a parser we do not need. Why c-ares (dns.Resolver) and not
// dns.lookup: getaddrinfo runs on libuv's thread pool, and process.exit() joins that pool, so a resolver
// that never answers would hold the user's shell at exit; c-ares queries live on the event loop.
import type { Socket } from 'node:net';
import { ipFamily } from './ip';
import { secureContextFor } from '../tlsTrust';
import type { TLSSocket } from 'node:tls';

export interface ConnectionOptions {
  endpoint: URL;
  proxy?: URL;
  userAgent: string;
  /** DNS servers to ask instead of the system's (tests); see resolveHost. */
  dnsServers?: string[];
  /** Extra TLS options (tests: a private CA). */
  tls?: { ca?: string | Buffer };
}

type State = 'connecting' | 'ready' | 'failed';

export class Connection {
  private state: State = 'connecting';
  private socket?: Socket | TLSSocket;
  private waiters: Array<() => void> = [];
  private ended = false;
  private cutShort = false;
  /** Why the connection failed, for tests and --debug; never sent anywhere. */
  failure?: string;

  constructor(private readonly opts: ConnectionOptions) {}

  start(): this {
    this.open().catch((err: unknown) => this.fail(err instanceof Error ? err.message : String(err)));
    return this;
  }

  /**
   * The command is done: from now on no TLS handshake is started. Starting one costs several ms of CPU
   * (loading TLS, building the CA store) that would land on the user's wall time, and it could not
   * complete within the few ms left anyway; the signal goes to the spool instead.
   */
  commandEnded(): void {
    this.ended = true;
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /**
   * Still coming up when the command ended (or cut short only because it ended before TLS could start):
   * the endpoint is reachable but slow or far away, as opposed to refused or unresolvable.
   */
  get wasComingUp(): boolean {
    return this.state === 'connecting' || this.cutShort;
  }

  /** Resolves true once the connection can take the request, false if it failed or ms passed first. */
  whenReady(ms: number): Promise<boolean> {
    if (this.state !== 'connecting') return Promise.resolve(this.state === 'ready');
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(this.state === 'ready');
      };
      // At least one turn of the event loop, even when ms is used up: a connect that completed while
      // the command kept the thread busy is only noticed in the loop's poll phase.
      const timer = ms > 0 ? setTimeout(finish, ms) : undefined;
      timer?.unref();
      if (!timer) setImmediate(finish);
      this.waiters.push(finish);
    });
  }

  /**
   * Writes the POST with this body. Resolves true once the kernel has the bytes, false if the connection
   * is not ready, the write failed, or it did not complete within ms.
   */
  send(body: string, ms: number): Promise<boolean> {
    const socket = this.socket;
    if (this.state !== 'ready' || !socket) return Promise.resolve(false);
    const request = this.requestHead(Buffer.byteLength(body)) + body;
    return new Promise((resolve) => {
      let done = false;
      const finish = (ok: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), ms);
      timer.unref();
      socket.once('error', () => finish(false));
      try {
        socket.write(request, (err) => finish(!err));
        // Everything went to the kernel within write() itself (the usual case on a connected socket):
        // no need to wait for the callback, which only comes on a later turn of the event loop.
        if (socket.writableLength === 0 && !socket.destroyed) finish(true);
      } catch {
        finish(false);
      }
    });
  }

  /**
   * Lets go of the socket: a ready one is ended (the kernel still delivers what was written), one still
   * connecting is dropped. Only matters in long-lived processes such as tests; the CLI just exits.
   */
  close(): void {
    if (this.state === 'ready') this.socket?.end();
    else this.fail('closed');
  }

  private requestHead(length: number): string {
    const { endpoint, proxy } = this.opts;
    // Through a plain-HTTP proxy (no tunnel for http:// endpoints), the request line carries the full URL.
    const viaHttpProxy = proxy && endpoint.protocol === 'http:';
    const target = viaHttpProxy ? endpoint.href : endpoint.pathname + endpoint.search;
    const lines = [
      `POST ${target} HTTP/1.1`,
      `Host: ${endpoint.host}`,
      `User-Agent: ${this.opts.userAgent}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${length}`,
      'Connection: close',
    ];
    const auth = viaHttpProxy ? proxyAuthorization(proxy) : undefined;
    if (auth) lines.push(`Proxy-Authorization: ${auth}`);
    return lines.join('\r\n') + '\r\n\r\n';
  }

  private async open(): Promise<void> {
    const { endpoint, proxy } = this.opts;
    const hop = proxy ?? endpoint;
    const port = Number(hop.port || (hop.protocol === 'https:' ? 443 : 80));
    const address = await resolveHost(hop.hostname, this.opts.dnsServers);
    let socket: Socket | TLSSocket = await tcpConnect(address, port);
    this.track(socket);
    if (proxy?.protocol === 'https:') socket = await this.startTls(socket, proxy.hostname);
    if (proxy && endpoint.protocol === 'https:') await connectTunnel(socket, endpoint, proxy);
    if (endpoint.protocol === 'https:') socket = await this.startTls(socket, endpoint.hostname);
    this.socket = socket;
    this.state = 'ready';
    this.wake();
  }

  private track(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.unref();
    // A failure after the request was written is none of the user's business: swallow it.
    socket.on('error', (err) => this.fail(err.message));
  }

  private startTls(socket: Socket, servername: string): Promise<TLSSocket> {
    if (this.ended) {
      this.cutShort = true;
      return Promise.reject(new Error('the command ended before TLS could start'));
    }
    // Loaded only once TCP is up: building the CA store costs several ms of CPU, spent while the command
    // waits on its own I/O rather than in front of it.
    const tls = require('node:tls') as typeof import('node:tls');
    return new Promise((resolve, reject) => {
      const ca = this.opts.tls?.ca;
      const secure = tls.connect({
        socket,
        servername: ipFamily(servername) ? undefined : servername,
        ALPNProtocols: ['http/1.1'],
        // Node's default roots unless a test names its own CA; made in tlsTrust, which may have to put
        // the defaults back after the API server's context replaced them.
        secureContext: secureContextFor({ ca: ca ? [ca] : undefined }),
      });
      this.track(secure);
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', reject);
    });
  }

  private fail(message: string): void {
    if (this.state === 'failed') return;
    this.failure = message;
    this.state = 'failed';
    this.socket?.destroy();
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
}

/**
 * An address for host. IP literals as they are; localhost is loopback; names under .invalid never
 * resolve (RFC 6761 section 6.4: resolvers should answer negatively at once, without a query). Other
 * names go to the DNS servers with c-ares, A and AAAA in parallel, preferring IPv4.
 */
export async function resolveHost(host: string, servers?: string[]): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (ipFamily(bare)) return bare;
  const lower = bare.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower.endsWith('.localhost')) return '127.0.0.1';
  if (lower === 'invalid' || lower.endsWith('.invalid')) throw new Error(`cannot resolve ${host}: .invalid names never resolve`);
  const { Resolver } = require('node:dns') as typeof import('node:dns');
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers) resolver.setServers(servers);
  const ask = (family: 4 | 6) =>
    new Promise<string>((resolve, reject) => {
      const cb = (err: Error | null, addrs: string[]) => (err || !addrs.length ? reject(err ?? new Error('no address')) : resolve(addrs[0]));
      if (family === 4) resolver.resolve4(lower, cb);
      else resolver.resolve6(lower, cb);
    });
  const v4 = ask(4);
  const v6 = ask(6);
  v6.catch(() => undefined);
  try {
    return await v4;
  } catch {
    return await v6;
  }
}

function tcpConnect(address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // node:net on first use: loading telemetry (src/telemetry/index.ts, imported at start-up) must not load it
    // for a process whose output goes to files, where nothing else does.
    const { connect } = require('node:net') as typeof import('node:net');
    const socket = connect({ host: address, port, noDelay: true });
    socket.unref();
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Asks an HTTP proxy for a tunnel to the endpoint and waits for its 2xx answer. */
function connectTunnel(socket: Socket | TLSSocket, endpoint: URL, proxy: URL): Promise<void> {
  const hostPort = `${endpoint.hostname}:${endpoint.port || 443}`;
  const auth = proxyAuthorization(proxy);
  socket.write(`CONNECT ${hostPort} HTTP/1.1\r\nHost: ${hostPort}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  return new Promise((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16384) done(new Error('proxy answer too long'));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      done(status && status[1].startsWith('2') ? undefined : new Error(`proxy refused the tunnel: ${head.split('\r\n')[0]}`));
    };
    const onEnd = () => done(new Error('proxy closed the connection'));
    const done = (err?: Error) => {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.pause();
      if (err) reject(err);
      else resolve();
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
  });
}
