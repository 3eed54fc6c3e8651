// Input checks shared by the template commands. Each check returns a problem (one line saying what is
// wrong and what to do) or undefined; commands collect every problem before writing anything.
// node:net (for its IP checks) is loaded only when an address is checked: this module is reached from the
// command tree, and node:net brought eight more modules (libuv bindings, streams) into every command.

export class Problems {
  readonly list: string[] = [];
  add(problem: string | undefined): void {
    if (problem) this.list.push(problem);
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}

export function required(flag: string, value: string | undefined, what: string): string | undefined {
  return value === undefined || value.trim() === '' ? `--${flag} is required: give ${what}` : undefined;
}

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 label: what Kubernetes accepts as a namespace or object name part. */
export function checkDnsLabel(flag: string, value: string, maxLength = 63): string | undefined {
  if (value.length > maxLength) return `--${flag} "${value}" is ${value.length} characters long; use at most ${maxLength}`;
  if (!dnsLabel.test(value)) {
    return `--${flag} "${value}" is not a valid name: use lowercase letters, digits and '-', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** RFC 1123 subdomain: what Kubernetes accepts as most object names. */
export function checkDnsSubdomain(flag: string, value: string): string | undefined {
  if (value.length > 253) return `--${flag} "${value}" is ${value.length} characters long; use at most 253`;
  if (!value.split('.').every((part) => dnsLabel.test(part))) {
    return `--${flag} "${value}" is not a valid name: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** The Go kubectl-gs's cluster name rule: starts with a letter, at most 20 characters. */
export const clusterNameMaxLength = 20;
export function checkClusterName(flag: string, value: string): string | undefined {
  if (value.length > clusterNameMaxLength) {
    return `--${flag} "${value}" is ${value.length} characters long; cluster names have at most ${clusterNameMaxLength}`;
  }
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    return `--${flag} "${value}" is not a valid cluster name: use lowercase letters, digits and '-', start with a letter and end with a letter or digit`;
  }
  return undefined;
}

/** Organization names become the namespace `org-<name>`, which must be a DNS label of at most 63. */
export function checkOrganization(flag: string, value: string): string | undefined {
  if (value !== value.toLowerCase() && dnsLabel.test(value.toLowerCase())) {
    return `--${flag} "${value}" has upper-case letters; organization names are lowercase, use "${value.toLowerCase()}"`;
  }
  return checkDnsLabel(flag, value, 63 - 'org-'.length);
}

const semverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(value: string): boolean {
  return semverPattern.test(value);
}

export function checkSemver(flag: string, value: string): string | undefined {
  return isSemver(value) ? undefined : `--${flag} "${value}" is not a semantic version; use MAJOR.MINOR.PATCH, e.g. 1.2.3`;
}

export function semverMajor(value: string): number {
  return Number(value.split('.')[0]);
}

/**
 * Orders two semantic versions by semver's precedence rules (rc.9 before rc.10). semver is loaded here, on
 * use: it builds its ~40 regular expressions when loaded (~2 ms), and most template runs never compare.
 */
export function compareSemver(a: string, b: string): number {
  const compare = require('semver/functions/compare') as typeof import('semver/functions/compare');
  return compare(a, b);
}

export interface Cidr {
  /** The network address as a 32-bit number (IPv4 only). */
  network: number;
  prefix: number;
}

export function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Parses an IPv4 CIDR whose address is the network address itself (no host bits set). */
export function parseIpv4Cidr(value: string): Cidr | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
  if (!m || !net().isIPv4(m[1])) return undefined;
  const prefix = Number(m[2]);
  if (prefix > 32) return undefined;
  const network = ipv4ToNumber(m[1]);
  const size = 2 ** (32 - prefix);
  if (network % size !== 0) return undefined;
  return { network, prefix };
}

/** IPv4 CIDRs must name their network address; IPv6 CIDRs are accepted where the chart accepts them. */
export function checkCidr(flag: string, value: string, { ipv6 = false } = {}): string | undefined {
  if (parseIpv4Cidr(value)) return undefined;
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
  if (m && net().isIPv4(m[1]) && Number(m[2]) <= 32) {
    const prefix = Number(m[2]);
    const size = 2 ** (32 - prefix);
    const network = numberToIpv4(Math.floor(ipv4ToNumber(m[1]) / size) * size);
    return `--${flag} "${value}" has host bits set; use the network address: ${network}/${prefix}`;
  }
  if (ipv6) {
    const v6 = /^([0-9a-fA-F:.]+)\/(\d{1,3})$/.exec(value);
    if (v6 && net().isIPv6(v6[1]) && Number(v6[2]) <= 128) return undefined;
  }
  return `--${flag} "${value}" is not a valid ${ipv6 ? '' : 'IPv4 '}CIDR; use the form 10.0.0.0/16`;
}

export function checkUrl(flag: string, value: string, schemes: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--${flag} "${value}" is not a valid URL; use an absolute URL such as ${schemes[0]}://example.com/path`;
  }
  if (!schemes.includes(url.protocol.replace(/:$/, ''))) {
    return `--${flag} "${value}" uses the scheme "${url.protocol.replace(/:$/, '')}"; use one of: ${schemes.join(', ')}`;
  }
  if (!url.hostname) return `--${flag} "${value}" has no host; use an absolute URL such as ${schemes[0]}://example.com/path`;
  return undefined;
}

/** NaN means the flag was not a number, which reading the flags has already reported. */
export function checkInteger(flag: string, value: number, { min }: { min?: number } = {}): string | undefined {
  if (Number.isNaN(value)) return undefined;
  if (!Number.isInteger(value)) return `--${flag} must be a whole number, got "${value}"`;
  if (min !== undefined && value < min) return `--${flag} must be at least ${min}, got ${value}`;
  return undefined;
}

export function checkSizes(minFlag: string, min: number, maxFlag: string, max: number): string | undefined {
  if (Number.isInteger(min) && Number.isInteger(max) && min > max) {
    return `--${minFlag} (${min}) is greater than --${maxFlag} (${max}); make the minimum at most the maximum`;
  }
  return undefined;
}

export function checkOneOf(flag: string, value: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(value) ? undefined : `--${flag} "${value}" is not supported; use one of: ${allowed.join(', ')}`;
}

const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A Kubernetes label or annotation key: optional DNS-subdomain prefix, then a name of at most 63. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !prefix.split('.').every((p) => dnsLabel.test(p)))) {
    return 'the prefix must be a lowercase DNS subdomain';
  }
  if (name.length === 0 || name.length > 63 || !qualifiedNamePart.test(name)) {
    return "the name must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63 || !labelValuePattern.test(value)) {
    return "the value must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
  }
  return undefined;
}

export const servicePriorityLabel = 'giantswarm.io/service-priority';

/**
 * Parses key=value labels as the Go kubectl-gs does, including its rule that keys must not contain
 * "giantswarm.io" (those labels are reserved for the platform), except the service-priority label.
 */
export function parseLabels(flag: string, specs: string[], problems: Problems, { reserved = true } = {}): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const spec of specs) {
    const parts = spec.split('=');
    if (parts.length !== 2) {
      problems.add(`--${flag} "${spec}" is not a label; use key=value`);
      continue;
    }
    const [key, value] = parts;
    if (reserved && key.includes('giantswarm.io') && key !== servicePriorityLabel) {
      problems.add(`--${flag} "${spec}": keys containing "giantswarm.io" are reserved for the platform; use your own prefix`);
      continue;
    }
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      problems.add(`--${flag} "${spec}": invalid key, ${keyProblem}`);
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      problems.add(`--${flag} "${spec}": invalid value, ${valueProblem}`);
      continue;
    }
    labels[key] = value;
  }
  return labels;
}

/** key=value annotations: a valid key; any value. */
export function parseAnnotations(flag: string, specs: string[], problems: Problems): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      problems.add(`--${flag} "${spec}" is not an annotation; use key=value`);
      continue;
    }
    const key = spec.slice(0, eq);
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      problems.add(`--${flag} "${spec}": invalid key, ${keyProblem}`);
      continue;
    }
    annotations[key] = spec.slice(eq + 1);
  }
  return annotations;
}

/** Flags given as a list: repeated and/or comma-separated (as cobra's StringSlice). */
export function listFlag(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** Flags that may be repeated, each value taken whole (as cobra's StringArray). */
export function arrayFlag(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function net(): typeof import('node:net') {
  return require('node:net') as typeof import('node:net');
}
