// Turning what goes wrong between us and the API server into ONE line a user can act on. The hints follow
// the Go kubectl-gs (pkg/errorprinter): a refused connection, an unknown API group ("no matches for kind")
// and rejected credentials (401) usually mean "not logged in to a management cluster"; 403 does not (being
// logged in without the permission is a different problem, so we say which verb and resource).
import { redactUrlCredentials, UserError } from '../errors';
import { formatDuration } from './duration';

// As the Go tool's hint (pkg/errorprinter/hint.go): log in to a management cluster, or pick its context.
const contextHint = "make sure your context points at a management cluster: log in with 'kubectl gs login <management-cluster>', or switch with 'kubectl config use-context NAME'";

/** A Kubernetes metav1.Status, as the API server sends it with error responses. */
export interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { message?: string; field?: string }[] };
}

/** An error answer from the API server. Commands may test `code`/`reason` (e.g. 404 / NotFound). */
export class KubeApiError extends UserError {
  readonly code: number;
  readonly reason?: string;
  readonly status?: KubeStatus;
  constructor(message: string, code: number, status?: KubeStatus) {
    super(message);
    this.name = 'KubeApiError';
    this.code = code;
    this.reason = status?.reason;
    this.status = status;
  }
}

/**
 * No answer from an API server at all: no cluster configured, or its address refused, unreachable, not
 * resolving, or silent past the connect timeout. An answer that is an error (KubeApiError, a TLS or
 * credentials problem) is not this: commands that can do without the cluster (template cluster's NAT
 * gateway lookup) go on without it only in this case, and stop on everything else.
 */
export class KubeUnreachableError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'KubeUnreachableError';
  }
}

/** The API group and version a request path addresses, e.g. /apis/cluster.x-k8s.io/v1beta1/... */
export function groupOfPath(path: string): { group: string; version?: string; resource?: string } | undefined {
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  if (parts[0] === 'api') return { group: '', version: parts[1], resource: resourceOf(parts.slice(2)) };
  if (parts[0] === 'apis' && parts[1]) return { group: parts[1], version: parts[2], resource: resourceOf(parts.slice(3)) };
  return undefined;
}

function resourceOf(rest: string[]): string | undefined {
  if (rest[0] === 'namespaces' && rest.length >= 3) return rest[2];
  return rest[0];
}

export interface RequestFacts {
  method: string;
  /** The request path without the server's prefix, e.g. /apis/x/v1/namespaces/a/things */
  path: string;
  server: URL;
  contextName?: string;
}

function where(facts: RequestFacts): string {
  return facts.contextName ? ` (context "${facts.contextName}")` : '';
}

/** Maps an HTTP error answer (status >= 400) to a UserError. `body` is the raw body text. */
export function errorFromResponse(facts: RequestFacts, code: number, contentType: string | undefined, body: string): KubeApiError {
  let status: KubeStatus | undefined;
  if (contentType?.includes('json')) {
    try {
      const parsed = JSON.parse(body) as KubeStatus;
      if (parsed && typeof parsed === 'object') status = parsed;
    } catch {
      // not JSON after all: handled as plain text below
    }
  }
  const serverSays = oneLine(status?.message || body.trim() || `HTTP ${code}`);
  const target = groupOfPath(facts.path);

  switch (code) {
    case 401:
      return new KubeApiError(
        `the API server ${facts.server.host} rejected your credentials (401 Unauthorized)${where(facts)}; they may have expired: log in again with 'kubectl gs login <management-cluster>' to renew them`,
        code,
        status,
      );
    case 403:
      return new KubeApiError(
        `forbidden: ${status?.message ? serverSays.replace(/^.*? is forbidden: /, '') : `${facts.method} ${facts.path}`}${where(facts)}; ask an administrator for this permission or use a context that has it`,
        code,
        status,
      );
    case 404: {
      // A named object that does not exist comes back as a Status with details; a resource or group the
      // server does not serve comes back without details (or as plain text "404 page not found").
      if (status?.reason === 'NotFound' && status.details?.name) return new KubeApiError(serverSays, code, status);
      if (target && target.group !== '') {
        return new KubeApiError(
          `the API server${where(facts)} does not serve ${target.resource ?? 'resources'} in API group ${target.group}${target.version ? `/${target.version}` : ''}: the CRD is not installed; you may be talking to a workload cluster rather than a management cluster: switch with 'kubectl config use-context NAME'`,
          code,
          status,
        );
      }
      return new KubeApiError(serverSays === '404 page not found' ? `not found: ${facts.path}` : serverSays, code, status);
    }
    case 429:
      return new KubeApiError(`the API server is overloaded (429 Too Many Requests): ${serverSays}; try again in a moment`, code, status);
    default:
      if (code >= 500) {
        return new KubeApiError(`the API server ${facts.server.host} failed (${code}): ${serverSays}`, code, status);
      }
      return new KubeApiError(serverSays, code, status);
  }
}

/** A 2xx answer that is not JSON (e.g. --server points at a web page). */
export function notJsonError(facts: RequestFacts, code: number, contentType: string | undefined): UserError {
  return new UserError(
    `the server at ${facts.server.host} did not answer ${facts.method} ${facts.path} with JSON (HTTP ${code}, ${contentType || 'no content type'}); check that --server or the kubeconfig points at a Kubernetes API server`,
  );
}

/** A 3xx answer: following it could hand the credentials to another host, so it is reported instead. */
export function redirectError(facts: RequestFacts, code: number, location: string | undefined): UserError {
  const to = location ? ` to ${redactUrlCredentials(location)}` : '';
  return new UserError(
    `the server at ${facts.server.host} redirected ${facts.method} ${facts.path}${to} (HTTP ${code}); kubectl gs does not follow redirects: point --server or the kubeconfig at the API server itself`,
  );
}

/** A 401 over http://, where credentials are never sent (they would travel in clear text). */
export function plainHttpCredentialsError(facts: RequestFacts): UserError {
  return new UserError(
    `the API server at ${facts.server.host} asks for credentials (401 Unauthorized), but they are sent only over https and the server address is http://${where(facts)}; use its https:// address`,
  );
}

export function bodyTooLargeError(facts: RequestFacts, maxBytes: number): UserError {
  return new UserError(
    `the answer of ${facts.server.host} to ${facts.method} ${facts.path} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, the most kubectl gs reads (a page of a list is far smaller); check that --server or the kubeconfig points at a Kubernetes API server`,
  );
}

/** A 2xx JSON answer that is not an object (every Kubernetes API answer is one). */
export function notObjectError(facts: RequestFacts, value: unknown): UserError {
  return new UserError(
    `the server at ${facts.server.host} answered ${facts.method} ${facts.path} with ${describeJson(value)}, not a JSON object; check that --server or the kubeconfig points at a Kubernetes API server`,
  );
}

/** How a JSON value that should have been an object is named in messages. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function timeoutError(facts: RequestFacts, timeoutMs: number): UserError {
  return new UserError(
    `the API server ${facts.server.host} did not answer ${facts.method} ${facts.path} within ${formatDuration(timeoutMs)} (--request-timeout); check that it is reachable or raise --request-timeout`,
  );
}

export function connectTimeoutError(facts: RequestFacts, ms: number): UserError {
  return new KubeUnreachableError(
    `cannot reach the API server at ${facts.server.host}: no connection within ${formatDuration(ms)}${where(facts)}; check your network or VPN, or ${contextHint}`,
  );
}

/** Node's codes for "the server's certificate chain does not lead to a CA we trust". */
export const tlsUnknownAuthority = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

/** Maps a network or TLS failure (a Node system error) to a UserError. */
export function errorFromNetwork(facts: RequestFacts, err: NodeJS.ErrnoException, tlsServerName?: string): UserError {
  const host = facts.server.host;
  const code = err.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'EADDRNOTAVAIL':
    case 'EPIPE': {
      const why = { ECONNREFUSED: 'connection refused', EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable', ECONNRESET: 'connection reset', EADDRNOTAVAIL: 'address not available', EPIPE: 'connection closed' }[code];
      return new KubeUnreachableError(`cannot reach the API server at ${host} (${why})${where(facts)}; check the server address, or ${contextHint}`);
    }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new KubeUnreachableError(`cannot reach the API server at ${host}: the host name ${facts.server.hostname} does not resolve${where(facts)}; check the server address and your network or VPN, or ${contextHint}`);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new UserError(
        `the API server's certificate is not valid for ${tlsServerName ?? facts.server.hostname}${where(facts)}: ${oneLine(err.message)}; fix the server address or set the expected name with --tls-server-name`,
      );
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return new UserError(`the API server's certificate at ${host} ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'}${where(facts)}; check the system clock or ask the cluster's administrator`);
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'EPROTO':
      return new UserError(`the server at ${host} does not speak TLS as expected (${oneLine(err.message)})${where(facts)}; check whether the server address should use http:// or https://`);
  }
  if (tlsUnknownAuthority.has(code)) {
    return new UserError(
      `the API server's certificate at ${host} is signed by an unknown authority${where(facts)}; name its CA with --certificate-authority (or certificate-authority-data in the kubeconfig), or skip the check with --insecure-skip-tls-verify (insecure)`,
    );
  }
  return new UserError(`request to the API server at ${host} failed: ${oneLine(err.message)}${code ? ` (${code})` : ''}`);
}

function oneLine(s: string): string {
  return redactUrlCredentials(s.split('\n').map((l) => l.trim()).filter(Boolean).join(' '));
}
