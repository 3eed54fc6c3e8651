// HTTP to chart repositories and OCI registries, through undici with its EnvHttpProxyAgent: HTTP_PROXY,
// HTTPS_PROXY and NO_PROXY are honoured as Go's http.ProxyFromEnvironment honours them. undici is loaded
// only when a command talks to a registry (it costs tens of milliseconds to load), never for `get`.
import { UserError } from '../errors';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpRequest {
  method?: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Give up after this long (default 60 s, as helm's registry client). */
  timeoutMs?: number;
  /** Answers larger than this are refused (a registry is not trusted to be small). */
  maxBytes?: number;
}

type Undici = typeof import('undici');
let undici: Undici | undefined;
let dispatcher: import('undici').Dispatcher | undefined;

function client(): { u: Undici; d: import('undici').Dispatcher } {
  undici ??= (require('../vendor') as typeof import('../vendor')).undici();
  dispatcher ??= new undici.EnvHttpProxyAgent();
  return { u: undici, d: dispatcher };
}

const defaultMaxBytes = 64 * 1024 * 1024;

/** One request; redirects are followed (registries send blobs to storage elsewhere). Network failures are one line. */
export async function httpRequest(url: string, req: HttpRequest = {}): Promise<HttpAnswer> {
  const { u, d } = client();
  const timeoutMs = req.timeoutMs ?? 60_000;
  const maxBytes = req.maxBytes ?? defaultMaxBytes;
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    let res: import('undici').Dispatcher.ResponseData;
    try {
      res = await u.request(target, {
        method: req.method ?? 'GET',
        headers: req.headers,
        body: req.body,
        dispatcher: d,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (err) {
      throw networkError(target, err);
    }
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string' && hop < 10 && (req.method ?? 'GET') !== 'PUT') {
      await res.body.dump();
      const next = new URL(location, target);
      // Credentials belong to the host that asked for them, never to where it redirects.
      if (next.host !== target.host && req.headers?.Authorization) req = { ...req, headers: withoutAuthorization(req.headers) };
      target = next;
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          res.body.destroy();
          throw new UserError(`${target.host} sent more than ${Math.round(maxBytes / 1048576)} MiB for ${target.pathname}; refusing the answer`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw networkError(target, err);
    }
    return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
  }
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  const { Authorization: _dropped, ...rest } = headers;
  return rest;
}

function networkError(url: URL, err: unknown): UserError {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.cause?.code ?? e.code;
  const why =
    code === 'ECONNREFUSED' ? 'connection refused'
    : code === 'ENOTFOUND' ? 'no such host'
    : code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' ? 'no answer in time'
    : (e.cause?.message ?? e.message ?? String(err));
  return new UserError(`cannot reach ${url.protocol}//${url.host}: ${why}; check the address and your network or proxy settings`);
}
