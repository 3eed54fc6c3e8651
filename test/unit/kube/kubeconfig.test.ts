// Kubeconfig loading and merging as kubectl (client-go clientcmd) does it, on real files in a temp dir.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/cli/errors';
import { kubeconfigFiles, loadKubeconfig, parseKubeconfig } from '../../../src/kube/kubeconfig';

const root = mkdtempSync(join(tmpdir(), 'kgs-unit-kubeconfig-'));

function file(rel: string, text: string): string {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const first = file(
  'a/config',
  `apiVersion: v1
kind: Config
current-context: ctx-a
clusters:
- name: shared
  cluster:
    server: https://a.example.com
    certificate-authority: certs/ca.crt
- name: only-a
  cluster: {server: https://only-a.example.com}
users:
- name: shared-user
  user:
    client-certificate: ../certs/client.crt
    client-key: /abs/client.key
    tokenFile: token
- name: exec-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/login
      args: [get-token]
      env: [{name: FOO, value: bar}]
      installHint: install it
      interactiveMode: Never
- name: path-exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: kubelogin}
contexts:
- name: ctx-a
  context: {cluster: shared, user: shared-user, namespace: team-a}
`,
);
const second = file(
  'b/config',
  `apiVersion: v1
kind: Config
current-context: ctx-b
clusters:
- name: shared
  cluster: {server: https://b.example.com}
- name: only-b
  cluster: {server: https://only-b.example.com, insecure-skip-tls-verify: true}
users:
- name: shared-user
  user: {token: from-b}
contexts:
- name: ctx-a
  context: {cluster: only-b}
- name: ctx-b
  context: {cluster: only-b, namespace: team-b}
`,
);
const noCurrent = file('c/config', 'clusters: []\ncontexts:\n- name: ctx-c\n  context: {cluster: only-a}\n');

const io = (extra: Partial<{ home: string; cwd: string }> = {}) => ({
  exists: (p: string) => require('node:fs').existsSync(p),
  read: (p: string) => require('node:fs').readFileSync(p, 'utf8'),
  cwd: () => extra.cwd ?? root,
  home: () => extra.home ?? join(root, 'nohome'),
  delimiter: ':',
});

describe('which files', () => {
  test('--kubeconfig wins over KUBECONFIG and must exist', () => {
    expect(kubeconfigFiles(first, { KUBECONFIG: second }, io())).toEqual([first]);
    expect(() => kubeconfigFiles(join(root, 'missing'), {}, io())).toThrow(UserError);
    expect(() => kubeconfigFiles('missing', {}, io())).toThrow('the kubeconfig file missing given with --kubeconfig does not exist');
  });

  test('--kubeconfig relative to the working directory', () => {
    expect(kubeconfigFiles('a/config', {}, io())).toEqual([first]);
  });

  test('KUBECONFIG: list in order, missing and empty entries skipped, duplicates once', () => {
    const list = ['', join(root, 'nope'), second, first, second].join(':');
    expect(kubeconfigFiles(undefined, { KUBECONFIG: list }, io())).toEqual([second, first]);
  });

  test('KUBECONFIG uses the platform list separator (";" on Windows)', () => {
    expect(kubeconfigFiles(undefined, { KUBECONFIG: `${first};${second}` }, { ...io(), delimiter: ';' })).toEqual([first, second]);
  });

  test('an empty KUBECONFIG means ~/.kube/config, as kubectl', () => {
    const home = join(root, 'home2');
    file('home2/.kube/config', 'clusters: []\n');
    expect(kubeconfigFiles(undefined, { KUBECONFIG: '' }, io({ home }))).toEqual([join(home, '.kube/config')]);
  });

  test('else ~/.kube/config, or nothing', () => {
    const home = join(root, 'home');
    file('home/.kube/config', 'clusters: []\n');
    expect(kubeconfigFiles(undefined, {}, io({ home }))).toEqual([join(home, '.kube/config')]);
    expect(kubeconfigFiles(undefined, {}, io())).toEqual([]);
  });
});

describe('merging', () => {
  test('the first file to define a name wins; current-context from the first file that sets it', () => {
    const config = loadKubeconfig(undefined, { KUBECONFIG: `${noCurrent}:${first}:${second}` }, io());
    expect(config.currentContext).toBe('ctx-a');
    expect(config.clusters.get('shared')?.server).toBe('https://a.example.com');
    expect(config.clusters.get('shared')?.source).toBe(first);
    expect(config.clusters.get('only-b')).toMatchObject({ server: 'https://only-b.example.com', insecureSkipTlsVerify: true });
    expect(config.users.get('shared-user')?.token).toBeUndefined();
    expect(config.contexts.get('ctx-a')).toMatchObject({ cluster: 'shared', user: 'shared-user', namespace: 'team-a' });
    expect(config.contexts.get('ctx-c')?.source).toBe(noCurrent);
    expect(config.files).toEqual([noCurrent, first, second]);
  });

  test('reversed order: the other file wins', () => {
    const config = loadKubeconfig(undefined, { KUBECONFIG: `${second}:${first}` }, io());
    expect(config.currentContext).toBe('ctx-b');
    expect(config.clusters.get('shared')?.server).toBe('https://b.example.com');
    expect(config.users.get('shared-user')?.token).toBe('from-b');
    expect(config.contexts.get('ctx-a')).toMatchObject({ cluster: 'only-b' });
  });

  test('no files: empty', () => {
    const config = loadKubeconfig(undefined, {}, io());
    expect(config.contexts.size).toBe(0);
    expect(config.currentContext).toBeUndefined();
  });
});

describe('relative paths resolve against the file that defined them', () => {
  const config = loadKubeconfig(first, {}, io({ cwd: '/somewhere/else' }));
  test('certificate-authority, client-certificate, tokenFile; absolute paths unchanged', () => {
    expect(config.clusters.get('shared')?.certificateAuthority).toBe(join(root, 'a/certs/ca.crt'));
    const user = config.users.get('shared-user')!;
    expect(user.clientCertificate).toBe(join(root, 'certs/client.crt'));
    expect(user.clientKey).toBe('/abs/client.key');
    expect(user.tokenFile).toBe(join(root, 'a/token'));
  });

  test('an exec command with a slash is a path; a bare name is looked up on PATH', () => {
    expect(config.users.get('exec-user')?.exec).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      command: join(root, 'a/bin/login'),
      args: ['get-token'],
      env: [{ name: 'FOO', value: 'bar' }],
      installHint: 'install it',
      provideClusterInfo: false,
      interactiveMode: 'Never',
    });
    expect(config.users.get('path-exec')?.exec?.command).toBe('kubelogin');
  });
});

describe('bad files', () => {
  test('invalid YAML names the file and line', () => {
    const bad = file('bad/config', 'clusters:\n  - name: x\n   cluster: {\n');
    expect(() => loadKubeconfig(bad, {}, io())).toThrow(new RegExp(`^kubeconfig ${bad} is not valid YAML \\(line \\d+\\)`));
  });

  test('a scalar is not a kubeconfig', () => {
    expect(() => parseKubeconfig('hello', '/x/config')).toThrow('kubeconfig /x/config is not a kubeconfig');
  });

  test('clusters that are not a list', () => {
    expect(() => parseKubeconfig('clusters: {a: 1}', '/x/config')).toThrow('kubeconfig /x/config: "clusters" must be a list');
  });

  test('the exec cluster extension is kept for plugins', () => {
    const c = parseKubeconfig(
      'clusters:\n- name: x\n  cluster:\n    server: https://x\n    extensions:\n    - name: other\n      extension: 1\n    - name: client.authentication.k8s.io/exec\n      extension: {audience: mc}\n',
      '/x/config',
    );
    expect(c.clusters.get('x')?.execExtension).toEqual({ audience: 'mc' });
  });

  test('an empty file is an empty configuration; JSON is read too', () => {
    expect(parseKubeconfig('', '/x/config').clusters.size).toBe(0);
    const json = parseKubeconfig('{"clusters":[{"name":"j","cluster":{"server":"https://j"}}]}', '/x/config');
    expect(json.clusters.get('j')?.server).toBe('https://j');
  });

  test('inline data, impersonation and auth-provider fields', () => {
    const c = parseKubeconfig(
      `users:
- name: u
  user:
    client-certificate-data: Y2VydA==
    client-key-data: a2V5
    username: bob
    password: secret
    as: alice
    as-groups: [g1, g2]
    as-uid: "42"
    as-user-extra: {scopes: [a, b]}
    auth-provider: {name: oidc, config: {id-token: abc}}
`,
      '/x/config',
    );
    expect(c.users.get('u')).toMatchObject({
      clientCertificateData: 'Y2VydA==',
      clientKeyData: 'a2V5',
      username: 'bob',
      password: 'secret',
      as: 'alice',
      asGroups: ['g1', 'g2'],
      asUid: '42',
      asUserExtra: { scopes: ['a', 'b'] },
      authProvider: { name: 'oidc', config: { 'id-token': 'abc' } },
    });
  });
});

describe('hostile files', () => {
  // Nine levels of nine aliases: 9^9 (387 million) nodes once expanded, 1 KB as written.
  const bomb = (where: string) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    return `${lines.map((l) => `${where}${l}`).join('\n')}\n`;
  };

  test('an alias bomb in the exec cluster extension is refused in one line, as kubectl refuses it', () => {
    const text = `clusters:
- name: c
  cluster:
    server: https://x
    extensions:
    - name: client.authentication.k8s.io/exec
      extension:
${bomb('        ')}users: []
`;
    const path = file('bomb/config', text);
    expect(() => parseKubeconfig(text, path)).toThrow(
      `kubeconfig ${path} is refused: document contains excessive aliasing, as kubectl refuses it; remove the YAML anchors and aliases`,
    );
  });

  test('an anchor that contains itself is refused', () => {
    const text = 'clusters: &loop\n- name: c\n  cluster: {server: https://x, extensions: [{name: client.authentication.k8s.io/exec, extension: *loop}]}\n';
    expect(() => parseKubeconfig(text, '/k')).toThrow('kubeconfig /k is refused: an anchor contains an alias to itself');
  });

  test('a few aliases, as people write them, are fine', () => {
    const text = `clusters:
- name: a
  cluster: &common {server: https://x, insecure-skip-tls-verify: true}
- name: b
  cluster: *common
`;
    expect(parseKubeconfig(text, '/k').clusters.get('b')?.server).toBe('https://x');
  });

  test('the fast reader never takes anchors or aliases (js-yaml and its check do)', async () => {
    const { parseSimpleYaml } = await import('../../../src/kube/fastYaml');
    expect(parseSimpleYaml('a: &x 1\nb: *x\n')).toBeUndefined();
  });

  test('KUBECONFIG or --kubeconfig naming a folder says so', () => {
    const folder = join(root, 'a');
    expect(() => loadKubeconfig(undefined, { KUBECONFIG: folder })).toThrow(
      `the kubeconfig ${folder} named in KUBECONFIG is a folder, not a file; name the kubeconfig file itself (e.g. ${folder}/config)`,
    );
    expect(() => loadKubeconfig(folder, {})).toThrow(`the kubeconfig ${folder} given with --kubeconfig is a folder, not a file`);
  });
});
