// Memory mode is checked by what it does to V8, not by a flag of its own: once a list is read, a hot
// function is no longer compiled by an optimizing tier (--no-maglev --no-turbofan), where before it was.
// V8's natives syntax (allowed at run time here, in this test's worker alone) asks V8 itself.
import { setFlagsFromString } from 'node:v8';
import { FakeKube } from './fakeKube';
import { cluster, gs } from './fixtures';

setFlagsFromString('--allow-natives-syntax');
// %OptimizeFunctionOnNextCall asks the top tier to compile the function at its next call; the status
// bit 16 (V8's kOptimized) says whether some optimizing tier did.
const optimizedAfterAsking = new Function(`
  const hot = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; };
  %PrepareFunctionForOptimization(hot);
  hot(10); hot(10);
  %OptimizeFunctionOnNextCall(hot);
  hot(10);
  return (%GetOptimizationStatus(hot) & 16) !== 0;
`) as () => boolean;

// The switch is process-wide and one-way, so the order of these steps is the test.
describe('memory mode for lists', () => {
  it('leaves V8 alone for a single object and stops optimizing before a list is read', async () => {
    const kube = new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } }).add('clusters', cluster('1sad2', 'default', { org: 'test' }));
    const one = await gs(kube, 'get', 'cluster', '1sad2');
    expect(one.code).toBe(0);
    expect(optimizedAfterAsking()).toBe(true);

    const list = await gs(kube, 'get', 'clusters');
    expect(list.code).toBe(0);
    expect(list.out).toContain('1sad2');
    expect(optimizedAfterAsking()).toBe(false);
  });
});
