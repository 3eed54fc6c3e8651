// The Kubernetes client used by cluster commands. (Interface first; the implementation lands with the
// kube client work: kubeconfig loading as kubectl does, auth, TLS, paging, actionable errors.)
import type { GlobalOptions } from '../cli/globalFlags';

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

export interface KubeClient {
  /** The namespace from -n, else the kubeconfig context's, else "default". */
  readonly namespace: string;
  /** GET one path (e.g. /apis/cluster.x-k8s.io/v1beta1/namespaces/x/clusters/y) and parse the JSON. */
  get<T>(path: string, query?: Query): Promise<T>;
  /** Lists a collection page by page (limit/continue), calling onPage for each page as it arrives. */
  listPages<T = KubeObject>(path: string, query: Query, onPage: (page: KubeList<T>) => void | Promise<void>): Promise<void>;
  /** Sends a request with a JSON body (create, patch, ...). */
  request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T>;
  /** The version the server prefers for an API group, or undefined when the group is not served. */
  preferredVersion(group: string): Promise<string | undefined>;
}

export async function createKubeClient(_global: GlobalOptions, _env: NodeJS.ProcessEnv): Promise<KubeClient> {
  throw new Error('the Kubernetes client is not built yet');
}
