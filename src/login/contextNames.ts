// Context, cluster and user names exactly as the Go kubectl-gs makes and recognises them
// (pkg/kubeconfig/context.go, cmd/login/auth.go), so scripts and habits keep working.
export const contextPrefix = 'gs-';
export const clientCertSuffix = '-clientcert';

const contextPattern = /^gs-([a-z0-9]+)(-[a-z0-9-]+)?$/;

/** gs-<codename> */
export function mcContextName(codename: string): string {
  return `${contextPrefix}${codename}`;
}

/** The cluster entry: gs-<codename>. */
export function mcClusterName(codename: string): string {
  return `gs-${codename}`;
}

/** The user entry: gs-<username>-<codename> (device logins: <username> ends in -device). */
export function mcUserName(username: string, codename: string): string {
  return `gs-${username}-${codename}`;
}

/** [codename] for gs-<codename>, [codename, rest] for gs-<codename>-<rest>, undefined for anything else. */
export function contextParts(name: string): string[] | undefined {
  const m = contextPattern.exec(name);
  if (!m) return undefined;
  return m[2] ? [m[1], m[2].slice(1)] : [m[1]];
}

/** Go's IsCodeName: lower-case letters only. */
export function isCodeName(s: string): boolean {
  return /^[a-z]+$/.test(s);
}

/** Go's IsWCCodeName: <codename>-<anything without a dash>. */
export function isWcCodeName(s: string): boolean {
  const parts = s.split('-');
  return parts.length === 2 && isCodeName(parts[0]);
}

/** Go's GetClientCertContextName. */
export function clientCertContextName(identifier: string): string {
  let name = identifier.startsWith(contextPrefix) ? identifier : contextPrefix + identifier;
  if (!name.endsWith(clientCertSuffix)) name += clientCertSuffix;
  return name;
}
