// Instructions executed (valgrind's callgrind) by the start-up paths, against another build in the same
// run: unlike wall time, the count barely moves with what else the machine is doing (measured here: within
// about 5 % between runs, from V8's background threads; wall time moved 10-15 % on a shared machine), so
// it tells whether a change made start-up dearer by more than that. Needs valgrind (Debian package
// "valgrind"); skipped without it. KGS_BENCH_BASELINE=<another kubectl-gs executable> adds its column.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const exe = join(root, 'dist/kubectl-gs');
const baseline = process.env.KGS_BENCH_BASELINE;
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('skipped: valgrind is not installed (apt-get install valgrind)');
  process.exit(0);
}
const env = { ...process.env, KUBECTL_GS_TELEMETRY_OPTOUT: '1' };
const cases = {
  version: ['version'],
  '--help': ['--help'],
  'template organization': ['template', 'organization', '--name', 'acme'],
  'template cluster --provider capa': ['template', 'cluster', '--provider', 'capa', '--name', 'mycluster', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'],
};

function instructions(executable, args) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', executable, ...args], { env, encoding: 'utf8' });
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${executable} ${args.join(' ')}: exit ${r.status}`);
  return Number(m[1]);
}

console.log('## instructions (callgrind), millions' + (baseline ? ', this build / baseline' : ''));
for (const [name, args] of Object.entries(cases)) {
  const now = instructions(exe, args) / 1e6;
  const line = `${name.padEnd(34)} ${now.toFixed(1).padStart(7)} M`;
  if (!baseline) console.log(line);
  else {
    const before = instructions(baseline, args) / 1e6;
    console.log(`${line}   baseline ${before.toFixed(1).padStart(7)} M   ratio ${(now / before).toFixed(3)}`);
  }
}
