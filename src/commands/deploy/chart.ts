// `kubectl gs deploy chart`: deploys a Helm chart from an OCI registry to a workload cluster (or the
// management cluster) through a Flux OCIRepository and HelmRelease in the organization's namespace, as the
// Go kubectl-gs does (cmd/deploy/chart, internal/deploychart). The order of checks is Go's: flags, the
// registry (the version exists, or the latest release version), the values and their schema, then the
// cluster (organization namespace, Flux CRD versions, target cluster). Unlike Go, everything is tried as a
// server-side dry-run before the first write: changes to existing objects are shown as a diff of what the
// server would store and confirmed once for all, a conflict with another field manager stops the run, and
// nothing is written until every object is known to apply. A second identical deploy writes nothing.
import { readFileSync } from 'node:fs';
import { defineCommand, type CommandContext } from '../../cli/command';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { GlobalOptions } from '../../cli/globalFlags';
import type { KubeClient, KubeObject } from '../../kube';
import { chartSettings, defaultOciUrlPrefix, passwordEnv, type ChartSettings } from './chartOptions';
import type { Prompter } from './terminal';

export const flags = defineFlags({
  'chart-name': { type: 'string', describe: 'Name of the chart to deploy.' },
  organization: { type: 'string', describe: 'Giant Swarm organization name owning the target cluster.' },
  'target-cluster': { type: 'string', describe: 'Name of the target workload cluster.' },
  'target-namespace': { type: 'string', describe: 'Target namespace in the workload cluster.' },
  'oci-url-prefix': { type: 'string', default: defaultOciUrlPrefix, describe: 'OCI URL prefix for the chart registry.' },
  version: { type: 'string', describe: 'Chart version to deploy. If not specified, the latest release version in the registry is used (no version ref with --auto-upgrade all).' },
  'values-file': { type: 'string', describe: 'Path to a YAML file with chart values.' },
  name: { type: 'string', describe: 'Override the resource name (default: <cluster>-<chart-name>).' },
  'auto-upgrade': { type: 'string', choices: ['all', 'minor', 'patch'], describe: 'Auto-upgrade strategy: all, minor, or patch.' },
  interval: { type: 'string', default: '10m', describe: 'Reconciliation interval for OCIRepository and HelmRelease.' },
  'registry-username': {
    type: 'string',
    describe: `Username for private OCI registry authentication. Password is read from ${passwordEnv} or prompted interactively.`,
  },
  'registry-provider': {
    type: 'string', choices: ['aws', 'azure', 'gcp'],
    describe: 'Cloud provider for registry authentication via workload identity (aws, azure, gcp). When set, no registry Secret is created.',
  },
  'values-from': {
    type: 'list',
    describe: 'Reference to a ConfigMap or Secret containing chart values (format: ConfigMap/name or Secret/name). Can be specified multiple times.',
  },
  'management-cluster': { type: 'boolean', describe: 'Deploy to the management cluster itself. Cluster name is derived from the current kubectl context.' },
  'dry-run': { type: 'boolean', describe: 'Perform server-side validation without applying. Prints manifests to stdout.' },
  yes: { type: 'boolean', describe: 'Apply changes to existing resources without asking (needed when standard input is not a terminal).' },
});

export interface DeployChartOptions {
  settings: ChartSettings;
  global: GlobalOptions;
}

/** Deps plus the terminal, which tests replace. */
export interface DeployDeps extends Deps {
  prompter?: Prompter;
}

interface Planned {
  kind: string;
  name: string;
  path: string;
  manifest: KubeObject;
  existing?: KubeObject;
  /** The server's answer to the dry-run apply: the object as it would be stored. */
  dryRun: KubeObject;
  /** The diff against the existing object ("" when unchanged or new). */
  diff: string;
}

export async function run(o: DeployChartOptions, deps: DeployDeps): Promise<number> {
  const s = o.settings;
  const opts = await import('./chartOptions');
  const build = await import('./manifests');
  const { OciClient } = await import('../../registry');
  const prompter = deps.prompter ?? (await import('./terminal')).terminalPrompter(deps.stderr);

  const namespace = opts.organizationNamespace(s.organization);
  const { registry, repository } = opts.splitOciUrlPrefix(s.ociUrlPrefix, s.chartName);
  const ociUrl = s.ociUrlPrefix + s.chartName;
  const password = await registryPassword(s, deps, prompter);
  const oci = new OciClient(registry, { username: s.registryUsername, password }, deps.env);

  let version = s.version;
  if (version) {
    if (!(await oci.tagExists(repository, version))) throw new UserError(`version "${version}" not found in ${ociUrl}; leave out --version to deploy the latest`);
  } else {
    const tags = await oci.listTags(repository);
    if (s.autoUpgrade !== 'all') {
      const latest = build.latestSemverTag(tags);
      if (!latest) throw new UserError(`resolving latest version from ${ociUrl}: no valid semver tags found; give --version`);
      version = latest.replace(/^v/, '');
      deps.stderr.write(`Resolved latest version: ${version}\n`);
    }
  }

  const values = s.valuesFile ? await readValues(s.valuesFile) : undefined;
  if (values && version) await checkValuesSchema(values, oci, repository, version, deps);

  const client = await deps.kube(o.global);
  const kube = await import('../../kube');
  if (!(await kube.getObject(client, `/api/v1/namespaces/${encodeURIComponent(namespace)}`))) {
    throw new UserError(`the organization "${s.organization}" wasn't found; check for existing organizations using 'kubectl gs get organizations'`);
  }
  const [ociApiVersion, helmApiVersion] = await Promise.all([fluxApiVersion(client, 'ocirepositories.source.toolkit.fluxcd.io'), fluxApiVersion(client, 'helmreleases.helm.toolkit.fluxcd.io')]);

  let clusterName = s.cluster;
  if (s.managementCluster) {
    if (!client.contextName) throw new UserError('--management-cluster needs a kubeconfig context to take the cluster name from; use --context');
    clusterName = build.clusterNameFromContext(client.contextName);
  } else {
    const { getCapiCluster } = await import('../update/capiCluster');
    if (!(await getCapiCluster(client, deps, namespace, clusterName))) {
      throw new UserError(`cluster "${clusterName}" not found in organization "${s.organization}"; check for existing clusters using 'kubectl gs get clusters --namespace ${namespace}'`);
    }
  }
  const resourceName = s.name || `${clusterName}-${s.chartName}`;
  if (resourceName.length > 253) throw new UserError(`resource name "${resourceName}" exceeds maximum length of 253 characters; give a shorter --name`);
  const secretName = s.registryUsername && password && !s.registryProvider ? `${resourceName}-registry` : '';

  const manifests: KubeObject[] = [];
  if (secretName) {
    manifests.push(build.registrySecret({ name: secretName, namespace, clusterName, registry, username: s.registryUsername, password }));
  }
  manifests.push(
    build.ociRepository({
      name: resourceName, namespace, clusterName, url: ociUrl, version, autoUpgrade: s.autoUpgrade, interval: s.interval,
      apiVersion: ociApiVersion, secretRef: secretName || undefined, provider: s.registryProvider || undefined,
    }),
    build.helmRelease({
      name: resourceName, namespace, clusterName, chartName: s.chartName, targetNamespace: s.targetNamespace, interval: s.interval,
      values, valuesFrom: s.valuesFrom, managementCluster: s.managementCluster, apiVersion: helmApiVersion,
    }),
  );

  const planned: Planned[] = [];
  for (const m of manifests) planned.push(await plan(client, m));

  if (!s.dryRun) await confirmChanges(planned, namespace, s.yes, prompter, deps);

  const written: string[] = [];
  if (!s.dryRun) {
    for (const p of planned) {
      if (p.existing && !p.diff) {
        written.push(`Unchanged ${p.kind} ${namespace}/${p.name}\n`);
        continue;
      }
      await applyOne(client, p, false);
      written.push(`Applied ${p.kind} ${namespace}/${p.name}\n`);
    }
  }

  const { toYaml } = await import('../../output/yaml');
  // Secret values never go to the terminal: the printed Secret says where they are instead.
  deps.stdout.write(manifests.map((m) => toYaml(m.kind === 'Secret' ? { ...m, data: { '.dockerconfigjson': '(redacted)' } } : m)).join('---\n'));
  deps.stderr.write(s.dryRun ? 'Server-side dry-run succeeded.\n' : written.join(''));
  return 0;
}

function resourcePathOf(m: KubeObject): string {
  const [group, version] = m.apiVersion!.includes('/') ? m.apiVersion!.split('/') : ['', m.apiVersion!];
  const plural = { OCIRepository: 'ocirepositories', HelmRelease: 'helmreleases', Secret: 'secrets' }[m.kind!]!;
  const ns = encodeURIComponent(m.metadata.namespace!);
  return `${group ? `/apis/${group}` : '/api'}/${version}/namespaces/${ns}/${plural}/${encodeURIComponent(m.metadata.name)}`;
}

async function plan(client: KubeClient, manifest: KubeObject): Promise<Planned> {
  const { getObject } = await import('../../kube');
  const { diffObjects } = await import('./diff');
  const path = resourcePathOf(manifest);
  const existing = await getObject(client, path);
  const p: Planned = { kind: manifest.kind!, name: manifest.metadata.name, path, manifest, existing, dryRun: manifest, diff: '' };
  p.dryRun = await applyOne(client, p, true);
  if (existing) p.diff = diffObjects(`${manifest.metadata.namespace}/${manifest.metadata.name}`, existing, p.dryRun);
  return p;
}

async function applyOne(client: KubeClient, p: Planned, dryRun: boolean): Promise<KubeObject> {
  const { serverSideApply } = await import('../../kube');
  const { KubeApiError } = await import('../../kube');
  try {
    return await serverSideApply(client, p.path, p.manifest, { dryRun });
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 409) {
      throw new UserError(`cannot apply ${p.kind} ${p.manifest.metadata.namespace}/${p.name}: ${err.message}; another field manager owns these fields: change them with the tool that set them, or hand them over (kubectl apply --server-side --force-conflicts --field-manager kubectl-gs); nothing was changed`);
    }
    if (err instanceof KubeApiError && (err.code === 422 || err.code === 400)) {
      throw new UserError(`the server rejected ${p.kind} ${p.manifest.metadata.namespace}/${p.name}: ${err.message}; nothing was changed`);
    }
    throw err;
  }
}

/** Go asks per changed object; here every question comes before the first write, so "no" leaves all as it was. */
async function confirmChanges(planned: Planned[], namespace: string, yes: boolean, prompter: Prompter, deps: Deps): Promise<void> {
  const changed = planned.filter((p) => p.diff);
  if (changed.length === 0) return;
  for (const p of changed) deps.stderr.write(`\n${p.kind} ${p.name} has changes:\n${p.diff}\n`);
  if (yes) return;
  if (!prompter.interactive) {
    throw new UserError('resources already exist and have changes; run interactively, pass --yes to apply them, or use --dry-run to preview; nothing was changed');
  }
  const { confirm } = await import('./terminal');
  for (const p of changed) {
    if (!(await confirm(prompter, `Apply changes to ${p.kind} ${namespace}/${p.name}?`))) {
      throw new UserError(`user declined changes to ${p.kind} ${namespace}/${p.name}; nothing was changed`);
    }
  }
}

/** --registry-username's password: KUBECTL_GS_REGISTRY_PASSWORD, else asked on a terminal, else none. */
async function registryPassword(s: ChartSettings, deps: Deps, prompter: Prompter): Promise<string> {
  if (!s.registryUsername) return '';
  const fromEnv = deps.env[passwordEnv];
  if (fromEnv) return fromEnv;
  if (!prompter.interactive) return '';
  return (await prompter.ask(`Registry password for ${s.registryUsername}: `, true)) ?? '';
}

async function readValues(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new UserError(`cannot read --values-file ${file}: ${reason}`);
  }
  let parsed: unknown;
  try {
    parsed = (require('js-yaml') as typeof import('js-yaml')).load(text);
  } catch (err) {
    throw new UserError(`--values-file ${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserError(`--values-file ${file} must hold a YAML mapping of values`);
  return parsed as Record<string, unknown>;
}

const valuesSchemaAnnotation = 'io.giantswarm.application.values-schema';

async function checkValuesSchema(values: Record<string, unknown>, oci: import('../../registry').OciClient, repository: string, version: string, deps: Deps): Promise<void> {
  let annotations: Record<string, string>;
  try {
    annotations = await oci.manifestAnnotations(repository, version);
  } catch (err) {
    deps.stderr.write(`Warning: could not fetch chart annotations for schema validation: ${(err as Error).message}\n`);
    return;
  }
  const url = annotations[valuesSchemaAnnotation];
  if (!url) return;
  deps.stderr.write('Validating values against schema...\n');
  const { validateValuesAgainstUrl } = await import('../../charts');
  const problems = await validateValuesAgainstUrl(values, url);
  if (problems.length === 0) return;
  for (const p of problems) deps.stderr.write(`  - ${p.path}: ${p.message}\n`);
  throw new UserError(`Values validation failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above); fix the values file`);
}

async function fluxApiVersion(client: KubeClient, crdName: string): Promise<string> {
  const { getObject } = await import('../../kube');
  const { storageApiVersion } = await import('./manifests');
  const crd = await getObject<Parameters<typeof storageApiVersion>[0]>(client, `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crdName}`);
  if (!crd) throw new UserError(`flux CRD "${crdName}" not found in cluster; ensure Flux is installed`);
  const apiVersion = storageApiVersion(crd);
  if (!apiVersion) throw new UserError(`determining API version for ${crdName}: no served version found`);
  return apiVersion;
}

export function options(values: FlagValues<typeof flags>, ctx: CommandContext): DeployChartOptions {
  return { settings: chartSettings(values), global: ctx.global };
}

export const definition = defineCommand({
  name: 'chart',
  describe: 'Deploy a Helm chart via Flux OCIRepository and HelmRelease.',
  examples: [
    ['$0 deploy chart --chart-name hello-world-app --version 1.2.3 --organization acme --target-cluster mycluster01 --target-namespace hello', 'Deploy a chart with a specific version'],
    ['$0 deploy chart --oci-url-prefix oci://example.com/charts/ --chart-name my-chart --version 2.0.0 --organization acme --target-cluster mycluster01 --target-namespace my-namespace', 'Deploy a chart from a custom registry'],
    ['$0 deploy chart --chart-name hello-world-app --version 1.2.3 --auto-upgrade patch --organization acme --target-cluster mycluster01 --target-namespace hello', 'Deploy with auto-upgrade on patch versions'],
    ['$0 deploy chart --chart-name hello-world-app --version 1.2.3 --organization acme --target-cluster mycluster01 --target-namespace hello --values-file my-values.yaml', 'Deploy with custom values'],
    ['$0 deploy chart --chart-name hello-world-app --organization acme --target-cluster mycluster01 --target-namespace hello --dry-run', 'Server-side dry-run (validate without applying)'],
    ['$0 deploy chart --chart-name hello-world-app --organization acme --target-cluster mycluster01 --target-namespace hello --values-from ConfigMap/my-config --values-from Secret/my-secret', 'Deploy with values from a ConfigMap and a Secret'],
    ['$0 deploy chart --chart-name hello-world-app --organization acme --target-namespace hello --management-cluster', 'Deploy to the management cluster itself'],
  ],
  flags,
  options,
  run,
});
