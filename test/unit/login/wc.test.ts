// The pure parts of workload-cluster login, against the Go source's cases: base domain from the management
// cluster's URL, issuers from a KubeadmControlPlane, flag precedence, the issuer menu, the endpoint flag, and
// how entries merge into an existing kubeconfig.
import { UserError } from '../../../src/cli/errors';
import type { KubeClient, KubeObject } from '../../../src/kube/client';
import { KubeApiError } from '../../../src/kube/errors';
import { applyEdit } from '../../../src/login/kubeconfigEdit';
import { controlPlaneEndpoint, wcBasePath } from '../../../src/login/wcCluster';
import { wcContextName, wcMainEdit, wcSelfContainedEdit } from '../../../src/login/wcKubeconfig';
import { detectStructuredAuth, normalizeApiEndpoint, parseAuthenticationConfig, pickIssuer } from '../../../src/login/wcStructuredAuth';

describe('wcBasePath (Go getWCBasePath)', () => {
  it.each([
    ['https://api.gauss.example.io:443', 'gs-gauss', 'capa', 'example.io'],
    ['https://internal-api.gauss.example.io', 'gs-gauss', 'capz', 'example.io'],
    ['https://api.other.example.io', 'gs-gauss', 'capa', 'other.example.io'],
    ['https://g8s.gauss.eu-west-1.aws.gigantic.io:443', 'gs-gauss', 'aws', 'gauss.eu-west-1.aws.gigantic.io'],
  ])('%s (context %s, %s) -> %s', (server, context, provider, base) => {
    expect(wcBasePath(server, context, provider)).toBe(base);
  });

  it('needs a gs-<codename> context on Cluster API installations', () => {
    expect(() => wcBasePath('https://api.gauss.example.io', 'teleport-gauss', 'capa')).toThrow(
      new UserError('Can not parse MC codename from context teleport-gauss. Valid MC context schema is `gs-$CODENAME`.'),
    );
  });
});

describe('controlPlaneEndpoint', () => {
  const cluster = (spec: object, created: string): KubeObject => ({ metadata: { name: 'c1', creationTimestamp: created }, spec });
  it('tells a new cluster (wait) from an old one (support)', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    expect(controlPlaneEndpoint(cluster({ controlPlaneEndpoint: { host: 'h', port: 6443 } }, '2030-01-01T00:00:00Z'), now)).toEqual({ host: 'h', port: 6443 });
    expect(() => controlPlaneEndpoint(cluster({}, '2030-01-01T11:50:00Z'), now)).toThrow(/not known yet\. If the cluster has been created recently/);
    expect(() => controlPlaneEndpoint(cluster({ controlPlaneEndpoint: { host: 'h' } }, '2030-01-01T10:00:00Z'), now)).toThrow(/not known\. Since the cluster has been created a while ago/);
  });
});

const authConfig = (issuers: { url: string; audiences?: string[] }[]) =>
  `apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n${issuers.map((i) => `- issuer:\n    url: ${i.url}\n    audiences: [${(i.audiences ?? []).join(', ')}]\n`).join('')}`;
const kcp = (content: string, encoding?: string): KubeObject => ({
  metadata: { name: 'c1' },
  spec: { kubeadmConfigSpec: { files: [{ path: '/etc/other', content: 'x' }, { path: '/etc/kubernetes/policies/auth-config.yaml', content, ...(encoding ? { encoding } : {}) }] } },
});

describe('parseAuthenticationConfig (Go structuredauth.go)', () => {
  it('reads issuers and first audiences, plain or base64', () => {
    const text = authConfig([{ url: 'https://a.example', audiences: ['ka', 'other'] }, { url: 'https://b.example' }]);
    const want = [{ issuerUrl: 'https://a.example', clientId: 'ka' }, { issuerUrl: 'https://b.example', clientId: '' }];
    expect(parseAuthenticationConfig(kcp(text))).toEqual(want);
    expect(parseAuthenticationConfig(kcp(Buffer.from(text).toString('base64'), 'base64'))).toEqual(want);
    expect(parseAuthenticationConfig({ metadata: { name: 'c1' }, spec: {} })).toEqual([]);
  });
});

function fakeMc(kcpObject: KubeObject | undefined): KubeClient {
  return {
    get: async () => {
      if (!kcpObject) throw new KubeApiError('not found', 404);
      return kcpObject;
    },
  } as unknown as KubeClient;
}

describe('detectStructuredAuth (flag precedence as Go)', () => {
  const two = kcp(authConfig([{ url: 'https://a.example', audiences: ['ka'] }, { url: 'https://b.example', audiences: ['kb'] }]));
  it('uses both flags without asking the management cluster', async () => {
    expect(await detectStructuredAuth(fakeMc(undefined), 'c1', 'ns', 'https://x', 'kx')).toEqual({ issuer: { issuerUrl: 'https://x', clientId: 'kx' } });
  });
  it('falls back to client certificates without a KubeadmControlPlane or auth config', async () => {
    expect(await detectStructuredAuth(fakeMc(undefined), 'c1', 'ns')).toEqual({ none: true });
    expect(await detectStructuredAuth(fakeMc({ metadata: { name: 'c1' } }), 'c1', 'ns')).toEqual({ none: true });
  });
  it('picks by issuer or client ID flag, offers candidates otherwise', async () => {
    expect(await detectStructuredAuth(fakeMc(two), 'c1', 'ns', 'https://b.example')).toEqual({ issuer: { issuerUrl: 'https://b.example', clientId: 'kb' } });
    expect(await detectStructuredAuth(fakeMc(two), 'c1', 'ns', 'https://unlisted')).toEqual({ issuer: { issuerUrl: 'https://unlisted', clientId: 'ka' } });
    expect(await detectStructuredAuth(fakeMc(two), 'c1', 'ns', undefined, 'kb')).toEqual({ issuer: { issuerUrl: 'https://b.example', clientId: 'kb' } });
    await expect(detectStructuredAuth(fakeMc(two), 'c1', 'ns', undefined, 'kz')).rejects.toThrow(
      'no OIDC issuer matches --oidc-client-id "kz"; available issuers: issuer: https://a.example, client-id: ka; issuer: https://b.example, client-id: kb',
    );
    expect(await detectStructuredAuth(fakeMc(two), 'c1', 'ns')).toEqual({
      candidates: [{ issuerUrl: 'https://a.example', clientId: 'ka' }, { issuerUrl: 'https://b.example', clientId: 'kb' }],
    });
  });
});

describe('pickIssuer (Go pickIssuerInteractive)', () => {
  const candidates = [{ issuerUrl: 'https://a', clientId: 'ka' }, { issuerUrl: 'https://b', clientId: 'kb' }];
  it('re-asks on a bad answer and gives up after three', async () => {
    const out: string[] = [];
    const answers = ['x', '2'];
    expect(await pickIssuer(candidates, (t) => out.push(t), async () => answers.shift())).toEqual(candidates[1]);
    expect(out.join('')).toBe(
      'Multiple OIDC issuers are configured for this cluster:\n  1) issuer: https://a, client-id: ka\n  2) issuer: https://b, client-id: kb\nInvalid selection "x"; expected a number between 1 and 2 (2 attempt(s) left).\n',
    );
    await expect(pickIssuer(candidates, () => {}, async () => '9')).rejects.toThrow('no valid issuer selection after 3 attempts');
    await expect(pickIssuer(candidates, () => {}, async () => undefined)).rejects.toThrow('no issuer selected');
  });
});

describe('normalizeApiEndpoint', () => {
  it('adds https:// and refuses other schemes', () => {
    expect(normalizeApiEndpoint('api.c1.example.io:6443')).toBe('https://api.c1.example.io:6443');
    expect(normalizeApiEndpoint('https://api.c1.example.io')).toBe('https://api.c1.example.io');
    expect(() => normalizeApiEndpoint('http://api.c1.example.io')).toThrow('--api-endpoint must use https, got "http"');
  });
});

describe('kubeconfig entries', () => {
  const name = wcContextName('gs-gauss', 'c1', 'clientcert');
  const entry = { contextName: name, cluster: { server: 'https://s', 'certificate-authority-data': 'Q0E=', 'proxy-url': 'socks5://localhost:9000' }, mainOnlyClusterFields: ['proxy-url'], user: { 'client-certificate-data': 'Yw==', 'client-key-data': 'aw==' } };
  it('merges into existing entries field by field (other fields kept, certificate-authority dropped)', () => {
    const doc = {
      clusters: [{ name, cluster: { server: 'https://old', 'certificate-authority': '/ca.pem', 'tls-server-name': 'keep' } }],
      users: [{ name: `${name}-user`, user: { token: 'old', 'client-key-data': 'old' } }],
      contexts: [{ name, context: { cluster: name, user: `${name}-user`, namespace: 'kept' } }],
      'current-context': 'gs-gauss',
    };
    const out = applyEdit(doc, wcMainEdit(entry, { switchToContext: false, originContext: 'gs-gauss' })) as any;
    expect(name).toBe('gs-gauss-c1-clientcert');
    expect(out.clusters[0].cluster).toEqual({ server: 'https://s', 'certificate-authority-data': 'Q0E=', 'proxy-url': 'socks5://localhost:9000', 'tls-server-name': 'keep' });
    expect(out.users[0].user).toEqual({ token: 'old', 'client-certificate-data': 'Yw==', 'client-key-data': 'aw==' });
    expect(out.contexts[0].context).toEqual({ cluster: name, user: `${name}-user`, namespace: 'kept' });
    expect(out['current-context']).toBe('gs-gauss');
    expect((applyEdit(doc, wcMainEdit(entry, { switchToContext: true })) as any)['current-context']).toBe(name);
  });
  it('replaces same-named entries whole in a self-contained file, without the proxy', () => {
    const doc = { clusters: [{ name, cluster: { server: 'https://old', 'insecure-skip-tls-verify': true } }], 'current-context': 'x' };
    const out = applyEdit(doc, wcSelfContainedEdit(entry)) as any;
    expect(out.clusters).toEqual([{ name, cluster: { server: 'https://s', 'certificate-authority-data': 'Q0E=' } }]);
    expect(out['current-context']).toBe(name);
  });
});
