// The kube room's one door: what commands, telemetry and output use of the Kubernetes client. Everything
// behind it (kubeconfig loading, the REST client, exec plugins, TLS) is loaded only when a client is made.
export { createKubeClient } from './client';
export type { KubeClient, KubeList, KubeObject, Query, RequestOptions } from './client';
export type { ConnectionFlags } from './connectionFlags';
export { KubeApiError, type KubeStatus } from './errors';
