// Merging Helm values the way the App platform does (github.com/giantswarm/app, pkg/values, which the Go
// kubectl-gs calls): ConfigMaps in the order catalog, extra configs of priority 1-50, the App's
// spec.config (cluster level), extra configs 51-100, spec.userConfig, extra configs 101-150; then Secrets in
// the same order; then the Secrets over the ConfigMaps. Each merge is mergo's WithOverride (maps merged
// key by key; a value replaces another unless it is empty: null, false, 0, ""). The result finally goes
// over the chart's own values.yaml as Helm merges (any value replaces).

export type Values = Record<string, unknown>;

const isMap = (v: unknown): v is Values => !!v && typeof v === 'object' && !Array.isArray(v);

/** mergo's isEmptyValue for what YAML gives: null, false, 0, "", and empty lists and maps. */
function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** mergo.Merge(&dst, src, mergo.WithOverride). */
export function mergoOverride(dst: Values, src: Values | undefined): Values {
  if (!src) return dst;
  for (const [k, v] of Object.entries(src)) {
    const d = dst[k];
    if (isMap(d) && isMap(v)) dst[k] = mergoOverride(d, v);
    // A key dst lacks is always taken; one it has is replaced only by a value that is not empty.
    else if (!(k in dst) || !isEmpty(v)) dst[k] = v;
  }
  return dst;
}

/** Helm's merge (and the Go tool's mergeValues): src wins, maps merged key by key. */
export function helmMerge(dst: Values, src: Values): Values {
  for (const [k, v] of Object.entries(src)) {
    const d = dst[k];
    dst[k] = isMap(d) && isMap(v) ? helmMerge(d, v) : v;
  }
  return dst;
}

/** Where one layer of values comes from. */
export interface ValuesSource {
  kind: 'configMap' | 'secret';
  name: string;
  namespace: string;
  priority: number;
}

export const priority = { catalog: 0, cluster: 50, user: 100, maximum: 150, extraDefault: 25 } as const;

interface RefLike {
  name?: unknown;
  namespace?: unknown;
}

const ref = (r: RefLike | undefined, kind: ValuesSource['kind'], p: number): ValuesSource[] =>
  r && typeof r.name === 'string' && r.name ? [{ kind, name: r.name, namespace: typeof r.namespace === 'string' ? r.namespace : '', priority: p }] : [];

/**
 * The layers of an App (with its Catalog) in merge order, ConfigMaps first, then Secrets. Layers of equal
 * priority keep the platform's order: the catalog's, then extra configs, then the App's own at 50 and 100.
 */
export function valuesSources(app: { spec?: unknown }, catalog: { spec?: unknown }): ValuesSource[] {
  const out: ValuesSource[] = [];
  const spec = (app.spec ?? {}) as Record<string, unknown>;
  const cfg = (spec.config ?? {}) as { configMap?: RefLike; secret?: RefLike };
  const user = (spec.userConfig ?? {}) as { configMap?: RefLike; secret?: RefLike };
  const catCfg = (((catalog.spec ?? {}) as Record<string, unknown>).config ?? {}) as { configMap?: RefLike; secret?: RefLike };
  const extras = Array.isArray(spec.extraConfigs) ? (spec.extraConfigs as Array<{ kind?: string; name?: string; namespace?: string; priority?: number }>) : [];
  for (const kind of ['configMap', 'secret'] as const) {
    const own = (r: { configMap?: RefLike; secret?: RefLike }) => (kind === 'configMap' ? r.configMap : r.secret);
    const extra = (min: number, max: number) =>
      extras
        .filter((e) => (e.kind || 'configMap') === kind)
        .map((e) => ({ kind, name: e.name ?? '', namespace: e.namespace ?? '', priority: e.priority || priority.extraDefault }))
        .filter((e) => e.name && min < e.priority && e.priority <= max);
    out.push(
      ...ref(own(catCfg), kind, priority.catalog),
      ...extra(priority.catalog, priority.cluster),
      ...ref(own(cfg), kind, priority.cluster),
      ...extra(priority.cluster, priority.user),
      ...ref(own(user), kind, priority.user),
      ...extra(priority.user, priority.maximum),
    );
  }
  return out;
}
