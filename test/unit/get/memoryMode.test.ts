import { memoryModeSwitched } from '../../../src/commands/get/memoryMode';
import { FakeKube } from './fakeKube';
import { cluster, gs } from './fixtures';

// The switch is process-wide and one-way, so the order of these steps is the test.
describe('memory mode for lists', () => {
  it('stays off for a single object and switches on before a list is read', async () => {
    const kube = new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } }).add('clusters', cluster('1sad2', 'default', { org: 'test' }));
    const one = await gs(kube, 'get', 'cluster', '1sad2');
    expect(one.code).toBe(0);
    expect(memoryModeSwitched()).toBe(false);

    const list = await gs(kube, 'get', 'clusters');
    expect(list.code).toBe(0);
    expect(list.out).toContain('1sad2');
    expect(memoryModeSwitched()).toBe(true);
  });
});
