// The emitter in src/yamlDump.ts must write what js-yaml's dump writes with the same options, byte for
// byte, or give up (undefined) so js-yaml writes it.
import { dump, load } from 'js-yaml';
import { dumpYaml, emitDocument } from '../../src/yamlDump';
import { runCli } from '../../src/cli/run';
import { fakeDeps } from '../support/fakeDeps';

const options = { sortKeys: true, noArrayIndent: true, lineWidth: -1, quotingType: '"' as const, noRefs: true };

// Strings near every edge of the plain and literal rules.
const strings = [
  'a', 'acme', 'eu-west-1', 'org-acme', 'giantswarm.io/cluster', 'v1', 'Cluster 1', 'a b  c', 'a ', ' a', '', 'null', 'Null', 'NULL', '~',
  'true', 'False', 'yes', 'Yes', 'no', 'on', 'OFF', 'y', 'N', '12', '1.5', '0x1F', '1e3', '.inf', '.nan', '2026-01-01', '12:30', '1_000',
  'a: b', 'a #b', 'a#b', 'a:b', '-a', '- a', 'a-', '_a', 'a/b.c', 'https://example.com/x', 'é', 'a\tb', '"q"', "'q'", '*a', '&a', '!a',
  '@a', '`a', '%a', '|', '>', '?a', 'a,b', '[a]', '{a}', 'line1\nline2', 'line1\nline2\n', 'line1\n\n', '\nx', ' x\ny', 'x \ny',
  'x\n  indented\n', '0.0.0', '31.1.0', '10.0.0.0/16', '1.2', '1.2.3e5', '1..2', '2026.01.01', '1.2.3:4', '1.2.3 4', '1.2.3-rc.1', '2026-11-07T00:00:00Z', '2026-11-07T00:00:00.5Z', '2026-1-7T00:00:00Z', '326', '0', '00', '0326', '12345678901234567', '4012506b-2860-4978-8e14-7754935dc216', '1e012506-2860-4978-8e14-7754935dc216', '4012506B-2860-4978-8e14-7754935dc216', 'tab\there\n', 'a\n\nb\n', 'k: v\nlist:\n- 1\n', 'x'.repeat(1100), 'é\nb\n', 'a\r\nb',
];
const keys = ['a', 'b', 'Z', 'apiVersion', 'kind', 'metadata', 'giantswarm.io/organization', 'key with space', 'yes', '12', 'a:b', '', 'x'.repeat(1030), 'é'];

function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.45) {
      return pick<unknown>([pick(strings), pick(strings), 0, 7, -3, 2 ** 53, 1.5, -0, true, false, null, [], {}]);
    }
    if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 5); i > 0; i--) o[pick(keys)] = value(depth + 1);
    return o;
  };
  return value;
}

describe('emitDocument', () => {
  it('writes what js-yaml writes, or leaves the document to it', () => {
    let written = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const doc = random(seed)(0);
      const fast = emitDocument(doc);
      if (fast === undefined) continue;
      written++;
      expect([seed, fast]).toEqual([seed, dump(doc, options)]);
    }
    // The test means something only if the emitter took a fair share of the documents itself.
    expect(written).toBeGreaterThan(600);
  });

  it.each(strings.map((s) => [s]))('a map and a list holding %j', (s) => {
    for (const doc of [{ key: s }, [s], { list: [s, { inner: s }] }, [[s]]]) {
      const fast = emitDocument(doc);
      if (fast !== undefined) expect(fast).toBe(dump(doc, options));
    }
  });

  it.each([
    ['template', 'cluster', '--provider', 'capa', '--name', 'mycluster', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'],
    ['template', 'organization', '--name', 'acme'],
    ['template', 'app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--version', '3.0.0', '--cluster-name', 'mycluster', '--organization', 'acme', '--target-namespace', 'kube-system'],
  ])('takes the manifests of `%s %s %s` itself, as js-yaml writes them', async (...args) => {
    const deps = fakeDeps();
    expect(await runCli(args, deps)).toBe(0);
    const docs = deps.stdout.text().split(/^---\n/m).filter(Boolean);
    expect(docs.length).toBeGreaterThan(0);
    for (const text of docs) {
      const doc = load(text);
      expect(emitDocument(doc)).toBe(text);
      expect(dump(doc, options)).toBe(text);
    }
  });

  it('takes an object as the API server returns it (times, uid, resourceVersion) itself', () => {
    const cluster = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: {
        creationTimestamp: '2026-11-07T00:00:00Z', generation: 1, labels: { 'release.giantswarm.io/version': '25.0.0' },
        name: 'many-49', namespace: 'get-pipe-e2e', resourceVersion: '326', uid: '4012506b-2860-4978-8e14-7754935dc216',
      },
      spec: { controlPlaneEndpoint: { host: 'many-49.example.com', port: 6443 } },
    };
    expect(emitDocument(cluster)).toBeDefined();
    expect(emitDocument(cluster)).toBe(dump(cluster, options));
  });

  it('leaves to js-yaml what it is not sure of', () => {
    for (const doc of [{ a: 1.5 }, { a: undefined }, { a: new Date(0) }, { 'a:b': 1 }, ['x \ny']]) {
      expect(emitDocument(doc)).toBeUndefined();
      expect(dumpYaml(doc)).toBe(dump(doc, options));
    }
  });
});
