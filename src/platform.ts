// Go's names for operating systems and architectures: the Go kubectl-gs reports these, and users and
// dashboards know them (amd64, not x64).
const osNames: Record<string, string> = { win32: 'windows', sunos: 'solaris' };
const archNames: Record<string, string> = { x64: 'amd64', ia32: '386', x32: '386', arm: 'arm', arm64: 'arm64', ppc64: 'ppc64le' };

export function goOs(platform: string): string {
  return osNames[platform] ?? platform;
}

export function goArch(arch: string): string {
  return archNames[arch] ?? arch;
}
