// Runs a few commands with the application bundle, in one process, then writes the V8 code cache of the
// bundle: it then holds every function those commands compiled, so the executable does not compile them
// again at each start (src/seaMain.ts says why and what it saved). Run by scripts/build.mjs with the
// Node the executable is made from, and with --random-seed=1 so the cache is the same bytes at every build.
//   node --random-seed=1 scripts/warm-up.mjs <bundle> <cache file>
// The environment is the build's: HOME and the XDG folders point into a scratch folder, telemetry is off.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

const [bundleFile, cacheFile] = process.argv.slice(2);
const require = createRequire(import.meta.url);

// What users run most, start to finish: the code they share (parsing, flag tables, output) comes with them.
// `get clusters` runs twice against the loopback server below: once filling the discovery cache, once
// reading it, as most runs do.
const commands = [
  ['version'],
  ['template', 'cluster', '--provider', 'capa', '--name', 'mycluster', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'],
  ['template', 'organization', '--name', 'acme'],
  ['template', 'app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--version', '3.0.0', '--cluster-name', 'mycluster', '--organization', 'acme', '--target-namespace', 'kube-system'],
  ['get', 'clusters', '-A'],
  ['get', 'clusters', '-A'],
];

/** Answers what `get clusters` asks a management cluster: the API group, then a list of three clusters. */
function fakeManagementCluster() {
  const group = { kind: 'APIGroup', apiVersion: 'v1', name: 'cluster.x-k8s.io', versions: [{ groupVersion: 'cluster.x-k8s.io/v1beta2', version: 'v1beta2' }], preferredVersion: { groupVersion: 'cluster.x-k8s.io/v1beta2', version: 'v1beta2' } };
  const cluster = (i) => ({
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: {
      name: `cluster-${i}`,
      namespace: 'org-acme',
      // 30 to 31 days old whenever the build runs ("30d"): the AGE column takes the same path at every build,
      // so the cache (it holds the functions that ran) is the same bytes.
      creationTimestamp: new Date(Math.floor(Date.now() / 86_400_000 - 30) * 86_400_000).toISOString().replace('.000Z', 'Z'),
      labels: { 'release.giantswarm.io/version': '31.1.0', 'giantswarm.io/organization': 'acme', 'giantswarm.io/service-priority': 'highest' },
      annotations: { 'cluster.giantswarm.io/description': `Cluster ${i}` },
    },
    spec: { controlPlaneEndpoint: { host: `api.cluster-${i}.example.com`, port: 6443 } },
    status: { phase: 'Provisioned' },
  });
  const list = { apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'ClusterList', metadata: { resourceVersion: '1' }, items: [1, 2, 3].map(cluster) };
  return createServer((req, res) => {
    const path = req.url.split('?')[0];
    const body = path === '/apis/cluster.x-k8s.io' ? group : path === '/apis/cluster.x-k8s.io/v1beta2/clusters' ? list : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
  });
}

/** A kubeconfig as kubectl writes them (YAML), for the server above, in the scratch HOME. */
function writeKubeconfig(port) {
  const file = join(process.env.HOME, '.kube', 'config');
  const yaml = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:${port}
  name: warm-up
contexts:
- context:
    cluster: warm-up
    user: warm-up
  name: warm-up
current-context: warm-up
users:
- name: warm-up
  user:
    token: warm-up-token
`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, yaml);
}

function collector() {
  const chunks = [];
  return { write: (chunk) => (chunks.push(chunk), true), drain: async () => {}, isTTY: false, text: () => chunks.join('') };
}

globalThis.__kgsWarmUp = async ({ runCli, realDeps }) => {
  const server = fakeManagementCluster();
  try {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    writeKubeconfig(server.address().port);
    for (const args of commands) {
      const stdout = collector();
      const stderr = collector();
      const code = await runCli(args, { ...realDeps(), stdout, stderr, self: undefined });
      // Each must really have done its work (a `get` that found nothing would warm only half the path).
      if (code !== 0 || stdout.text() === '' || (args[0] === 'get' && !stdout.text().includes('cluster-3'))) {
        throw new Error(`"kubectl-gs ${args.join(' ')}" exited ${code}: ${stderr.text().trim() || 'no output'}`);
      }
    }
    writeFileSync(cacheFile, script.createCachedData());
    process.exit(0);
  } catch (err) {
    console.error(`error: warm-up failed: ${err.message}`);
    process.exit(1);
  }
};

// V8 flags switched while the commands run would go into the flag hash of the cache, and V8 would reject
// the cache at every start: `get` switches some before it reads a list (src/commands/get/memoryMode.ts).
// Here that switch does nothing; the executable still makes it.
const v8 = require('node:v8');
const appRequire = (id) => (id === 'node:v8' || id === 'v8' ? { ...v8, setFlagsFromString: () => undefined } : require(id));

const script = new Script(readFileSync(bundleFile, 'utf8'), { filename: 'kubectl-gs.cjs', importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
const mod = { exports: {} };
script.runInThisContext()(appRequire, mod, mod.exports, bundleFile, dirname(bundleFile));
