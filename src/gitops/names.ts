// Checks of the names that become directories and object names, so a bad one is refused before anything
// is written (the Go tool writes whatever it is given).
import { UserError } from '../cli/errors';
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
