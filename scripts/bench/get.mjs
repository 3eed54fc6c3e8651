// `kubectl gs get clusters -A` against `kubectl get clusters.cluster.x-k8s.io -A`, side by side in one run,
// on one real kube-apiserver (started here by the e2e harness) holding 10, then 1 000, then 10 000
// Cluster API clusters. For each size: median wall time and median peak RSS over interleaved runs.
//   goal: ratio <= 1.0 for time and for memory at every size.
// Two reference rows: 'node floor', a bare Node https client doing the same reads (what any Node program
// pays), and 'kubectl noop', kubectl dispatching to an empty plugin (what any kubectl plugin pays before
// it starts). Their sum is the least a Node plugin can take through `kubectl gs`.
//
// Peak RSS is the process's high-water mark as /usr/bin/time (GNU time, Debian package "time") reports it
// (%M; for `kubectl gs` that covers kubectl and the plugin it execs). RSS includes the pages of the
// executable file that are mapped, and how many get mapped depends on how the file sits in the page cache:
// a file just written (a fresh build) is cached in large folios that map in big chunks, inflating RSS by
// 10-20 MB for reasons that have nothing to do with the program. So both executables are dropped from the
// page cache once (dd iflag=nocache) before the warm-up runs: both are then read back the same way.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropFromPageCache, median } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { buildSync } = require('esbuild');
// BENCH_GET_EXE measures another build of the executable (e.g. an experiment) instead of dist/kubectl-gs.
const exe = process.env.BENCH_GET_EXE || join(root, 'dist/kubectl-gs');
// KGS_BENCH_BASELINE: another build measured in the same run (as in startup.mjs), run directly.
const peerExe = process.env.KGS_BENCH_BASELINE;
const timeBin = '/usr/bin/time';
if (!existsSync(timeBin)) {
  console.error('error: /usr/bin/time (GNU time, Debian package "time") is needed to measure peak memory');
  process.exit(1);
}
const sizes = (process.env.BENCH_GET_SIZES ?? '10,1000,10000').split(',').map(Number);
const runsFor = (n) => (n >= 10000 ? 7 : 21);
const warmup = 2;
const namespaces = Array.from({ length: 10 }, (_, i) => `org-bench-${i}`);

const work = mkdtempSync(join(tmpdir(), 'kgs-bench-get-'));
// A private copy of the executable: a build running meanwhile (dist/ is rewritten) cannot disturb the runs.
const binDir = join(work, 'bin');
mkdirSync(binDir);
const exeCopy = join(binDir, 'kubectl-gs');
copyFileSync(exe, exeCopy);
execFileSync('chmod', ['755', exeCopy]);
const peerCopy = join(work, 'peer-kubectl-gs');
if (peerExe) copyFileSync(peerExe, peerCopy);
const harness = join(work, 'harness.cjs');
buildSync({
  stdin: { contents: `export { startApiServer } from ${JSON.stringify(join(root, 'test/e2e/support/apiserver.ts'))};`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node26', outfile: harness, logLevel: 'error',
});

/** One run under GNU time: wall ms (measured here) and peak RSS in KiB (%M). */
function runOnce(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const rssFile = join(work, 'rss');
    const start = process.hrtime.bigint();
    const child = spawn(timeBin, ['-f', '%M', '-o', rssFile, cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (c) => { for (const b of c) if (b === 10) lines++; });
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.trim()}`));
      resolve({ ms, rssKiB: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()), lines });
    });
  });
}

/** Creates clusters with direct POSTs, 64 at a time over keep-alive TLS. */
async function createClusters(server, from, to) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: readFileSync(server.caFile) });
  const url = new URL(server.serverUrl);
  const post = (i) => new Promise((resolve, reject) => {
    const namespace = namespaces[i % namespaces.length];
    const name = `c${String(i).padStart(5, '0')}`;
    const body = JSON.stringify({
      apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster',
      metadata: {
        name, namespace,
        labels: { 'cluster.x-k8s.io/cluster-name': name, 'release.giantswarm.io/version': '25.0.0', 'giantswarm.io/organization': `bench-${i % 10}`, 'giantswarm.io/service-priority': 'medium' },
        annotations: { 'cluster.giantswarm.io/description': `benchmark cluster ${i}` },
      },
      spec: { controlPlaneEndpoint: { host: `${name}.example.com`, port: 6443 }, clusterNetwork: { pods: { cidrBlocks: ['10.0.0.0/16'] } } },
    });
    const req = request({ agent, host: url.hostname, port: url.port, method: 'POST', path: `/apis/cluster.x-k8s.io/v1beta2/namespaces/${namespace}/clusters`,
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 201 || res.statusCode === 409 ? resolve() : reject(new Error(`POST ${name}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  let next = from;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < to) await post(next++);
  }));
  agent.destroy();
}

const { startApiServer } = require(harness);
const server = await startApiServer();
try {
  const kubectlBin = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  // The kubeconfig as users have it: YAML, written by kubectl (the harness writes JSON, which is cheaper
  // for kubectl-gs to read than the YAML real kubeconfigs are).
  const kubeconfig = join(work, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, execFileSync(kubectlBin, ['config', 'view', '--raw'], { env: { ...process.env, KUBECONFIG: server.kubeconfigPath } }));
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECTL_GS_TELEMETRY_OPTOUT: '1', PATH: `${binDir}:${process.env.PATH}` };
  // The upstream Cluster API CRDs (test/e2e/crds/cluster-api/README.md); --validate=false: kubectl's check
  // against the 1.20 server's OpenAPI does not know their CEL rules, which the server ignores.
  execFileSync(kubectlBin, ['create', '--validate=false', '-f', join(root, 'test/e2e/crds/cluster-api')], { env, stdio: 'ignore' });
  execFileSync(kubectlBin, ['wait', '--for', 'condition=Established', 'crd/clusters.cluster.x-k8s.io'], { env, stdio: 'ignore' });
  execFileSync(kubectlBin, ['create', '-f', '-'], { env, stdio: ['pipe', 'ignore', 'inherit'], input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: namespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })) }) });
  // kubectl may be a dispatcher that runs a versioned kubectl: drop every kubectl next to the real one.
  const kubectlDir = dirname(realpathSync(kubectlBin));
  const kubectls = execFileSync('sh', ['-c', `ls ${kubectlDir}/kubectl*`], { encoding: 'utf8' }).trim().split('\n');
  for (const f of [exeCopy, process.execPath, ...kubectls, ...(peerExe ? [peerCopy] : [])]) dropFromPageCache(f);

  const cases = [
    { name: 'kubectl gs get clusters -A', args: ['gs', 'get', 'clusters', '-A'] },
    { name: 'kubectl get clusters.cluster.x-k8s.io -A', args: ['get', 'clusters.cluster.x-k8s.io', '-A'] },
    // The plugin on its own, without kubectl's plugin dispatch in front (what kubectl gs adds to kubectl).
    { name: 'kubectl-gs get clusters -A (direct)', args: ['get', 'clusters', '-A'], cmd: exeCopy },
    // Node's floor: a bare https client doing the same reads (support-node-floor.cjs), for reference.
    { name: 'node floor (https GET pages, no CLI)', cmd: process.execPath,
      args: [join(root, 'scripts/bench/support-node-floor.cjs'), server.serverUrl, server.caFile, server.adminToken, '/apis/cluster.x-k8s.io/v1beta2/clusters'] },
    // What kubectl itself costs before any plugin runs: `kubectl noop` execs a plugin that is an empty
    // shell script. Every `kubectl gs` pays this; it is kubectl's start-up, the same as in `kubectl get`.
    { name: 'kubectl noop (plugin dispatch only)', args: ['noop'], dispatchOnly: true },
  ];
  if (peerExe) cases.push({ name: 'peer build get clusters -A (direct)', args: ['get', 'clusters', '-A'], cmd: peerCopy });
  // KGS_BENCH_BASELINE_NODE=<another node>: the same floor on that Node (the peer build's runtime), so a
  // change of Node's own speed shows apart from kubectl-gs's.
  const floorNode = process.env.KGS_BENCH_BASELINE_NODE;
  const otherFloor = 'node floor on KGS_BENCH_BASELINE_NODE';
  if (floorNode) cases.push({ ...cases[3], name: otherFloor, cmd: floorNode });
  writeFileSync(join(binDir, 'kubectl-noop'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  let created = 0;
  const results = [];
  for (const size of sizes) {
    await createClusters(server, created, size);
    created = size;
    const samples = cases.map(() => ({ ms: [], rss: [], lines: 0 }));
    const runs = runsFor(size);
    for (let i = 0; i < warmup + runs; i++) {
      for (const [k, c] of cases.entries()) {
        const r = await runOnce(c.cmd ?? kubectlBin, c.args, env);
        samples[k].lines = r.lines;
        if (i >= warmup) {
          samples[k].ms.push(r.ms);
          samples[k].rss.push(r.rssKiB);
        }
      }
    }
    // Both must print a header and one row per cluster, or the comparison means nothing.
    for (const [k, c] of cases.entries()) if (!c.dispatchOnly && samples[k].lines !== size + 1) throw new Error(`${c.name} printed ${samples[k].lines} lines for ${size} clusters`);
    const medians = samples.map((s) => ({ ms: median(s.ms), rssMiB: median(s.rss) / 1024 }));
    const [gs, kc, direct, floor, dispatch] = medians;
    const peer = peerExe ? medians[5] : undefined;
    const floor2 = floorNode ? medians[cases.findIndex((c) => c.name === otherFloor)] : undefined;
    results.push({ size, gs, kc, direct, floor, dispatch, peer, floor2 });
    console.log(`## ${size} clusters (medians of ${runs} runs)`);
    for (const [k, c] of cases.entries()) {
      const m = medians[k];
      console.log(`${c.name.padEnd(42)} ${m.ms.toFixed(1).padStart(8)} ms ${m.rssMiB.toFixed(1).padStart(7)} MiB`);
    }
    console.log(`ratio kubectl gs / kubectl: time ${(gs.ms / kc.ms).toFixed(2)} (goal <= 1.0), peak RSS ${(gs.rssMiB / kc.rssMiB).toFixed(2)} (goal <= 1.0)`);
    // The least any Node plugin can take through kubectl: kubectl's dispatch, then Node's floor.
    console.log(`least a Node plugin can take (dispatch + node floor) / kubectl: time ${((dispatch.ms + floor.ms) / kc.ms).toFixed(2)}`);
  }
  console.log('\n## summary: kubectl gs get clusters -A / kubectl get clusters.cluster.x-k8s.io -A');
  for (const r of results) {
    console.log(`${String(r.size).padStart(6)} clusters: time ${(r.gs.ms / r.kc.ms).toFixed(2)}, peak RSS ${(r.gs.rssMiB / r.kc.rssMiB).toFixed(2)}` +
      `   (kubectl-gs direct: time ${(r.direct.ms / r.kc.ms).toFixed(2)}, peak RSS ${(r.direct.rssMiB / r.kc.rssMiB).toFixed(2)};` +
      ` node floor: time ${(r.floor.ms / r.kc.ms).toFixed(2)}, peak RSS ${(r.floor.rssMiB / r.kc.rssMiB).toFixed(2)};` +
      ` dispatch + node floor: time ${((r.dispatch.ms + r.floor.ms) / r.kc.ms).toFixed(2)})` +
      (r.peer ? `   this build / peer build (direct): time ${(r.direct.ms / r.peer.ms).toFixed(2)}, peak RSS ${(r.direct.rssMiB / r.peer.rssMiB).toFixed(2)}` : '') +
      (r.floor2 ? `   node floor / on KGS_BENCH_BASELINE_NODE: time ${(r.floor.ms / r.floor2.ms).toFixed(2)}, peak RSS ${(r.floor.rssMiB / r.floor2.rssMiB).toFixed(2)}` : ''));
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
