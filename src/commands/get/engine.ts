// The machinery behind every `kubectl gs get` command, loaded only when one runs: open the client, read
// one object or stream a list page by page into a printer, and turn the server's "not found" answers
// into one actionable line.
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { KubeClient, KubeList, KubeObject, Query } from '../../kube';
import { parseOutputChoice, type OutputFormat, type Render } from '../../output/outputChoice';
import { ListPrinter, printObject, type PrintOptions, type TableSpec } from '../../output/printer';
import { isNotFound } from './errors';
import type { GetOptions } from './flags';
import { preferMemoryOverSpeed } from './memoryMode';

/** The list chunk size kubectl uses (--chunk-size default). */
export const pageSize = 500;

export interface ResourceType {
  group: string;
  version: string;
  /** The resource (plural) in URLs, e.g. "clusters". */
  plural: string;
  kind: string;
  namespaced: boolean;
}

/** "clusters.cluster.x-k8s.io", the name kubectl uses in messages. */
export const qualifiedName = (rt: ResourceType): string => (rt.group ? `${rt.plural}.${rt.group}` : rt.plural);

function apiPrefix(rt: ResourceType): string {
  return rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
}

/** The collection URL: all namespaces when namespace is undefined (or the resource is cluster-scoped). */
export function collectionPath(rt: ResourceType, namespace?: string): string {
  const ns = rt.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${apiPrefix(rt)}${ns}/${rt.plural}`;
}

export function objectPath(rt: ResourceType, namespace: string | undefined, name: string): string {
  return `${collectionPath(rt, namespace)}/${encodeURIComponent(name)}`;
}

export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** A resource type the server does not serve (its CRD is not installed). */
export class NotServedError extends UserError {}

/** The one line for a resource type the server does not serve: usually not a management cluster. */
export function notServedError(rt: ResourceType): UserError {
  return new NotServedError(
    `the server does not serve ${qualifiedName(rt)} (${rt.version ? apiVersionOf(rt) : `API group ${rt.group}`}; is the ${rt.kind} CRD installed?): ` +
      "make sure your context points at a Giant Swarm management cluster ('kubectl config use-context NAME')",
  );
}

/** The one line for a named object that does not exist, as kubectl words it plus where to look next. */
export function notFoundError(rt: ResourceType, name: string, namespace: string | undefined): UserError {
  if (!rt.namespaced || namespace === undefined) return new UserError(`${qualifiedName(rt)} "${name}" not found`);
  return new UserError(`${qualifiedName(rt)} "${name}" not found in namespace "${namespace}"; add -A to look in all namespaces`);
}

/**
 * Runs `body` with the version of the group the server prefers (e.g. v1beta2 over v1beta1), taken from the
 * discovery cache when fresh. If the server no longer serves a cached version, the entry is dropped and
 * body runs once more with the server's answer (nothing has been printed then: the first request failed).
 */
export async function withPreferredVersion<R>(
  session: Session,
  deps: Deps,
  rt: Omit<ResourceType, 'version'>,
  body: (version: string) => Promise<R>,
): Promise<R> {
  const { forgetPreferredVersion, preferredVersionCached } = await import('./discoveryCache');
  const first = await preferredVersionCached(session.client, deps, rt.group);
  if (!first.version) throw notServedError({ ...rt, version: '' });
  try {
    return await body(first.version);
  } catch (err) {
    if (!first.cached || !(err instanceof NotServedError)) throw err;
  }
  forgetPreferredVersion(session.client, deps, rt.group);
  const fresh = await preferredVersionCached(session.client, deps, rt.group);
  if (!fresh.version) throw notServedError({ ...rt, version: '' });
  return body(fresh.version);
}

export interface Scope {
  /** The namespace to read from; undefined for all namespaces (-A) or cluster-scoped resources. */
  namespace: string | undefined;
  format: OutputFormat;
  /** For -o jsonpath / go-template: the compiled template. */
  render?: Render;
}

export interface Session {
  client: KubeClient;
  scope: Scope;
}

/** Checks -o before anything touches the network, then opens the client and settles the namespace. */
export async function openSession(opts: GetOptions, deps: Deps, namespaced: boolean): Promise<Session> {
  const { format, render } = parseOutputChoice(opts);
  const client = await deps.kube(opts.global);
  const namespace = namespaced && !opts.allNamespaces ? client.namespace : undefined;
  return { client, scope: { namespace, format, render } };
}

export function printOptions(rt: ResourceType, scope: Scope, opts: GetOptions, table: TableSpec): PrintOptions {
  return {
    format: scope.format,
    render: scope.render,
    showManagedFields: opts.showManagedFields,
    table,
    withNamespace: rt.namespaced && scope.namespace === undefined,
    noHeaders: opts.noHeaders,
    kind: rt.kind,
    group: rt.group,
  };
}

/** GETs one object; undefined when it does not exist (but the resource type is served). */
export async function fetchObject(client: KubeClient, rt: ResourceType, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
  try {
    return await client.get<KubeObject>(objectPath(rt, namespace, name));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // A 404 means either "no such object" (the server's Status names it) or "no such resource type".
    if ((err as { status?: { details?: { name?: string } } }).status?.details?.name) return undefined;
  }
  // Without the Status to tell, ask whether this version is served (a request only on this failure path).
  if ((await client.preferredVersion(rt.group)) !== rt.version && !(await servesVersion(client, rt))) throw notServedError(rt);
  return undefined;
}

/** Whether the server serves the resource type's group in its version (GET /apis/<group>/<version>). */
async function servesVersion(client: KubeClient, rt: ResourceType): Promise<boolean> {
  try {
    await client.get(`/apis/${rt.group}/${rt.version}`);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

function listQuery(selector: string | undefined, fieldSelector?: string): Query {
  return { limit: pageSize, labelSelector: selector, fieldSelector };
}

/** Objects as kubectl prints them: list items sometimes lack apiVersion and kind. */
function withTypeMeta(rt: ResourceType, items: KubeObject[]): KubeObject[] {
  const apiVersion = apiVersionOf(rt);
  return items.map((o) => (o.apiVersion && o.kind ? o : { ...o, apiVersion: o.apiVersion || apiVersion, kind: o.kind || rt.kind }));
}

export interface StreamOptions {
  selector?: string;
  fieldSelector?: string;
  /** Drops objects the command does not show (e.g. --active-only). */
  filter?: (o: KubeObject) => boolean;
  /** A missing resource type counts as empty instead of failing (optional CRDs such as MachinePool). */
  optional?: boolean;
}

/** Streams a collection into the printer, one page at a time. Returns how many objects were printed. */
export async function streamList(client: KubeClient, rt: ResourceType, namespace: string | undefined, printer: ListPrinter, so: StreamOptions = {}): Promise<void> {
  preferMemoryOverSpeed();
  try {
    await client.listPages<KubeObject>(collectionPath(rt, namespace), listQuery(so.selector, so.fieldSelector), async (page: KubeList<KubeObject>) => {
      const items = so.filter ? page.items.filter(so.filter) : page.items;
      await printer.page(withTypeMeta(rt, items));
    });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    if (!so.optional) throw notServedError(rt);
  }
}

/** Prints one object, or fails with kubectl's not-found line. */
export async function printOne(deps: Deps, obj: KubeObject | undefined, rt: ResourceType, name: string, namespace: string | undefined, po: PrintOptions): Promise<void> {
  if (!obj) throw notFoundError(rt, name, namespace);
  await printObject(deps.stdout, withTypeMeta(rt, [obj])[0], po);
}

export interface NoneFound {
  /** "clusters", "node pools" ... */
  what: string;
  namespaced: boolean;
  /** Lines after the first, e.g. how to create one. */
  hint?: string[];
}

/**
 * Said when a table would be empty, on stderr as kubectl says "No resources found" (stdout stays empty for
 * scripts), with the Go kubectl-gs wording and where else to look.
 */
export function noneFoundMessage(nf: NoneFound, scope: Scope, opts: GetOptions): string {
  const where = nf.namespaced && scope.namespace !== undefined ? ` in namespace "${scope.namespace}"` : '';
  const matching = opts.selector ? ` matching "${opts.selector}"` : '';
  const lines = [`No ${nf.what} found${where}${matching}.`];
  if (where) lines.push(`To look in all namespaces, add --all-namespaces (-A); for another namespace, add --namespace (-n) NAME.`);
  if (nf.hint) lines.push(...nf.hint);
  return lines.join('\n') + '\n';
}

/** Runs the common list-or-one flow for a simple resource type. */
export async function getSimple(
  deps: Deps,
  opts: GetOptions,
  rt: ResourceType,
  table: TableSpec,
  nf: NoneFound,
  so: StreamOptions = {},
  session?: Session,
): Promise<number> {
  const { client, scope } = session ?? (await openSession(opts, deps, rt.namespaced));
  const po = printOptions(rt, scope, opts, table);
  if (opts.name && (scope.namespace !== undefined || !rt.namespaced)) {
    const obj = await fetchObject(client, rt, scope.namespace, opts.name);
    await printOne(deps, obj && (!so.filter || so.filter(obj)) ? obj : undefined, rt, opts.name, scope.namespace, po);
    return 0;
  }
  // A name with -A: every object of that name, whatever its namespace.
  const fieldSelector = opts.name ? `metadata.name=${opts.name}` : undefined;
  const printer = new ListPrinter(deps.stdout, po);
  await streamList(client, rt, scope.namespace, printer, { ...so, selector: opts.selector, fieldSelector });
  if (opts.name && printer.count === 0) throw notFoundError(rt, opts.name, undefined);
  await printer.end();
  if (printer.count === 0 && scope.format === 'table') deps.stderr.write(noneFoundMessage(nf, scope, opts));
  return 0;
}
