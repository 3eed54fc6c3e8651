// `kubectl gs login [INSTALLATION | MANAGEMENT API URL | WEB UI URL | CONTEXT]`: an authenticated kubectl
// context for a Giant Swarm management cluster (OIDC through the installation's Dex, kubeconfig entries
// named as the Go tool names them, tokens renewed by `kubectl gs credential-plugin`). Every flag of the Go
// command (cmd/login/flag.go), same names, defaults and meaning; the workload cluster flags are read here
// and carried out by the workload cluster login (src/login/wc*).
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { GlobalOptions } from '../../cli/globalFlags';

const wc = 'Workload cluster flags:';

export const flags = defineFlags({
  'callback-host': { type: 'string', default: 'localhost', describe: "Address to listen on for the OIDC callback server. If not specified, it only listens on 'localhost'. Use an empty value or '0.0.0.0' to listen on all interfaces. The redirect URL will still contain 'http://localhost' since that is the allowed URL." },
  'callback-port': { type: 'number', default: 0, describe: 'TCP port to use by the OIDC callback server. If not specified, a free port will be selected randomly.' },
  'cluster-admin': { type: 'boolean', describe: 'Log in as Giant Swarm staff member.' },
  'internal-api': { type: 'boolean', describe: 'Use Internal API in the kube config. Please check the documentation for more details.' },
  'self-contained': { type: 'string', describe: 'Create a self-contained kubectl config with embedded credentials and write it to this path.' },
  'keep-context': { type: 'boolean', describe: 'Keep the current kubectl context. If not set/false, will set the current-context to the one representing the cluster to log in to. (default from KUBECTL_GS_LOGIN_KEEP_CONTEXT)' },
  'connector-id': { type: 'string', describe: 'Dex connector to use for authentication. This allows to skip the selection page.' },
  'login-timeout': { type: 'string', default: '1m0s', describe: 'Duration for which kubectl gs will wait for the OIDC login to complete. Once the timeout is reached, OIDC login will fail.' },
  'device-auth': { type: 'boolean', describe: 'Use device authentication flow to log in' },
  'workload-cluster': { type: 'string', group: wc, describe: 'For client certificate creation. Specify the name of a workload cluster to work with. If omitted, a management cluster will be accessed.' },
  organization: { type: 'string', group: wc, describe: 'For client certificate creation. Organization that owns the workload cluster. Requires --workload-cluster.' },
  'certificate-group': { type: 'list', group: wc, describe: 'For client certificate creation. RBAC group name to be encoded into the X.509 field "O". Requires --workload-cluster.' },
  'certificate-ttl': { type: 'string', default: '1h', group: wc, describe: 'For client certificate creation. How long the client certificate should live for. Valid time units are "ms", "s", "m", "h". Requires --workload-cluster.' },
  'cn-prefix': { type: 'string', group: wc, describe: 'For client certificate creation. Prefix for the name encoded in the X.509 field "CN". Requires --workload-cluster.' },
  'insecure-namespace': { type: 'boolean', group: wc, hidden: true, describe: 'For client certificate creation. Allow using an insecure namespace for creating the client certificate. Requires --workload-cluster.' },
  'oidc-issuer': { type: 'string', group: wc, describe: 'Override the OIDC issuer URL for direct workload cluster OIDC login. When set together with --oidc-client-id, skips auto-detection from the management cluster.' },
  'oidc-client-id': { type: 'string', group: wc, describe: 'Override the OIDC client ID for direct workload cluster OIDC login. When set together with --oidc-issuer, skips auto-detection from the management cluster.' },
  'api-ca-file': { type: 'string', group: wc, describe: 'Override the path to the CA certificate file for the workload cluster API server. When set, skips fetching the CA from the management cluster.' },
  'oidc-scope': { type: 'list', group: wc, describe: 'Additional OIDC scopes to request from the issuer, on top of the defaults (openid, profile, email, offline_access). Repeat the flag or pass a comma-separated list. Example: --oidc-scope=groups to receive group memberships from Okta into the ID token.' },
  'api-endpoint': { type: 'string', group: wc, describe: 'Workload cluster API server endpoint (e.g. https://api.mycluster.example.com:6443) for direct OIDC login. When set together with --oidc-issuer, --oidc-client-id and --api-ca-file, the login skips all management cluster access.' },
  proxy: { type: 'boolean', group: wc, describe: 'Enable socks proxy configuration for the cluster. Only Supported for Workload Cluster using clientcert auth mode' },
  'proxy-port': { type: 'number', default: 9000, group: wc, describe: 'Port for the socks proxy configuration for the cluster' },
  'aws-profile': { type: 'string', group: wc, describe: 'AWS profile name that the created kubeconfig will always use, Only applicable for EKS clusters.' },
});

export type LoginFlagValues = FlagValues<typeof flags>;

export interface LoginOptions {
  args: string[];
  callbackHost: string;
  callbackPort: number;
  clusterAdmin: boolean;
  internalApi: boolean;
  selfContained: string;
  keepContext: boolean;
  connectorId: string;
  loginTimeoutMs: number;
  deviceAuth: boolean;
  /** The workload cluster flags, as given (carried out by the workload cluster login). */
  workloadCluster: Omit<LoginFlagValues, 'callbackHost' | 'callbackPort' | 'clusterAdmin' | 'internalApi' | 'selfContained' | 'keepContext' | 'connectorId' | 'loginTimeout' | 'deviceAuth'> & { certificateTtlMs: number };
  global: GlobalOptions;
}

const keepContextEnv = 'KUBECTL_GS_LOGIN_KEEP_CONTEXT';

/** Go's flag.Validate plus the flag values turned into options. */
export function loginOptions(values: LoginFlagValues, positionals: string[], global: GlobalOptions, env: NodeJS.ProcessEnv, keepContextGiven: boolean): LoginOptions {
  const { parseGoTimeDuration } = require('../../kube/duration') as typeof import('../../kube/duration');
  const ttl = parseGoTimeDuration(values.certificateTtl);
  if (ttl === undefined) throw new UserError('--certificate-ttl is not a valid duration. Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h".');
  if (ttl <= 0) throw new UserError('--certificate-ttl cannot be negative or zero.');
  const timeout = parseGoTimeDuration(values.loginTimeout);
  if (timeout === undefined) throw new UserError(`invalid argument "${values.loginTimeout}" for "--login-timeout" flag: use a duration such as 90s or 2m`);
  if (timeout <= 0) throw new UserError('--login-timeout cannot be negative or zero');
  const envKeep = env[keepContextEnv] ?? '';
  if (envKeep !== '' && envKeep !== 'true' && envKeep !== 'false') throw new UserError(`${keepContextEnv} environment variable must be either 'true' or 'false'`);
  if (values.apiEndpoint) {
    const missing = [
      ['workload-cluster', values.workloadCluster],
      ['oidc-issuer', values.oidcIssuer],
      ['oidc-client-id', values.oidcClientId],
      ['api-ca-file', values.apiCaFile],
    ].flatMap(([name, v]) => (v ? [] : [`--${name}`]));
    if (missing.length) throw new UserError(`--api-endpoint also requires ${missing.join(', ')} to be set (a fully offline login cannot read these from the management cluster).`);
  }
  const { callbackHost, callbackPort, clusterAdmin, internalApi, selfContained, keepContext, connectorId, loginTimeout: _t, deviceAuth, ...wcValues } = values;
  return {
    args: positionals,
    callbackHost,
    callbackPort,
    clusterAdmin,
    internalApi,
    selfContained: selfContained ?? '',
    keepContext: keepContextGiven ? keepContext : envKeep === 'true',
    connectorId: connectorId ?? '',
    loginTimeoutMs: timeout,
    deviceAuth,
    workloadCluster: { ...wcValues, certificateTtlMs: ttl },
    global,
  };
}

/** What login needs beyond Deps; tests give fakes for the browser and the network parts. */
export type LoginDeps = Deps & Partial<Pick<import('../../login/mcLogin').McLoginDeps, 'openBrowser' | 'installation' | 'browserLogin' | 'deviceLogin'>>;

export async function run(o: LoginOptions, deps: LoginDeps): Promise<number> {
  const { McLogin } = await import('../../login/mcLogin');
  const { openInBrowser } = await import('../../login/browser');
  const { kubeconfigLocation } = await import('../../login/kubeconfigWrite');
  const { loadKubeconfig } = await import('../../kube/kubeconfig');
  const wc = o.workloadCluster;
  const isWc = !!wc.workloadCluster;
  const io = { stdout: deps.stdout, stderr: deps.stderr, openBrowser: deps.openBrowser ?? openInBrowser };
  const location = kubeconfigLocation(o.global.kubeconfig, deps.env);
  const readConfig = () => (o.global.kubeconfig && !require('node:fs').existsSync(location.defaultFile) ? undefined : loadKubeconfig(o.global.kubeconfig, deps.env));
  const originContext = readConfig()?.currentContext ?? '';
  const wcLogin = async (direct: boolean) => {
    const { runWcLogin } = await import('../../login/wcCommand');
    const { fetchInstallation } = await import('../../login/athena');
    await runWcLogin(
      {
        clusterName: wc.workloadCluster!,
        organization: wc.organization,
        insecureNamespace: wc.insecureNamespace,
        certificateGroups: wc.certificateGroup,
        certificateTtl: wc.certificateTtl,
        cnPrefix: wc.cnPrefix,
        proxy: wc.proxy,
        proxyPort: wc.proxyPort,
        awsProfile: wc.awsProfile,
        oidcIssuer: wc.oidcIssuer,
        oidcClientId: wc.oidcClientId,
        apiCaFile: wc.apiCaFile,
        oidcScopes: wc.oidcScope,
        apiEndpoint: wc.apiEndpoint,
        deviceAuth: o.deviceAuth,
        selfContained: o.selfContained || undefined,
        keepContext: o.keepContext,
        callbackHost: o.callbackHost,
        callbackPort: o.callbackPort,
        loginTimeoutMs: o.loginTimeoutMs,
      },
      o.global,
      location,
      originContext,
      { ...io, env: deps.env, kube: deps.kube, installationProvider: async (server) => (await (deps.installation ?? fetchInstallation)(server)).provider },
      direct,
    );
  };
  try {
    if (isWc && wc.apiEndpoint) {
      deps.stdout.write('Skipping management cluster access; using the endpoint, issuer, client ID and CA provided via flags.\n');
      await wcLogin(true);
      return 0;
    }
    const { canSkipMcLogin } = await import('../../login/wcCommand');
    const config = readConfig();
    const empty = { clusters: new Map(), users: new Map(), contexts: new Map(), files: [] };
    if (isWc && canSkipMcLogin(wc, config ?? empty, o.global.context)) {
      deps.stdout.write('Using the current kubeconfig context to reach the management cluster.\n');
    } else {
      await new McLogin(
        {
          args: o.args,
          callbackHost: o.callbackHost,
          callbackPort: o.callbackPort,
          clusterAdmin: o.clusterAdmin,
          internalApi: o.internalApi,
          keepContext: o.keepContext,
          selfContained: o.selfContained,
          connectorId: o.connectorId,
          loginTimeoutMs: o.loginTimeoutMs,
          deviceAuth: o.deviceAuth,
          workloadCluster: wc.workloadCluster ?? '',
          kubeconfig: o.global.kubeconfig,
          context: o.global.context,
          token: o.global.token,
        },
        { ...io, env: deps.env, now: () => deps.now().getTime(), installation: deps.installation, browserLogin: deps.browserLogin, deviceLogin: deps.deviceLogin },
      ).run();
    }
    if (isWc) await wcLogin(false);
  } finally {
    await (await import('../../login/http')).closeHttp();
  }
  return 0;
}

export const definition = defineCommand({
  name: 'login',
  positionals: '[arg1] [arg2]',
  describe: 'Ensures an authenticated context for a Giant Swarm management or workload cluster',
  examples: [
    ['$0 login https://api.g8s.test.eu-west-1.aws.gigantic.io', 'Log in to a management cluster by its Management API URL (first time)'],
    ['$0 login mymc', 'Log in again to a management cluster whose context gs-mymc exists'],
    ['$0 login gs-mymc', 'The same, by context name'],
  ],
  flags,
  options: (values, ctx) => loginOptions(values, ctx.positionals, ctx.global, process.env, ctx.given.has('keep-context')),
  run,
});
