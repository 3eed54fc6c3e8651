// `kubectl gs get catalogs [NAME]`: app catalogs (application.giantswarm.io Catalog); for one catalog, the
// latest version of each app in it (its AppCatalogEntry objects labelled latest=true).
// Deprecated in the Go kubectl-gs ("without replacement"); kept, with its notice.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { TableSpec } from '../../output/printer';
import { defineFlags } from '../../cli/flagTable';
import { getFlags, getOptions, type GetOptions } from './flags';
import { field, label, str } from './labels';

export interface CatalogOptions extends GetOptions {
  maxColWidth: number;
}

const base = { group: 'application.giantswarm.io', version: 'v1alpha1', namespaced: true } as const;
export const catalogType = { ...base, plural: 'catalogs', kind: 'Catalog' } as const;
export const appCatalogEntryType = { ...base, plural: 'appcatalogentries', kind: 'AppCatalogEntry' } as const;

/** Catalogs in this namespace are Giant Swarm's internal ones, hidden from -A listings. */
export const internalNamespace = 'giantswarm';

export function catalogUrl(c: KubeObject): string {
  const repos = field(c, 'spec', 'repositories');
  const urls = Array.isArray(repos) ? repos.map((r) => str(r, 'url')).filter(Boolean) : [];
  let text = urls.join(', ');
  if (text.length > 80) text = text.slice(0, 77) + '...';
  return text || str(c, 'spec', 'storage', 'URL');
}

export function catalogTable(now: Date): TableSpec {
  return {
    headers: ['NAME', 'NAMESPACE', 'CATALOG URL', 'AGE'],
    row: (c: KubeObject) => [c.metadata.name, c.metadata.namespace ?? '', catalogUrl(c), age(c.metadata.creationTimestamp, now)],
  };
}

export function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + '...' : text;
}

export function entryTable(now: Date, maxColWidth: number): TableSpec {
  return {
    headers: ['CATALOG', 'APP NAME', 'VERSION', 'UPSTREAM VERSION', 'AGE', 'DESCRIPTION'],
    row: (e: KubeObject) => [
      str(e, 'spec', 'catalog', 'name'),
      str(e, 'spec', 'appName'),
      str(e, 'spec', 'version'),
      str(e, 'spec', 'appVersion'),
      age(e.metadata.creationTimestamp, now),
      truncate(str(e, 'spec', 'chart', 'description'), maxColWidth),
    ],
  };
}

export const flags = defineFlags({
  ...getFlags,
  'max-col-width': { type: 'number', default: 80, describe: 'Maximum width of the DESCRIPTION column' },
});

export async function run(opts: CatalogOptions, deps: Deps): Promise<number> {
  deps.stderr.write('Command "catalogs" is deprecated, without replacement\n');
  const engine = await import('./engine');
  const session = await engine.openSession(opts, deps, true);
  const { client, scope } = session;
  const now = deps.now();
  if (!opts.name) {
    // The listing has its own NAMESPACE column, so never the extra one -A adds elsewhere.
    const listing = { ...catalogType, namespaced: scope.namespace !== undefined };
    return engine.getSimple(deps, { ...opts, allNamespaces: false }, listing, catalogTable(now), {
      what: 'catalogs',
      namespaced: true,
      hint: ['To create a catalog, please check', '', '  kubectl gs template catalog --help'],
    }, scope.namespace === undefined ? { filter: (c) => c.metadata.namespace !== internalNamespace } : {}, {
      client,
      scope: { ...scope, namespace: scope.namespace },
    });
  }
  // With -A, look where catalogs live: public ones in "default", internal ones in "giantswarm".
  const namespaces = scope.namespace !== undefined ? [scope.namespace] : ['default', internalNamespace];
  let catalog: KubeObject | undefined;
  for (const ns of namespaces) {
    catalog = await engine.fetchObject(client, catalogType, ns, opts.name);
    if (catalog) break;
  }
  if (!catalog) throw engine.notFoundError(catalogType, opts.name, scope.namespace);
  const po = engine.printOptions(catalogType, scope, opts, catalogTable(now));
  if (scope.format !== 'table') {
    await engine.printOne(deps, catalog, catalogType, opts.name, scope.namespace, po);
    return 0;
  }
  const { ListPrinter } = await import('../../output/printer');
  const printer = new ListPrinter(deps.stdout, { ...po, withNamespace: false, table: entryTable(now, opts.maxColWidth) });
  const selector = [`${label.catalog}=${opts.name}`, 'latest=true', opts.selector].filter(Boolean).join(',');
  await engine.streamList(client, appCatalogEntryType, undefined, printer, { selector });
  if (printer.count === 0) deps.stderr.write(`No apps found in catalog "${opts.name}".\n`);
  return 0;
}

export const definition = defineCommand({
  name: 'catalogs',
  aliases: ['catalog'],
  positionals: '[name]',
  describe: 'Display app catalogs and available apps (deprecated, without replacement)',
  examples: [
    ['$0 get catalogs', 'List the catalogs in the current namespace'],
    ['$0 get catalogs -A', 'List all public catalogs'],
    ['$0 get catalog giantswarm -A', 'List the latest version of each app in a catalog'],
  ],
  flags,
  options: (values, ctx): CatalogOptions => ({ ...getOptions(values, ctx), maxColWidth: Math.max(0, values.maxColWidth) }),
  run,
});
