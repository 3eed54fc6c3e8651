// Direct OIDC to a workload cluster's API server (Kubernetes structured authentication), detected as the Go
// kubectl-gs does (cmd/login/structuredauth.go): the cluster's KubeadmControlPlane carries the file
// /etc/kubernetes/policies/auth-config.yaml, an AuthenticationConfiguration whose jwt[].issuer gives the
// issuer URL and (first audience) the client ID. The API server's CA comes from --api-ca-file or the
// <cluster>-cluster-values ConfigMap.
import { UserError } from '../errors';
import type { KubeClient, KubeObject } from '../kube/client';
import { KubeApiError } from '../kube/errors';

export interface AuthIssuer {
  issuerUrl: string;
  clientId: string;
}

const authConfigPath = '/etc/kubernetes/policies/auth-config.yaml';

type Yaml = typeof import('js-yaml');
const yaml = (): Yaml => require('js-yaml') as Yaml;

interface KcpFile {
  path?: unknown;
  content?: unknown;
  encoding?: unknown;
}

/** The issuers of the KubeadmControlPlane's auth-config.yaml (none when the file is absent). */
export function parseAuthenticationConfig(kcp: KubeObject): AuthIssuer[] {
  const files = ((kcp.spec as { kubeadmConfigSpec?: { files?: unknown } } | undefined)?.kubeadmConfigSpec?.files ?? []) as KcpFile[];
  if (!Array.isArray(files)) return [];
  for (const f of files) {
    if (typeof f !== 'object' || f === null || f.path !== authConfigPath || typeof f.content !== 'string' || f.content === '') continue;
    const content = f.encoding === 'base64' ? Buffer.from(f.content, 'base64').toString('utf8') : f.content;
    let config: { jwt?: { issuer?: { url?: string; audiences?: string[] } }[] } | undefined;
    try {
      config = yaml().load(content) as typeof config;
    } catch {
      throw new UserError(`the workload cluster's ${authConfigPath} (in its KubeadmControlPlane) is not valid YAML; pass --oidc-issuer and --oidc-client-id`);
    }
    return (config?.jwt ?? [])
      .filter((j) => j?.issuer?.url)
      .map((j) => ({ issuerUrl: j.issuer!.url!, clientId: j.issuer?.audiences?.[0] ?? '' }));
  }
  return [];
}

export type Detection = { issuer: AuthIssuer } | { candidates: AuthIssuer[] } | { none: true };

function describeIssuers(issuers: AuthIssuer[]): string {
  return issuers.map((i) => `issuer: ${i.issuerUrl}, client-id: ${i.clientId}`).join('; ');
}

/** Go's detectStructuredAuth, with the issuer and client ID flags as overrides. */
export async function detectStructuredAuth(mc: KubeClient, clusterName: string, namespace: string, issuerFlag?: string, clientIdFlag?: string): Promise<Detection> {
  if (issuerFlag && clientIdFlag) return { issuer: { issuerUrl: issuerFlag, clientId: clientIdFlag } };
  let kcp: KubeObject;
  try {
    kcp = await mc.get<KubeObject>(`/apis/controlplane.cluster.x-k8s.io/v1beta2/namespaces/${encodeURIComponent(namespace)}/kubeadmcontrolplanes/${encodeURIComponent(clusterName)}`);
  } catch (err) {
    // No KubeadmControlPlane (or no such API): the cluster does not use structured authentication.
    if (err instanceof KubeApiError && err.code === 404) return { none: true };
    throw err;
  }
  const issuers = parseAuthenticationConfig(kcp);
  if (issuers.length === 0) return { none: true };
  if (issuerFlag) {
    // Not listed: used anyway with the first issuer's audience (Go's best effort).
    const match = issuers.find((i) => i.issuerUrl === issuerFlag);
    return { issuer: { issuerUrl: issuerFlag, clientId: (match ?? issuers[0]!).clientId } };
  }
  if (clientIdFlag) {
    const match = issuers.find((i) => i.clientId === clientIdFlag);
    if (!match) throw new UserError(`no OIDC issuer matches --oidc-client-id "${clientIdFlag}"; available issuers: ${describeIssuers(issuers)}`);
    return { issuer: match };
  }
  if (issuers.length === 1) return { issuer: issuers[0]! };
  return { candidates: issuers };
}

/** The error Go gives when several issuers are configured and nothing chose one. */
export function multipleIssuersError(candidates: AuthIssuer[]): UserError {
  return new UserError(`multiple OIDC issuers detected; use --oidc-client-id or --oidc-issuer to select one: ${describeIssuers(candidates)}`);
}

/**
 * Go's pickIssuerInteractive: a numbered menu, up to three answers. `ask` prints the prompt and resolves
 * to the next line typed (undefined at end of input).
 */
export async function pickIssuer(candidates: AuthIssuer[], out: (text: string) => void, ask: (prompt: string) => Promise<string | undefined>): Promise<AuthIssuer> {
  out('Multiple OIDC issuers are configured for this cluster:\n');
  candidates.forEach((c, i) => out(`  ${i + 1}) issuer: ${c.issuerUrl}, client-id: ${c.clientId}\n`));
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const line = await ask(`Select an issuer [1-${candidates.length}]: `);
    if (line === undefined) throw new UserError('no issuer selected');
    const n = /^\d+$/.test(line.trim()) ? Number(line.trim()) : NaN;
    if (n >= 1 && n <= candidates.length) return candidates[n - 1]!;
    const left = attempts - attempt;
    if (left > 0) out(`Invalid selection "${line.trim()}"; expected a number between 1 and ${candidates.length} (${left} attempt(s) left).\n`);
  }
  throw new UserError(`no valid issuer selection after ${attempts} attempts`);
}

/** Go's fetchClusterCA: the API server CA (PEM) from --api-ca-file, or from the <cluster>-cluster-values ConfigMap. */
export async function fetchClusterCa(mc: KubeClient, clusterName: string, namespace: string): Promise<string> {
  let cm: KubeObject & { data?: Record<string, string> };
  try {
    cm = await mc.get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${encodeURIComponent(`${clusterName}-cluster-values`)}`);
  } catch (err) {
    if (err instanceof KubeApiError) {
      throw new UserError(`could not auto-detect the API server CA for cluster "${clusterName}"; pass --api-ca-file to provide it directly: ${err.message}`);
    }
    throw err;
  }
  const values = cm.data?.values;
  if (values) {
    try {
      const parsed = yaml().load(values) as { clusterCA?: unknown; cluster?: { ca?: unknown } } | undefined;
      if (typeof parsed?.clusterCA === 'string' && parsed.clusterCA) return parsed.clusterCA;
      if (typeof parsed?.cluster?.ca === 'string' && parsed.cluster.ca) return parsed.cluster.ca;
    } catch {
      // not YAML: Go ignores it too and tries data.clusterCA
    }
  }
  if (cm.data?.clusterCA) return cm.data.clusterCA;
  throw new UserError(`could not auto-detect the API server CA for cluster "${clusterName}"; pass --api-ca-file to provide it directly`);
}

/** Go's normalizeAPIEndpoint: https:// added when no scheme; any other scheme refused (tokens travel there). */
export function normalizeApiEndpoint(endpoint: string): string {
  const withScheme = endpoint.includes('://') ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(`--api-endpoint "${withScheme}" is not a valid URL`);
  }
  if (!url.host) throw new UserError(`--api-endpoint "${withScheme}" is not a valid URL`);
  if (url.protocol !== 'https:') throw new UserError(`--api-endpoint must use https, got "${url.protocol.slice(0, -1)}"`);
  return withScheme;
}
