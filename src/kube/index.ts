// The kube room's one door: what commands, telemetry and output use of the Kubernetes client. Everything
// behind it (kubeconfig loading, the REST client, exec plugins, TLS) is loaded only when a client is made.
export { createKubeClient } from './client';
export type { KubeClient, KubeList, KubeObject, Query, RequestOptions } from './client';
export type { ConnectionFlags } from './connectionFlags';
export { KubeApiError, KubeUnreachableError, type KubeStatus } from './errors';
export {
  fieldManager, getObject, isObjectNotFound, jsonPatch, mergePatch, pointerSegment, replaceObject, resourcePath, serverSideApply,
  type ApplyOptions, type JsonPatchOp, type ResourceRef, type WriteOptions,
} from './writes';
export { formatDuration, parseGoTimeDuration } from './duration';
export { setOidcRenewer, type OidcRenewal, type OidcRenewer } from './authProviderOidc';
