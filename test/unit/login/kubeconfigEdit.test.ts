import { load } from 'js-yaml';
import { editKubeconfigText, type FileEdit } from '../../../src/login/kubeconfigEdit';

// A kubeconfig as people have them: kubectl's layout plus comments, quoting and ordering of their own.
const original = [
  '# my clusters, do not touch',
  'apiVersion: v1',
  'clusters:',
  '- cluster:',
  '    server: https://kind.local:6443   # kind',
  '    insecure-skip-tls-verify: true',
  '  name: kind',
  '- cluster:',
  '    certificate-authority-data: OLD',
  '    server: https://old.example',
  '    proxy-url: http://proxy:3128',
  '  name: gs-golem',
  'contexts:',
  '- context:',
  '    cluster: kind',
  '    user: "kind-admin"',
  '  name: kind',
  '- context:',
  '    cluster: gs-golem',
  '    namespace: mine',
  '    user: gs-old-golem',
  '  name: gs-golem',
  "current-context: 'kind'",
  'kind: Config',
  'preferences: {}',
  'users:',
  '- name: kind-admin',
  '  user:',
  '    token: abc   # static',
  '',
].join('\n');

const newExec = { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'kubectl-gs', args: ['credential-plugin'], env: [{ name: 'A', value: 'b' }] };

const edit: FileEdit = {
  entries: [
    { list: 'users', name: 'gs-jane-golem', update: (body) => ({ ...(body ?? {}), exec: newExec }) },
    { list: 'clusters', name: 'gs-golem', update: (body) => ({ ...(body ?? {}), server: 'https://api.golem.example', 'certificate-authority-data': 'TkVX' }) },
    { list: 'contexts', name: 'gs-golem', update: (body) => ({ ...(body ?? {}), cluster: 'gs-golem', user: 'gs-jane-golem' }) },
  ],
  currentContext: 'gs-golem',
};

describe('kubeconfig editing', () => {
  it('rewrites only the entries it changes; every other line stays byte for byte', () => {
    const out = editKubeconfigText(original, edit);
    const before = original.split('\n');
    const after = out.split('\n');
    // Untouched parts, with their comments and quoting, are all still there, in order.
    for (const line of ['# my clusters, do not touch', '    server: https://kind.local:6443   # kind', '    user: "kind-admin"', '    token: abc   # static', 'preferences: {}']) {
      expect(after).toContain(line);
    }
    expect(out.startsWith(before.slice(0, 7).join('\n'))).toBe(true); // the kind cluster
    expect(out).toContain(before.slice(12, 17).join('\n')); // contexts: + the kind context
    // The edited entries keep their fields that were not changed (proxy-url, namespace).
    const doc = load(out) as any;
    expect(doc.clusters[1]).toEqual({ name: 'gs-golem', cluster: { server: 'https://api.golem.example', 'certificate-authority-data': 'TkVX', 'proxy-url': 'http://proxy:3128' } });
    expect(doc.contexts[1]).toEqual({ name: 'gs-golem', context: { cluster: 'gs-golem', namespace: 'mine', user: 'gs-jane-golem' } });
    expect(doc.users[1]).toEqual({ name: 'gs-jane-golem', user: { exec: newExec } });
    expect(doc['current-context']).toBe('gs-golem');
    // Everything else means what it meant.
    const was = load(original) as any;
    expect(doc.clusters[0]).toEqual(was.clusters[0]);
    expect(doc.users[0]).toEqual(was.users[0]);
    expect(doc.contexts[0]).toEqual(was.contexts[0]);
    // Line count grows only by the new user entry (and the gs-golem cluster's re-ordered lines).
    const removed = before.filter((l) => !after.includes(l));
    expect(removed.sort()).toEqual(["current-context: 'kind'", '    certificate-authority-data: OLD', '    server: https://old.example', '    user: gs-old-golem'].sort());
  });

  it('is idempotent: applying the same edit twice changes nothing the second time', () => {
    const once = editKubeconfigText(original, edit);
    expect(editKubeconfigText(once, edit)).toBe(once);
  });

  it('keeps CRLF line ends and indented lists', () => {
    const text = 'apiVersion: v1\r\nkind: Config\r\nclusters:\r\n  - name: a\r\n    cluster:\r\n      server: https://a\r\ncontexts: []\r\nusers: null\r\n';
    const out = editKubeconfigText(text, { entries: [{ list: 'clusters', name: 'b', update: () => ({ server: 'https://b' }) }, { list: 'users', name: 'u', update: () => ({ token: 't' }) }], currentContext: 'x' });
    expect(out.split('\r\n').slice(0, 6).join('\r\n')).toBe(text.split('\r\n').slice(0, 6).join('\r\n'));
    expect(out).not.toMatch(/[^\r]\n/);
    const doc = load(out) as any;
    expect(doc.clusters).toEqual([{ name: 'a', cluster: { server: 'https://a' } }, { name: 'b', cluster: { server: 'https://b' } }]);
    expect(doc.users).toEqual([{ name: 'u', user: { token: 't' } }]);
    expect(doc['current-context']).toBe('x');
  });

  it('writes a complete kubeconfig in kubectl layout into an empty file', () => {
    const out = editKubeconfigText('', edit);
    expect(out.startsWith('apiVersion: v1\nclusters:\n- cluster:\n')).toBe(true);
    expect(load(out)).toMatchObject({ kind: 'Config', 'current-context': 'gs-golem', preferences: {} });
  });

  it('rewrites a JSON kubeconfig whole (as client-go would), with the same meaning', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'k', cluster: { server: 'https://k' } }], users: [], contexts: [] });
    const doc = load(editKubeconfigText(json, edit)) as any;
    expect(doc.clusters[0]).toEqual({ name: 'k', cluster: { server: 'https://k' } });
    expect(doc.clusters).toHaveLength(2);
  });
});
