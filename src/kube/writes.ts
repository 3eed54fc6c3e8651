// Writing to the API server: the patch types kubectl sends (JSON patch, merge patch), server-side apply
// and replace, each one request on the client's keep-alive connection. Every write names the field
// manager "kubectl-gs", so `kubectl get -o yaml --show-managed-fields` tells users which fields this tool
// set, and a second server-side apply by another manager of the same field is a conflict the server reports.
import type { KubeClient, KubeObject, Query } from './client';
import { KubeApiError } from './errors';

export const fieldManager = 'kubectl-gs';

/** One RFC 6902 operation, as client-go's PatchSpec marshals it. */
export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test';
  path: string;
  value?: unknown;
}

export interface WriteOptions {
  /** dryRun=All: the server checks the write (admission, schema) and stores nothing. */
  dryRun?: boolean;
}

export interface ApplyOptions extends WriteOptions {
  /** Take over fields another manager owns instead of failing with a conflict (kubectl's --force-conflicts). */
  force?: boolean;
}

/** A resource type's coordinates in URLs. */
export interface ResourceRef {
  group: string;
  version: string;
  /** The resource (plural), e.g. "apps". */
  plural: string;
}

/** The URL path of a collection (namespace undefined: cluster-scoped or all namespaces) or of one object. */
export function resourcePath(r: ResourceRef, namespace: string | undefined, name?: string): string {
  const prefix = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${prefix}${ns}/${r.plural}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`;
}

/** A JSON pointer segment (RFC 6901): "~" and "/" escaped, e.g. for label keys in a JSON patch path. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** True for the server's answer that the named object does not exist (not for an unserved resource type). */
export function isObjectNotFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.code === 404 && err.reason === 'NotFound' && !!err.status?.details?.name;
}

/** GET one object; undefined when it does not exist. Other failures (forbidden, CRD missing) are thrown. */
export async function getObject<T = KubeObject>(client: KubeClient, path: string): Promise<T | undefined> {
  try {
    return await client.get<T>(path);
  } catch (err) {
    if (isObjectNotFound(err)) return undefined;
    throw err;
  }
}

function writeQuery(opts: WriteOptions | undefined, extra?: Query): Query {
  return { fieldManager, ...(opts?.dryRun ? { dryRun: 'All' } : {}), ...extra };
}

/** PATCH with application/json-patch+json: the operations apply in order, or none does. */
export function jsonPatch<T = KubeObject>(client: KubeClient, path: string, ops: JsonPatchOp[], opts?: WriteOptions): Promise<T> {
  return client.request<T>('PATCH', path, ops, 'application/json-patch+json', { query: writeQuery(opts) });
}

/** PATCH with application/merge-patch+json (RFC 7386): null removes a key. */
export function mergePatch<T = KubeObject>(client: KubeClient, path: string, patch: object, opts?: WriteOptions): Promise<T> {
  return client.request<T>('PATCH', path, patch, 'application/merge-patch+json', { query: writeQuery(opts) });
}

/**
 * Server-side apply (PATCH application/apply-patch+yaml; JSON is YAML): creates the object or updates the
 * fields this manager owns. The path names the object; obj carries apiVersion, kind and metadata.name.
 */
export function serverSideApply<T = KubeObject>(client: KubeClient, path: string, obj: object, opts?: ApplyOptions): Promise<T> {
  return client.request<T>('PATCH', path, obj, 'application/apply-patch+yaml', { query: writeQuery(opts, opts?.force ? { force: true } : undefined) });
}

/** PUT the whole object; its metadata.resourceVersion makes the server refuse it if someone wrote in between. */
export function replaceObject<T = KubeObject>(client: KubeClient, path: string, obj: object, opts?: WriteOptions): Promise<T> {
  return client.request<T>('PUT', path, obj, 'application/json', { query: writeQuery(opts) });
}
