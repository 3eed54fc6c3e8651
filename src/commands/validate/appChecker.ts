// Checks one App's values against its chart's schema (see apps.ts). Catalogs, their index.yaml, schemas
// and chart values are fetched once per run and shared by the Apps that use them, as the Go tool caches them.
import { UserError } from '../../cli/errors';
import type { KubeClient, KubeObject } from '../../kube';
import type { AppResult, Problem } from './apps';

interface IndexEntry {
  version?: string;
  urls?: string[];
  annotations?: Record<string, string>;
}

interface CatalogIndex {
  catalog: KubeObject;
  /** The Helm repository's URL, the base of relative chart URLs. */
  url: string;
  entries: Record<string, IndexEntry[]>;
}

const valuesSchemaAnnotation = 'application.giantswarm.io/values-schema';
const catalogType = { group: 'application.giantswarm.io', version: 'v1alpha1', plural: 'catalogs' } as const;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class AppChecker {
  private readonly catalogs = new Map<string, Promise<CatalogIndex>>();
  private readonly schemas = new Map<string, Promise<object>>();
  private readonly chartValues = new Map<string, Promise<Record<string, unknown>>>();

  constructor(
    private readonly client: KubeClient,
    private readonly customSchema?: object,
  ) {}

  async check(app: KubeObject): Promise<AppResult> {
    try {
      return await this.checkOrThrow(app);
    } catch (err) {
      if (err instanceof UserError) return { app, problems: [], error: err.message };
      throw err;
    }
  }

  private async checkOrThrow(app: KubeObject): Promise<AppResult> {
    const spec = (app.spec ?? {}) as Record<string, unknown>;
    const chart = str(spec.name);
    const version = str(spec.version);
    const index = await this.index(str(spec.catalog), str(spec.catalogNamespace));
    const entry = (index.entries[chart] ?? []).find((e) => e.version === version);
    let schema = this.customSchema;
    if (!schema) {
      const url = entry?.annotations?.[valuesSchemaAnnotation];
      if (!url) return { app, problems: [], noSchema: true };
      schema = await this.cached(this.schemas, url, () => fetchSchema(url));
    }
    const archiveUrl = entry?.urls?.[0];
    if (!archiveUrl) throw new UserError(`chart ${chart} ${version} is not in the index of catalog ${str(spec.catalog)}`);
    const absolute = new URL(archiveUrl, `${index.url.replace(/\/+$/, '')}/`).toString();
    const chartValues = structuredClone(await this.cached(this.chartValues, absolute, () => fetchChartValues(absolute, chart)));

    const charts = await import('../../charts');
    let provided: Record<string, unknown> = {};
    let kind: 'configMap' | 'secret' | undefined;
    let fromConfigMaps: Record<string, unknown> = {};
    for (const source of charts.valuesSources({ spec: app.spec }, { spec: index.catalog.spec })) {
      if (source.kind !== kind) {
        if (kind === 'configMap') fromConfigMaps = provided;
        provided = {};
        kind = source.kind;
      }
      charts.mergoOverride(provided, await this.layer(source));
    }
    if (kind === 'configMap') fromConfigMaps = provided;
    else if (kind === 'secret') charts.mergoOverride(fromConfigMaps, provided);
    const values = charts.helmMerge(chartValues, fromConfigMaps);
    const found = await charts.validateValues(values, schema, 'the values schema');
    return { app, problems: found.map((p) => problemOf(p, values)) };
  }

  private cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let pending = map.get(key);
    if (!pending) {
      pending = load();
      map.set(key, pending);
    }
    return pending;
  }

  /** One ConfigMap's or Secret's values: its single key, YAML (the App platform requires one key). */
  private async layer(source: { kind: 'configMap' | 'secret'; name: string; namespace: string }): Promise<Record<string, unknown>> {
    const { getObject } = await import('../../kube');
    const what = source.kind === 'configMap' ? 'configmap' : 'secret';
    const path = `/api/v1/namespaces/${encodeURIComponent(source.namespace)}/${what}s/${encodeURIComponent(source.name)}`;
    const obj = await getObject<{ data?: Record<string, string> }>(this.client, path);
    if (!obj) throw new UserError(`failed fetch and/or merge user provided values: ${what} "${source.name}" in namespace "${source.namespace}" not found`);
    const data = obj.data ?? {};
    const keys = Object.keys(data);
    if (keys.length === 0) return {};
    if (keys.length !== 1) throw new UserError(`failed fetch and/or merge user provided values: ${what} "${source.name}" must have only one key but has ${keys.length}`);
    const raw = source.kind === 'secret' ? Buffer.from(data[keys[0]!]!, 'base64').toString('utf8') : data[keys[0]!]!;
    const parsed = parseYaml(raw, `${what} "${source.namespace}/${source.name}"`);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  }

  private index(name: string, namespace: string): Promise<CatalogIndex> {
    if (!name) return Promise.reject(new UserError('unable to fetch the catalog: the App has an empty spec.catalog'));
    return this.cached(this.catalogs, `${namespace}/${name}`, () => this.loadIndex(name, namespace));
  }

  private async loadIndex(name: string, namespace: string): Promise<CatalogIndex> {
    const { getObject, resourcePath } = await import('../../kube');
    let catalog: KubeObject | undefined;
    for (const ns of namespace ? [namespace] : ['default', 'giantswarm']) catalog ??= await getObject(this.client, resourcePath(catalogType, ns, name));
    if (!catalog) throw new UserError(`unable to fetch Catalog: catalog "${name}" not found`);
    const spec = (catalog.spec ?? {}) as { repositories?: Array<{ type?: string; URL?: string }>; storage?: { type?: string; URL?: string } };
    const helm = (spec.repositories ?? []).find((r) => r.type === 'helm') ?? (spec.storage?.type === 'helm' ? spec.storage : undefined);
    if (!helm) throw new UserError('unable to fetch index, only "helm" storage type is supported');
    if (!helm.URL) throw new UserError("unable to fetch index, the URL for the helm repo's index.yaml is missing from 'Spec.Repositories[].URL' in the Catalog CR");
    const body = await fetchOk(`${helm.URL.replace(/\/+$/, '')}/index.yaml`, 'index');
    const index = parseYaml(body.toString('utf8'), `the index of catalog ${name}`) as { entries?: Record<string, IndexEntry[]> } | null;
    return { catalog, url: helm.URL, entries: index?.entries ?? {} };
  }
}

async function fetchOk(url: string, what: string): Promise<Buffer> {
  const { httpRequest } = await import('../../registry');
  const res = await httpRequest(url);
  if (res.status !== 200) throw new UserError(`unable to fetch ${what}: ${url} answered ${res.status}`);
  return res.body;
}

async function fetchSchema(url: string): Promise<object> {
  const body = await fetchOk(url, 'values.schema.json');
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // below
  }
  throw new UserError(`unable to use values.schema.json from ${url}: not a JSON object`);
}

async function fetchChartValues(url: string, chart: string): Promise<Record<string, unknown>> {
  const archive = await fetchOk(url, 'the chart archive');
  const { fileFromChartArchive } = await import('../../charts');
  const file = fileFromChartArchive(archive, `${chart}/values.yaml`, url);
  if (!file) throw new UserError(`failed to read: ${chart}/values.yaml is not in the chart archive ${url}`);
  const parsed = parseYaml(file.toString('utf8'), `${chart}/values.yaml`);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function parseYaml(text: string, what: string): unknown {
  try {
    return (require('js-yaml') as typeof import('js-yaml')).load(text);
  } catch (err) {
    throw new UserError(`failed to parse ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** gojsonschema's words: the field ("(root)" or a.b.c), the description, and the value found there. */
function problemOf(p: { path: string; message: string }, values: unknown): Problem {
  const field = p.path === '(root)' ? '(root)' : p.path.replace(/^\./, '');
  let value: unknown = values;
  if (field !== '(root)') for (const k of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
  const shown = value === undefined ? '<nil>' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return { field, description: p.message, value: shown };
}
