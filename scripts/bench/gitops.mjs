// `gitops add workload-cluster` must not slow down as the repository grows:
//   goal: in a repository holding 500 workload clusters <= 2 x the time in one holding none.
// Both repositories are made with the built executable; each timed run adds a new cluster (a real write:
// files, the organization's kustomization.yaml and .gitops-metadata.yaml edited), the two repositories
// alternating so that machine noise hits both alike. Medians of 25 runs after 3 warm-up runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median, ratio, timeOnce } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const exe = join(root, 'dist/kubectl-gs');
const env = { ...process.env, KUBECTL_GS_TELEMETRY_OPTOUT: '1' };
const existing = 500;
const runs = 25;
const warmup = 3;

function gs(repo, args) {
  const r = spawnSync(exe, ['gitops', ...args, '--local-path', repo], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kubectl-gs gitops ${args.join(' ')}: ${r.stderr}`);
}

function newRepo() {
  const repo = mkdtempSync(join(tmpdir(), 'kgs-bench-gitops-'));
  mkdirSync(join(repo, '.git/hooks'), { recursive: true });
  gs(repo, ['init']);
  gs(repo, ['add', 'management-cluster', '--name', 'mc', '--repository-name', 'gitops']);
  gs(repo, ['add', 'organization', '--management-cluster', 'mc', '--name', 'org']);
  return repo;
}

const addWc = (name) => ['add', 'workload-cluster', '--management-cluster', 'mc', '--organization', 'org', '--repository-name', 'gitops', '--name', name];

const empty = newRepo();
const big = newRepo();
const started = Date.now();
for (let i = 0; i < existing; i++) gs(big, addWc(`wc${i}`));
console.log(`made a repository with ${existing} workload clusters in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const samples = { empty: [], big: [] };
for (let i = 0; i < warmup + runs; i++) {
  for (const [name, repo] of [['empty', empty], ['big', big]]) {
    const { ms, code } = await timeOnce(exe, ['gitops', ...addWc(`bench${i}`), '--local-path', repo], env);
    if (code !== 0) throw new Error(`add workload-cluster in the ${name} repository exited ${code}`);
    if (i >= warmup) samples[name].push(ms);
  }
}
const e = median(samples.empty);
const b = median(samples.big);
console.log(`## gitops add workload-cluster (medians of ${runs} runs, telemetry off)`);
console.log(`${'repository with 0 workload clusters'.padEnd(40)} ${fmt(e)}`);
console.log(`${`repository with ${existing} workload clusters`.padEnd(40)} ${fmt(b)}`);
console.log(`${existing} clusters: ${ratio(b, e)} x the empty repository (goal <= 2.0)`);
rmSync(empty, { recursive: true, force: true });
rmSync(big, { recursive: true, force: true });
