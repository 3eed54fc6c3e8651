// What an e2e test uses to reach the shared kube-apiserver and to run kubectl / the built kubectl-gs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { ApiServerFacts } from './apiserver';

export type { ApiServerFacts } from './apiserver';

export const repoRoot = resolve(__dirname, '../../..');
export const kubectlPath = '/usr/bin/kubectl';
export const distDir = join(repoRoot, 'dist');

let cached: ApiServerFacts | undefined;

/** The shared server started by the e2e project's globalSetup. */
export function apiServer(): ApiServerFacts {
  if (cached) return cached;
  const file = process.env.KGS_E2E_APISERVER;
  if (!file || !existsSync(file)) {
    throw new Error('no e2e kube-apiserver: run the tests through jest\'s e2e project (npm run test:e2e), whose globalSetup starts it');
  }
  cached = JSON.parse(readFileSync(file, 'utf8')) as ApiServerFacts;
  return cached;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra environment (merged over process.env; a value of undefined removes the variable). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string;
  cwd?: string;
  /** Kill the process after this many ms (default 60 s) so a hung child fails the test instead of jest. */
  timeoutMs?: number;
}

function mergeEnv(extra: Record<string, string | undefined> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs a program and collects its exit code and output (never throws for a non-zero exit). */
export function run(command: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env: mergeEnv(opts.env), cwd: opts.cwd ?? repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (signal ? `\n(killed by ${signal})` : ''),
      });
    });
    child.stdin.on('error', () => {}); // the child may exit before reading stdin
    child.stdin.end(opts.input ?? '');
  });
}

/** The real kubectl against the shared server: `kubectl --kubeconfig <server's kubeconfig> ...args`. */
export function kubectl(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return run(kubectlPath, ['--kubeconfig', apiServer().kubeconfigPath, ...args], opts);
}

/** Like kubectl() but throws (with stderr) on a non-zero exit; returns stdout. */
export async function kubectlOk(args: string[], opts: RunOptions = {}): Promise<string> {
  const r = await kubectl(args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

/** kubectl apply -f - with the given YAML/JSON manifest(s). */
export function applyManifest(manifest: string | object, extraArgs: string[] = []): Promise<string> {
  const input = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  return kubectlOk(['apply', '-f', '-', ...extraArgs], { input });
}

/** Applies CRDs and waits until the API server serves them (Established). */
export async function applyCrds(manifest: string | object): Promise<void> {
  const out = await applyManifest(manifest, ['-o', 'name']);
  const names = out.split('\n').map((l) => l.trim()).filter(Boolean);
  if (names.length > 0) await kubectlOk(['wait', '--for', 'condition=Established', '--timeout', '60s', ...names]);
}

/**
 * The built executable as users run it: `/usr/bin/kubectl gs ...args` with <repo>/dist first on PATH.
 * KUBECONFIG defaults to the shared server's kubeconfig (context "local"); pass env to override.
 */
export function kubectlGs(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  if (!existsSync(join(distDir, 'kubectl-gs'))) {
    throw new Error(`${join(distDir, 'kubectl-gs')} is missing: run npm run build first`);
  }
  const env = {
    KUBECONFIG: apiServer().kubeconfigPath,
    // Telemetry off unless a test turns it on (KUBECTL_GS_TELEMETRY_OPTOUT: ''): its first-run notice
    // would otherwise land on stderr, and signals would be queued in the real cache directory.
    KUBECTL_GS_TELEMETRY_OPTOUT: '1',
    ...opts.env,
    PATH: `${distDir}${delimiter}${opts.env?.PATH ?? process.env.PATH ?? ''}`,
  };
  return run(kubectlPath, ['gs', ...args], { ...opts, env });
}
