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
});
