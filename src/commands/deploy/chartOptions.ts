// `deploy chart`'s flags, checked as the Go kubectl-gs checks them (cmd/deploy/chart/flag.go, in its order)
// before anything is contacted, plus --interval, which Go silently replaces with 10m when it does not parse.
import { UserError } from '../../cli/errors';
import { formatDuration, parseGoTimeDuration } from '../../kube';

export const defaultOciUrlPrefix = 'oci://gsoci.azurecr.io/charts/giantswarm/';
export const passwordEnv = 'KUBECTL_GS_REGISTRY_PASSWORD';
export const autoUpgradeValues = ['all', 'minor', 'patch'];
export const registryProviders = ['aws', 'azure', 'gcp'];

export interface ChartFlagValues {
  chartName?: string;
  organization?: string;
  targetCluster?: string;
  targetNamespace?: string;
  ociUrlPrefix: string;
  version?: string;
  valuesFile?: string;
  name?: string;
  autoUpgrade?: string;
  interval: string;
  registryUsername?: string;
  registryProvider?: string;
  valuesFrom: string[];
  managementCluster: boolean;
  dryRun: boolean;
  yes: boolean;
}

export interface ChartSettings {
  chartName: string;
  organization: string;
  cluster: string;
  targetNamespace: string;
  /** oci://host/path/ (normalized: scheme and trailing slash). */
  ociUrlPrefix: string;
  version: string;
  valuesFile: string;
  name: string;
  autoUpgrade: string;
  /** Go's Duration.String(), e.g. "10m0s". */
  interval: string;
  registryUsername: string;
  registryProvider: string;
  valuesFrom: Array<{ kind: 'ConfigMap' | 'Secret'; name: string }>;
  managementCluster: boolean;
  dryRun: boolean;
  yes: boolean;
}

const semverRe = /^v?\d+\.\d+\.\d+$/;

export function chartSettings(f: ChartFlagValues): ChartSettings {
  const bad = (message: string) => new UserError(message);
  const chartName = f.chartName ?? '';
  if (!chartName) throw bad('--chart-name must not be empty; give the name of the chart in the OCI registry');
  if (chartName.includes('/')) throw bad("--chart-name must not contain '/'; put the repository path in --oci-url-prefix");
  if (!f.organization) throw bad('--organization must not be empty; kubectl gs get organizations lists them');
  if (f.managementCluster && f.targetCluster) throw bad('--management-cluster and --target-cluster are mutually exclusive');
  if (!f.targetCluster && !f.managementCluster) throw bad('--target-cluster must not be empty (or use --management-cluster)');
  if (!f.targetNamespace) throw bad('--target-namespace must not be empty; give the namespace in the workload cluster to install into');
  const version = f.version ?? '';
  if (version && !semverRe.test(version)) throw bad(`--version must be a valid semver version (e.g. 1.2.3), got "${version}"`);
  const autoUpgrade = f.autoUpgrade ?? '';
  if (autoUpgrade && !autoUpgradeValues.includes(autoUpgrade)) throw bad(`--auto-upgrade must be one of: ${autoUpgradeValues.join(', ')}`);
  const registryProvider = f.registryProvider ?? '';
  if (registryProvider && !registryProviders.includes(registryProvider)) throw bad(`--registry-provider must be one of: ${registryProviders.join(', ')}`);
  if (registryProvider && f.registryUsername) throw bad('--registry-provider and --registry-username are mutually exclusive');
  const valuesFrom = f.valuesFrom.map((vf) => {
    const slash = vf.indexOf('/');
    const kind = slash < 0 ? '' : vf.slice(0, slash);
    const name = slash < 0 ? '' : vf.slice(slash + 1);
    if (slash < 0 || !name) throw bad(`--values-from "${vf}" must be in the format ConfigMap/name or Secret/name`);
    const k = kind.toLowerCase();
    if (k !== 'configmap' && k !== 'secret') throw bad(`--values-from "${vf}" has invalid kind "${kind}" (must be ConfigMap or Secret)`);
    return { kind: k === 'configmap' ? ('ConfigMap' as const) : ('Secret' as const), name };
  });
  let prefix = f.ociUrlPrefix;
  if (!prefix.startsWith('oci://')) prefix = `oci://${prefix}`;
  if (!prefix.endsWith('/')) prefix += '/';
  const name = f.name ?? '';
  const resourceName = name || (f.targetCluster ? `${f.targetCluster}-${chartName}` : '');
  if (resourceName.length > 253) throw bad(`resource name "${resourceName}" exceeds maximum length of 253 characters; give a shorter --name`);
  const intervalMs = parseGoTimeDuration(f.interval);
  if (intervalMs === undefined || intervalMs <= 0) throw bad(`--interval "${f.interval}" is not a duration; give one like 10m or 1h`);
  return {
    chartName,
    organization: f.organization,
    cluster: f.targetCluster ?? '',
    targetNamespace: f.targetNamespace,
    ociUrlPrefix: prefix,
    version,
    valuesFile: f.valuesFile ?? '',
    name,
    autoUpgrade,
    interval: formatDuration(intervalMs),
    registryUsername: f.registryUsername ?? '',
    registryProvider,
    valuesFrom,
    managementCluster: f.managementCluster,
    dryRun: f.dryRun,
    yes: f.yes,
  };
}

/** oci://host/path/ + chart -> the registry host and the repository path (Go's splitOCIURLPrefix). */
export function splitOciUrlPrefix(prefix: string, chart: string): { registry: string; repository: string } {
  const s = prefix.replace(/^oci:\/\//, '').replace(/\/$/, '');
  const slash = s.indexOf('/');
  const registry = slash < 0 ? s : s.slice(0, slash);
  const repoPrefix = slash < 0 ? '' : s.slice(slash + 1);
  return { registry, repository: repoPrefix ? `${repoPrefix}/${chart}` : chart };
}

/** The organization's namespace, Go's normalize.AsDNSLabelName("org-<name>"): lower case, runs of other characters one dash. */
export function organizationNamespace(org: string): string {
  let out = '';
  for (const ch of `org-${org}`.toLowerCase()) {
    if (ch === '-' || /[0-9a-z]/.test(ch)) out += ch;
    else if (out.length > 0 && !out.endsWith('-')) out += '-';
  }
  return out.replace(/^-+|-+$/g, '');
}
