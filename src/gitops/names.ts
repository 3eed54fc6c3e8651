// Checks of the names that become directories and object names, so a bad one is refused before anything
// is written (the Go tool writes whatever it is given).
import { UserError } from '../errors';
import { checkDnsLabel, checkDnsSubdomain, checkOrganization } from '../template/validate';

export function required(flag: string, value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new UserError(`--${flag} must not be empty: give ${what}`);
  return value;
}

function fail(problem: string | undefined): void {
  if (problem) throw new UserError(problem);
}

export function checkName(flag: string, value: string): void {
  fail(checkDnsLabel(flag, value));
}

export function checkOrgName(flag: string, value: string): void {
  fail(checkOrganization(flag, value));
}

export function checkRepositoryName(flag: string, value: string): void {
  fail(checkDnsSubdomain(flag, value));
}

/** A path inside the repository (--base, --target): relative, without `..`, so nothing lands outside it. */
export function checkRelativePath(flag: string, value: string): void {
  if (value.startsWith('/') && flag !== 'target') throw new UserError(`--${flag} "${value}" must be relative to the repository root, e.g. bases/clusters/capa/template`);
  if (value.split('/').includes('..')) throw new UserError(`--${flag} "${value}" must not contain ".."; give a path inside the repository`);
  if (/[\0\n\r]/.test(value)) throw new UserError(`--${flag} holds a control character; give a plain path`);
}

/** An OCI/Docker image repository reference without tag, e.g. gsoci.azurecr.io/charts/giantswarm/app. */
export function checkImage(flag: string, value: string): void {
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(value)) {
    throw new UserError(`--${flag} "${value}" is not an image repository; use e.g. gsoci.azurecr.io/charts/giantswarm/hello-world`);
  }
}

export interface LayerFlags {
  managementCluster?: string;
  organization?: string;
  workloadCluster?: string;
}

/**
 * The management cluster, organization and workload cluster a command works on, each required when
 * `needs` names it and checked when given. `flags` renames a flag where the command calls it --name.
 */
export function layerNames(
  given: LayerFlags,
  needs: Array<keyof LayerFlags>,
  flags: Partial<Record<keyof LayerFlags, string>> = {},
): { mc: string; org: string; wc: string } {
  const flag = (k: keyof LayerFlags, fallback: string) => flags[k] ?? fallback;
  const read = (k: keyof LayerFlags, name: string, example: string): string => {
    const value = given[k];
    if (needs.includes(k)) return required(name, value, `the ${example}`);
    return value ?? '';
  };
  const mc = read('managementCluster', flag('managementCluster', 'management-cluster'), `management cluster codename, e.g. --${flag('managementCluster', 'management-cluster')} demomc`);
  const org = read('organization', flag('organization', 'organization'), `organization name, e.g. --${flag('organization', 'organization')} demoorg`);
  const wc = read('workloadCluster', flag('workloadCluster', 'workload-cluster'), `workload cluster name, e.g. --${flag('workloadCluster', 'workload-cluster')} demowc`);
  if (mc) checkName(flag('managementCluster', 'management-cluster'), mc);
  if (org) checkOrgName(flag('organization', 'organization'), org);
  if (wc) checkName(flag('workloadCluster', 'workload-cluster'), wc);
  return { mc, org, wc };
}
