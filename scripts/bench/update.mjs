// `kubectl-gs update app` and `kubectl-gs update cluster`, run directly, against `kubectl patch` of the same
// object on the same real kube-apiserver (started here by the e2e harness), interleaved, medians.
//   goal: ratio <= 1.0 for each pair.
// What each does on the wire: kubectl patch sends one PATCH (its discovery comes from ~/.kube/cache).
// update app --version: GET the App, list AppCatalogEntries for the version, PATCH. update cluster: GET the
// Cluster (the group's version from kubectl-gs's discovery cache), GET the Release, PATCH. Both sides
// write the same values every run after the first, as a user repeating the command would.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, ratio } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { buildSync } = require('esbuild');
const exe = process.env.BENCH_UPDATE_EXE || join(root, 'dist/kubectl-gs');
const runs = Number(process.env.BENCH_UPDATE_RUNS ?? 25);

const work = mkdtempSync(join(tmpdir(), 'kgs-bench-update-'));
// A private copy: a build running meanwhile cannot disturb the runs.
const binDir = join(work, 'bin');
mkdirSync(binDir);
const exeCopy = join(binDir, 'kubectl-gs');
copyFileSync(exe, exeCopy);
execFileSync('chmod', ['755', exeCopy]);
const harness = join(work, 'harness.cjs');
buildSync({
  stdin: { contents: `export { startApiServer } from ${JSON.stringify(join(root, 'test/e2e/support/apiserver.ts'))};`, resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile: harness, logLevel: 'error',
});

const ns = 'bench-update';
const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'App', metadata: { name: 'hello', namespace: ns },
    spec: { catalog: 'giantswarm', catalogNamespace: 'default', name: 'hello-world', namespace: 'hello', version: '1.0.0', kubeConfig: { inCluster: true } } },
  { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'AppCatalogEntry', metadata: { name: 'giantswarm-hello-world-1.2.0', namespace: 'default',
    labels: { 'app.kubernetes.io/name': 'hello-world', 'app.kubernetes.io/version': '1.2.0', 'application.giantswarm.io/catalog': 'giantswarm' } },
    spec: { appName: 'hello-world', appVersion: '1.2.0', version: '1.2.0', catalog: { name: 'giantswarm', namespace: 'default' }, dateCreated: '2026-01-01T00:00:00Z', dateUpdated: '2026-01-01T00:00:00Z' } },
  { apiVersion: 'release.giantswarm.io/v1alpha1', kind: 'Release', metadata: { name: 'v31.0.0' }, spec: { state: 'active', date: '2026-01-01T00:00:00Z', components: [{ name: 'kubernetes', version: '1.33.4' }], apps: [] } },
  { apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster', metadata: { name: 'c1', namespace: ns, labels: { 'release.giantswarm.io/version': '30.0.0' } },
    spec: { infrastructureRef: { apiGroup: 'infrastructure.giantswarm.io', kind: 'AWSCluster', name: 'c1' } } },
];

const { startApiServer } = require(harness);
const server = await startApiServer();
try {
  const kubectlBin = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  // The kubeconfig as users have it: YAML, written by kubectl.
  const kubeconfig = join(work, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, execFileSync(kubectlBin, ['config', 'view', '--raw'], { env: { ...process.env, KUBECONFIG: server.kubeconfigPath } }));
  // One HOME for both tools: kubectl's discovery cache and kubectl-gs's are kept there, warm after the warm-up.
  const home = join(work, 'home');
  mkdirSync(home);
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), KUBECONFIG: kubeconfig, KUBECTL_GS_TELEMETRY_OPTOUT: '1' };
  // The upstream CRDs of test/e2e/crds (each folder's README.md says from where); --validate=false: kubectl's
  // check against the 1.20 server's OpenAPI does not know their CEL rules, which the server ignores.
  for (const dir of ['cluster-api', 'giantswarm']) execFileSync(kubectlBin, ['create', '--validate=false', '-f', join(root, 'test/e2e/crds', dir)], { env, stdio: 'ignore' });
  execFileSync(kubectlBin, ['wait', '--for', 'condition=Established', 'crd/clusters.cluster.x-k8s.io', 'crd/apps.application.giantswarm.io',
    'crd/appcatalogentries.application.giantswarm.io', 'crd/releases.release.giantswarm.io'], { env, stdio: 'ignore' });
  execFileSync(kubectlBin, ['create', '-f', '-'], { env, stdio: ['pipe', 'ignore', 'inherit'], input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }) });

  const pairs = [
    [
      { name: 'kubectl-gs update app --version (direct)', cmd: exeCopy, args: ['update', 'app', '--name', 'hello', '-n', ns, '--version', '1.2.0'], env },
      { name: 'kubectl patch app --type merge', cmd: kubectlBin, args: ['patch', 'apps.application.giantswarm.io', 'hello', '-n', ns, '--type', 'merge', '-p', '{"spec":{"version":"1.2.0"}}'], env },
    ],
    [
      { name: 'kubectl-gs update cluster (direct)', cmd: exeCopy, args: ['update', 'cluster', '--name', 'c1', '-n', ns, '--release-version', '31.0.0'], env },
      { name: 'kubectl patch cluster --type json', cmd: kubectlBin, args: ['patch', 'clusters.cluster.x-k8s.io', 'c1', '-n', ns, '--type', 'json',
        '-p', '[{"op":"add","path":"/metadata/labels/release.giantswarm.io~1version","value":"31.0.0"}]'], env },
    ],
  ];
  const medians = await measure(pairs.flat(), runs, 3);
  console.log(`## update vs kubectl patch, same object, same server (medians of ${runs} interleaved runs)`);
  for (const c of pairs.flat()) console.log(`${c.name.padEnd(44)} ${fmt(medians[c.name]).padStart(10)}`);
  for (const [gs, kc] of pairs) console.log(`ratio ${gs.name.split(' (')[0]} / kubectl patch: ${ratio(medians[gs.name], medians[kc.name])} (goal <= 1.0)`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
