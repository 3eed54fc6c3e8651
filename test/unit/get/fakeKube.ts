// An in-memory KubeClient for unit tests: objects keyed by collection path, paging with limit/continue,
// label selectors (k=v, k!=v, k) and metadata.name field selectors, HTTP-like errors with statusCode.
import type { KubeClient, KubeList, KubeObject, Query } from '../../../src/kube/client';

/** Like the real client's KubeApiError: the HTTP status in `code`, the Status in `status`. */
export class HttpError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export interface FakeKubeOptions {
  namespace?: string;
  /** group -> preferred version; a group not listed is not served. */
  groups?: Record<string, string>;
  /** group -> the only versions served (default: any version of a served group). */
  servedVersions?: Record<string, string[]>;
  /** Paths (or path prefixes) that answer 403. */
  forbidden?: string[];
  /** The SelfSubjectRulesReview answer. */
  rules?: unknown[];
}

interface Stored {
  /** e.g. /apis/cluster.x-k8s.io/v1beta1 */
  prefix: string;
  plural: string;
  obj: KubeObject;
}

function matchesLabels(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = obj.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const ne = /^([^!=]+)!=(.*)$/.exec(term);
    if (ne) return labels[ne[1]] !== ne[2];
    const eq = /^([^=]+)==?(.*)$/.exec(term);
    if (eq) return labels[eq[1]] === eq[2];
    return term in labels;
  });
}

function matchesFields(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const m = /^metadata\.name=(.*)$/.exec(selector);
  if (!m) throw new Error(`fake: unsupported field selector ${selector}`);
  return obj.metadata.name === m[1];
}

export class FakeKube implements KubeClient {
  /** The context's namespace; -n (set by gs() from the global flags) wins, as in the real client. */
  namespace: string;
  readonly server = 'https://fake.example.com:6443';
  readonly contextName = 'fake';
  readonly requests: string[] = [];
  private readonly stored: Stored[] = [];

  constructor(private readonly opts: FakeKubeOptions = {}) {
    this.namespace = opts.namespace ?? 'default';
  }

  /** Adds objects; apiVersion decides the group/version path, plural the resource. */
  add(plural: string, ...objs: KubeObject[]): this {
    for (const obj of objs) {
      const apiVersion = obj.apiVersion ?? 'v1';
      const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      this.stored.push({ prefix, plural, obj });
    }
    return this;
  }

  private check(path: string): void {
    if (this.opts.forbidden?.some((p) => path.startsWith(p))) throw new HttpError(403, `forbidden: ${path}`);
  }

  private served(prefix: string): boolean {
    const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(prefix);
    if (!m) return true;
    const only = this.opts.servedVersions?.[m[1]];
    if (only && !only.includes(m[2])) return false;
    return this.opts.groups?.[m[1]] !== undefined || this.stored.some((s) => s.prefix === prefix);
  }

  /** Splits /apis/g/v[/namespaces/ns]/plural[/name]. */
  private parse(path: string): { prefix: string; namespace?: string; plural: string; name?: string } {
    const m = /^(\/apis\/[^/]+\/[^/]+|\/api\/[^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) throw new Error(`fake: cannot parse ${path}`);
    return { prefix: m[1], namespace: m[2] && decodeURIComponent(m[2]), plural: m[3], name: m[4] && decodeURIComponent(m[4]) };
  }

  private select(prefix: string, plural: string, namespace?: string): KubeObject[] {
    // Objects stored under another version of the same group are served in every version (no conversion).
    const group = prefix.split('/')[2];
    return this.stored
      .filter((s) => s.plural === plural && s.prefix.split('/')[2] === group && s.prefix.startsWith(prefix.startsWith('/api/') ? '/api/' : '/apis/'))
      .filter((s) => namespace === undefined || s.obj.metadata.namespace === namespace)
      .sort((a, b) => `${a.obj.metadata.namespace ?? ''}/${a.obj.metadata.name}`.localeCompare(`${b.obj.metadata.namespace ?? ''}/${b.obj.metadata.name}`))
      .map((s) => ({ ...s.obj, apiVersion: prefix.replace(/^\/apis?\//, '') }));
  }

  async get<T>(path: string, _query?: Query): Promise<T> {
    this.requests.push(`GET ${path}`);
    this.check(path);
    if (/^\/apis\/[^/]+\/[^/]+$/.test(path)) {
      if (!this.served(path)) throw new HttpError(404, 'the server could not find the requested resource');
      return { kind: 'APIResourceList', groupVersion: path.slice(6) } as T;
    }
    const p = this.parse(path);
    if (!this.served(p.prefix)) throw new HttpError(404, 'the server could not find the requested resource');
    const found = this.select(p.prefix, p.plural, p.namespace).find((o) => o.metadata.name === p.name);
    if (!found) throw Object.assign(new HttpError(404, `${p.plural} "${p.name}" not found`), { status: { reason: 'NotFound', details: { name: p.name } } });
    return found as T;
  }

  async listPages<T = KubeObject>(path: string, query: Query, onPage: (page: KubeList<T>) => void | Promise<void>): Promise<void> {
    this.requests.push(`LIST ${path}${query.labelSelector ? ` labelSelector=${query.labelSelector}` : ''}${query.fieldSelector ? ` fieldSelector=${query.fieldSelector}` : ''}`);
    this.check(path);
    const p = this.parse(path);
    if (!this.served(p.prefix)) throw new HttpError(404, 'the server could not find the requested resource');
    const all = this.select(p.prefix, p.plural, p.namespace).filter(
      (o) => matchesLabels(o, query.labelSelector as string | undefined) && matchesFields(o, query.fieldSelector as string | undefined),
    );
    const limit = Number(query.limit ?? 500);
    if (all.length === 0) {
      await onPage({ apiVersion: p.prefix.replace(/^\/apis?\//, ''), kind: 'List', metadata: {}, items: [] });
      return;
    }
    for (let i = 0; i < all.length; i += limit) {
      const more = i + limit < all.length;
      await onPage({ apiVersion: p.prefix.replace(/^\/apis?\//, ''), kind: 'List', metadata: more ? { continue: String(i + limit) } : {}, items: all.slice(i, i + limit) as T[] });
    }
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    this.requests.push(`${method} ${path}`);
    this.check(path);
    if (path.endsWith('/selfsubjectrulesreviews')) return { ...(body as object), status: { resourceRules: this.opts.rules ?? [] } } as T;
    throw new Error(`fake: unsupported request ${method} ${path}`);
  }

  close(): void {}

  async preferredVersion(group: string): Promise<string | undefined> {
    this.requests.push(`DISCOVER ${group}`);
    return this.opts.groups?.[group] ?? this.stored.find((s) => s.prefix.split('/')[2] === group)?.prefix.split('/')[3];
  }
}
