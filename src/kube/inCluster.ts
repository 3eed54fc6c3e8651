// Inside a pod, with no kubeconfig, kubectl talks to its own cluster with the pod's service account
// (client-go's in-cluster config): https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT, the mounted CA,
// token and namespace. Used only when the kubeconfig files and flags name no context, cluster or server.
import { join } from 'node:path';
import type { ConnectionFlags } from './connectionFlags';
import type { Kubeconfig, KubeconfigIo } from './kubeconfig';

export const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/** True when the kubeconfig and flags leave nothing to connect to (client-go's "empty config"). */
export function isEmptyConfig(config: Kubeconfig, flags: ConnectionFlags): boolean {
  return !flags.context && !config.currentContext && !flags.server && !flags.cluster;
}

/** The pod's service account as a kubeconfig, or undefined when not running in a pod. */
export function inClusterConfig(env: NodeJS.ProcessEnv, io: Pick<KubeconfigIo, 'exists' | 'read'>, dir = serviceAccountDir): Kubeconfig | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = join(dir, 'token');
  if (!host || !port || !io.exists(tokenFile)) return undefined;
  const source = `in-cluster service account (${dir})`;
  const hostPort = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  let namespace: string | undefined;
  try {
    namespace = io.read(join(dir, 'namespace')).trim() || undefined;
  } catch {
    namespace = undefined;
  }
  const caFile = join(dir, 'ca.crt');
  return {
    clusters: new Map([['in-cluster', { source, server: `https://${hostPort}`, certificateAuthority: io.exists(caFile) ? caFile : undefined }]]),
    users: new Map([['in-cluster', { source, tokenFile }]]),
    contexts: new Map([['in-cluster', { source, cluster: 'in-cluster', user: 'in-cluster', namespace }]]),
    currentContext: 'in-cluster',
    files: [],
  };
}
