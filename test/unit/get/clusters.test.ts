import { cluster, gs } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

function kube(groups: Record<string, string> = { 'cluster.x-k8s.io': 'v1beta1' }): FakeKube {
  return new FakeKube({ groups }).add(
    'clusters',
    cluster('1sad2', 'default', { release: '12.0.0', org: 'test', priority: 'highest', description: 'test cluster 1', phase: 'Provisioned' }),
    cluster('2a03f', 'default', { release: '11.0.0', org: 'test', priority: 'medium', description: 'test cluster 2' }),
    cluster('f930q', 'org-other', { release: '11.0.0', org: 'some-other', description: 'test cluster 4', created: '2026-11-23T11:57:30Z' }),
    cluster('9f012', 'default', { org: 'test' }),
  );
}

describe('get clusters', () => {
  it('prints the namespace\'s clusters as a table with the Giant Swarm columns', async () => {
    const r = await gs(kube(), 'get', 'clusters');
    expect(r.code).toBe(0);
    expectGolden('clusters_table.txt', r.out);
    expect(r.err).toBe('');
  });

  it('adds a NAMESPACE column with -A, as kubectl does', async () => {
    const r = await gs(kube(), 'get', 'clusters', '-A');
    expectGolden('clusters_all_namespaces.txt', r.out);
  });

  it('reads the version the server prefers', async () => {
    const k = kube({ 'cluster.x-k8s.io': 'v1beta2' });
    const r = await gs(k, 'get', 'cluster', '-A', '-o', 'name');
    expect(k.requests).toContain('LIST /apis/cluster.x-k8s.io/v1beta2/clusters');
    expect(r.out).toBe('cluster.cluster.x-k8s.io/1sad2\ncluster.cluster.x-k8s.io/2a03f\ncluster.cluster.x-k8s.io/9f012\ncluster.cluster.x-k8s.io/f930q\n');
  });

  it('prints a list as a kubectl List in json and yaml, without managedFields', async () => {
    const json = await gs(kube(), 'get', 'clusters', '-o', 'json');
    expectGolden('clusters_list.json', json.out);
    expect(JSON.parse(json.out).items).toHaveLength(3);
    expect(json.out).not.toContain('managedFields');
    const yaml = await gs(kube(), 'get', 'clusters', '-o', 'yaml');
    expectGolden('clusters_list.yaml', yaml.out);
  });

  it('prints one cluster as itself', async () => {
    const table = await gs(kube(), 'get', 'cluster', '1sad2');
    expectGolden('cluster_single_table.txt', table.out);
    const json = await gs(kube(), 'get', 'cluster', '1sad2', '-o', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ kind: 'Cluster', metadata: { name: '1sad2' } });
    const yaml = await gs(kube(), 'get', 'cluster', '1SAD2', '-o', 'yaml');
    expect(yaml.out.startsWith('apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n')).toBe(true);
  });

  it('finds a named cluster in any namespace with -A', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'cluster', 'f930q', '-A', '--no-headers');
    expect(r.out).toMatch(/^org-other\s+f930q\s+2m30s\s+11\.0\.0\s+n\/a\s+some-other\s+test cluster 4\n$/);
    expect(k.requests).toContain('LIST /apis/cluster.x-k8s.io/v1beta1/clusters fieldSelector=metadata.name=f930q');
  });

  it('says a named cluster is not found in one line, exit 1', async () => {
    const r = await gs(kube(), 'get', 'cluster', 'nope');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: clusters.cluster.x-k8s.io "nope" not found in namespace "default"; add -A to look in all namespaces\n');
    expect(r.out).toBe('');
  });

  it('says where else to look when there are no clusters, on stderr', async () => {
    const r = await gs(kube(), 'get', 'clusters', '-n', 'empty');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expectGolden('clusters_none.txt', r.err);
  });

  it('prints an empty List for -o json when there are no clusters', async () => {
    const r = await gs(new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } }), 'get', 'clusters', '-o', 'json');
    expect(JSON.parse(r.out)).toEqual({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } });
    expect(r.err).toBe('');
  });

  it('filters with -l', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'clusters', '-l', 'giantswarm.io/service-priority=medium', '-o', 'name');
    expect(r.out).toBe('cluster.cluster.x-k8s.io/2a03f\n');
    expect(k.requests).toContain('LIST /apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters labelSelector=giantswarm.io/service-priority=medium');
  });

  it('says the CRD is missing when the group is not served (a workload cluster?)', async () => {
    const r = await gs(new FakeKube({ groups: {} }), 'get', 'clusters');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: the server does not serve clusters\.cluster\.x-k8s\.io .*management cluster.*\n$/);
  });

  it('rejects an unknown -o before talking to the server', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'clusters', '-o', 'wide');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: '
      + 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
    expect(k.requests).toEqual([]);
  });

  it('rejects a template format without a template before talking to the server', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'clusters', '-o', 'jsonpath');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: template format specified but no template given\n');
    expect(k.requests).toEqual([]);
  });

  it('reads lists in pages of 500 and prints every page', async () => {
    const k = new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } });
    for (let i = 0; i < 1203; i++) k.add('clusters', cluster(`c${String(i).padStart(5, '0')}`, 'default', { release: '1.0.0' }));
    const r = await gs(k, 'get', 'clusters', '--no-headers');
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1203);
    expect(lines[1202]).toMatch(/^c01202 {3}10h/);
  });
});
