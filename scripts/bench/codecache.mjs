// The start-up of a cross-built executable (darwin, windows, linux/arm64), which cannot carry the code cache
// the build makes on this machine and saves its own at its first run (src/seaCodeCache.ts). Measured on
// this machine with a linux/amd64 executable made the way the cross-built ones are (scripts/release.mjs
// crossExecutable: the same assets, no built cache) beside dist/kubectl-gs (built cache, the peer).
// Cases, interleaved, medians of BENCH_RUNS (25), telemetry and the version check off:
//   built cache          dist/kubectl-gs
//   cross, first run     an empty cache folder before every run: compiles everything, saves the cache at exit
//   cross, later runs    the cache of an earlier run in place
//   cross, no cache      its folder cannot be made (XDG_CACHE_HOME under /dev/null): every start was this
//                        before the executable saved its own
// Needs `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median, ratio, timeOnce } from './lib.mjs';
import { crossExecutable } from '../release.mjs';
import { hostPlatform, platforms } from '../release/platforms.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS || 25);
const scratch = mkdtempSync(join(tmpdir(), 'kgs-bench-codecache-'));
const cross = join(scratch, 'kubectl-gs-cross');
writeFileSync(cross, crossExecutable(platforms.find((p) => p.id === hostPlatform), scratch), { mode: 0o755 });

const home = join(scratch, 'home');
const base = { PATH: process.env.PATH, HOME: home, KUBECTL_GS_TELEMETRY_OPTOUT: '1', KUBECTL_GS_DISABLE_VERSION_CHECK: '1' };
const firstCache = join(scratch, 'first-cache');
const cases = [
  { name: 'built cache', cmd: join(root, 'dist/kubectl-gs'), env: { ...base, XDG_CACHE_HOME: join(scratch, 'unused') } },
  { name: 'cross, first run', cmd: cross, env: { ...base, XDG_CACHE_HOME: firstCache }, before: () => rmSync(firstCache, { recursive: true, force: true }) },
  { name: 'cross, later runs', cmd: cross, env: { ...base, XDG_CACHE_HOME: join(scratch, 'later-cache') } },
  { name: 'cross, no cache', cmd: cross, env: { ...base, XDG_CACHE_HOME: '/dev/null/cache' } },
];
const commands = [
  ['version', ['version']],
  ['template cluster', ['template', 'cluster', '--provider', 'capa', '--name', 'abc12', '--organization', 'acme', '--release', '31.1.0']],
];

try {
  for (const [label, args] of commands) {
    const samples = cases.map(() => []);
    for (let i = 0; i < RUNS + 3; i++) {
      for (const [j, c] of cases.entries()) {
        c.before?.();
        const { ms, code } = await timeOnce(c.cmd, args, c.env);
        if (code !== 0) throw new Error(`${c.name} ${label} exited ${code}`);
        if (i >= 3) samples[j].push(ms);
      }
    }
    const ms = samples.map(median);
    console.log(`${label}: ${cases.map((c, j) => `${c.name} ${fmt(ms[j])} (${ratio(ms[j], ms[0])})`).join(', ')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
