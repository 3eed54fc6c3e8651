// The thin Kubernetes REST client behind KubeClient.
//
// Why our own client instead of @kubernetes/client-node: that package costs 340-490 ms just to load, and
// `kubectl gs get clusters` must answer faster than `kubectl get` (which starts in ~80 ms). So this file
// uses only node:http / node:https with a keep-alive agent (one TLS handshake per invocation), loads
// nothing heavy at import (child_process, tty and zlib only when an exec plugin runs or the server
// compresses), and opens its TLS connection as soon as the client exists (preconnect) so the handshake
// overlaps the command's own loading. Measured (scripts/bench/kube-client.mjs): loading + kubeconfig
// ~25 ms above bare Node; `kubectl-gs get clusters -A` ~80 ms vs `kubectl get clusters -A` ~96 ms.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { secureContextFor, type CaList } from '../tlsTrust';
import type { Socket } from 'node:net';
import { buildInfo } from '../buildInfo';
import { redactUrlCredentials, UserError } from '../errors';
import { goArch, goOs } from '../platform';
import type { KubeClient, KubeList, KubeObject, Query, RequestOptions } from './client';
import type { Connection } from './connection';
import { startTimeout } from './duration';
import {
  connectTimeoutError,
  errorFromNetwork,
  errorFromResponse,
  KubeApiError,
  bodyTooLargeError,
  describeJson,
  notJsonError,
  notObjectError,
  plainHttpCredentialsError,
  redirectError,
  timeoutError,
  tlsUnknownAuthority,
  type RequestFacts,
} from './errors';
import type { ExecCredential } from './exec';

/** Like client-go's dialer: give up on a connection (TCP + TLS) after 30 s even without --request-timeout. */
const connectTimeoutMs = 30_000;
/** kubectl's default --chunk-size. */
const defaultPageSize = 500;

interface Credentials {
  headers: Record<string, string>;
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Set when the credentials came from an exec plugin (they may be refreshed once on 401). */
  exec?: ExecCredential;
}

interface RawResponse {
  status: number;
  contentType?: string;
  /** Where a redirect points (never followed). */
  location?: string;
  /** Seconds from a Retry-After header, when the server sent one. */
  retryAfter?: number;
  body: Buffer;
}

/** Like client-go: a 429 or 5xx that carries Retry-After is tried again (the server asked us to). */
const maxRetries = 3;
const maxRetryWaitMs = 10_000;

/** Limits on what a server may make us hold; injectable so tests can reach them with small answers. */
export interface ClientLimits {
  /**
   * The most bytes one answer may take, before and after gzip: 256 MiB. A page of 500 objects (kubectl's
   * chunk size) is a few MB at most; JSON.parse of the limit already needs over a GB, and Node cannot
   * make a string of 512 MiB at all.
   */
  maxBodyBytes: number;
}

export const defaultLimits: ClientLimits = { maxBodyBytes: 256 * 1024 * 1024 };

/**
 * One call, retries included, ends by this time (monotonicMs() ms; Infinity without --request-timeout).
 * It starts with the first exchange: credentials come first, and an interactive exec plugin may wait on the
 * user for as long as the user takes.
 */
interface Budget {
  deadline?: number;
}

export class RestClient implements KubeClient {
  readonly namespace: string;
  readonly server: string;
  readonly contextName?: string;
  private readonly secure: boolean;
  private readonly basePath: string;
  private credentials?: Promise<Credentials>;
  private agent?: HttpAgent;
  private agentCert?: string | Buffer;
  private identity?: { cert?: string | Buffer; key?: string | Buffer };
  /** A TLS connection opened by preconnect(), handed to the agent for the first request. */
  private preSocket?: Socket;
  /** No CA configured and Node's bundled roots failed: retry once with the operating system's store (as Go uses). */
  private useSystemCa = false;
  private readonly versions = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly conn: Connection,
    private readonly env: NodeJS.ProcessEnv,
    /** Whether an exec plugin may talk to the user; decided only when a plugin runs (process.stdin is costly). */
    private readonly stdinIsTTY?: boolean,
    /** --debug: one line per request (method, URL, status, time), as kubectl prints with -v=6. */
    private readonly debugLog?: (line: string) => void,
    private readonly limits: ClientLimits = defaultLimits,
  ) {
    this.namespace = conn.namespace;
    // Shown and cached (discovery) by commands: never with credentials a server URL may carry.
    this.server = redactUrlCredentials(conn.server.href.replace(/\/$/, ''));
    this.contextName = conn.contextName;
    this.secure = conn.server.protocol === 'https:';
    this.basePath = conn.server.pathname.replace(/\/+$/, '');
  }

  async get<T>(path: string, query?: Query, options?: RequestOptions): Promise<T> {
    return this.call<T>('GET', path, query, undefined, undefined, options);
  }

  async request<T>(method: string, path: string, body?: unknown, contentType?: string, options?: RequestOptions): Promise<T> {
    return this.call<T>(method.toUpperCase(), path, options?.query, body, contentType, options);
  }

  async listPages<T = KubeObject>(
    path: string,
    query: Query,
    onPage: (page: KubeList<T>) => void | Promise<void>,
    options?: RequestOptions,
  ): Promise<void> {
    let next: string | undefined;
    do {
      const q: Query = { ...query, limit: query.limit ?? defaultPageSize, continue: next };
      if (q.limit === 0) delete q.limit;
      const page = await this.get<KubeList<T>>(path, q, options);
      if (!page || !Array.isArray(page.items)) {
        throw new UserError(`the API server's answer to GET ${path} is not a list; check the resource path`);
      }
      const odd = page.items.findIndex((item) => item === null || typeof item !== 'object' || Array.isArray(item));
      if (odd >= 0) {
        throw new UserError(
          `the API server's answer to GET ${path} is not a list of objects (item ${odd + 1} is ${describeJson(page.items[odd])}); check that --server or the kubeconfig points at a Kubernetes API server`,
        );
      }
      await onPage(page);
      next = page.metadata?.continue || undefined;
    } while (next);
  }

  preferredVersion(group: string): Promise<string | undefined> {
    if (group === '') return Promise.resolve('v1');
    let pending = this.versions.get(group);
    if (!pending) {
      pending = this.get<{ preferredVersion?: { version?: string }; versions?: { version?: string }[] }>(`/apis/${group}`).then(
        (g) => g?.preferredVersion?.version ?? g?.versions?.[0]?.version,
        (err: unknown) => {
          if (err instanceof KubeApiError && err.code === 404) return undefined;
          throw err;
        },
      );
      this.versions.set(group, pending);
    }
    return pending;
  }

  /** Closes idle keep-alive connections (they never hold the process open: Node unrefs idle sockets). */
  close(): void {
    this.preSocket?.destroy();
    this.preSocket = undefined;
    this.agent?.destroy();
    this.agent = undefined;
  }

  /**
   * Opens the TCP + TLS connection now, so that the handshake (and the server's first answer) overlaps
   * with whatever the command loads before its first request. Best effort: any failure is left to that
   * request to report. The socket does not hold the process open until a request takes it.
   */
  preconnect(): void {
    try {
      this.openEarly();
    } catch {
      // whatever failed here fails again, and is reported, on the first request
    }
  }

  private openEarly(): void {
    if (!this.secure || this.preSocket || this.proxyEnv()) return;
    const agent = this.agentFor(this.staticTlsIdentity());
    const pooled = agent as unknown as { createConnection(...args: unknown[]): Socket | undefined; options: Record<string, unknown> };
    const original = pooled.createConnection;
    const hostname = this.conn.server.hostname.replace(/^\[|\]$/g, '');
    const port = Number(this.conn.server.port || 443);
    const socket = original.call(agent, { ...pooled.options, host: hostname, port, servername: this.serverName() ?? '' });
    if (!socket) return;
    socket.unref();
    socket.on('error', () => {}); // reported by the request that would have used it
    socket.once('secureConnect', () => connected.add(socket));
    this.preSocket = socket;
    pooled.createConnection = (...args: unknown[]) => {
      pooled.createConnection = original;
      const pre = this.preSocket;
      this.preSocket = undefined;
      const options = args[0] as { host?: string; port?: number | string } | undefined;
      if (pre && !pre.destroyed && options?.host === hostname && Number(options.port) === port) {
        pre.ref();
        return pre;
      }
      pre?.destroy();
      return original.apply(agent, args);
    };
  }

  // ---- one request ----

  private async call<T>(
    method: string,
    path: string,
    query: Query | undefined,
    body: unknown,
    contentType: string | undefined,
    options: RequestOptions | undefined,
  ): Promise<T> {
    const facts: RequestFacts = { method, path, server: this.conn.server, contextName: this.contextName };
    let payload: Buffer | undefined;
    if (body !== undefined) payload = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    // --request-timeout bounds the whole call: the exchange, a credential refresh and every retry.
    const budget: Budget = {};

    let res = await this.send(facts, query, payload, contentType, options, budget);
    if (res.status === 401 && (await this.credentialsFromExec())) {
      // client-go refreshes an exec credential once when the server rejects it.
      this.credentials = undefined;
      res = await this.send(facts, query, payload, contentType, options, budget);
    }
    for (let retry = 0; retry < maxRetries && res.retryAfter !== undefined && (res.status === 429 || res.status >= 500); retry++) {
      const wait = Math.min(res.retryAfter * 1000, maxRetryWaitMs);
      // A wait that would outlast --request-timeout is not worth starting: the server's answer is reported now.
      if (monotonicMs() + wait >= (budget.deadline ?? Infinity)) break;
      await new Promise((r) => setTimeout(r, wait));
      res = await this.send(facts, query, payload, contentType, options, budget);
    }
    return this.decode<T>(facts, res);
  }

  private decode<T>(facts: RequestFacts, res: RawResponse): T {
    if (res.status >= 300 && res.status < 400) throw redirectError(facts, res.status, res.location);
    const text = res.body.toString('utf8');
    if (res.status === 401 && !this.secure && this.hasCredentials()) throw plainHttpCredentialsError(facts);
    if (res.status >= 400) throw errorFromResponse(facts, res.status, res.contentType, text);
    if (res.status === 204 || text.trim() === '') return undefined as T;
    if (!res.contentType?.includes('json')) throw notJsonError(facts, res.status, res.contentType);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw notJsonError(facts, res.status, res.contentType);
    }
    // Every answer of a Kubernetes API server is a JSON object; null, a number or an array is not one.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw notObjectError(facts, value);
    return value as T;
  }

  /** Whether the kubeconfig or flags give any credential (they are sent over https only). */
  private hasCredentials(): boolean {
    const u = this.conn.user;
    return !!(u.token || u.tokenFile || u.username || u.password || u.exec || u.authProvider || u.clientCertificate || u.clientCertificateData);
  }

  private async credentialsFromExec(): Promise<boolean> {
    if (!this.credentials) return false;
    try {
      return !!(await this.credentials).exec;
    } catch {
      return false;
    }
  }

  private async send(
    facts: RequestFacts,
    query: Query | undefined,
    payload: Buffer | undefined,
    contentType: string | undefined,
    options: RequestOptions | undefined,
    budget: Budget,
  ): Promise<RawResponse> {
    const creds = await this.auth();
    const headers: OutgoingHttpHeaders = {
      Accept: 'application/json',
      'User-Agent': `kubectl-gs/${buildInfo.version} (${goOs(process.platform)}/${goArch(process.arch)})`,
      ...creds.headers,
      ...this.impersonationHeaders(),
    };
    if (!this.conn.disableCompression) headers['Accept-Encoding'] = 'gzip';
    if (payload) {
      headers['Content-Type'] = contentType ?? 'application/json';
      headers['Content-Length'] = payload.length;
    }
    Object.assign(headers, options?.headers);
    try {
      return await this.exchange(facts, query, payload, headers, creds, budget);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!this.useSystemCa && this.secure && code && tlsUnknownAuthority.has(code) && !this.hasConfiguredCa()) {
        this.useSystemCa = true;
        this.close();
        return this.exchange(facts, query, payload, headers, creds, budget).catch((e: unknown) => {
          throw this.mapNetworkError(facts, e);
        });
      }
      throw this.mapNetworkError(facts, err);
    }
  }

  private mapNetworkError(facts: RequestFacts, err: unknown): Error {
    if (err instanceof UserError) return err;
    return errorFromNetwork(facts, err as NodeJS.ErrnoException, this.conn.cluster.tlsServerName);
  }

  private exchange(
    facts: RequestFacts,
    query: Query | undefined,
    payload: Buffer | undefined,
    headers: OutgoingHttpHeaders,
    creds: Credentials,
    budget: Budget,
  ): Promise<RawResponse> {
    const url = this.conn.server;
    const agent = this.agentFor(creds);
    const qs = queryString(query);
    const requestPath = this.basePath + facts.path + (qs && facts.path.includes('?') ? `&${qs.slice(1)}` : qs);
    const timeoutMs = this.conn.timeoutMs;
    budget.deadline ??= timeoutMs > 0 ? monotonicMs() + timeoutMs : Infinity;
    const deadline = budget.deadline;
    const started = this.debugLog ? process.hrtime.bigint() : 0n;
    return new Promise<RawResponse>((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      let settled = false;
      const finish = (err: Error | undefined, res?: RawResponse) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        if (this.debugLog) this.debugLog(requestLogLine(facts.method, `${url.origin}${requestPath}`, started, err, res?.status));
        if (err) reject(err);
        else resolve(res!);
      };
      const send = this.secure ? httpsRequest : httpRequest;
      const req = send({
        agent,
        method: facts.method,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (this.secure ? 443 : 80),
        path: requestPath,
        headers,
      });
      // What is left of --request-timeout for this exchange (all of it for the first).
      const timer = startTimeout(Math.max(deadline - monotonicMs(), 1), () => {
        finish(timeoutError(facts, timeoutMs));
        req.destroy();
      });
      if (timer) timers.push(timer);
      req.on('socket', (socket: Socket) => {
        if (connected.has(socket)) return;
        const timer = setTimeout(() => {
          finish(connectTimeoutError(facts, connectTimeoutMs));
          req.destroy();
        }, connectTimeoutMs);
        timers.push(timer);
        socket.once(this.secure ? 'secureConnect' : 'connect', () => {
          connected.add(socket);
          clearTimeout(timer);
        });
      });
      req.on('error', (err) => finish(err));
      const maxBytes = this.limits.maxBodyBytes;
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (c: Buffer) => {
          received += c.length;
          if (received > maxBytes) {
            finish(bodyTooLargeError(facts, maxBytes));
            req.destroy();
            return;
          }
          chunks.push(c);
        });
        res.on('error', (err) => finish(err));
        res.on('end', () => {
          let body = Buffer.concat(chunks);
          if (res.headers['content-encoding'] === 'gzip') {
            try {
              // maxOutputLength stops a small answer that expands without bound (a "gzip bomb").
              body = (require('node:zlib') as typeof import('node:zlib')).gunzipSync(body, { maxOutputLength: maxBytes });
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') finish(bodyTooLargeError(facts, maxBytes));
              else finish(new UserError(`the API server ${url.host} sent a corrupt gzip answer to ${facts.method} ${facts.path}; retry with --disable-compression`));
              return;
            }
          }
          const retryAfter = /^\d+$/.test(res.headers['retry-after'] ?? '') ? Number(res.headers['retry-after']) : undefined;
          finish(undefined, { status: res.statusCode ?? 0, contentType: res.headers['content-type'], location: res.headers.location, retryAfter, body });
        });
      });
      req.end(payload);
    });
  }

  // ---- TLS, credentials, impersonation ----

  private hasConfiguredCa(): boolean {
    return !!(this.conn.cluster.certificateAuthority || this.conn.cluster.certificateAuthorityData);
  }

  /** The name the server certificate must carry: --tls-server-name, else the host unless it is an IP. */
  private serverName(): string | undefined {
    const hostname = this.conn.server.hostname;
    const isIp = /^[\d.]+$/.test(hostname) || hostname.startsWith('[');
    return this.conn.cluster.tlsServerName ?? (isIp ? undefined : hostname);
  }

  private agentFor(creds: { cert?: string | Buffer; key?: string | Buffer }): HttpAgent {
    if (this.agent && this.agentCert === creds.cert) return this.agent;
    this.close();
    const proxyEnv = this.proxyEnv();
    if (!this.secure) {
      this.agent = new HttpAgent({ keepAlive: true, ...(proxyEnv ? { proxyEnv } : {}) });
      return this.agent;
    }
    const cluster = this.conn.cluster;
    let ca: CaList | undefined;
    if (cluster.certificateAuthorityData) ca = [decodeBase64(cluster.certificateAuthorityData, 'certificate-authority-data', this.conn.clusterName)];
    else if (cluster.certificateAuthority) ca = [readFile(cluster.certificateAuthority, 'certificate-authority', `cluster "${this.conn.clusterName ?? ''}"`)];
    else if (this.useSystemCa) {
      const tls = require('node:tls') as typeof import('node:tls');
      ca = [...tls.getCACertificates('default'), ...tls.getCACertificates('system')];
    }
    const servername = this.serverName();
    this.agent = new HttpsAgent({
      keepAlive: true,
      secureContext: secureContextFor({ ca, cert: creds.cert, key: creds.key }),
      rejectUnauthorized: !cluster.insecureSkipTlsVerify,
      ...(servername ? { servername } : {}),
      ...(proxyEnv ? { proxyEnv } : {}),
    });
    this.agentCert = creds.cert;
    return this.agent;
  }

  /** proxy-url from the kubeconfig, else HTTPS_PROXY/NO_PROXY as Go reads them (never for loopback). */
  private proxyEnv(): Record<string, string | undefined> | undefined {
    const proxyUrl = this.conn.cluster.proxyUrl;
    if (proxyUrl) {
      if (!/^https?:\/\//.test(proxyUrl)) {
        throw new UserError(`proxy-url "${redactUrlCredentials(proxyUrl)}" of cluster "${this.conn.clusterName ?? ''}" is not supported: use an http:// or https:// proxy`);
      }
      return { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl };
    }
    const e = this.env;
    const hasProxy = e.HTTPS_PROXY || e.https_proxy || e.HTTP_PROXY || e.http_proxy;
    const host = this.conn.server.hostname;
    if (!hasProxy || host === 'localhost' || host.startsWith('127.') || host === '[::1]') return undefined;
    return { HTTPS_PROXY: e.HTTPS_PROXY || e.https_proxy, HTTP_PROXY: e.HTTP_PROXY || e.http_proxy, NO_PROXY: e.NO_PROXY || e.no_proxy };
  }

  private auth(): Promise<Credentials> {
    this.credentials ??= this.loadCredentials();
    return this.credentials.then((c) => {
      // An exec credential past its expiry is fetched again (kubectl gs commands may run for minutes).
      if (c.exec?.expiresAt !== undefined && c.exec.expiresAt <= Date.now()) {
        this.credentials = this.loadCredentials();
        return this.credentials;
      }
      return c;
    });
  }

  private async loadCredentials(): Promise<Credentials> {
    // client-go sends credentials only over TLS.
    if (!this.secure) return { headers: {} };
    const user = this.conn.user;
    const whose = `user "${this.conn.userName ?? ''}"`;
    const creds: Credentials = { headers: {}, ...this.staticTlsIdentity() };

    let token = user.token;
    if (!token && user.tokenFile) token = readFile(user.tokenFile, 'tokenFile', whose).toString('utf8').trim();
    if (!token && user.authProvider) token = user.authProvider.name === 'oidc' ? await (await import('./authProviderOidc')).oidcAuthProviderToken(this.conn, this.env) : authProviderToken(user.authProvider, this.conn.userName);
    if (token) creds.headers.Authorization = `Bearer ${token}`;
    else if (user.username || user.password) {
      creds.headers.Authorization = `Basic ${Buffer.from(`${user.username ?? ''}:${user.password ?? ''}`).toString('base64')}`;
    }

    // Like client-go, an exec plugin only runs when no token, basic auth or client certificate is given.
    if (user.exec && !creds.headers.Authorization && !creds.cert) {
      const caData = this.conn.cluster.certificateAuthorityData ??
        (this.conn.cluster.certificateAuthority ? readFile(this.conn.cluster.certificateAuthority, 'certificate-authority', `cluster "${this.conn.clusterName ?? ''}"`).toString('base64') : undefined);
      // Loaded only for exec users: node:child_process is not free to load.
      const { runExecPlugin } = await import('./exec');
      const exec = await runExecPlugin(user.exec, {
        userName: this.conn.userName,
        env: this.env,
        server: this.server,
        cluster: this.conn.cluster,
        caData: user.exec.provideClusterInfo ? caData : undefined,
        stdinIsTTY: this.stdinIsTTY ?? (require('node:tty') as typeof import('node:tty')).isatty(0),
        timeoutMs: this.conn.timeoutMs,
      });
      creds.exec = exec;
      if (exec.token) creds.headers.Authorization = `Bearer ${exec.token}`;
      if (exec.clientCertificateData) {
        creds.cert = exec.clientCertificateData;
        creds.key = exec.clientKeyData;
      }
    }
    return creds;
  }

  /** The client certificate and key from the kubeconfig or flags (not from an exec plugin). */
  private staticTlsIdentity(): { cert?: string | Buffer; key?: string | Buffer } {
    this.identity ??= this.readTlsIdentity();
    return this.identity;
  }

  private readTlsIdentity(): { cert?: string | Buffer; key?: string | Buffer } {
    if (!this.secure) return {};
    const user = this.conn.user;
    const whose = `user "${this.conn.userName ?? ''}"`;
    let cert: Buffer | undefined;
    let key: Buffer | undefined;
    if (user.clientCertificateData) cert = decodeBase64(user.clientCertificateData, 'client-certificate-data', this.conn.userName);
    else if (user.clientCertificate) cert = readFile(user.clientCertificate, 'client-certificate', whose);
    if (user.clientKeyData) key = decodeBase64(user.clientKeyData, 'client-key-data', this.conn.userName);
    else if (user.clientKey) key = readFile(user.clientKey, 'client-key', whose);
    if (!!cert !== !!key) {
      throw new UserError(`${whose} has a client ${cert ? 'certificate without its key' : 'key without its certificate'}; set both client-certificate and client-key`);
    }
    return { cert, key };
  }

  private impersonationHeaders(): Record<string, string | string[]> {
    const imp = this.conn.impersonate;
    const headers: Record<string, string | string[]> = {};
    if (!imp.user) return headers;
    headers['Impersonate-User'] = imp.user;
    if (imp.groups.length) headers['Impersonate-Group'] = imp.groups;
    if (imp.uid) headers['Impersonate-Uid'] = imp.uid;
    for (const [key, values] of Object.entries(imp.extra)) headers[`Impersonate-Extra-${encodeURIComponent(key)}`] = values;
    return headers;
  }
}

/** Sockets whose TCP/TLS connection completed (a reused keep-alive socket needs no connect timer). */
const connected = new WeakSet<Socket>();

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function readFile(path: string, field: string, owner: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UserError(`cannot read the ${field} file ${path} of ${owner}: ${why}`);
  }
}

function decodeBase64(data: string, field: string, owner: string | undefined): Buffer {
  const buf = Buffer.from(data, 'base64');
  if (buf.length === 0) throw new UserError(`${field} of "${owner ?? ''}" in the kubeconfig is not valid base64`);
  return buf;
}

/** The legacy oidc auth-provider: its current id-token is used as is (kubectl no longer refreshes others). */
function authProviderToken(provider: { name: string; config: Record<string, string> }, userName?: string): string {
  if (provider.name === 'oidc' && provider.config['id-token']) return provider.config['id-token'];
  throw new UserError(
    `user "${userName ?? ''}" uses the auth-provider "${provider.name}", which kubectl no longer supports; configure an exec credential plugin for it instead (for OIDC, for example kubelogin)`,
  );
}

/** kubectl -v=6's request line, e.g. `GET https://host:6443/api/v1/nodes?limit=500 200 OK in 12 ms`. */
export function requestLogLine(method: string, url: string, started: bigint, err: Error | undefined, status: number | undefined): string {
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  if (err) return redactUrlCredentials(`debug: ${method} ${url} failed after ${ms} ms: ${(err as NodeJS.ErrnoException).code ?? err.message}\n`);
  const { STATUS_CODES } = require('node:http') as typeof import('node:http');
  const reason = STATUS_CODES[status ?? 0];
  return redactUrlCredentials(`debug: ${method} ${url} ${status}${reason ? ` ${reason}` : ''} in ${ms} ms\n`);
}

/** Milliseconds from a monotonic clock. Not performance.now(): its first use loads perf_hooks (~1 ms, seven modules). */
function monotonicMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1000 + ns / 1e6;
}
