// HTTP for login and token renewal (the issuer, Athena): undici's fetch through its EnvHttpProxyAgent, so
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY work as they do for the Go tool's http.DefaultClient. The trusted
// roots are the system's (what Go uses; SSL_CERT_FILE and SSL_CERT_DIR are honoured) plus Node's bundled
// ones and NODE_EXTRA_CA_CERTS, so an issuer that the Go tool reaches is reached here too.
import type { Dispatcher } from 'undici';

let dispatcher: Dispatcher | undefined;
/** Dispatchers that also trust extra CAs (a legacy auth-provider's idp-certificate-authority), by CA text. */
const extraDispatchers = new Map<string, Dispatcher>();

export interface HttpInit {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: unknown;
  redirect?: 'manual' | 'follow' | 'error';
  signal?: AbortSignal;
  /** PEM certificates to trust besides the system's and Node's. */
  extraCa?: string[];
}

function trustedRoots(): string[] {
  const tls = require('node:tls') as typeof import('node:tls');
  const all = new Set<string>([...tls.getCACertificates('system'), ...tls.getCACertificates('bundled'), ...tls.getCACertificates('extra')]);
  return [...all];
}

function sharedDispatcher(extraCa: string[] = []): Dispatcher {
  if (extraCa.length > 0) {
    const key = extraCa.join('\n');
    let d = extraDispatchers.get(key);
    if (!d) {
      const { EnvHttpProxyAgent } = (require('../vendor') as typeof import('../vendor')).undici();
      const ca = [...trustedRoots(), ...extraCa];
      extraDispatchers.set(key, (d = new EnvHttpProxyAgent({ connect: { ca }, requestTls: { ca } })));
    }
    return d;
  }
  if (!dispatcher) {
    const { EnvHttpProxyAgent } = (require('../vendor') as typeof import('../vendor')).undici();
    const ca = trustedRoots();
    dispatcher = new EnvHttpProxyAgent({ connect: { ca }, requestTls: { ca } });
  }
  return dispatcher;
}

/** fetch() with the proxy and trust settings above; the shape openid-client's customFetch expects. */
export async function httpFetch(url: string | URL, init: HttpInit = {}): Promise<Response> {
  const { fetch } = (require('../vendor') as typeof import('../vendor')).undici();
  const { extraCa, ...rest } = init;
  const response = await fetch(url, { ...(rest as object), dispatcher: sharedDispatcher(extraCa) } as Parameters<typeof fetch>[1]);
  return response as unknown as Response;
}

/** Lets the process exit without waiting for idle keep-alive sockets. */
export async function closeHttp(): Promise<void> {
  const all = [dispatcher, ...extraDispatchers.values()];
  dispatcher = undefined;
  extraDispatchers.clear();
  await Promise.all(all.map((d) => d?.close().catch(() => undefined)));
}

/**
 * A network failure as one short reason, without URLs' secrets (there are none in these URLs) or stack:
 * undici reports "fetch failed" with the real cause underneath.
 */
export function networkReason(err: unknown): string {
  let e = err as { message?: string; code?: string; cause?: unknown } | undefined;
  const seen = new Set<unknown>();
  while (e && e.cause && !seen.has(e.cause)) {
    seen.add(e);
    e = e.cause as typeof e;
  }
  const code = e?.code;
  const message = e?.message ?? String(err);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
      return 'host not found';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
      return `its TLS certificate is not signed by a trusted authority (${code})`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'its TLS certificate is not valid for this host name';
    case 'CERT_HAS_EXPIRED':
      return 'its TLS certificate has expired';
    default:
      return message.split('\n')[0];
  }
}
