// The workload cluster half of `kubectl gs login ... --workload-cluster NAME` (Go's runner.run after the
// management cluster part): which management cluster context to read from, the installation's provider,
// the management cluster client, and the world side of src/login/wcLogin.ts.
import type { ConnectionFlags } from '../kube';
import type { KubeClient } from '../kube/client';
import { loadKubeconfig, type Kubeconfig } from '../kube/kubeconfig';
import { contextParts } from './contextNames';
import type { KubeconfigLocation } from './kubeconfigWrite';
import type { LoginIo } from './oidcLogin';
import type { WcLoginOptions } from './wcLogin';

export interface WcCommandOptions extends Omit<WcLoginOptions, 'provider' | 'mcContextName' | 'switchToContext' | 'originContext'> {
  keepContext: boolean;
  callbackHost: string;
  callbackPort: number;
  loginTimeoutMs: number;
}

export interface WcCommandDeps extends LoginIo {
  env: NodeJS.ProcessEnv;
  kube(global: ConnectionFlags): Promise<KubeClient>;
  installationProvider(server: string): Promise<string>;
}

function readConfig(location: KubeconfigLocation, flag: string | undefined, env: NodeJS.ProcessEnv): Kubeconfig {
  const fs = require('node:fs') as typeof import('node:fs');
  if (flag && !fs.existsSync(location.defaultFile)) return { clusters: new Map(), users: new Map(), contexts: new Map(), files: [] };
  return loadKubeconfig(flag, env);
}

/** Go's canSkipMCLogin: issuer and client ID given, or a current context that is not a gs- one (e.g. Teleport). */
export function canSkipMcLogin(o: Pick<WcCommandOptions, 'oidcIssuer' | 'oidcClientId'>, config: Kubeconfig, contextFlag: string | undefined): boolean {
  if (o.oidcIssuer && o.oidcClientId) return true;
  const override = contextFlag && config.contexts.has(contextFlag) ? contextFlag : '';
  const current = override || config.currentContext || '';
  return contextParts(current) === undefined;
}

/** Go's GetProviderFromConfig fallback: the provider named in the API server's host, else "default". */
export function providerFromServer(server: string): string {
  for (const p of ['aws', 'azure', 'capa']) if (new RegExp(`.+\\.${p}\\..+`).test(server)) return p;
  return 'default';
}

export async function runWcLogin(o: WcCommandOptions, global: ConnectionFlags, location: KubeconfigLocation, originContext: string, deps: WcCommandDeps, direct: boolean): Promise<void> {
  const { loginWorkloadCluster, loginWorkloadClusterDirect, wcResultMessage } = await import('./wcLogin');
  const { wcKubeconfigIo, terminalIo } = await import('./wcIo');
  const { browserLogin } = await import('./oidcLogin');
  const { verifyIdTokenWithApi } = await import('./verifyToken');
  const config = readConfig(location, global.kubeconfig, deps.env);
  const override = global.context && config.contexts.has(global.context) ? global.context : '';
  const mcContextName = override || config.currentContext || '';
  const switchToContext = !o.selfContained && !o.keepContext;
  let provider = 'default';
  let mc: KubeClient | undefined;
  if (!direct) {
    const server = config.clusters.get(config.contexts.get(mcContextName)?.cluster ?? '')?.server ?? '';
    try {
      provider = await deps.installationProvider(server);
    } catch {
      provider = providerFromServer(server);
    }
    mc = await deps.kube({ ...global, context: mcContextName || undefined });
  }
  const term = terminalIo();
  const options: WcLoginOptions = { ...o, provider, mcContextName, switchToContext, originContext };
  const wcDeps = {
    ...term,
    out: (text: string) => void deps.stdout.write(text),
    err: (text: string) => void deps.stderr.write(text),
    mc,
    kubeconfig: wcKubeconfigIo(location, config),
    browserLogin: (p: { issuer: string; clientId: string; scopes: string[] }) =>
      browserLogin({ issuer: p.issuer, clientId: p.clientId, scopes: p.scopes, plain: true, callbackHost: o.callbackHost, callbackPort: o.callbackPort, timeoutMs: o.loginTimeoutMs }, deps),
    verifyToken: verifyIdTokenWithApi,
    writeTokenCache: (issuerUrl: string, clientId: string, idToken: string, refreshToken: string) => {
      const { cacheFiles } = require('./cacheFile') as typeof import('./cacheFile');
      const { writeCacheEntry } = require('./tokenCache') as typeof import('./tokenCache');
      const files = cacheFiles(issuerUrl, clientId, deps.env);
      // Replaced atomically, so readers never see a part; the plugin re-reads it under the lock anyway.
      writeCacheEntry(files.dir, files.json, { idToken, refreshToken });
    },
  };
  const result = direct ? await loginWorkloadClusterDirect(options, wcDeps) : await loginWorkloadCluster(options, wcDeps);
  deps.stdout.write(wcResultMessage(result, options));
}
