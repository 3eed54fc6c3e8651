// `kubectl gs login` for management clusters, step for step the Go runner (cmd/login/runner.go,
// login.go, auth.go): which argument means what, switchContext's renewal and switch, the first login
// through Athena and the issuer, and the messages users know. Nothing is written to the kubeconfig until
// the login has succeeded, so a failed login leaves it byte for byte as it was.
import { UserError } from '../errors';
import { loadKubeconfig, type Kubeconfig, type UserConfig } from '../kube/kubeconfig';
import { fetchInstallation, unknownUrlMessage, type Installation } from './athena';
import { clientCertContextName, clientCertSuffix, contextParts, isCodeName, isWcCodeName, mcContextName } from './contextNames';
import { installationAddresses } from './installationUrl';
import { mcEntryEdits, selfContainedConfig, type McCredentials } from './mcKubeconfig';
import type { LoginIo, LoginResult } from './oidcLogin';
import { envClientId, envIdToken, envIssuerUrl, envRefreshToken } from './pluginEnv';
import { kubeconfigLocation, saveKubeconfig, writeNewKubeconfig, type KubeconfigLocation } from './kubeconfigWrite';
import { wholeFile } from './kubeconfigEdit';

export interface McLoginOptions {
  args: string[];
  callbackHost: string;
  callbackPort: number;
  clusterAdmin: boolean;
  internalApi: boolean;
  keepContext: boolean;
  selfContained: string;
  connectorId: string;
  loginTimeoutMs: number;
  deviceAuth: boolean;
  /** --workload-cluster: only its effect on context switching is handled here. */
  workloadCluster: string;
  kubeconfig?: string;
  context?: string;
  /** --token: Go's token override (user gs-automation-<codename> with a static token). */
  token?: string;
}

export interface McLoginDeps extends LoginIo {
  env: NodeJS.ProcessEnv;
  now(): number;
  /** Installation discovery; Athena over HTTPS unless a test gives another. */
  installation?(fromUrl: string): Promise<Installation>;
  /** The interactive logins; the real browser/device flows unless a test gives others. */
  browserLogin?: typeof import('./oidcLogin').browserLogin;
  deviceLogin?: typeof import('./oidcLogin').deviceLogin;
}

/** What a run decided (Go's LoginOptions). */
interface Plan {
  selfContained: boolean;
  isWc: boolean;
  switchToContext: boolean;
  contextOverride: string;
}

class ContextMissing extends UserError {}
class NewLoginRequired extends Error {}
class AlreadySelected extends Error {}

export class McLogin {
  private readonly location: KubeconfigLocation;
  private plan!: Plan;

  constructor(private readonly o: McLoginOptions, private readonly deps: McLoginDeps) {
    this.location = kubeconfigLocation(o.kubeconfig, deps.env);
  }

  private out(s: string): void {
    this.deps.stdout.write(s);
  }

  /** The merged kubeconfig as kubectl reads it (an explicit --kubeconfig that does not exist yet reads as empty). */
  private config(): Kubeconfig {
    const fs = require('node:fs') as typeof import('node:fs');
    if (this.o.kubeconfig && !fs.existsSync(this.location.defaultFile)) return { clusters: new Map(), users: new Map(), contexts: new Map(), files: [] };
    return loadKubeconfig(this.o.kubeconfig, this.deps.env);
  }

  async run(): Promise<void> {
    // Go finds out only after the login; a user should not log in for nothing.
    if (this.o.selfContained && !this.o.workloadCluster && require('node:fs').existsSync(this.o.selfContained)) {
      throw new UserError(`The destination file ${this.o.selfContained} already exists. Please specify a different destination.`);
    }
    const config = this.config();
    const contextOverride = this.o.context && config.contexts.has(this.o.context) ? this.o.context : '';
    const isWc = this.o.workloadCluster !== '';
    const selfContained = this.o.selfContained !== '';
    this.plan = {
      contextOverride,
      isWc,
      selfContained: selfContained && !isWc,
      switchToContext: !contextOverride && (isWc || (!selfContained && !this.o.keepContext)),
    };
    const args = this.o.args;
    if (args.length === 0) {
      const current = this.o.context || config.currentContext;
      if (!current) {
        throw new UserError("The current context does not seem to belong to a Giant Swarm cluster. Please run 'kubectl gs login --help' to find out how to log in to a particular cluster.");
      }
      await this.loginWithContextName(current);
      return;
    }
    if (args.length > 2) throw new UserError('Invalid number of arguments.');
    const identifier = (args.length === 2 ? args.join('-') : args[0]).toLowerCase();
    let found: boolean;
    try {
      found = await this.findContext(identifier);
    } catch (err) {
      if (!(err instanceof ContextMissing) || identifier.endsWith(clientCertSuffix)) throw err;
      const certContext = clientCertContextName(identifier);
      this.out(`No context named ${identifier} was found: ${err.message}\nLooking for context ${certContext}.\n`);
      found = await this.findContext(certContext);
    }
    if (found) return;
    if (args.length === 2) throw new UserError(`Could not find context for identifier ${identifier}`);
    await this.loginWithUrl(identifier, true, this.o.token ?? '');
  }

  private async findContext(identifier: string): Promise<boolean> {
    if (contextParts(identifier)) {
      await this.loginWithContextName(identifier);
      return true;
    }
    if (isCodeName(identifier) || isWcCodeName(identifier)) {
      await this.loginWithContextName(mcContextName(identifier));
      this.out(`You are logged in to the cluster '${identifier}'.\n`);
      return true;
    }
    return false;
  }

  /** Go's loginWithKubeContextName. */
  private async loginWithContextName(name: string): Promise<void> {
    let alreadySelected = false;
    let newLoginRequired = false;
    try {
      await this.switchContext(name);
    } catch (err) {
      if (err instanceof AlreadySelected) alreadySelected = true;
      else if (err instanceof NewLoginRequired) newLoginRequired = true;
      else throw err;
    }
    const config = this.config();
    if (newLoginRequired || this.plan.selfContained) {
      const kind = authType(config, name);
      if (kind === 'authProvider' || kind === 'exec') {
        const server = serverOf(config, name) ?? '';
        await this.loginWithUrl(server, false, '');
      }
      return;
    }
    if (this.o.deviceAuth) {
      this.out(`A valid \`${name}\` context already exists, there is no need to log in again, ignoring the \`device-flow\` flag.\n\n`);
      const server = serverOf(config, name);
      this.out(server !== undefined ? `Run kubectl gs login with \`${server}\` instead of the context name to force the re-login.\n` : 'Run kubectl gs login with the API URL to force the re-login.\n');
    }
    if (alreadySelected) this.out(`Context '${name}' is already selected.\n`);
    else if (!this.plan.isWc && this.plan.switchToContext) this.out(`Switched to context '${name}'.\n`);
  }

  /** Go's switchContext: renew the context's tokens when needed, then select it. */
  private async switchContext(name: string): Promise<void> {
    const config = this.config();
    const context = config.contexts.get(name);
    if (!context) {
      throw new ContextMissing(
        `There is no context named '${name}'. Please make sure you spelled the installation handle correctly. If not sure, pass the Management API URL or the web UI URL of the cluster as an argument.`,
      );
    }
    const selected = config.currentContext === name;
    const user = context.user ? config.users.get(context.user) : undefined;
    const userEdits: Parameters<typeof saveKubeconfig>[1]['entries'] = [];
    switch (authType(config, name)) {
      case 'exec': {
        const vars = new Map((user!.exec!.env ?? []).map((e) => [e.name, e.value]));
        const issuerUrl = vars.get(envIssuerUrl) ?? '';
        const clientId = vars.get(envClientId) ?? '';
        const refreshToken = vars.get(envRefreshToken) ?? '';
        if (!issuerUrl || !clientId || !refreshToken) {
          throw new UserError(`The exec authentication configuration for '${name}' is incomplete, please log in again using a URL.`);
        }
        // The credential plugin's own logic: a usable token (entry or cache) is kept; else renewed under the lock.
        const { cachedCredential } = await import('./pluginCached');
        const settings = { issuerUrl, clientId, refreshToken, idToken: vars.get(envIdToken) ?? '' };
        if (!cachedCredential(settings, this.deps.env, this.deps.now())) {
          try {
            const { renewedCredential } = await import('./pluginRenew');
            await renewedCredential(settings, { env: this.deps.env, stderr: { write: () => true }, now: this.deps.now });
          } catch {
            throw new NewLoginRequired();
          }
        }
        if (selected) throw new AlreadySelected();
        break;
      }
      case 'authProvider': {
        const cfg = user!.authProvider!.config;
        if (!cfg['client-id'] || !cfg['idp-issuer-url'] || !isRequestUri(cfg['idp-issuer-url'])) {
          throw new UserError('The authentication configuration is corrupted, please log in again using a URL.');
        }
        if (!cfg['id-token'] || !cfg['refresh-token']) throw new NewLoginRequired();
        if (selected) throw new AlreadySelected();
        let tokens;
        try {
          const { refreshTokens } = await import('./oidcClient');
          tokens = await refreshTokens(cfg['idp-issuer-url'], cfg['client-id'], cfg['refresh-token']);
        } catch {
          throw new NewLoginRequired();
        }
        if (tokens.idToken !== cfg['id-token'] || tokens.refreshToken !== cfg['refresh-token']) {
          userEdits.push({
            list: 'users',
            name: context.user!,
            update: (b) => {
              const provider = { ...((b?.['auth-provider'] as Record<string, unknown>) ?? {}) };
              provider.config = { ...((provider.config as Record<string, unknown>) ?? {}), 'id-token': tokens.idToken, 'refresh-token': tokens.refreshToken };
              return { ...(b ?? {}), 'auth-provider': provider };
            },
          });
        }
        break;
      }
      case 'unknown':
        throw new UserError(`There is no authentication configuration for the '${name}' context`);
      default:
      // A static token or client certificate: nothing to renew, and Go reports no "already selected".
    }
    const switching = this.plan.switchToContext && !selected;
    if (switching || userEdits.length) {
      await saveKubeconfig(this.location, { entries: userEdits, currentContext: switching ? name : undefined });
    }
  }

  /** Go's loginWithURL: discovery through Athena, the OIDC login, then the messages. */
  private async loginWithUrl(path: string, firstLogin: boolean, tokenOverride: string): Promise<void> {
    if (!installationAddresses(path)) throw new UserError(unknownUrlMessage(path));
    const installation = await (this.deps.installation ?? fetchInstallation)(path);
    if (installationAddresses(path)?.type === 'happa') this.out(`Note: deriving Management API URL from web UI URL: ${installation.k8sApiUrl}\n`);
    await this.loginWithInstallation(installation, tokenOverride);
    const context = mcContextName(installation.codename);
    if (this.plan.selfContained) {
      this.out(`A new kubectl context has '${context}' been created and stored in '${this.o.selfContained}'. You can select this context like this:\n\n`);
      this.out(`  kubectl cluster-info --kubeconfig ${this.o.selfContained} \n`);
      return;
    }
    if (firstLogin) this.out(this.plan.switchToContext ? `A new kubectl context '${context}' has been created and selected. ` : `A new kubectl context '${context}' has been created. `);
    this.out(this.plan.switchToContext ? 'To switch back to this context later, use either of these commands:\n\n' : 'To switch to this context later, use either of these commands:\n\n');
    this.out(`  kubectl gs login ${installation.codename}\n  kubectl config use-context ${context}\n`);
  }

  private async loginWithInstallation(i: Installation, tokenOverride: string): Promise<void> {
    let auth: Pick<LoginResult, 'idToken' | 'refreshToken' | 'username' | 'email'> & { clientId?: string };
    if (tokenOverride) {
      auth = { username: 'automation', idToken: tokenOverride, refreshToken: '' };
    } else {
      const { browserLogin, deviceLogin } = await import('./oidcLogin');
      const contextUser = this.config().contexts.get(mcContextName(i.codename))?.user ?? '';
      if (this.o.deviceAuth || contextUser.endsWith('-device')) {
        auth = await (this.deps.deviceLogin ?? deviceLogin)({ issuer: i.authUrl }, this.deps);
      } else {
        auth = await (this.deps.browserLogin ?? browserLogin)(
          {
            issuer: i.authUrl,
            connectorId: this.o.connectorId || undefined,
            clusterAdmin: this.o.clusterAdmin,
            callbackHost: this.o.callbackHost,
            callbackPort: this.o.callbackPort,
            timeoutMs: this.o.loginTimeoutMs,
          },
          this.deps,
        );
      }
    }
    const credentials: McCredentials = {
      codename: i.codename,
      server: this.o.internalApi ? i.k8sInternalApiUrl : i.k8sApiUrl,
      caCert: i.caCert,
      issuerUrl: i.authUrl,
      username: auth.username,
      clientId: auth.clientId,
      idToken: auth.idToken,
      refreshToken: auth.refreshToken,
    };
    if (this.plan.selfContained) {
      writeNewKubeconfig(this.o.selfContained, wholeFile(selfContainedConfig(credentials)));
    } else {
      await saveKubeconfig(this.location, { entries: mcEntryEdits(credentials), currentContext: this.plan.switchToContext ? mcContextName(i.codename) : undefined });
    }
    if (auth.clientId) {
      try {
        const { cacheFiles } = await import('./cacheFile');
        const { writeCacheEntry } = await import('./tokenCache');
        const { lockExclusive } = await import('./flock');
        const { ensurePrivateDir } = await import('./privateDir');
        const files = cacheFiles(i.authUrl, auth.clientId, this.deps.env);
        ensurePrivateDir(files.dir);
        const lock = await lockExclusive(files.lock, 10_000);
        try {
          writeCacheEntry(files.dir, files.json, { idToken: auth.idToken, refreshToken: auth.refreshToken });
        } finally {
          lock.release();
        }
      } catch (err) {
        this.deps.stderr.write(`Warning: failed to write token cache, token renewal may require re-login sooner: ${(err as Error).message}\n`);
      }
    }
    this.out(`Logged in successfully as '${auth.email || auth.username}' on cluster '${i.codename}'.\n\n`);
  }
}

type AuthType = 'serviceAccount' | 'exec' | 'authProvider' | 'clientCertificate' | 'unknown';

/** Go's kubeconfig.GetAuthType. */
export function authType(config: Kubeconfig, contextName: string): AuthType {
  const context = config.contexts.get(contextName);
  const user: UserConfig | undefined = context?.user ? config.users.get(context.user) : undefined;
  if (!user) return 'unknown';
  if (user.token) return 'serviceAccount';
  if (user.exec) return 'exec';
  if (user.authProvider) return 'authProvider';
  if (user.clientCertificate || user.clientCertificateData || user.clientKey || user.clientKeyData) return 'clientCertificate';
  return 'unknown';
}

function serverOf(config: Kubeconfig, contextName: string): string | undefined {
  const cluster = config.clusters.get(config.contexts.get(contextName)?.cluster ?? '');
  return cluster ? (cluster.server ?? '') : undefined;
}

/** Go's url.ParseRequestURI accepts absolute URLs and absolute paths. */
function isRequestUri(s: string): boolean {
  if (s.startsWith('/')) return true;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

