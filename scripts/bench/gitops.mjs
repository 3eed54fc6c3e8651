// `gitops add workload-cluster` must not slow down as the repository grows:
//   goal: in a repository holding 500 workload clusters <= 2 x the time in one holding none.
// Both repositories are made with the built executable; each timed run adds a new cluster (a real write:
// files, the organization's kustomization.yaml and .gitops-metadata.yaml edited), the two repositories
// alternating so that machine noise hits both alike. Medians of 25 runs after 3 warm-up runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Adds `count` workload clusters quickly: the first by the executable, the others copied from it with the
 * name replaced, and listed in the organization's kustomization.yaml and the metadata as the command
 * lists them. Checked afterwards: re-adding a copied cluster must change nothing, which holds only if the
 * copies are byte for byte what the command writes.
 */
function addManyClusters(repo, count) {
  gs(repo, addWc('wc0'));
  const orgDir = join(repo, 'management-clusters/mc/organizations/org');
  const wcs = join(orgDir, 'workload-clusters');
  const copy = (from, to, name) => {
    if (statSync(from).isDirectory()) {
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from)) copy(join(from, entry), join(to, entry), name);
    } else {
      writeFileSync(to, readFileSync(from, 'utf8').replaceAll('wc0', name), { mode: statSync(from).mode & 0o777 });
    }
  };
  const metadataFile = join(repo, '.gitops-metadata.yaml');
  const metadata = readFileSync(metadataFile, 'utf8');
  const layer = /^- generatedWith: .*\n  kind: workload-cluster\n  path: .*wc0\n  structureVersion: 1\n/m.exec(metadata)[0];
  const names = Array.from({ length: count - 1 }, (_, i) => `wc${i + 1}`);
  for (const name of names) {
    copy(join(wcs, 'wc0'), join(wcs, name), name);
    copy(join(wcs, 'wc0.yaml'), join(wcs, `${name}.yaml`), name);
    copy(join(repo, 'management-clusters/mc/secrets/wc0.gpgkey.enc.yaml'), join(repo, `management-clusters/mc/secrets/${name}.gpgkey.enc.yaml`), name);
  }
  const all = ['wc0', ...names].sort();
  writeFileSync(join(wcs, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${['wc0', ...names].map((n) => `- ${n}.yaml\n`).join('')}`);
  writeFileSync(metadataFile, metadata.replace(layer, all.map((n) => layer.replaceAll('wc0', n)).join('')));
  const again = spawnSync(exe, ['gitops', ...addWc(names[names.length - 1]), '--local-path', repo], { env, encoding: 'utf8' });
  if (again.status !== 0 || !again.stdout.startsWith('Nothing changed')) throw new Error(`the copied clusters differ from what the command writes: ${again.stdout}${again.stderr}`);
}

const empty = newRepo();
const big = newRepo();
addManyClusters(big, existing);
console.log(`made a repository with ${existing} workload clusters (checked: re-adding one changes nothing)`);

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
