// A real kube-apiserver (v1.20) + etcd on loopback for the end-to-end tests.
//
// Binaries come from, in order: KUBEBUILDER_ASSETS (the envtest convention) when it holds both
// kube-apiserver and etcd; the cache that scripts/kube-test-env/build.sh fills; else that script is run
// (slow, about 6 minutes, once per machine). Every start gets its own temp directory, its own PKI, its own
// random tokens and free ports, so parallel runs on one machine never collide.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Everything a test needs to reach the server; plain data, so it can be written to a JSON file. */
export interface ApiServerFacts {
  /** A kubeconfig with contexts local (admin token, current), local-viewer (token without RBAC grants),
   *  local-cert (admin client-certificate files), local-exec (exec plugin, client.authentication.k8s.io/v1),
   *  local-exec-beta (exec plugin, v1beta1). All contexts use namespace "default". */
  kubeconfigPath: string;
  /** https://127.0.0.1:<port> */
  serverUrl: string;
  /** The PEM file of the self-signed CA that signed the serving and client certificates. */
  caFile: string;
  /** The temp directory holding PKI, kubeconfig, logs and etcd data (removed by stop()). */
  dir: string;
  /** Static token of "admin" (group system:masters). */
  adminToken: string;
  /** Static token of "viewer" (no RBAC grants: every request is Forbidden). */
  viewerToken: string;
  /** Client certificate + key of "cert-admin" (O=system:masters), signed by caFile. */
  clientCertFile: string;
  clientKeyFile: string;
  /** Exec credential plugin scripts (print an ExecCredential with adminToken; fail without KUBERNETES_EXEC_INFO). */
  execV1Script: string;
  execV1beta1Script: string;
  /** A second CA that signed nothing: for "unknown authority" tests. */
  otherCaFile: string;
  /** The API server's own serving certificate + key (valid for 127.0.0.1 and localhost, signed by caFile):
   *  lets a test run a loopback HTTPS receiver that clients of this kubeconfig trust. */
  servingCertFile: string;
  servingKeyFile: string;
}

export interface ApiServer extends ApiServerFacts {
  /** Kills kube-apiserver and etcd and removes dir. */
  stop(): Promise<void>;
}

const repoRoot = resolve(__dirname, '../../..');
const buildScript = join(repoRoot, 'scripts/kube-test-env/build.sh');

function cacheBinDir(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(process.env.KUBE_DIR || join(cache, 'kube-apiserver-1.20'), 'bin');
}

function hasBinaries(dir: string | undefined): dir is string {
  return !!dir && existsSync(join(dir, 'kube-apiserver')) && existsSync(join(dir, 'etcd'));
}

/** Finds (or builds, once) the directory holding kube-apiserver and etcd. */
export function findBinaries(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const assets = process.env.KUBEBUILDER_ASSETS;
  if (hasBinaries(assets)) return assets;
  const cached = cacheBinDir();
  if (hasBinaries(cached)) return cached;
  log(`kube-apiserver not found in ${cached}: building it with ${buildScript} (about 6 minutes, once)`);
  const built = spawnSync('bash', [buildScript], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0 || !hasBinaries(cached)) {
    throw new Error(`building kube-apiserver failed (exit ${built.status}); see ${buildScript}`);
  }
  return cached;
}

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs the openssl CLI in cwd; throws with its stderr on failure. */
export function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

/** CA, serving cert (127.0.0.1, localhost), admin client cert, service-account key pair, a spare CA. */
function makePki(pki: string): void {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', '/CN=kgs-e2e-ca', '-keyout', 'ca.key', '-out', 'ca.crt'], pki);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', '/CN=kgs-e2e-other-ca', '-keyout', 'other-ca.key', '-out', 'other-ca.crt'], pki);
  writeFileSync(join(pki, 'serving.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=kube-apiserver', '-keyout', 'apiserver.key', '-out', 'apiserver.csr'], pki);
  openssl(['x509', '-req', '-in', 'apiserver.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '7', '-extfile', 'serving.ext', '-out', 'apiserver.crt'], pki);
  writeFileSync(join(pki, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=cert-admin/O=system:masters', '-keyout', 'client.key', '-out', 'client.csr'], pki);
  openssl(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '7', '-extfile', 'client.ext', '-out', 'client.crt'], pki);
  openssl(['genrsa', '-out', 'sa.key', '2048'], pki);
  openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], pki);
}

/** An exec credential plugin: prints the admin token, but only when the caller set KUBERNETES_EXEC_INFO
 *  (client-go always sets it for v1 and v1beta1), so a client that forgets it fails visibly. */
function writeExecScript(path: string, apiVersion: string, token: string): void {
  const credential = JSON.stringify({ apiVersion, kind: 'ExecCredential', status: { token } });
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'case "$KUBERNETES_EXEC_INFO" in',
      `  *ExecCredential*) printf '%s\\n' '${credential}' ;;`,
      '  *) echo "KUBERNETES_EXEC_INFO is not set" >&2; exit 1 ;;',
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
}

function kubeconfigYaml(f: ApiServerFacts): string {
  // JSON is YAML: no quoting surprises with paths or tokens.
  const context = (name: string, user: string) => ({ name, context: { cluster: 'local', user, namespace: 'default' } });
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'local', cluster: { server: f.serverUrl, 'certificate-authority': f.caFile } }],
      users: [
        { name: 'admin', user: { token: f.adminToken } },
        { name: 'viewer', user: { token: f.viewerToken } },
        { name: 'cert-admin', user: { 'client-certificate': f.clientCertFile, 'client-key': f.clientKeyFile } },
        { name: 'exec-admin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: f.execV1Script, interactiveMode: 'Never' } } },
        { name: 'exec-beta-admin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: f.execV1beta1Script } } },
      ],
      contexts: [
        context('local', 'admin'),
        context('local-viewer', 'viewer'),
        context('local-cert', 'cert-admin'),
        context('local-exec', 'exec-admin'),
        context('local-exec-beta', 'exec-beta-admin'),
      ],
      'current-context': 'local',
    },
    null,
    2,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function httpsStatus(url: string, ca: string, token: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request(url, { ca, headers: { Authorization: `Bearer ${token}` }, timeout: 2000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveStatus(0));
    req.end();
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Spawns a server with stdout+stderr appended to a log file (the parent keeps no descriptor open). */
function spawnLogged(command: string, args: string[], log: string): ChildProcess {
  const fd = openSync(log, 'a');
  try {
    return spawn(command, args, { stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface ApiServerOptions {
  /** More kube-apiserver flags, appended after the harness's own (e.g. the --oidc-* flags of a login test). */
  extraArgs?: string[];
}

/**
 * stop() for servers a test started: stops the processes in order, then removes their directory; runs once.
 * If the test process dies without calling it, the processes are killed anyway (no servers left behind).
 */
export function stopper(processes: ChildProcess[], dir: string): () => Promise<void> {
  const killOnExit = () => {
    for (const p of processes) p.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    for (const p of processes) await stopProcess(p);
    rmSync(dir, { recursive: true, force: true });
  };
}

/** A start that failed because another process took one of the ports between our check and the bind. */
class PortTakenError extends Error {}

/**
 * Starts etcd + kube-apiserver on free loopback ports and waits until /readyz answers 200 and the
 * "default" namespace exists. A port grabbed by someone else in the meantime means another try.
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const bin = findBinaries();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(bin, options);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 3) throw err;
    }
  }
}

async function startOnce(bin: string, options: ApiServerOptions): Promise<ApiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-apiserver-'));
  const pki = join(dir, 'pki');
  mkdirSync(pki);
  mkdirSync(join(dir, 'etcd-data'), { mode: 0o700 });
  makePki(pki);

  const [etcdClientPort, etcdPeerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const facts: ApiServerFacts = {
    kubeconfigPath: join(dir, 'kubeconfig'),
    serverUrl: `https://127.0.0.1:${apiPort}`,
    caFile: join(pki, 'ca.crt'),
    dir,
    adminToken: `admin-${randomBytes(12).toString('hex')}`,
    viewerToken: `viewer-${randomBytes(12).toString('hex')}`,
    clientCertFile: join(pki, 'client.crt'),
    clientKeyFile: join(pki, 'client.key'),
    execV1Script: join(dir, 'exec-credential-v1.sh'),
    execV1beta1Script: join(dir, 'exec-credential-v1beta1.sh'),
    otherCaFile: join(pki, 'other-ca.crt'),
    servingCertFile: join(pki, 'apiserver.crt'),
    servingKeyFile: join(pki, 'apiserver.key'),
  };
  // Static tokens: token,user,uid,"groups". system:masters is cluster-admin under RBAC; viewer has nothing.
  writeFileSync(join(pki, 'tokens.csv'), `${facts.adminToken},admin,admin-uid,"system:masters"\n${facts.viewerToken},viewer,viewer-uid,""\n`);
  writeExecScript(facts.execV1Script, 'client.authentication.k8s.io/v1', facts.adminToken);
  writeExecScript(facts.execV1beta1Script, 'client.authentication.k8s.io/v1beta1', facts.adminToken);
  writeFileSync(facts.kubeconfigPath, kubeconfigYaml(facts));

  const etcdUrl = `http://127.0.0.1:${etcdClientPort}`;
  const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
  const etcdLog = join(dir, 'etcd.log');
  const etcd = spawnLogged(
    join(bin, 'etcd'),
    [
      '--name', 'e2e', '--data-dir', join(dir, 'etcd-data'),
      '--listen-client-urls', etcdUrl, '--advertise-client-urls', etcdUrl,
      '--listen-peer-urls', peerUrl, '--initial-advertise-peer-urls', peerUrl,
      '--initial-cluster', `e2e=${peerUrl}`, '--listen-metrics-urls', '',
    ],
    etcdLog,
  );
  const apiLog = join(dir, 'apiserver.log');
  const apiserver = spawnLogged(
    join(bin, 'kube-apiserver'),
    [
      '--etcd-servers', etcdUrl,
      '--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1',
      '--secure-port', String(apiPort), '--insecure-port', '0',
      '--tls-cert-file', facts.servingCertFile, '--tls-private-key-file', facts.servingKeyFile,
      '--client-ca-file', facts.caFile,
      '--token-auth-file', join(pki, 'tokens.csv'),
      '--authorization-mode', 'RBAC',
      '--service-account-issuer', 'https://kubernetes.default.svc',
      '--service-account-key-file', join(pki, 'sa.pub'),
      '--service-account-signing-key-file', join(pki, 'sa.key'),
      '--service-cluster-ip-range', '10.0.0.0/24',
      '--disable-admission-plugins', 'ServiceAccount',
      '--allow-privileged=true', '--endpoint-reconciler-type', 'none',
      ...(options.extraArgs ?? []),
    ],
    apiLog,
  );

  const stop = stopper([apiserver, etcd], dir);

  const ca = readFileSync(facts.caFile, 'utf8');
  const deadline = Date.now() + 90_000;
  // Ready means /readyz answers AND the bootstrap controller has created the "default" namespace
  // (it lags /readyz by a moment; tests and kubectl contexts use that namespace).
  for (;;) {
    if (
      (await httpsStatus(`${facts.serverUrl}/readyz`, ca, facts.adminToken)) === 200 &&
      (await httpsStatus(`${facts.serverUrl}/api/v1/namespaces/default`, ca, facts.adminToken)) === 200
    ) {
      break;
    }
    const dead = apiserver.exitCode !== null ? 'kube-apiserver' : etcd.exitCode !== null ? 'etcd' : undefined;
    if (dead || Date.now() > deadline) {
      const why = dead ? `${dead} exited` : 'kube-apiserver not ready after 90s';
      const logs = `--- apiserver.log ---\n${tail(apiLog)}\n--- etcd.log ---\n${tail(etcdLog)}`;
      await stop();
      if (dead && /address already in use/.test(logs)) throw new PortTakenError(`${why}: a port was taken`);
      throw new Error(`${why}\n${logs}`);
    }
    await sleep(200);
  }
  return { ...facts, stop };
}
