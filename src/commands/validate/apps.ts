// `kubectl gs validate apps [NAME]` (alias app): checks the values each App would be installed with against
// its chart's values.schema.json, as the Go kubectl-gs does (cmd/validate/apps, pkg/app). For each App: its
// Catalog's Helm repository index.yaml; the schema named by the entry's
// application.giantswarm.io/values-schema annotation (or -f FILE); the chart's values.yaml from the archive
// the index lists (fetched from the catalog's repository, where Go runs `helm pull`); the values of the
// catalog, cluster and user ConfigMaps and Secrets merged in the App platform's order (src/charts/values.ts);
// then ajv. Deprecated in Go ("currently without replacement"); the notice is kept.
// Differences from Go: -q prints nothing (Go accepts it and prints anyway), and the exit code is 1 when an
// App has problems or could not be checked, so scripts can use it.
import { defineCommand, type CommandContext } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { GlobalOptions } from '../../cli/globalFlags';
import type { KubeList, KubeObject } from '../../kube';

export const deprecationNotice = 'Command "apps" is deprecated, currently without replacement\n';

export const flags = defineFlags({
  quiet: { type: 'boolean', short: 'q', describe: 'Suppress output and just return the exit code.' },
  selector: { type: 'string', short: 'l', describe: 'Specify label selector(s) to filter Apps by.' },
  'all-namespaces': { type: 'boolean', short: 'A', describe: 'Validate apps across all namespaces. This can take a long time.' },
  'values-schema-file': { type: 'string', short: 'f', describe: 'Provide your own schema file to validate app values against.' },
  output: { type: 'string', short: 'o', completions: ['report'], describe: "Output format. Use 'report' to get a human readable report of validation issues." },
});

export interface ValidateAppsOptions {
  name?: string;
  quiet: boolean;
  selector?: string;
  allNamespaces: boolean;
  valuesSchemaFile?: string;
  output: string;
  global: GlobalOptions;
}

export interface Problem {
  field: string;
  description: string;
  value: string;
}

export interface AppResult {
  app: KubeObject;
  problems: Problem[];
  /** Why the App could not be checked. */
  error?: string;
  noSchema?: boolean;
}

const appType = { group: 'application.giantswarm.io', version: 'v1alpha1', plural: 'apps' } as const;

export async function run(o: ValidateAppsOptions, deps: Deps): Promise<number> {
  deps.stderr.write(deprecationNotice);
  if (o.output !== '' && o.output !== 'report') throw new UserError(`Unknown output format: ${o.output}; use -o report, or no -o for the table`);
  let customSchema: object | undefined;
  if (o.valuesSchemaFile) customSchema = readSchemaFile(o.valuesSchemaFile);

  const client = await deps.kube(o.global);
  const namespace = o.allNamespaces ? undefined : client.namespace;
  const { getObject, resourcePath } = await import('../../kube');
  let apps: KubeObject[];
  if (o.name) {
    const app = await getObject(client, resourcePath(appType, namespace ?? client.namespace, o.name));
    if (!app) throw new UserError(`An app '${namespace ?? client.namespace}/${o.name}' cannot be found; give its namespace with -n (kubectl gs get apps -A lists all)`);
    apps = [app];
  } else {
    const list = await client.get<KubeList>(resourcePath(appType, namespace), o.selector ? { labelSelector: o.selector } : undefined);
    apps = list?.items ?? [];
    if (apps.length === 0) throw new UserError(`no apps found${namespace ? ` in namespace "${namespace}"` : ''}${o.selector ? ` with labels ${o.selector}` : ''}; try -A`);
  }

  const { AppChecker } = await import('./appChecker');
  const checker = new AppChecker(client, customSchema);
  const results: AppResult[] = [];
  for (const app of apps) results.push(await checker.check(app));

  if (!o.quiet) {
    const { printResultsTable, printReport } = await import('./printResults');
    await (o.output === 'report' ? printReport(deps.stdout, results) : printResultsTable(deps.stdout, results));
  }
  return results.some((r) => r.problems.length > 0 || r.error) ? 1 : 0;
}

function readSchemaFile(file: string): object {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UserError(`cannot read --values-schema-file ${file}: ${reason}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // below
  }
  throw new UserError(`--values-schema-file ${file} is not a JSON schema (not a JSON object)`);
}

export function options(values: FlagValues<typeof flags>, ctx: CommandContext): ValidateAppsOptions {
  return {
    name: ctx.positionals[0] || undefined,
    quiet: values.quiet,
    selector: values.selector || undefined,
    allNamespaces: values.allNamespaces,
    valuesSchemaFile: values.valuesSchemaFile || undefined,
    output: values.output ?? '',
    global: ctx.global,
  };
}

export const definition = defineCommand({
  name: 'apps',
  aliases: ['app'],
  positionals: '[name]',
  describe: 'Validate apps (App CRs) (deprecated: currently without replacement)',
  examples: [
    ['$0 validate apps', 'An overview of all apps in the namespace and the number of validation errors per app'],
    ['$0 validate apps --namespace oby63', 'Validate apps on a specific workload cluster'],
    ['$0 validate app --namespace oby63 ingress-nginx --output report', 'A detailed validation report on a specific app'],
    ['$0 validate apps --selector app.kubernetes.io/name=ingress-nginx --output report', 'A report on an app across all workload clusters'],
    ['$0 validate app --namespace oby63 ingress-nginx --values-schema-file=values.schema.json', 'Validate against a local values schema file'],
  ],
  flags,
  options,
  run,
});
