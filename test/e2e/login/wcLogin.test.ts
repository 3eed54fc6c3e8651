// Workload-cluster login against the real kube-apiserver: the management cluster's objects (Cluster API
// Cluster, Organization, the <cluster>-ca Secret, KubeadmControlPlane, AWSManagedControlPlane) are real
// objects on the e2e server; the client certificate login signs with that server's own CA, so the written
// context is proven by kubectl authenticating with it; the direct OIDC login goes through the e2e OpenID
// provider and an OIDC-enabled kube-apiserver.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKubeClient, type KubeClient } from '../../../src/kube/client';
import { loadKubeconfig } from '../../../src/kube/kubeconfig';
import { kubeconfigLocation } from '../../../src/login/kubeconfigWrite';
import { wcKubeconfigIo } from '../../../src/login/wcIo';
import { loginWorkloadCluster, loginWorkloadClusterDirect, wcResultMessage, type WcLoginDeps, type WcLoginOptions } from '../../../src/login/wcLogin';
import { apiServer, applyManifest, kubectl, kubectlPath, run } from '../support/env';
import { capaClusterRefs, clusterApiCrdFiles, clusterApiCrdNames, controlPlaneCrdFiles, controlPlaneCrdNames, installCrdFiles, organizationCrdFile } from '../support/objects';
import { startOidcStack, type OidcApiServer } from '../support/oidcApiServer';
import { loginAs, type OidcProvider } from '../support/oidcProvider';

const suffix = randomBytes(3).toString('hex');
const org = `wc${suffix}`;
const namespace = `org-${org}`;
const yaml = require('js-yaml') as typeof import('js-yaml');

let mc: KubeClient;
let dir: string;
let apiPort: number;

function cluster(name: string, spec: Record<string, unknown>) {
  return { apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster', metadata: { name, namespace, labels: { 'giantswarm.io/organization': org } }, spec };
}

beforeAll(async () => {
  const facts = apiServer();
  apiPort = Number(new URL(facts.serverUrl).port);
  dir = mkdtempSync(join(tmpdir(), 'kgs-wc-'));
  // The upstream CRDs (test/e2e/crds), so the control planes below are checked by the schemas management clusters serve.
  await installCrdFiles(
    [...clusterApiCrdFiles, ...controlPlaneCrdFiles, organizationCrdFile],
    [...clusterApiCrdNames, ...controlPlaneCrdNames, 'organizations.security.giantswarm.io'],
  );
  mc = await createKubeClient({ kubeconfig: facts.kubeconfigPath, context: 'local' }, { PATH: process.env.PATH, HOME: dir });
  await applyManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  await applyManifest({ apiVersion: 'security.giantswarm.io/v1alpha1', kind: 'Organization', metadata: { name: org }, spec: {} });
  await mc.request('PATCH', `/apis/security.giantswarm.io/v1alpha1/organizations/${org}/status`, { status: { namespace } }, 'application/merge-patch+json');
  // The workload cluster "is" the e2e server: its CA signs the client certificate, its port is the endpoint.
  await applyManifest(cluster(`cc${suffix}`, { controlPlaneEndpoint: { host: `api.cc${suffix}.example.io`, port: apiPort } }));
  await applyManifest({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `cc${suffix}-ca`, namespace },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': readFileSync(facts.caFile).toString('base64'), 'tls.key': readFileSync(join(facts.dir, 'pki/ca.key')).toString('base64') },
  });
});

afterAll(async () => {
  mc?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A user kubeconfig where gs-gauss is the management cluster context (https://api.gauss.example.io). */
function userKubeconfig(name: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      '    server: https://api.gauss.example.io:6443',
      '  name: gs-gauss',
      'contexts:',
      '- context:',
      '    cluster: gs-gauss',
      '    user: gs-alice-gauss',
      '  name: gs-gauss',
      'current-context: gs-gauss',
      'kind: Config',
      'preferences: {}',
      'users:',
      '- name: gs-alice-gauss',
      '  user:',
      '    token: not-used-here # a comment that must survive',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return path;
}

function options(over: Partial<WcLoginOptions>): WcLoginOptions {
  return {
    clusterName: `cc${suffix}`,
    insecureNamespace: false,
    certificateGroups: [],
    certificateTtl: '1h',
    proxy: false,
    proxyPort: 9000,
    oidcScopes: [],
    deviceAuth: false,
    provider: 'capa',
    mcContextName: 'gs-gauss',
    switchToContext: true,
    originContext: 'gs-gauss',
    ...over,
  };
}

function deps(kubeconfigPath: string, more: Partial<WcLoginDeps> = {}): WcLoginDeps & { printed: string[]; warned: string[] } {
  const printed: string[] = [];
  const warned: string[] = [];
  return {
    mc,
    // The real writer: the kubeconfig is --kubeconfig <path>.
    kubeconfig: wcKubeconfigIo(kubeconfigLocation(kubeconfigPath, {}), loadKubeconfig(kubeconfigPath, {})),
    readFile: (p) => readFileSync(p, 'utf8'),
    interactive: false,
    ask: async () => undefined,
    now: () => new Date(),
    out: (t) => printed.push(t),
    err: (t) => warned.push(t),
    browserLogin: async () => {
      throw new Error('no OIDC in this test');
    },
    verifyToken: async () => {},
    writeTokenCache: () => {},
    printed,
    warned,
    ...more,
  };
}

function kubectlAt(kubeconfigPath: string, args: string[]) {
  return run(kubectlPath, ['--kubeconfig', kubeconfigPath, ...args]);
}

describe('client certificate (Cluster API)', () => {
  it('writes gs-<mc>-<cluster>-clientcert whose certificate the workload cluster accepts, in the groups asked for', async () => {
    const path = userKubeconfig('clientcert');
    const d = deps(path);
    const result = await loginWorkloadCluster(options({ certificateGroups: ['system:masters'], organization: org }), d);
    const contextName = `gs-gauss-cc${suffix}-clientcert`;
    expect(result).toEqual({ contextName, contextExists: false, kind: 'clientcert' });
    expect(d.printed.join('')).toBe(`\nCreated client certificate for workload cluster 'cc${suffix}'.\n`);
    expect(wcResultMessage(result, { switchToContext: true })).toContain(`A new kubectl context has been created named '${contextName}' and selected.`);

    const text = readFileSync(path, 'utf8');
    expect(text).toContain('token: not-used-here # a comment that must survive');
    const written = yaml.load(text) as Record<string, any>;
    expect(written['current-context']).toBe(contextName);
    expect(written.contexts).toContainEqual({ name: contextName, context: { cluster: contextName, user: `${contextName}-user` } });
    const clusterEntry = written.clusters.find((c: any) => c.name === contextName).cluster;
    // Go's own DNS name for Cluster API workload clusters: api.<cluster>.<base domain of the MC>.
    expect(clusterEntry.server).toBe(`https://api.cc${suffix}.example.io:${apiPort}`);
    expect(Buffer.from(clusterEntry['certificate-authority-data'], 'base64').toString()).toBe(readFileSync(apiServer().caFile, 'utf8'));
    expect(clusterEntry['proxy-url']).toBeUndefined();

    // The certificate authenticates at the real API server (reached at its loopback address) as system:masters.
    const r = await kubectlAt(path, ['--server', apiServer().serverUrl, 'get', 'namespace', namespace, '-o', 'name']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`namespace/${namespace}`);
  });

  it('names the user by --cn-prefix: without a granted group the server refuses that user by name', async () => {
    const path = userKubeconfig('cnprefix');
    await loginWorkloadCluster(options({ cnPrefix: 'alice', certificateTtl: '10m', proxy: true, proxyPort: 9123 }), deps(path));
    const written = yaml.load(readFileSync(path, 'utf8')) as Record<string, any>;
    const clusterEntry = written.clusters.find((c: any) => c.name === `gs-gauss-cc${suffix}-clientcert`).cluster;
    expect(clusterEntry['proxy-url']).toBe('socks5://localhost:9123');
    // No proxy for kubectl here (there is no SOCKS server): drop it for the check.
    const noProxy = join(dir, 'noproxy');
    writeFileSync(noProxy, readFileSync(path, 'utf8').replace(/\n\s*proxy-url: .*/, ''));
    const r = await kubectlAt(noProxy, ['--server', apiServer().serverUrl, 'get', 'namespaces']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`User "alice.cc${suffix}.example.io" cannot list resource "namespaces"`);
  });

  it('writes into a --self-contained file and leaves the user kubeconfig as it was', async () => {
    const path = userKubeconfig('selfcontained-user');
    const before = readFileSync(path, 'utf8');
    const file = join(dir, 'wc.yaml');
    const o = options({ certificateGroups: ['system:masters'], selfContained: file, proxy: true, switchToContext: false });
    const result = await loginWorkloadCluster(o, deps(path));
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o600); // it holds a private key
    const written = yaml.load(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(written['current-context']).toBe(result.contextName);
    expect(written.clusters).toHaveLength(1);
    expect(written.clusters[0].cluster['proxy-url']).toBeUndefined(); // Go's self-contained entry has no proxy
    expect(wcResultMessage(result, o)).toBe(
      `A new kubectl context has been created named '${result.contextName}' and stored in '${file}'. You can select this context like this:\n\n  kubectl cluster-info --kubeconfig ${file} \n`,
    );
    const r = await run(kubectlPath, ['--kubeconfig', file, '--server', apiServer().serverUrl, 'get', 'namespace', namespace, '-o', 'name']);
    expect(r.stdout.trim()).toBe(`namespace/${namespace}`);
  });

  it('finds the cluster through the Organization when its namespace is not org-<name>, and fails in one line for an unknown one', async () => {
    const team = `team${suffix}`;
    await applyManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: team } });
    await applyManifest({ apiVersion: 'security.giantswarm.io/v1alpha1', kind: 'Organization', metadata: { name: team }, spec: {} });
    await mc.request('PATCH', `/apis/security.giantswarm.io/v1alpha1/organizations/${team}/status`, { status: { namespace: team } }, 'application/merge-patch+json');
    await applyManifest({ ...cluster(`tc${suffix}`, { controlPlaneEndpoint: { host: 'x', port: apiPort } }), metadata: { name: `tc${suffix}`, namespace: team } });
    await applyManifest({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `tc${suffix}-ca`, namespace: team }, type: 'kubernetes.io/tls', data: {
      'tls.crt': readFileSync(apiServer().caFile).toString('base64'), 'tls.key': readFileSync(join(apiServer().dir, 'pki/ca.key')).toString('base64') } });
    const found = await loginWorkloadCluster(options({ clusterName: `tc${suffix}`, organization: team, certificateGroups: ['x'] }), deps(userKubeconfig('team')));
    expect(found.contextName).toBe(`gs-gauss-tc${suffix}-clientcert`);

    await expect(loginWorkloadCluster(options({ clusterName: 'nope', organization: org, certificateGroups: ['x'] }), deps(userKubeconfig('nf1')))).rejects.toThrow(
      'The workload cluster nope could not be found.',
    );
    // Several namespaces searched (every organization's, and "default"): Go's longer advice, on one line.
    await expect(loginWorkloadCluster(options({ clusterName: 'nope', insecureNamespace: true }), deps(userKubeconfig('nf2')))).rejects.toThrow(
      /^The workload cluster nope could not be found\. Make sure you have access to the cluster's organization namespace\. You can try the --insecure-namespace flag/,
    );
    await expect(loginWorkloadCluster(options({ organization: `missing${suffix}`, certificateGroups: ['x'] }), deps(userKubeconfig('nf3')))).rejects.toThrow(
      `The organization missing${suffix} could not be found.`,
    );
  });

  it('says the API endpoint is not known yet for a new cluster without one, and leaves the kubeconfig untouched', async () => {
    await applyManifest(cluster(`new${suffix}`, capaClusterRefs(`new${suffix}`)));
    await applyManifest({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `new${suffix}-ca`, namespace }, type: 'kubernetes.io/tls', data: {
      'tls.crt': readFileSync(apiServer().caFile).toString('base64'), 'tls.key': readFileSync(join(apiServer().dir, 'pki/ca.key')).toString('base64') } });
    const path = userKubeconfig('notready');
    const before = readFileSync(path, 'utf8');
    await expect(loginWorkloadCluster(options({ clusterName: `new${suffix}`, certificateGroups: ['x'] }), deps(path))).rejects.toThrow(
      `Could not create a context for workload cluster new${suffix}, as the cluster's API server endpoint is not known yet. If the cluster has been created recently, please wait for a few minutes and try again.`,
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('EKS', () => {
  it('writes gs-<mc>-<cluster>-awsiam running aws eks get-token with the region, CA and --aws-profile from the management cluster', async () => {
    const name = `eks${suffix}`;
    const caData = Buffer.from('-----BEGIN CERTIFICATE-----\neks\n-----END CERTIFICATE-----\n').toString('base64');
    await applyManifest(cluster(name, { infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSManagedCluster', name },
      controlPlaneRef: { apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'AWSManagedControlPlane', name }, controlPlaneEndpoint: { host: 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com', port: 443 } }));
    await applyManifest({ apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2', kind: 'AWSManagedControlPlane', metadata: { name, namespace },
      spec: { eksClusterName: name, region: 'eu-west-1', version: 'v1.33' } });
    const userKubeconfigInSecret = `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${caData}\n    server: https://ABC123.gr7.eu-west-1.eks.amazonaws.com\n  name: ${name}\n`;
    await applyManifest({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `${name}-user-kubeconfig`, namespace }, data: { value: Buffer.from(userKubeconfigInSecret).toString('base64') } });

    const path = userKubeconfig('eks');
    const d = deps(path);
    const result = await loginWorkloadCluster(options({ clusterName: name, awsProfile: 'prod', switchToContext: false }), d);
    expect(result.contextName).toBe(`gs-gauss-${name}-awsiam`);
    const written = yaml.load(readFileSync(path, 'utf8')) as Record<string, any>;
    expect(written['current-context']).toBe('gs-gauss'); // --keep-context: the origin context stays
    expect(written.clusters.find((c: any) => c.name === result.contextName).cluster).toEqual({ server: 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com', 'certificate-authority-data': caData });
    expect(written.users.find((u: any) => u.name === `${result.contextName}-user`).user).toEqual({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        args: ['--region', 'eu-west-1', 'eks', 'get-token', '--cluster-name', name, '--output', 'json'],
        command: 'aws',
        env: [{ name: 'AWS_DEFAULT_PROFILE', value: 'prod' }],
        provideClusterInfo: false,
      },
    });
    expect(d.printed.join('')).toContain(`Created aws IAM based kubeconfig for EKS workload cluster '${name}'.`);
  });
});

describe('direct OIDC (structured authentication)', () => {
  let op: OidcProvider;
  let oidcApi: OidcApiServer;
  beforeAll(async () => {
    ({ op, api: oidcApi } = await startOidcStack({ clientId: 'wc-client', callbackPath: '/' }));
  });
  afterAll(async () => {
    await oidcApi?.stop();
    await op?.stop();
  });

  function oidcDeps(path: string) {
    const cache: string[][] = [];
    const logins: { issuer: string; clientId: string; scopes: string[] }[] = [];
    const d = deps(path, {
      // The user signs in at the provider (the browser part of the flow is the harness's).
      browserLogin: async (p) => {
        logins.push(p);
        const t = await loginAs(op, 'alice', p.scopes);
        return { idToken: t.idToken, refreshToken: t.refreshToken };
      },
      verifyToken: async (token, server, caPem) => {
        const caFile = join(dir, 'verify-ca.pem');
        writeFileSync(caFile, caPem);
        const r = await run(kubectlPath, ['--kubeconfig', '/dev/null', '--server', server, '--certificate-authority', caFile, '--token', token, 'get', '--raw', '/version']);
        if (r.code !== 0) throw new Error(r.stderr.trim());
      },
      writeTokenCache: (...a) => cache.push(a),
    });
    return Object.assign(d, { cache, logins });
  }

  it('detects the issuer from the KubeadmControlPlane, logs in there and writes a -oidc context whose token the cluster accepts', async () => {
    const name = `oidc${suffix}`;
    const authConfig = yaml.dump({ apiVersion: 'apiserver.config.k8s.io/v1beta1', kind: 'AuthenticationConfiguration', jwt: [{ issuer: { url: op.issuer, audiences: ['wc-client'] } }] });
    await applyManifest(cluster(name, { controlPlaneEndpoint: { host: '127.0.0.1', port: Number(new URL(oidcApi.serverUrl).port) } }));
    const kcp = {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2', // the storage version, the one Go reads
      kind: 'KubeadmControlPlane',
      metadata: { name, namespace },
      spec: {
        version: 'v1.33.4',
        machineTemplate: { spec: { infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSMachineTemplate', name: `${name}-control-plane` } } },
        kubeadmConfigSpec: {
          // How the cluster's API server is pointed at the file (v1beta2: extraArgs is a list of name/value);
          // login reads only the file itself, as Go does.
          clusterConfiguration: { apiServer: { extraArgs: [{ name: 'authentication-config', value: '/etc/kubernetes/policies/auth-config.yaml' }] } },
          files: [{ path: '/etc/kubernetes/policies/auth-config.yaml', permissions: '0600', encoding: 'base64', content: Buffer.from(authConfig).toString('base64') }],
        },
      },
    };
    // The upstream schema is in force: without its required fields the server refuses the object.
    const incomplete = await kubectl(['create', '--validate=false', '-f', '-'], {
      input: JSON.stringify({ ...kcp, spec: { kubeadmConfigSpec: kcp.spec.kubeadmConfigSpec } }),
    });
    expect(incomplete.code).not.toBe(0);
    expect(incomplete.stderr).toMatch(/spec\.version: Required value/);
    expect(incomplete.stderr).toMatch(/spec\.machineTemplate: Required value/);
    await applyManifest(kcp);
    await applyManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-cluster-values`, namespace }, data: { values: yaml.dump({ cluster: { ca: readFileSync(oidcApi.caFile, 'utf8') } }) } });

    const path = userKubeconfig('oidc');
    const d = oidcDeps(path);
    const result = await loginWorkloadCluster(options({ clusterName: name, oidcScopes: ['groups'] }), d);
    expect(result).toEqual({ contextName: `gs-gauss-${name}-oidc`, contextExists: false, kind: 'oidc' });
    expect(d.logins).toEqual([{ issuer: op.issuer, clientId: 'wc-client', scopes: ['openid', 'profile', 'email', 'offline_access', 'groups'] }]);
    expect(d.warned).toEqual([]); // verified, and a refresh token came back

    const written = yaml.load(readFileSync(path, 'utf8')) as Record<string, any>;
    const clusterEntry = written.clusters.find((c: any) => c.name === result.contextName).cluster;
    expect(clusterEntry.server).toBe(oidcApi.serverUrl);
    const exec = written.users.find((u: any) => u.name === `${result.contextName}-user`).user.exec;
    expect(exec.command).toBe('kubectl-gs');
    expect(exec.args).toEqual(['credential-plugin']);
    const env = Object.fromEntries(exec.env.map((e: any) => [e.name, e.value]));
    expect(env.KUBECTL_GS_OIDC_ISSUER_URL).toBe(op.issuer);
    expect(env.KUBECTL_GS_OIDC_CLIENT_ID).toBe('wc-client');
    expect(env.KUBECTL_GS_OIDC_REFRESH_TOKEN).toBeTruthy();
    expect(d.cache).toEqual([[op.issuer, 'wc-client', env.KUBECTL_GS_OIDC_ID_TOKEN, env.KUBECTL_GS_OIDC_REFRESH_TOKEN]]);
    // The token written is one the workload cluster's API server accepts.
    const caFile = join(dir, 'oidc-ca.pem');
    writeFileSync(caFile, Buffer.from(clusterEntry['certificate-authority-data'], 'base64'));
    const r = await run(kubectlPath, ['--kubeconfig', '/dev/null', '--server', clusterEntry.server, '--certificate-authority', caFile, '--token', env.KUBECTL_GS_OIDC_ID_TOKEN, 'get', 'namespaces', '-o', 'name']);
    expect(r.stdout).toContain('namespace/default');
  });

  it('logs in without the management cluster from --api-endpoint, --oidc-issuer, --oidc-client-id and --api-ca-file', async () => {
    const path = userKubeconfig('direct');
    const d = oidcDeps(path);
    d.mc = undefined;
    const endpoint = oidcApi.serverUrl.replace('https://', ''); // scheme added as Go does
    const result = await loginWorkloadClusterDirect(options({ clusterName: 'direct', apiEndpoint: endpoint, oidcIssuer: op.issuer, oidcClientId: 'wc-client', apiCaFile: oidcApi.caFile }), d);
    expect(result.contextName).toBe('gs-gauss-direct-oidc');
    const written = yaml.load(readFileSync(path, 'utf8')) as Record<string, any>;
    expect(written.clusters.find((c: any) => c.name === 'gs-gauss-direct-oidc').cluster.server).toBe(oidcApi.serverUrl);
    await expect(loginWorkloadClusterDirect(options({ apiEndpoint: `http://${endpoint}`, oidcIssuer: op.issuer, oidcClientId: 'x', apiCaFile: oidcApi.caFile }), d)).rejects.toThrow(
      '--api-endpoint must use https, got "http"',
    );
    await expect(loginWorkloadClusterDirect(options({ apiEndpoint: endpoint, oidcIssuer: op.issuer, oidcClientId: 'x', apiCaFile: join(dir, 'missing.pem') }), d)).rejects.toThrow(
      `failed to read CA file "${join(dir, 'missing.pem')}" passed via --api-ca-file: ENOENT`,
    );
  });
});
