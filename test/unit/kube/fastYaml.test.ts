// parseSimpleYaml must return exactly what js-yaml's load() returns, or undefined ("not sure"): checked
// against js-yaml itself on real-looking kubeconfigs, on documents js-yaml's dump() writes from random
// values, and on random line soups (which js-yaml often rejects: then the answer must be undefined).
import * as yaml from 'js-yaml';
import { parseSimpleYaml } from '../../../src/kube/fastYaml';

/** 'handled' when parseSimpleYaml answered (and agreed with js-yaml), 'bail' when it was not sure. */
function compare(doc: string): 'handled' | 'bail' {
  let expected: unknown;
  let rejected = false;
  try {
    expected = yaml.load(doc);
  } catch {
    rejected = true;
  }
  const got = parseSimpleYaml(doc);
  if (got === undefined) return 'bail';
  // Wrapping with the document prints it when they differ.
  if (rejected) expect({ doc, got }).toStrictEqual({ doc, got: 'js-yaml rejects this document' });
  expect({ doc, value: got }).toStrictEqual({ doc, value: expected });
  return 'handled';
}

// A fixed-seed generator (mulberry32): the same cases on every run.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwK'.repeat(12);

/** The shape `kubectl config view --raw` writes (kind cluster, client certificates inline). */
const KUBECTL_WRITTEN = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA}
    server: https://127.0.0.1:40185
  name: kind-kind
- cluster:
    insecure-skip-tls-verify: true
    proxy-url: socks5://localhost:1080
    server: https://203.0.113.10:6443
    tls-server-name: api.example.com
  name: lab
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
- context:
    cluster: lab
    namespace: org-acme
    user: lab-admin
  name: lab
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: ${CA}
    client-key-data: ${CA}
- name: lab-admin
  user:
    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl
`;

const REAL_LOOKING: Record<string, string> = {
  'kubectl config view --raw': KUBECTL_WRITTEN,
  'client certificates as files, relative and absolute': `apiVersion: v1
kind: Config
clusters:
- name: minikube
  cluster:
    certificate-authority: /home/me/.minikube/ca.crt
    extensions:
    - extension:
        last-update: Mon, 23 Nov 2026 10:00:00 UTC
        provider: minikube.sigs.k8s.io
        version: v1.34.0
      name: cluster_info
    server: https://192.168.49.2:8443
contexts:
- context:
    cluster: minikube
    extensions:
    - extension:
        provider: minikube.sigs.k8s.io
      name: context_info
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
preferences: {}
users:
- name: minikube
  user:
    client-certificate: certs/client.crt
    client-key: ./certs/client.key
`,
  'aws eks update-kubeconfig (exec with args and env)': `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA}
    server: https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com
  name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
contexts:
- context:
    cluster: arn:aws:eks:eu-west-1:123456789012:cluster/prod
    user: arn:aws:eks:eu-west-1:123456789012:cluster/prod
  name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
current-context: arn:aws:eks:eu-west-1:123456789012:cluster/prod
kind: Config
preferences: {}
users:
- name: arn:aws:eks:eu-west-1:123456789012:cluster/prod
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - --region
      - eu-west-1
      - eks
      - get-token
      - --cluster-name
      - prod
      - --output
      - json
      command: aws
      env:
      - name: AWS_PROFILE
        value: prod
      - name: AWS_STS_REGIONAL_ENDPOINTS
        value: regional
      interactiveMode: IfAvailable
      provideClusterInfo: false
`,
  'kubelogin (oidc-login) with an indented list and nulls': `apiVersion: v1
kind: Config
clusters:
  - name: gs-acme
    cluster:
      server: https://api.acme.gigantic.io:443
      certificate-authority-data: ${CA}
      extensions:
        - name: client.authentication.k8s.io/exec
          extension:
            audience: acme
            config: {}
contexts:
  - name: gs-acme
    context:
      cluster: gs-acme
      user: oidc
current-context: gs-acme
users:
  - name: oidc
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1
        command: kubectl
        args:
          - oidc-login
          - get-token
          - --oidc-issuer-url=https://dex.acme.gigantic.io
          - --oidc-client-id=dex-k8s-authenticator
          - "--oidc-extra-scope=email groups"
        env: null
        installHint: 'kubectl krew install oidc-login'
        provideClusterInfo: true
        interactiveMode: Never
`,
  'auth-provider oidc as kubectl gs login writes it': `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA}
    server: https://api.g8s.acme.eu-west-1.aws.gigantic.io:443
  name: gs-acme
contexts:
- context:
    cluster: gs-acme
    namespace: org-acme
    user: gs-user-acme
  name: gs-acme
current-context: gs-acme
kind: Config
preferences: {}
users:
- name: gs-user-acme
  user:
    auth-provider:
      config:
        client-id: zQiFLUnrTFQwrybYzeY53hWWfhOKWRAU
        client-secret: ""
        id-token: eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2RleCJ9.sig
        idp-issuer-url: https://dex.g8s.acme.eu-west-1.aws.gigantic.io
        refresh-token: Chl6bGxjNnVoZ2U2bW5lZXVieG1uZ29mYmFs
      name: oidc
`,
  'hand-edited with comments, --- and quoted strings': `# my clusters
---
apiVersion: v1
kind: Config
current-context: "dev"   # switch with kubectl config use-context
clusters:
# the dev cluster
- name: dev
  cluster:
    server: 'https://dev.example.com:6443'
    insecure-skip-tls-verify: false
    disable-compression: true

contexts:
- name: dev
  context:
    cluster: dev
    user: dev
- name: empty
  context: {}
users:
- name: dev
  user:
    username: admin
    password: "p@ss: w#rd \\"quoted\\" \\u00e9"
    as: system:admin
    as-groups:
    - system:masters
    as-user-extra: {}
`,
  'JSON-looking values and a list of numbers': `apiVersion: v1
kind: Config
clusters: []
contexts: []
users: []
current-context: ""
preferences:
  colors: true
  extensions: []
ports:
- 6443
- -1
- 0
- 1.5
- 2e3
- .inf
- ~
- 'true'
`,
};

describe('parseSimpleYaml agrees with js-yaml', () => {
  for (const [name, doc] of Object.entries(REAL_LOOKING)) {
    test(`real-looking kubeconfig: ${name}`, () => {
      // Every one of these is in the subset: answering undefined would make the fast path useless.
      expect(compare(doc)).toBe('handled');
    });
  }

  test('documents js-yaml dump() writes from random values, under several dump options', () => {
    const next = random(20261123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const tricky = [
      ' leading', 'trailing ', ' both ', 'a: b', 'a:b', 'a:', ':a', '# x', 'a #b', 'a#b', "it's", '"q"', "'q'",
      'ünïcødé', '日本語', 'emoji 😀', '123', '-12', '+7', '0', '-0', '012', '0x1F', '0o17', '0b101', '1_000',
      '1.5', '-0.0', '1e3', '1.', '.5', '.inf', '-.Inf', '.nan', '1.2.3.4', '10Gi', '3rd', '2001-12-14',
      '2001-12-14 21:59:43.10 -5', 'true', 'False', 'null', 'Null', '~', '', '-', '- x', '--flag=a', '? x', '?x',
      '@x', '`x', '%x', '&x', '*x', '!x', '|', '>', '{}', '[]', '{a}', 'a,b', '[0]', '<<', '=', '\\', 'a\\nb',
      'multi\nline', 'tab\there', '.kube/config', './ca.crt', 'https://1.2.3.4:6443', 'yes', 'on', 'a  b',
      '---', '...', 'x\u0085y', 'x\u00a0y', 'long '.repeat(30),
    ];
    const keys = ['name', 'server', 'user', 'client-key-data', 'as-user-extra', 'a.b/c', 'x_y', 'k8s', 'Key With Spaces'];
    const word = () => {
      const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:';
      let out = pick(['a', 'k', 'Z', 'x', 'v']);
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) out += pick(letters.split(''));
      return out;
    };
    const scalar = (): unknown => {
      const r = next();
      if (r < 0.3) return pick(tricky);
      if (r < 0.55) return word();
      if (r < 0.65) return Math.floor(next() * 2000000) - 1000000;
      if (r < 0.72) return pick([0.5, -2.25, 1e21, 1e-7, -0, Number.NaN, Number.POSITIVE_INFINITY, 3.14159]);
      if (r < 0.8) return next() < 0.5;
      if (r < 0.85) return null;
      return word() + ' ' + word();
    };
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.45) return scalar();
      if (r < 0.72) {
        const object: Record<string, unknown> = {};
        const size = Math.floor(next() * 5);
        for (let i = 0; i < size; i++) object[next() < 0.85 ? pick(keys) + (next() < 0.5 ? '' : i) : String(pick(tricky))] = value(depth + 1);
        return object;
      }
      const list: unknown[] = [];
      const size = Math.floor(next() * 5);
      for (let i = 0; i < size; i++) list.push(value(depth + 1));
      return list;
    };

    const tally = { handled: 0, bail: 0 };
    for (let i = 0; i < 600; i++) {
      const options: yaml.DumpOptions = {
        indent: pick([2, 4]),
        noArrayIndent: pick([true, false]),
        lineWidth: pick([-1, 80]),
        quotingType: pick(["'", '"'] as const),
        forceQuotes: pick([true, false]),
      };
      // Mostly mappings at the top (as kubeconfigs), sometimes anything.
      const root = next() < 0.8 ? { apiVersion: 'v1', kind: 'Config', items: value(0), more: value(1) } : value(0);
      tally[compare(yaml.dump(root, options))]++;
    }
    // The generator must mostly produce answered documents, or it tests nothing.
    expect(tally.handled).toBeGreaterThan(250);
  });

  test('random line soups: equal to js-yaml, or undefined (always when js-yaml rejects them)', () => {
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const fragments = [
      'a:', 'b: 1', 'c: x y', '- x', '- a: 1', '- b:', '-', '- - y', '- -', 'x', '"y"', "'z'", 'd: "q\\tr"',
      "e: 'it''s'", 'f: {}', 'g: []', 'h: g # c', '# comment', '', 'i: - x', "'k': v", 'a: b: c', 'j: &a x',
      'k: *a', 'l: |', 'm: [a]', 'n: 0x1F', 'o: 1.5', 'p: -0', 'q: ~', 'r: True', 's:  spaced  ', 't: a:b',
      'u: a,b', 'v: {a: 1}', '---', '...', 'w: "unterminated', 'x: \'', 'y: -1', 'z: .inf', '1: one', 'null: n',
      'a b: c', 'c:d', '? q', ': v', 'a : b', '- "s" # c', '- {}', '- []', 'key: value #', 'key:value', 'key: 2001-01-01',
    ];
    let handled = 0;
    for (let i = 0; i < 6000; i++) {
      const count = 1 + Math.floor(next() * 7);
      const lines: string[] = [];
      for (let l = 0; l < count; l++) lines.push(' '.repeat(pick([0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 6])) + pick(fragments));
      if (compare(lines.join('\n') + pick(['\n', ''])) === 'handled') handled++;
    }
    expect(handled).toBeGreaterThan(500);
  });

  test('plain scalars resolve to js-yaml types, as values, list items and keys', () => {
    const scalars = [
      '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no',
      '0', '-0', '+0', '00', '007', '7', '-7', '+7', '123456789012345', '1234567890123456', '12345678901234567890',
      '0x1F', '0o17', '0b11', '1_000', '-0x1', '0.0', '-0.0', '1.5', '-1.5', '+1.5', '1.', '1e3', '1E3', '1e-3',
      '1.5e+3', '1e', '1.5.', '.5', '-.5', '._5', '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', '.NAN',
      '-.nan', '.', '..', '.x', '.kube', '-', '--', '-x', '+', '+x', '-_1', '1x', '1g', '1.2.3', '1:20', '10Gi',
      '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '20011214', '1 2', 'a1', '_1',
      '<<', '<', '=', '@', 'https://x:1', 'a#b', 'a,b', 'a[0]', 'a{b}', 'v1', 'client.authentication.k8s.io/v1',
    ];
    for (const s of scalars) {
      compare(`key: ${s}\n`);
      compare(`- ${s}\n`);
      compare(`${s}: value\n`);
      compare(`${s}\n`);
    }
    // The common forms are answered, not left to js-yaml.
    for (const s of ['~', 'null', 'true', 'False', '0', '-7', '6443', '1.5', '-0.0', '1e3', '.inf', '.nan', 'v1', '--flag', '.kube', '10Gi']) {
      expect(compare(`key: ${s}\n`)).toBe('handled');
    }
  });

  test('quoted strings, comments and layouts kubectl and people write', () => {
    const docs = [
      "a: 'it''s'\nb: ''\nc: ' x '\nd: '#'\ne: 'a: b'\n",
      'a: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P"\nb: "\\x41\\u00e9\\U0001F600\\uD800"\nc: ""\n',
      'a: b # c\nb: "x" # y\nc: # z\n  d: 1\n',
      '# only a comment before\n---\na: 1\n',
      'a:\n- 1\n- 2\nb:\n  - 3\n',
      '- a: 1\n  b:\n  - x\n  c: 2\n-   d: 3\n    e: 4\n',
      '- - a\n  - b\n- -\n  - c\n',
      'a:\n  b:\n    c:\n      d: deep\n',
      'a:\n\n  b: 1\n\n\nc: 2\n',
      '  a: 1\n  b: 2\n',
      'a:\n  x\nb: 1\n',
      '{}\n',
      '[]\n',
      'scalar\n',
      'a: {} # c\nb: [] # d\n',
      'a: x\n# comment at the top level\nb: y\n  # comment deeper than the key\n',
      'a:b: c\na:: d\n',
      'a: https://[::1]:6443/path?q=1#frag\n',
      "a: b'c\nd: e\"f\n",
    ];
    for (const doc of docs) compare(doc);
    expect(compare(docs[0]!)).toBe('handled');
    expect(compare(docs[1]!)).toBe('handled');
    expect(compare(docs[2]!)).toBe('handled');
    expect(compare(docs[3]!)).toBe('handled');
    expect(compare(docs[5]!)).toBe('handled');
  });
});

describe('parseSimpleYaml is not sure (undefined) outside its subset', () => {
  const cases: Record<string, string> = {
    'tab indentation': 'a:\n\tb: 1\n',
    'tab in a value': 'a: b\tc\n',
    'CR line ends': 'a: 1\r\nb: 2\r\n',
    'a BOM': '\uFEFFa: 1\n',
    'a control character': 'a: b\x01c\n',
    'an anchor': 'a: &x 1\n',
    'an alias': 'a: 1\nb: *x\n',
    'a tag': 'a: !!str 1\n',
    'a local tag': 'a: !thing x\n',
    'a literal block scalar': 'a: |\n  x\n',
    'a folded block scalar': 'a: >-\n  x\n  y\n',
    'a flow mapping': 'a: {b: 1}\n',
    'a flow sequence': 'a: [1, 2]\n',
    'an empty flow mapping with a space': 'a: { }\n',
    'a multi-line plain scalar': 'a: b\n  c\n',
    'a multi-line list item': '- b\n  c\n',
    'a multi-line single-quoted scalar': "a: 'b\n  c'\n",
    'a multi-line double-quoted scalar': 'a: "b\\\n  c"\n',
    'a plain scalar with ": "': 'a: b: c\n',
    'a plain scalar ending with ":"': 'a: b:\n',
    'a single-quoted key': "'a': 1\n",
    'a double-quoted key': '"a": 1\n',
    'an explicit key': '? a\n: b\n',
    'a key with a space before the colon': 'a : 1\n',
    'a duplicate key': 'a: 1\na: 2\n',
    'a merge key': 'a:\n  <<: x\n',
    'the __proto__ key': '__proto__: 1\n',
    'a document end marker': 'a: 1\n...\n',
    'several documents': 'a: 1\n---\nb: 2\n',
    'a --- that is not alone on its line': '--- a: 1\n',
    'a directive': '%YAML 1.2\n---\na: 1\n',
    'a timestamp': 'a: 2001-12-14\n',
    'a hexadecimal int': 'a: 0x1F\n',
    'an octal int': 'a: 0o17\n',
    'an int with underscores': 'a: 1_000\n',
    'an int with a leading zero': 'a: 012\n',
    'an int too long for a double': 'a: 12345678901234567890\n',
    'a float starting with a dot': 'a: .5\n',
    'a digit string that no type reads but we do not prove it': 'a: 1.2.3.4\n',
    'a sequence entry as a mapping value': 'a: - x\n',
    'an unknown escape': 'a: "\\q"\n',
    'a reserved indicator': 'a: @x\n',
    'a key less indented than its siblings': 'a:\n    b: 1\n  c: 2\n',
    'a comment deeper than a scalar value': 'a: b\n    # c\n',
    'an empty document': '',
    'only a comment': '# nothing\n',
  };
  for (const [name, doc] of Object.entries(cases)) {
    test(name, () => {
      expect(parseSimpleYaml(doc)).toBeUndefined();
    });
  }
});

describe('kubeconfig loading uses the fast reader', () => {
  test('a kubectl-written YAML kubeconfig is read without loading js-yaml', () => {
    jest.isolateModules(() => {
      jest.doMock('js-yaml', () => {
        throw new Error('js-yaml was loaded');
      });
      const { parseKubeconfig } = require('../../../src/kube/kubeconfig') as typeof import('../../../src/kube/kubeconfig');
      const config = parseKubeconfig(KUBECTL_WRITTEN, '/home/me/.kube/config');
      expect(config.currentContext).toBe('kind-kind');
      expect(config.clusters.get('lab')?.proxyUrl).toBe('socks5://localhost:1080');
      expect(config.users.get('lab-admin')?.token).toMatch(/^eyJ/);
    });
    jest.dontMock('js-yaml');
  });

  test('YAML outside the subset still goes to js-yaml (anchors and aliases)', () => {
    const { parseKubeconfig } = require('../../../src/kube/kubeconfig') as typeof import('../../../src/kube/kubeconfig');
    const config = parseKubeconfig(
      'clusters:\n- name: a\n  cluster: &c\n    server: https://a\n- name: b\n  cluster: *c\ncontexts: []\nusers: []\n',
      '/home/me/.kube/config',
    );
    expect(config.clusters.get('b')?.server).toBe('https://a');
  });
});
