// `kubectl gs login <mc> --workload-cluster <name>`: a kubeconfig context for a Cluster API workload
// cluster, made as the Go kubectl-gs makes it (cmd/login/wc.go createClusterKubeconfig):
//   EKS (AWSManagedCluster)      -> exec `aws eks get-token`                       context ...-awsiam
//   structured authentication    -> direct OIDC login at the cluster's own issuer  context ...-oidc
//   otherwise                    -> client certificate signed by the cluster CA    context ...-clientcert
// and the direct mode (--api-endpoint with --oidc-issuer, --oidc-client-id, --api-ca-file) that needs no
// management cluster at all (handleWCKubeconfigDirect).
// Everything that touches the world comes in through WcLoginDeps, so tests drive this directly.
import { UserError } from '../errors';
import type { KubeClient, KubeObject } from '../kube/client';
import { KubeApiError } from '../kube/errors';
import type { Kubeconfig } from '../kube/kubeconfig';
import { awsIamExecEntry, fetchEksCaData, fetchEksRegion } from './aws';
import { generateClientCredential } from './clientCert';
import type { FileEdit } from './kubeconfigEdit';
import { controlPlaneEndpoint, findWorkloadCluster, isEks, pureCapiProviders, wcBasePath, type WcCluster } from './wcCluster';
import { pemData, wcContextName, wcMainEdit, wcSelfContainedEdit, type WcEntry } from './wcKubeconfig';
import { oidcExec } from './mcKubeconfig';
import { runWcOidcLogin, type WcOidcDeps } from './wcOidc';
import { detectStructuredAuth, fetchClusterCa, multipleIssuersError, normalizeApiEndpoint, pickIssuer, type AuthIssuer } from './wcStructuredAuth';

export interface WcLoginOptions {
  /** --workload-cluster */
  clusterName: string;
  /** --organization */
  organization?: string;
  /** --insecure-namespace */
  insecureNamespace: boolean;
  /** --certificate-group */
  certificateGroups: string[];
  /** --certificate-ttl (Go default "1h") */
  certificateTtl: string;
  /** --cn-prefix */
  cnPrefix?: string;
  /** --proxy, --proxy-port (Go default 9000): proxy-url socks5://localhost:<port> on client-certificate clusters */
  proxy: boolean;
  proxyPort: number;
  /** --aws-profile (EKS only) */
  awsProfile?: string;
  /** --oidc-issuer, --oidc-client-id, --api-ca-file, --oidc-scope, --api-endpoint */
  oidcIssuer?: string;
  oidcClientId?: string;
  apiCaFile?: string;
  oidcScopes: string[];
  apiEndpoint?: string;
  /** --device-auth (refused for direct OIDC, as in Go) */
  deviceAuth: boolean;
  /** --self-contained: write the context into this file instead of the user's kubeconfig */
  selfContained?: string;
  /** The installation's provider (Athena's identity.provider): capa, capz, eks, ... */
  provider: string;
  /** The management cluster's context: names the new context (<mc context>-<cluster>-<kind>). */
  mcContextName: string;
  /** Make the new context current (Go: neither --self-contained nor --keep-context). */
  switchToContext: boolean;
  /** The context that was current before login (Go's originContext), restored when not switching. */
  originContext?: string;
}

export interface WcKubeconfigIo {
  /** The user's kubeconfig as loaded now (merged; what Go's GetStartingConfig sees). */
  config: Kubeconfig;
  /** Applies an edit to the kubeconfig file login writes (atomically, under the kubeconfig lock). */
  edit(edit: FileEdit): Promise<void>;
  /** Applies an edit to another kubeconfig file (--self-contained), created when missing. */
  editFile(path: string, edit: FileEdit): Promise<void>;
}

export interface WcLoginDeps extends WcOidcDeps {
  /** Client of the management cluster (absent in the direct mode). */
  mc?: KubeClient;
  kubeconfig: WcKubeconfigIo;
  readFile(path: string): string;
  /** Whether stdin and stdout are terminals (an issuer menu may be shown). */
  interactive: boolean;
  /** Prints the prompt and resolves to the next line typed (undefined at end of input). */
  ask(prompt: string): Promise<string | undefined>;
  now(): Date;
}

export interface WcLoginResult {
  contextName: string;
  contextExists: boolean;
  kind: 'clientcert' | 'awsiam' | 'oidc';
}

/** Go's certIntent: a client-certificate flag given with a non-default value skips OIDC detection. */
function certIntent(o: WcLoginOptions): boolean {
  return !!o.cnPrefix || o.certificateGroups.length > 0 || o.insecureNamespace || (o.certificateTtl !== '' && o.certificateTtl !== '1h');
}

function mcClient(deps: WcLoginDeps): KubeClient {
  if (!deps.mc) throw new Error('workload-cluster login needs a management cluster client');
  return deps.mc;
}

/** Writes the entry where Go writes it; returns whether the context existed before. */
async function store(entry: WcEntry, o: WcLoginOptions, deps: WcLoginDeps): Promise<boolean> {
  if (o.selfContained) {
    await deps.kubeconfig.editFile(o.selfContained, wcSelfContainedEdit(entry));
    // Go's print*Credentials: the user's kubeconfig goes back to the origin context if it moved.
    const current = deps.kubeconfig.config.currentContext;
    if (o.originContext && current && o.originContext !== current) await deps.kubeconfig.edit({ entries: [], currentContext: o.originContext });
    return false;
  }
  const existed = deps.kubeconfig.config.contexts.has(entry.contextName);
  await deps.kubeconfig.edit(wcMainEdit(entry, { switchToContext: o.switchToContext, originContext: o.originContext }));
  return existed;
}

/** Go's printWCKubeconfigResult. */
export function wcResultMessage(r: WcLoginResult, o: Pick<WcLoginOptions, 'selfContained' | 'switchToContext'>): string {
  if (o.selfContained) {
    return `A new kubectl context has been created named '${r.contextName}' and stored in '${o.selfContained}'. You can select this context like this:\n\n  kubectl cluster-info --kubeconfig ${o.selfContained} \n`;
  }
  if (!o.switchToContext) {
    return `A new kubectl context has been created named '${r.contextName}'. To switch back to this context later, use this command:\n\n  kubectl config use-context ${r.contextName}\n`;
  }
  if (r.contextExists) {
    return `Switched to context '${r.contextName}'.\n\nTo switch back to this context later, use this command:\n\n  kubectl config use-context ${r.contextName}\n`;
  }
  return `A new kubectl context has been created named '${r.contextName}' and selected. To switch back to this context later, use this command:\n\n  kubectl config use-context ${r.contextName}\n`;
}

async function clientCertLogin(cluster: WcCluster, o: WcLoginOptions, deps: WcLoginDeps): Promise<WcLoginResult> {
  if (!pureCapiProviders.includes(o.provider)) {
    throw new UserError(
      `client certificates for ${o.provider} workload clusters are issued by cert-operator (CertConfig), which this kubectl-gs does not drive; use a Cluster API installation or the Go kubectl-gs`,
    );
  }
  const mcServer = deps.kubeconfig.config.clusters.get(deps.kubeconfig.config.contexts.get(o.mcContextName)?.cluster ?? '')?.server ?? '';
  const basePath = wcBasePath(mcServer, o.mcContextName, o.provider);
  const namespace = cluster.metadata.namespace ?? 'default';
  const secretName = `${o.clusterName}-ca`;
  let secret: KubeObject & { data?: Record<string, string> };
  try {
    secret = await mcClient(deps).get(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(secretName)}`);
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) throw new UserError(`the workload cluster's CA Secret ${namespace}/${secretName} does not exist on the management cluster`);
    throw err;
  }
  const decode = (key: string) => Buffer.from(secret.data?.[key] ?? '', 'base64').toString('utf8');
  const credential = generateClientCredential(decode('tls.crt'), decode('tls.key'), {
    clusterName: o.clusterName,
    clusterBasePath: basePath,
    groups: o.certificateGroups,
    ttl: o.certificateTtl,
    cnPrefix: o.cnPrefix,
    now: deps.now(),
  });
  const { host, port } = controlPlaneEndpoint(cluster, deps.now());
  // Cluster API installations reach the API through their own DNS name (and VPN), not the CAPI endpoint.
  const server = ['aws', 'azure', 'eks'].includes(o.provider) ? `https://${host}:${port}` : `https://api.${cluster.metadata.name}.${basePath}:${port}`;
  const contextName = wcContextName(o.mcContextName, o.clusterName, 'clientcert');
  const entry: WcEntry = {
    contextName,
    cluster: { server, 'certificate-authority-data': pemData(credential.ca), ...(o.proxy ? { 'proxy-url': `socks5://localhost:${o.proxyPort}` } : {}) },
    mainOnlyClusterFields: ['proxy-url'],
    user: { 'client-certificate-data': pemData(credential.crt), 'client-key-data': pemData(credential.key) },
  };
  const contextExists = await store(entry, o, deps);
  deps.out(`\nCreated client certificate for workload cluster '${o.clusterName}'.\n`);
  return { contextName, contextExists, kind: 'clientcert' };
}

async function eksLogin(cluster: WcCluster, o: WcLoginOptions, deps: WcLoginDeps): Promise<WcLoginResult> {
  const namespace = cluster.metadata.namespace ?? 'default';
  const caData = await fetchEksCaData(mcClient(deps), cluster.metadata.name, namespace);
  const region = await fetchEksRegion(mcClient(deps), cluster.metadata.name, namespace);
  const contextName = wcContextName(o.mcContextName, cluster.metadata.name, 'awsiam');
  const entry: WcEntry = {
    contextName,
    cluster: { server: cluster.spec?.controlPlaneEndpoint?.host ?? '', 'certificate-authority-data': caData },
    user: { exec: awsIamExecEntry(cluster.metadata.name, region, o.awsProfile) },
  };
  const contextExists = await store(entry, o, deps);
  deps.out(`\nCreated aws IAM based kubeconfig for EKS workload cluster '${o.clusterName}'.\n`);
  deps.out("\nRemember to have valid and active AWS credentials that have 'eks:GetToken' permissions on the EKS cluster resource in order to use the kubeconfig.\n\n");
  return { contextName, contextExists, kind: 'awsiam' };
}

/** Logs in at the issuer, then writes the -oidc context (Go's runOIDCLogin). */
async function oidcLogin(clusterName: string, server: string, caPem: string, issuer: AuthIssuer, o: WcLoginOptions, deps: WcLoginDeps): Promise<WcLoginResult> {
  const tokens = await runWcOidcLogin({ issuer, server, caPem, extraScopes: o.oidcScopes, deviceAuth: o.deviceAuth }, deps);
  const contextName = wcContextName(o.mcContextName, clusterName, 'oidc');
  const entry: WcEntry = {
    contextName,
    cluster: { server, 'certificate-authority-data': pemData(caPem) },
    user: { exec: oidcExec(issuer.issuerUrl, issuer.clientId, tokens.idToken, tokens.refreshToken ?? '') },
  };
  const contextExists = await store(entry, o, deps);
  try {
    deps.writeTokenCache(issuer.issuerUrl, issuer.clientId, tokens.idToken, tokens.refreshToken ?? '');
  } catch (err) {
    deps.err(`Warning: failed to write token cache: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  deps.out(`\nCreated OIDC kubeconfig for workload cluster '${clusterName}'.\n`);
  return { contextName, contextExists, kind: 'oidc' };
}

function readCaFile(path: string, deps: WcLoginDeps): string {
  try {
    return deps.readFile(path);
  } catch (err) {
    throw new UserError(`failed to read CA file "${path}" passed via --api-ca-file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The workload-cluster context through the management cluster (Go's createClusterKubeconfig). */
export async function loginWorkloadCluster(o: WcLoginOptions, deps: WcLoginDeps): Promise<WcLoginResult> {
  const mc = mcClient(deps);
  const cluster = await findWorkloadCluster(mc, { clusterName: o.clusterName, organization: o.organization, insecureNamespace: o.insecureNamespace });
  if (isEks(cluster)) return eksLogin(cluster, o, deps);

  if (!certIntent(o)) {
    const namespace = cluster.metadata.namespace ?? 'default';
    const detected = await detectStructuredAuth(mc, cluster.metadata.name, namespace, o.oidcIssuer, o.oidcClientId);
    let issuer: AuthIssuer | undefined;
    if ('issuer' in detected) issuer = detected.issuer;
    else if ('candidates' in detected) {
      if (!deps.interactive) throw multipleIssuersError(detected.candidates);
      issuer = await pickIssuer(detected.candidates, deps.out, deps.ask);
    }
    if (issuer) {
      const caPem = o.apiCaFile ? readCaFile(o.apiCaFile, deps) : await fetchClusterCa(mc, cluster.metadata.name, namespace);
      const { host, port } = controlPlaneEndpoint(cluster, deps.now());
      return oidcLogin(cluster.metadata.name, `https://${host}:${port}`, caPem, issuer, o, deps);
    }
    if (o.oidcIssuer || o.oidcClientId) {
      throw new UserError(`could not auto-detect the OIDC issuer for cluster "${cluster.metadata.name}"; pass both --oidc-issuer and --oidc-client-id to log in directly`);
    }
  }
  return clientCertLogin(cluster, o, deps);
}

/** The direct mode: endpoint, issuer, client ID and CA all from flags, no management cluster (handleWCKubeconfigDirect). */
export async function loginWorkloadClusterDirect(o: WcLoginOptions, deps: WcLoginDeps): Promise<WcLoginResult> {
  if (!o.apiEndpoint || !o.oidcIssuer || !o.oidcClientId || !o.apiCaFile) {
    throw new UserError('--api-endpoint also requires --workload-cluster, --oidc-issuer, --oidc-client-id and --api-ca-file to be set (a fully offline login cannot read these from the management cluster)');
  }
  const caPem = readCaFile(o.apiCaFile, deps);
  const server = normalizeApiEndpoint(o.apiEndpoint);
  return oidcLogin(o.clusterName, server, caPem, { issuerUrl: o.oidcIssuer, clientId: o.oidcClientId }, o, deps);
}
