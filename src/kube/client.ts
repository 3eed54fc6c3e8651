// The Kubernetes client used by cluster commands: kubeconfig loading exactly as kubectl does it
// (kubeconfig.ts, connection.ts), auth (tokens, client certificates, basic, exec plugins), TLS, paging and
// one-line actionable errors (errors.ts). This file stays tiny: the implementation (restClient.ts) is loaded
// only when a command asks for a client, so commands that never talk to a cluster never pay for it.
// Why not @kubernetes/client-node: see restClient.ts (it alone costs 340-490 ms of start-up).
import type { ConnectionFlags } from './connectionFlags';

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeList<T = KubeObject> {
  apiVersion?: string;
  kind?: string;
  metadata?: { continue?: string; resourceVersion?: string; remainingItemCount?: number };
  items: T[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Per-request extras. */
export interface RequestOptions {
  /** Extra headers, e.g. Accept: application/json;as=Table;v=v1;g=meta.k8s.io for server-side tables. */
  headers?: Record<string, string>;
  /** Query parameters for request() (get/listPages take theirs as an argument). */
  query?: Query;
}

/**
 * Every failure is a UserError with one actionable line; answers >= 400 from the server are KubeApiError
 * (src/kube/errors.ts) carrying `code` (HTTP status) and `reason` (e.g. "NotFound", "AlreadyExists").
 */
export interface KubeClient {
  /** The namespace from -n, else the kubeconfig context's, else "default". */
  readonly namespace: string;
  /** The API server's base URL, e.g. https://api.example.com:6443 (from the kubeconfig or --server). */
  readonly server: string;
  /** The kubeconfig context in use (--context or current-context); undefined with --server alone. */
  readonly contextName?: string;
  /** GET one path (e.g. /apis/cluster.x-k8s.io/v1beta1/namespaces/x/clusters/y) and parse the JSON. */
  get<T>(path: string, query?: Query, options?: RequestOptions): Promise<T>;
  /**
   * Lists a collection page by page (limit/continue), calling onPage for each page as it arrives (the next
   * page is requested after onPage resolves). query.limit defaults to 500 like kubectl's --chunk-size;
   * limit 0 asks for everything at once.
   */
  listPages<T = KubeObject>(
    path: string,
    query: Query,
    onPage: (page: KubeList<T>) => void | Promise<void>,
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * Sends a request with a JSON body (create, patch, ...): objects are sent as JSON, strings and Buffers as
   * they are. contentType defaults to application/json (use application/merge-patch+json etc. for PATCH).
   */
  request<T>(method: string, path: string, body?: unknown, contentType?: string, options?: RequestOptions): Promise<T>;
  /** The version the server prefers for an API group ("v1" for the core group), or undefined when the group
   *  is not served. One small request (GET /apis/<group>), cached per client. */
  preferredVersion(group: string): Promise<string | undefined>;
  /** Closes idle connections. Optional to call: idle keep-alive sockets never keep the process alive. */
  close(): void;
}

/** Reads the kubeconfig as kubectl does (or the pod's service account), applies the connection flags, and
 *  returns a client. It sends no request, but starts its TLS connection right away (preconnect). */
export async function createKubeClient(global: ConnectionFlags, env: NodeJS.ProcessEnv, debugLog?: (line: string) => void): Promise<KubeClient> {
  const { loadKubeconfig, realIo } = await import('./kubeconfig');
  const { resolveConnection } = await import('./connection');
  const { RestClient } = await import('./restClient');
  const io = realIo(env);
  let config = loadKubeconfig(global.kubeconfig, env, io);
  if (!global.kubeconfig && env.KUBERNETES_SERVICE_HOST) {
    const { inClusterConfig, isEmptyConfig } = await import('./inCluster');
    if (isEmptyConfig(config, global)) config = inClusterConfig(env, io) ?? config;
  }
  const client = new RestClient(resolveConnection(config, global), env, undefined, debugLog);
  // Start the TLS handshake now: it overlaps with the command's own loading before its first request.
  client.preconnect();
  return client;
}
