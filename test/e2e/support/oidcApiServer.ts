// A kube-apiserver that trusts the e2e OpenID provider: a login's id token is checked by the real OIDC
// authenticator. Started by a login test suite itself (the shared server of globalSetup has no OIDC flags).
//
//   const { op, api } = await startOidcStack();   // both at once; group kgs-e2e-users may read everything
//   (or: const op = await startOidcProvider(); const api = await startOidcApiServer(op);)
//   ... kubectl --server api.serverUrl --certificate-authority api.caFile --token <id token> get namespaces
//   await api.stop(); await op.stop();
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { freePort, startApiServer, type ApiServer } from './apiserver';
import { kubectlPath, run } from './env';
import { startOidcProvider, type OidcProvider, type OidcProviderOptions } from './oidcProvider';

/** ClusterRole the harness creates: read everything, write nothing. */
export const readAllRole = 'kgs-e2e-read-all';

export interface OidcApiServerOptions {
  /** Claim that names the user (--oidc-username-claim); default 'email', as Giant Swarm's management clusters. */
  usernameClaim?: string;
  /** Bind these groups (default: the provider's defaultGroups) to clusterRole. */
  groups?: string[];
  /** Default readAllRole (get/list/watch on everything, nothing else); 'cluster-admin' for tests that write. */
  clusterRole?: string;
}

export interface OidcApiServer extends ApiServer {
  /** The users and groups named in the RBAC binding the harness made. */
  boundGroups: string[];
}

/** Runs kubectl as the server's admin (static token context "local"). */
export async function adminKubectl(api: ApiServer, args: string[], input?: string): Promise<string> {
  const r = await run(kubectlPath, ['--kubeconfig', api.kubeconfigPath, ...args], { input });
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** GET /api with a bearer token: the HTTP status (0 when unreachable). */
function statusWithToken(api: ApiServer, token: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = httpsRequest(`${api.serverUrl}/api`, { ca: readFileSync(api.caFile), headers: { Authorization: `Bearer ${token}` }, timeout: 2000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveStatus(0));
    req.end();
  });
}

/**
 * kube-apiserver 1.20 fetches the issuer's discovery document 10 s after it starts (wait.PollUntil, not
 * PollImmediateUntil), answering 401 "oidc: authenticator not initialized" until then: wait for that, so a
 * test's first request is checked by the real authenticator.
 */
async function waitForOidc(api: ApiServer, op: OidcProvider): Promise<void> {
  const probe = await op.mintIdToken('kgs-e2e-readiness-probe', 600);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await statusWithToken(api, probe);
    if (status !== 401 && status !== 0) return;
    if (Date.now() > deadline) throw new Error(`kube-apiserver still rejects the provider's tokens after 60 s (status ${status}); see ${api.dir}/apiserver.log`);
    await sleep(250);
  }
}

/** The --oidc-* flags for a kube-apiserver that trusts the provider. */
function oidcFlags(op: { issuer: string; caFile: string; clientId: string }, usernameClaim: string): string[] {
  return [
    '--oidc-issuer-url', op.issuer,
    '--oidc-client-id', op.clientId,
    '--oidc-ca-file', op.caFile,
    '--oidc-username-claim', usernameClaim,
    // Without a prefix a non-email claim would be prefixed "<issuer>#"; keep names readable in assertions.
    ...(usernameClaim === 'email' ? [] : ['--oidc-username-prefix', '-']),
    '--oidc-groups-claim', 'groups',
  ];
}

/** RBAC for the provider's users, then the wait for the OIDC authenticator; stops the server on failure. */
async function finish(api: ApiServer, op: OidcProvider, options: OidcApiServerOptions): Promise<OidcApiServer> {
  const groups = options.groups ?? op.defaultGroups;
  // The bootstrap role "view" lacks cluster-scoped reads such as namespaces.
  const readAll = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: readAllRole },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { nonResourceURLs: ['*'], verbs: ['get'] },
    ],
  };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'kgs-e2e-oidc-users' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: options.clusterRole ?? readAllRole },
    subjects: groups.map((name) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name })),
  };
  try {
    await adminKubectl(api, ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [readAll, binding] }));
    await waitForOidc(api, op);
  } catch (err) {
    await api.stop();
    throw err;
  }
  return { ...api, boundGroups: groups };
}

/** A kube-apiserver trusting an already running provider (about 15 s: 5 s start + the authenticator's 10 s). */
export async function startOidcApiServer(op: OidcProvider, options: OidcApiServerOptions = {}): Promise<OidcApiServer> {
  const api = await startApiServer({ extraArgs: oidcFlags(op, options.usernameClaim ?? 'email') });
  return finish(api, op, options);
}

/**
 * Provider and kube-apiserver together, started side by side (the apiserver's 10 s OIDC delay overlaps the
 * provider's start-up): about 11 s instead of 17 s. Stop both (api first) when done.
 */
export async function startOidcStack(
  providerOptions: OidcProviderOptions = {},
  apiOptions: OidcApiServerOptions = {},
): Promise<{ op: OidcProvider; api: OidcApiServer }> {
  const port = await freePort();
  let apiStart: Promise<ApiServer> | undefined;
  let op: OidcProvider;
  try {
    op = await startOidcProvider({
      ...providerOptions,
      port,
      onIssuerKnown: (early) => {
        apiStart = startApiServer({ extraArgs: oidcFlags(early, apiOptions.usernameClaim ?? 'email') });
        apiStart.catch(() => undefined); // awaited below; a failure there is reported there
      },
    });
  } catch (err) {
    await apiStart?.then((a) => a.stop(), () => undefined);
    throw err;
  }
  let api: ApiServer;
  try {
    api = await apiStart!;
  } catch (err) {
    await op.stop();
    throw err;
  }
  try {
    return { op, api: await finish(api, op, apiOptions) };
  } catch (err) {
    await op.stop();
    throw err;
  }
}
