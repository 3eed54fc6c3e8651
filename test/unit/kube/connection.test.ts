// From a merged kubeconfig plus kubectl's connection flags to one connection (client-go's rules).
import { UserError } from '../../../src/cli/errors';
import { resolveConnection } from '../../../src/kube/connection';
import { KubeUnreachableError } from '../../../src/kube/errors';
import { parseKubeconfig, type Kubeconfig } from '../../../src/kube/kubeconfig';

const config: Kubeconfig = parseKubeconfig(
  `current-context: main
clusters:
- name: prod
  cluster: {server: "https://prod.example.com:6443/prefix/", certificate-authority-data: Q0E=, tls-server-name: internal.prod}
- name: dev
  cluster: {server: "dev.example.com:6443", insecure-skip-tls-verify: true}
- name: plain
  cluster: {server: "dev.example.com:8080"}
- name: broken
  cluster: {server: "https://x", certificate-authority: /ca.crt, insecure-skip-tls-verify: true}
users:
- name: alice
  user: {token: alice-token}
- name: groupie
  user: {token: g, as-groups: [g]}
- name: carol
  user: {client-certificate: /c.crt, client-key-data: a2V5, tokenFile: /t}
- name: imp
  user: {token: t, as: bob, as-groups: [devs], as-uid: "7"}
contexts:
- name: main
  context: {cluster: prod, user: imp, namespace: team}
- name: dev
  context: {cluster: dev, user: carol}
- name: plain
  context: {cluster: plain}
- name: dangling-user
  context: {cluster: prod, user: nobody}
- name: dangling-cluster
  context: {cluster: nowhere}
- name: broken
  context: {cluster: broken}
`,
  '/home/me/.kube/config',
);

describe('context, cluster and user selection', () => {
  test('current-context with its namespace', () => {
    const c = resolveConnection(config, {});
    expect(c.contextName).toBe('main');
    expect(c.clusterName).toBe('prod');
    expect(c.userName).toBe('imp');
    expect(c.namespace).toBe('team');
    expect(c.server.href).toBe('https://prod.example.com:6443/prefix/');
    expect(c.impersonate).toEqual({ user: 'bob', groups: ['devs'], uid: '7', extra: {} });
  });

  test('--context, -n', () => {
    const c = resolveConnection(config, { context: 'dev', namespace: 'other' });
    expect(c.contextName).toBe('dev');
    expect(c.namespace).toBe('other');
    expect(c.user.clientCertificate).toBe('/c.crt');
  });

  test('namespace defaults to "default"', () => {
    expect(resolveConnection(config, { context: 'dev' }).namespace).toBe('default');
  });

  test('--cluster and --user replace the context\'s', () => {
    const c = resolveConnection(config, { cluster: 'dev', user: 'alice' });
    expect(c.contextName).toBe('main');
    expect(c.server.host).toBe('dev.example.com:6443');
    expect(c.user.token).toBe('alice-token');
    expect(c.namespace).toBe('team');
  });

  test('unknown names are one line each', () => {
    expect(() => resolveConnection(config, { context: 'nope' })).toThrow(
      `context "nope" given with --context does not exist in kubeconfig /home/me/.kube/config; list contexts with 'kubectl config get-contexts'`,
    );
    expect(() => resolveConnection({ ...config, currentContext: 'gone' }, {})).toThrow('context "gone" set as current-context does not exist');
    expect(() => resolveConnection(config, { context: 'dangling-user' })).toThrow('user "nobody" of context "dangling-user" does not exist');
    expect(() => resolveConnection(config, { context: 'dangling-cluster' })).toThrow('cluster "nowhere" of context "dangling-cluster" does not exist');
    expect(() => resolveConnection(config, { cluster: 'nope' })).toThrow('cluster "nope" given with --cluster does not exist');
    expect(() => resolveConnection(config, { user: 'nope' })).toThrow('user "nope" given with --user does not exist');
  });

  test('nothing configured: the kubectl message', () => {
    const empty = parseKubeconfig('', '/x');
    expect(() => resolveConnection(empty, {})).toThrow(UserError);
    // No cluster to ask: template cluster goes on without its NAT gateway lookup in this case only.
    expect(() => resolveConnection(empty, {})).toThrow(KubeUnreachableError);
    expect(() => resolveConnection(empty, {})).toThrow(/^no configuration has been provided; set KUBECONFIG or pass --kubeconfig/);
  });

  test('--server alone is enough', () => {
    const c = resolveConnection(parseKubeconfig('', '/x'), { server: 'https://1.2.3.4:6443', token: 't' });
    expect(c.server.href).toBe('https://1.2.3.4:6443/');
    expect(c.contextName).toBeUndefined();
    expect(c.namespace).toBe('default');
    expect(c.user.token).toBe('t');
  });
});

describe('flag overrides', () => {
  test('--server replaces the server and drops the kubeconfig tls-server-name', () => {
    const c = resolveConnection(config, { server: 'https://other:443' });
    expect(c.server.host).toBe('other');
    expect(c.cluster.tlsServerName).toBeUndefined();
    expect(c.cluster.certificateAuthorityData).toBe('Q0E=');
    expect(resolveConnection(config, {}).cluster.tlsServerName).toBe('internal.prod');
    expect(resolveConnection(config, { server: 'https://o', tlsServerName: 'n' }).cluster.tlsServerName).toBe('n');
  });

  test('--certificate-authority replaces certificate-authority-data', () => {
    const c = resolveConnection(config, { certificateAuthority: '/my/ca.pem' });
    expect(c.cluster.certificateAuthority).toBe('/my/ca.pem');
    expect(c.cluster.certificateAuthorityData).toBeUndefined();
  });

  test('--insecure-skip-tls-verify drops the CA; with --certificate-authority it is an error', () => {
    const c = resolveConnection(config, { insecureSkipTlsVerify: true });
    expect(c.cluster.insecureSkipTlsVerify).toBe(true);
    expect(c.cluster.certificateAuthorityData).toBeUndefined();
    expect(() => resolveConnection(config, { insecureSkipTlsVerify: true, certificateAuthority: '/ca' })).toThrow(
      '--certificate-authority and --insecure-skip-tls-verify cannot be used together',
    );
  });

  test('a kubeconfig cluster with both a CA and insecure-skip-tls-verify is refused, as kubectl does', () => {
    expect(() => resolveConnection(config, { context: 'broken' })).toThrow('sets both a certificate authority and insecure-skip-tls-verify');
  });

  test('--token replaces token and tokenFile; --client-certificate/--client-key replace inline data', () => {
    const c = resolveConnection(config, { context: 'dev', token: 'flag', clientCertificate: '/f.crt', clientKey: '/f.key' });
    expect(c.user.token).toBe('flag');
    expect(c.user.tokenFile).toBeUndefined();
    expect(c.user.clientCertificate).toBe('/f.crt');
    expect(c.user.clientKey).toBe('/f.key');
    expect(c.user.clientKeyData).toBeUndefined();
  });

  test('--username/--password replace the kubeconfig token; --token replaces basic auth', () => {
    const c = resolveConnection(config, { username: 'u', password: 'p' });
    expect(c.user).toMatchObject({ username: 'u', password: 'p' });
    expect(c.user.token).toBeUndefined();
    const t = resolveConnection(config, { token: 'x', username: undefined });
    expect(t.user.username).toBeUndefined();
  });

  test('--as, --as-group, --as-uid replace the kubeconfig impersonation', () => {
    const c = resolveConnection(config, { as: 'x', asGroup: ['a', 'b'], asUid: '9' });
    expect(c.impersonate).toEqual({ user: 'x', groups: ['a', 'b'], uid: '9', extra: {} });
  });

  test('impersonating groups without a user is refused', () => {
    expect(() => resolveConnection(config, { context: 'dev', asGroup: ['g'] })).toThrow('needs a user to impersonate: add --as <user>');
    expect(() => resolveConnection(config, { user: 'groupie' })).toThrow('needs a user to impersonate');
  });

  test('--request-timeout and --disable-compression', () => {
    expect(resolveConnection(config, { requestTimeout: '1m30s' }).timeoutMs).toBe(90_000);
    expect(resolveConnection(config, {}).timeoutMs).toBe(0);
    expect(() => resolveConnection(config, { requestTimeout: 'soon' })).toThrow('invalid --request-timeout "soon"');
    expect(resolveConnection(config, { disableCompression: true }).disableCompression).toBe(true);
  });
});

describe('server URL (client-go DefaultServerURL)', () => {
  test('no scheme: https when TLS settings exist, else http', () => {
    expect(resolveConnection(config, { context: 'dev' }).server.protocol).toBe('https:');
    expect(resolveConnection(config, { context: 'plain' }).server.href).toBe('http://dev.example.com:8080/');
  });

  test('bad URLs are one line', () => {
    expect(() => resolveConnection(config, { server: 'https://bad host' })).toThrow('the server address "https://bad host" is not a valid URL');
    expect(() => resolveConnection(config, { server: 'ftp://x' })).toThrow('must use https:// or http://');
  });
});
