import type { KubeList, KubeObject, Query } from '../../../src/kube/client';
import { gs, machineDeployment, machinePool } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

function kube(): FakeKube {
  return new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } })
    .add(
      'machinedeployments',
      machineDeployment('1sad2', 'default', 's921a', { replicas: 2, ready: 1, description: 'test nodepool 3' }),
      machineDeployment('f930q', 'default', 's921a', { replicas: 6, ready: 6, phase: 'Running', description: 'test nodepool 4', min: '3', max: '10' }),
      machineDeployment('x0001', 'org-b', 'b0b0b', { replicas: 1, ready: 1 }),
    )
    .add('machinepools', machinePool('mp001', 'default', 'a0a0a', { replicas: 3, ready: 2, description: 'spot pool', min: '1', max: '5' }));
}

describe('get nodepools', () => {
  it('lists MachineDeployments and MachinePools with the node pool columns', async () => {
    const r = await gs(kube(), 'get', 'nodepools');
    expect(r.code).toBe(0);
    expectGolden('nodepools_table.txt', r.out);
  });

  it('filters by cluster with -c (the Cluster API cluster-name label)', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'nodepool', '-c', 's921a', '-o', 'name');
    expect(r.out).toBe('machinedeployment.cluster.x-k8s.io/1sad2\nmachinedeployment.cluster.x-k8s.io/f930q\n');
    expect(k.requests).toContain('LIST /apis/cluster.x-k8s.io/v1beta1/namespaces/default/machinedeployments labelSelector=cluster.x-k8s.io/cluster-name=s921a');
  });

  it('finds one node pool by name, MachineDeployment or MachinePool', async () => {
    const md = await gs(kube(), 'get', 'nodepool', 'f930q', '--no-headers');
    expect(md.out).toMatch(/^f930q\s+s921a\s+10h\s+Running\s+3\/10\s+6\s+6\s+test nodepool 4\n$/);
    const mp = await gs(kube(), 'get', 'nodepool', 'mp001', '-o', 'json');
    expect(JSON.parse(mp.out)).toMatchObject({ kind: 'MachinePool', metadata: { name: 'mp001' } });
  });

  it('says a node pool of another cluster (-c) is not found', async () => {
    const r = await gs(kube(), 'get', 'nodepool', 'f930q', '-c', 'other');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: node pool "f930q" not found in namespace "default" (no MachineDeployment or MachinePool of that name); add -A to look in all namespaces\n');
  });

  it('works where MachinePools are not installed', async () => {
    const k = new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } }).add('machinedeployments', machineDeployment('a', 'default', 'c', { replicas: 1 }));
    (k as unknown as { served: (p: string) => boolean }).served = () => true;
    const r = await gs(k, 'get', 'nodepools', '-A');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toMatch(/^default\s+a\s+c\s+10h\s+n\/a\s+1\s+1\s+0\s+n\/a$/);
  });

  it('says "No node pools found" with where to look, on stderr', async () => {
    const r = await gs(kube(), 'get', 'nodepools', '-c', 'none');
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe('No node pools of cluster "none" found in namespace "default".');
  });

  describe('table order (as the Go kubectl-gs sorts it)', () => {
    /** Lists come two objects a page, so the order has to be settled across pages. */
    class TwoPerPage extends FakeKube {
      pages = 0;
      override listPages<T = KubeObject>(path: string, query: Query, onPage: (page: KubeList<T>) => void | Promise<void>): Promise<void> {
        return super.listPages<T>(path, { ...query, limit: 2 }, (page) => {
          this.pages++;
          return onPage(page);
        });
      }
    }

    /** A node pool with the giantswarm.io/cluster label set to gsCluster, or with Cluster API's label only. */
    function pool(kind: 'MachineDeployment' | 'MachinePool', name: string, namespace: string, gsCluster: string | undefined, capiCluster = gsCluster ?? 'unlabelled'): KubeObject {
      const np = (kind === 'MachinePool' ? machinePool : machineDeployment)(name, namespace, capiCluster, { replicas: 1 });
      const labels: Record<string, string> = { 'cluster.x-k8s.io/cluster-name': capiCluster };
      if (gsCluster !== undefined) labels['giantswarm.io/cluster'] = gsCluster;
      return { ...np, metadata: { ...np.metadata, labels } };
    }

    // The server sends each list by namespace/name: md1..md5, then mp1..mp4.
    function mixed(): TwoPerPage {
      return new TwoPerPage({ groups: { 'cluster.x-k8s.io': 'v1beta1' } })
        .add(
          'machinedeployments',
          pool('MachineDeployment', 'md1', 'default', 'aaa'),
          pool('MachineDeployment', 'md2', 'default', 'ccc'),
          pool('MachineDeployment', 'md3', 'default', 'bbb'),
          pool('MachineDeployment', 'md4', 'default', 'ccc'),
          // Only Cluster API's label: sorted by the "zzz" the CLUSTER NAME column shows (Go would use "").
          pool('MachineDeployment', 'md5', 'default', undefined, 'zzz'),
        )
        .add(
          'machinepools',
          pool('MachinePool', 'mp1', 'default', 'bbb'),
          pool('MachinePool', 'mp2', 'default', 'aaa'),
          pool('MachinePool', 'mp3', 'default', 'bbb'),
          pool('MachinePool', 'mp4', 'default', undefined, 'yyy'),
        );
    }

    const names = (out: string): string[] => out.trim().split('\n').map((l) => l.split(/\s+/)[0]);

    it('puts MachinePools first, each kind by cluster Z-A, ties in the server order across pages', async () => {
      const k = mixed();
      const r = await gs(k, 'get', 'nodepools');
      expect(r.code).toBe(0);
      // The fake really paged: 5 MachineDeployments in 3 pages, 4 MachinePools in 2.
      expect(k.pages).toBe(5);
      expect(names(r.out)).toEqual(['NAME', 'mp4', 'mp1', 'mp3', 'mp2', 'md5', 'md2', 'md4', 'md3', 'md1']);
      expect(r.out.split('\n')[2]).toMatch(/^mp1\s+bbb\s+10h\s/);
      expect(r.out.split('\n')[5]).toMatch(/^md5\s+zzz\s/);
    });

    it('sorts with --no-headers, -A and -c too, aligning every row to the widest cell of any page', async () => {
      const k = mixed().add('machinedeployments', pool('MachineDeployment', 'md-with-a-much-longer-name', 'other', 'ccc'), pool('MachineDeployment', 'md0', 'other', 'ddd'));
      const all = await gs(k, 'get', 'nodepools', '-A', '--no-headers');
      expect(all.out.split('\n').slice(0, 8).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
        'default mp4 yyy', 'default mp1 bbb', 'default mp3 bbb', 'default mp2 aaa', 'default md5 zzz', 'other md0 ddd', 'default md2 ccc', 'default md4 ccc',
      ]);
      expect(all.out.split('\n')[8]).toMatch(/^other\s+md-with-a-much-longer-name\s+ccc\s/);
      // One layout for the whole table: the CLUSTER NAME column starts at the same place on every row.
      const clusterColumn = new Set(all.out.trim().split('\n').map((l) => /^\S+\s+\S+\s+/.exec(l)![0].length));
      expect(clusterColumn.size).toBe(1);

      const one = await gs(mixed(), 'get', 'nodepools', '-c', 'bbb');
      expect(names(one.out)).toEqual(['NAME', 'mp1', 'mp3', 'md3']);
    });

    it('keeps the server order for -o name, json and yaml (Go sorts only its table)', async () => {
      const serverOrder = ['md1', 'md2', 'md3', 'md4', 'md5', 'mp1', 'mp2', 'mp3', 'mp4'];
      const byName = await gs(mixed(), 'get', 'nodepools', '-o', 'name');
      expect(byName.out.trim().split('\n').map((l) => l.split('/')[1])).toEqual(serverOrder);
      const json = await gs(mixed(), 'get', 'nodepools', '-o', 'json');
      expect((JSON.parse(json.out) as { items: KubeObject[] }).items.map((o) => o.metadata.name)).toEqual(serverOrder);
      const yaml = await gs(mixed(), 'get', 'nodepools', '-o', 'yaml');
      expect([...yaml.out.matchAll(/^    name: (\S+)$/gm)].map((m) => m[1])).toEqual(serverOrder);
    });
  });
});
