// Where each part of the repository lives, as the Go tool's internal/gitops/key lays it out
// (gitops-template's docs/repo_structure.md). Every path is relative to the repository root and uses '/'.

export const managementClustersDir = 'management-clusters';
export const organizationsDir = 'organizations';
export const workloadClustersDir = 'workload-clusters';
export const secretsDir = 'secrets';
export const sopsKeysDir = '.sops.keys';
export const appsDir = 'apps';
export const clusterDir = 'cluster';
export const mapiDir = 'mapi';
export const automaticUpdatesDir = 'automatic-updates';
export const sopsConfigFile = '.sops.yaml';
export const sigsKustomizationFile = 'kustomization.yaml';
export const appCrFile = 'appcr.yaml';
export const configMapFile = 'configmap.yaml';
export const imagePolicyFile = 'imagepolicy.yaml';
export const imageRepositoryFile = 'imagerepository.yaml';
export const gitHooksDir = '.git/hooks';
export const baseTemplatesDir = 'bases';
export const clusterBasesPath = 'bases/clusters';

export function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/');
}

/** management-clusters/MC[/organizations/ORG[/workload-clusters/WC]] */
export function layerDir(mc: string, org = '', wc = ''): string {
  let dir = `${managementClustersDir}/${mc}`;
  if (org) dir += `/${organizationsDir}/${org}`;
  if (wc) dir += `/${workloadClustersDir}/${wc}`;
  return dir;
}

export function clusterBaseProviderPath(provider: string): string {
  return `${clusterBasesPath}/${provider}`;
}

export function clusterBasePath(provider: string): string {
  return `${clusterBaseProviderPath(provider)}/template`;
}

export function fluxKustomizationFile(name: string): string {
  return `${name}.yaml`;
}

export function sopsKeyName(prefix: string, fingerprint: string): string {
  return `${prefix}.${fingerprint}.asc`;
}

export function sopsSecretFile(prefix: string): string {
  return `${prefix}.gpgkey.enc.yaml`;
}

export function sopsSecretName(prefix: string): string {
  return `sops-gpg-${prefix}`;
}

/** The workload cluster's directory holding apps/ and cluster/: WC/mapi, or WC itself with --skip-mapi. */
export function workloadClusterMapiDir(mc: string, org: string, wc: string, skipMapi: boolean): string {
  const dir = layerDir(mc, org, wc);
  return skipMapi ? dir : `${dir}/${mapiDir}`;
}

/**
 * The .sops.yaml path_regex for a layer. As in the Go tool, a target naming organizations/ or
 * workload-clusters/ falls back to secrets/, so a rule never escapes into a layer below the one asked for.
 */
export function encryptionRegex(base: string, target: string): string {
  let t = target.replace(/^\//, '').replace(/\/$/, '');
  if (t.startsWith(organizationsDir) || t.startsWith(workloadClustersDir)) t = secretsDir;
  const path = t !== '' ? `${base}/${t}` : base;
  return `${path}/.*\\.enc\\.yaml`;
}
