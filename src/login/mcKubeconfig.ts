// The kubeconfig entries a management cluster login writes (Go: cmd/login/auth.go storeMCCredentials,
// printMCCredentials, oidcExec): user gs-<username>-<codename> with the credential-plugin exec entry (or
// a static token for --token), cluster gs-<codename> with the Management API URL and the installation
// CA, context gs-<codename> joining them. Existing entries keep their other fields, as Go's edit does.
import type { EntryEdit } from './kubeconfigEdit';
import { mcClusterName, mcContextName, mcUserName } from './contextNames';
import { envClientId, envIdToken, envIssuerUrl, envRefreshToken } from './pluginEnv';

export interface McCredentials {
  codename: string;
  server: string;
  caCert: string;
  issuerUrl: string;
  username: string;
  /** OIDC logins: the client ID and both tokens (written into the exec entry, as Go does). */
  clientId?: string;
  idToken: string;
  refreshToken?: string;
}

/** Go's oidcExec, as clientcmd writes it (provideClusterInfo without omitempty, no interactiveMode). */
export function oidcExec(issuerUrl: string, clientId: string, idToken: string, refreshToken: string): Record<string, unknown> {
  return {
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    args: ['credential-plugin'],
    command: 'kubectl-gs',
    env: [
      { name: envIssuerUrl, value: issuerUrl },
      { name: envClientId, value: clientId },
      { name: envIdToken, value: idToken },
      { name: envRefreshToken, value: refreshToken },
    ],
    provideClusterInfo: false,
  };
}

function userBody(c: McCredentials, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const body = { ...(current ?? {}) };
  delete body['auth-provider'];
  if (c.clientId) body.exec = oidcExec(c.issuerUrl, c.clientId, c.idToken, c.refreshToken ?? '');
  else body.token = c.idToken;
  return body;
}

function clusterBody(c: McCredentials, current: Record<string, unknown> | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = { ...(current ?? {}), server: c.server };
  delete body['certificate-authority'];
  if (c.caCert) body['certificate-authority-data'] = Buffer.from(c.caCert, 'utf8').toString('base64');
  else delete body['certificate-authority-data'];
  return body;
}

export function mcEntryEdits(c: McCredentials): EntryEdit[] {
  const user = mcUserName(c.username, c.codename);
  const cluster = mcClusterName(c.codename);
  return [
    { list: 'users', name: user, update: (b) => userBody(c, b) },
    { list: 'clusters', name: cluster, update: (b) => clusterBody(c, b) },
    { list: 'contexts', name: mcContextName(c.codename), update: (b) => ({ ...(b ?? {}), cluster, user }) },
  ];
}

/** Go's printMCCredentials: a kubeconfig holding only this installation's context, selected. */
export function selfContainedConfig(c: McCredentials): Record<string, unknown> {
  const context = mcContextName(c.codename);
  const user = mcUserName(c.username, c.codename);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: clusterBody(c, undefined) }],
    contexts: [{ name: context, context: { cluster: mcClusterName(c.codename), user } }],
    'current-context': context,
    users: [{ name: user, user: userBody(c, undefined) }],
  };
}
