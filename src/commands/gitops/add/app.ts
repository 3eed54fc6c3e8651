// `kubectl gs gitops add app`: an App CR (or a Kustomization of an app base) in the workload cluster's
// apps/ directory, listed in apps/kustomization.yaml, with the user values as ConfigMap/Secret.
// Deprecated in the Go tool ("currently without replacement"), and so here.
import { defineCommand } from '../../../cli/command';
import type { Deps } from '../../../cli/deps';
import { UserError } from '../../../errors';
import { defineFlags } from '../../../cli/flagTable';
import { applyPlan, gitopsFlags, type GitopsOptions } from '../shared';
import { readUserValues } from './valuesFile';

export const flags = defineFlags({
  ...gitopsFlags,
  'management-cluster': { type: 'string', describe: 'Codename of the Management Cluster the Workload Cluster belongs to.' },
  name: { type: 'string', describe: 'Name of the app to use for creating the repository directory structure.' },
  organization: { type: 'string', describe: 'Name of the Organization the Workload Cluster belongs to.' },
  'skip-mapi': { type: 'boolean', describe: 'Skip `mapi` directory when adding the app.' },
  'workload-cluster': { type: 'string', describe: 'Name of the Workload Cluster to configure the app for.' },
  app: { type: 'string', describe: 'App name in the catalog.' },
  base: { type: 'string', describe: 'Path to the base directory. It must be relative to the repository root.' },
  catalog: { type: 'string', describe: 'Catalog to install the app from.' },
  'in-cluster': { type: 'boolean', describe: 'Use in-cluster configuration.' },
  'install-timeout': { type: 'string', describe: 'Timeout for the Helm install.' },
  // Named --namespace in the Go tool too, where it is a deprecated alias of --target-namespace; here the
  // global -n/--namespace (kubectl's) is read for it, since a command may not redeclare a global flag.
  'rollback-timeout': { type: 'string', describe: 'Timeout for the Helm rollback.' },
  'target-namespace': { type: 'string', describe: 'Namespace to install app into.' },
  'uninstall-timeout': { type: 'string', describe: 'Timeout for the Helm uninstall.' },
  'upgrade-timeout': { type: 'string', describe: 'Timeout for the Helm upgrade.' },
  'user-configmap': { type: 'string', describe: 'Values YAML to customize the app with. Will get turn into a ConfigMap.' },
  'user-secret': { type: 'string', describe: 'Values YAML to customize the app with. Will get turn into a Secret.' },
  version: { type: 'string', describe: 'App version to install.' },
});

export interface AppOptions extends GitopsOptions {
  managementCluster?: string;
  name?: string;
  organization?: string;
  skipMapi: boolean;
  workloadCluster?: string;
  app?: string;
  base?: string;
  catalog?: string;
  /** undefined when --in-cluster was not given (the App then carries no kubeConfig). */
  inCluster?: boolean;
  installTimeout?: string;
  rollbackTimeout?: string;
  uninstallTimeout?: string;
  upgradeTimeout?: string;
  targetNamespace?: string;
  /** The deprecated --namespace (the global flag's value). */
  namespace?: string;
  userConfigmap?: string;
  userSecret?: string;
  version?: string;
}

const unitNs: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration and Duration.String(), as the App CR template prints the timeouts (6m0s). */
export function goDuration(flag: string, text: string): string | undefined {
  if (text === '' || text === '0') return undefined;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h)/y; // µ escaped: see src/kube/duration.ts
  let ns = 0;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    ns += Number(m[1]) * unitNs[m[2]];
    at = re.lastIndex;
  }
  if (at !== text.length) throw new UserError(`--${flag} "${text}" is not a duration; use e.g. 90s, 10m or 1h`);
  if (ns === 0) return undefined;
  if (ns < 1e9) return ns < 1e3 ? `${ns}ns` : ns < 1e6 ? `${ns / 1e3}µs` : `${ns / 1e6}ms`;
  const h = Math.floor(ns / 3600e9);
  const m = Math.floor((ns - h * 3600e9) / 60e9);
  const s = (ns - h * 3600e9 - m * 60e9) / 1e9;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

export async function run(o: AppOptions, deps: Deps): Promise<number> {
  // cobra's notice for a deprecated command, on stderr before the command runs.
  deps.stderr.write('Command "app" is deprecated, currently without replacement\n');
  const g = await import('../../../gitops');
  const { mc, org, wc } = g.layerNames(o, ['managementCluster', 'organization', 'workloadCluster']);
  // Go's app command has its own --namespace, deprecated; here it is the global one.
  if (o.namespace) deps.stderr.write('Flag --namespace has been deprecated, use target-namespace instead\n');
  const namespace = o.targetNamespace || o.namespace;
  if (!o.base) {
    g.required('app', o.app, 'the app name in the catalog, e.g. --app hello-world');
    g.required('catalog', o.catalog, 'the catalog, e.g. --catalog giantswarm');
    g.required('target-namespace', namespace, 'the namespace to install the app into, e.g. --target-namespace default');
    g.required('version', o.version, 'the app version, e.g. --version 0.3.0');
  }
  const name = o.name || o.app || '';
  if (name === '') throw new UserError('--name must not be empty when --base is used: give the app directory name, e.g. --name hello-world');
  g.checkName(o.name ? 'name' : 'app', name);
  if (o.base) g.checkRelativePath('base', o.base);
  if (o.app) g.checkRepositoryName('app', o.app);
  if (o.catalog) g.checkRepositoryName('catalog', o.catalog);
  if (namespace) g.checkName('target-namespace', namespace);
  const timeouts = {
    install: goDuration('install-timeout', o.installTimeout ?? ''),
    rollback: goDuration('rollback-timeout', o.rollbackTimeout ?? ''),
    uninstall: goDuration('uninstall-timeout', o.uninstallTimeout ?? ''),
    upgrade: goDuration('upgrade-timeout', o.upgradeTimeout ?? ''),
  };
  const userConfigMap = readUserValues('user-configmap', o.userConfigmap, 'text');
  const userSecret = readUserValues('user-secret', o.userSecret, 'bytes');
  const plan = g.layers.appPlan({
    mc,
    org,
    wc,
    skipMapi: o.skipMapi,
    app: o.app ?? '',
    name,
    base: o.base || undefined,
    catalog: o.catalog,
    namespace,
    version: o.version,
    inCluster: o.inCluster === undefined ? '' : o.inCluster ? 'true' : 'false',
    timeouts,
    userConfigMap,
    userSecret,
  });
  return applyPlan(o, plan, `app "${name}"`, deps);
}

export const definition = defineCommand({
  name: 'app',
  describe: 'Adds a new Application to your GitOps directory structure',
  examples: [
    [
      '$0 gitops add app --app hello-world-app --catalog giantswarm --name hello-world --target-namespace default --management-cluster demomc --organization demoorg --version 0.3.0 --workload-cluster demowc',
      'Add hello-world App to dummy Workload Cluster',
    ],
    ['$0 gitops add app --base base/apps/hello-world --management-cluster demomc --organization demoorg --user-configmap /tmp/hello-world-app-values.yaml --workload-cluster demowc', 'Add hello-world App from the base'],
  ],
  flags,
  // The typed flag values, but --in-cluster only when given (Go tells "not given" apart) and the
  // deprecated --namespace read from kubectl's global -n.
  options: (v, ctx): AppOptions => ({ ...v, inCluster: ctx.given.has('in-cluster') ? v.inCluster : undefined, namespace: ctx.global.namespace }),
  run,
});
