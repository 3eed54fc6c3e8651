// The ExecCredential the credential plugin prints for kubectl (client.authentication.k8s.io). The Go
// kubectl-gs always answers v1beta1, which is what its kubeconfig entries ask for; a kubeconfig entry
// that asks for v1 (kubectl says so in KUBERNETES_EXEC_INFO) gets v1. The layout is Go's json encoder
// with two-space indent: status fields in the Go struct's order, expirationTimestamp as metav1.Time.

const v1 = 'client.authentication.k8s.io/v1';
const v1beta1 = 'client.authentication.k8s.io/v1beta1';

/** The apiVersion kubectl asked for in KUBERNETES_EXEC_INFO: v1 when it says v1, else v1beta1. */
export function requestedApiVersion(env: NodeJS.ProcessEnv): string {
  const info = env.KUBERNETES_EXEC_INFO;
  if (!info) return v1beta1;
  try {
    return (JSON.parse(info) as { apiVersion?: unknown }).apiVersion === v1 ? v1 : v1beta1;
  } catch {
    return v1beta1;
  }
}

/** metav1.Time's JSON form: RFC 3339 in UTC, whole seconds. */
export function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function execCredentialJson(token: string, expiresAtMs: number | undefined, apiVersion: string): string {
  const status: Record<string, string> = {};
  if (expiresAtMs !== undefined) status.expirationTimestamp = rfc3339Seconds(expiresAtMs);
  status.token = token;
  return JSON.stringify({ apiVersion, kind: 'ExecCredential', status }, null, 2) + '\n';
}
