// From a merged kubeconfig plus kubectl's connection flags to the one connection a command uses, following
// client-go's DirectClientConfig: --context picks the context, --cluster/--user replace its cluster/user,
// then flags override fields one by one (--server, --token, --certificate-authority, ...).
import type { ConnectionFlags } from './connectionFlags';
import { redactUrlCredentials, UserError } from '../errors';
import { KubeUnreachableError } from './errors';
import { parseRequestTimeout } from './duration';
import type { ClusterConfig, Kubeconfig, UserConfig } from './kubeconfig';

export interface Connection {
  contextName?: string;
  clusterName?: string;
  userName?: string;
  /** The kubeconfig file that defined the user (where a refreshed legacy oidc auth-provider token is saved). */
  userSource?: string;
  /** The API server's base URL (may carry a path prefix, e.g. behind a proxy). */
  server: URL;
  namespace: string;
  cluster: ClusterConfig;
  user: UserConfig;
  impersonate: { user?: string; groups: string[]; uid?: string; extra: Record<string, string[]> };
  /** Per-request timeout in ms; 0 = none. */
  timeoutMs: number;
  disableCompression: boolean;
}

const noConfig =
  "no configuration has been provided; set KUBECONFIG or pass --kubeconfig with a management cluster's kubeconfig";

function describeFiles(config: Kubeconfig): string {
  if (config.files.length === 0) return 'the kubeconfig';
  return config.files.length === 1 ? `kubeconfig ${config.files[0]}` : `kubeconfig files ${config.files.join(', ')}`;
}

export function resolveConnection(config: Kubeconfig, flags: ConnectionFlags): Connection {
  const contextName = flags.context || config.currentContext;
  const context = contextName ? config.contexts.get(contextName) : undefined;
  if (contextName && !context) {
    const how = flags.context ? 'given with --context' : 'set as current-context';
    throw new UserError(
      `context "${contextName}" ${how} does not exist in ${describeFiles(config)}; list contexts with 'kubectl config get-contexts'`,
    );
  }
  const clusterName = flags.cluster || context?.cluster;
  const userName = flags.user || context?.user;
  if (!context && !flags.server && !clusterName) throw new KubeUnreachableError(noConfig);

  const clusterEntry = clusterName ? config.clusters.get(clusterName) : undefined;
  if (clusterName && !clusterEntry && !flags.server) {
    const via = flags.cluster ? 'given with --cluster' : `of context "${contextName}"`;
    throw new UserError(`cluster "${clusterName}" ${via} does not exist in ${describeFiles(config)}`);
  }
  const userEntry = userName ? config.users.get(userName) : undefined;
  if (userName && !userEntry) {
    const via = flags.user ? 'given with --user' : `of context "${contextName}"`;
    throw new UserError(`user "${userName}" ${via} does not exist in ${describeFiles(config)}`);
  }

  const cluster = overrideCluster(stripSource(clusterEntry), flags);
  const user = overrideUser(stripSource(userEntry), flags);
  if (!cluster.server) {
    const which = clusterName ? `cluster "${clusterName}" has no server` : 'no server is set';
    throw new UserError(`${which} in ${describeFiles(config)}; pass --server or fix the kubeconfig`);
  }
  if (cluster.insecureSkipTlsVerify && (cluster.certificateAuthority || cluster.certificateAuthorityData)) {
    throw new UserError(
      `cluster "${clusterName ?? cluster.server}" sets both a certificate authority and insecure-skip-tls-verify, which kubectl does not allow; remove one of them`,
    );
  }

  const impersonate = {
    user: flags.as || user.as,
    groups: flags.asGroup?.length ? flags.asGroup : (user.asGroups ?? []),
    uid: flags.asUid || user.asUid,
    extra: user.asUserExtra ?? {},
  };
  if (!impersonate.user && (impersonate.groups.length || impersonate.uid || Object.keys(impersonate.extra).length)) {
    throw new UserError('impersonating groups, a UID or extra fields needs a user to impersonate: add --as <user>');
  }

  return {
    contextName: context ? contextName : undefined,
    clusterName,
    userName,
    userSource: userEntry?.source,
    server: serverUrl(cluster, user),
    namespace: flags.namespace || context?.namespace || 'default',
    cluster,
    user,
    impersonate,
    timeoutMs: parseRequestTimeout(flags.requestTimeout),
    disableCompression: !!(flags.disableCompression || cluster.disableCompression),
  };
}

function stripSource<T extends object>(entry: (T & { source: string }) | undefined): T {
  if (!entry) return {} as T;
  const { source: _source, ...rest } = entry;
  return rest as unknown as T;
}

function overrideCluster(base: ClusterConfig, flags: ConnectionFlags): ClusterConfig {
  const cluster = { ...base };
  if (flags.server) {
    cluster.server = flags.server;
    // A different server makes the kubeconfig's TLS server name meaningless (client-go does the same).
    if (!flags.tlsServerName) delete cluster.tlsServerName;
  }
  if (flags.tlsServerName) cluster.tlsServerName = flags.tlsServerName;
  if (flags.certificateAuthority) {
    cluster.certificateAuthority = flags.certificateAuthority;
    delete cluster.certificateAuthorityData;
  }
  if (flags.insecureSkipTlsVerify) {
    if (flags.certificateAuthority) {
      throw new UserError('--certificate-authority and --insecure-skip-tls-verify cannot be used together; pick one');
    }
    cluster.insecureSkipTlsVerify = true;
    delete cluster.certificateAuthority;
    delete cluster.certificateAuthorityData;
  }
  return cluster;
}

function overrideUser(base: UserConfig, flags: ConnectionFlags): UserConfig {
  const user = { ...base };
  // A credential given as a flag replaces the kubeconfig's other kinds of credential (the flag is what the
  // user means for this call; client-go refuses a token and basic auth together).
  if (flags.token) {
    user.token = flags.token;
    delete user.tokenFile;
    delete user.username;
    delete user.password;
  }
  if (flags.username || flags.password) {
    delete user.token;
    delete user.tokenFile;
    delete user.exec;
    delete user.authProvider;
  }
  if (flags.clientCertificate) {
    user.clientCertificate = flags.clientCertificate;
    delete user.clientCertificateData;
  }
  if (flags.clientKey) {
    user.clientKey = flags.clientKey;
    delete user.clientKeyData;
  }
  if (flags.username) user.username = flags.username;
  if (flags.password) user.password = flags.password;
  return user;
}

/**
 * client-go's DefaultServerURL: a server without a scheme gets https:// when any TLS setting is present,
 * else http://.
 */
function serverUrl(cluster: ClusterConfig, user: UserConfig): URL {
  const raw = cluster.server!;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const tls =
    !!cluster.certificateAuthority ||
    !!cluster.certificateAuthorityData ||
    !!cluster.insecureSkipTlsVerify ||
    !!cluster.tlsServerName ||
    !!user.clientCertificate ||
    !!user.clientCertificateData;
  const text = hasScheme ? raw : `${tls ? 'https' : 'http'}://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`the server address "${redactUrlCredentials(raw)}" is not a valid URL; expected e.g. https://api.example.com:6443`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`the server address "${redactUrlCredentials(raw)}" must use https:// or http://`);
  }
  return url;
}
