// Memory mode is checked by what it does to V8, not by a flag of its own: once a list is read, a hot
// function is no longer compiled by an optimizing tier (--no-maglev --no-turbofan), where before it was.
// V8's natives syntax asks V8 itself. It runs in a child process: V8's flags are process-wide, and jest
// runs other test files (which may read lists) in the same worker before this one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const probe = `
const { FakeKube } = require(${JSON.stringify(resolve(__dirname, 'fakeKube.ts'))});
const { cluster, gs } = require(${JSON.stringify(resolve(__dirname, 'fixtures.ts'))});
// %OptimizeFunctionOnNextCall asks the top tier to compile the function at its next call; V8 then says
// whether the code it runs came from an optimizing tier (Maglev or TurboFan). (The bits of
// %GetOptimizationStatus changed between V8 versions; these two questions did not.)
const optimizedAfterAsking = new Function(\`
  const hot = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; };
  %PrepareFunctionForOptimization(hot);
  hot(10); hot(10);
  %OptimizeFunctionOnNextCall(hot);
  hot(10);
  return %ActiveTierIsTurbofan(hot) || %ActiveTierIsMaglev(hot);
\`);
(async () => {
  const kube = new FakeKube({ groups: { 'cluster.x-k8s.io': 'v1beta1' } }).add('clusters', cluster('1sad2', 'default', { org: 'test' }));
  const one = await gs(kube, 'get', 'cluster', '1sad2');
  const afterOne = optimizedAfterAsking();
  const list = await gs(kube, 'get', 'clusters');
  process.stdout.write(JSON.stringify({ one: one.code, afterOne, list: list.code, listed: list.out.includes('1sad2'), afterList: optimizedAfterAsking() }));
})();
`;

describe('memory mode for lists', () => {
  it('leaves V8 alone for a single object and stops optimizing before a list is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-memory-mode-'));
    const script = join(dir, 'probe.cjs');
    buildSync({ stdin: { contents: probe, resolveDir: dir, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ one: 0, afterOne: true, list: 0, listed: true, afterList: false });
  }, 30_000);
});
