// `exec` credential plugins (client.authentication.k8s.io v1 and v1beta1), run the way client-go runs
// them: the user's environment plus the plugin's env entries, KUBERNETES_EXEC_INFO describing the request,
// the terminal's stdin only when interactive, the plugin's stderr passed through to the user.
import { spawn } from 'node:child_process';
import { UserError } from '../errors';
import { formatDuration, startTimeout } from './duration';
import type { ClusterConfig, ExecConfig } from './kubeconfig';

const supportedVersions = new Set(['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']);

/**
 * How long a plugin that cannot talk to the user (not interactive) may run when --request-timeout is not
 * given (or 0). client-go sets no limit, so a hung plugin hangs kubectl; 5 minutes leaves room for a
 * plugin that waits on a browser login (kubelogin waits 3 minutes for one). An interactive plugin has
 * the user at the terminal and is not limited.
 */
export const defaultExecTimeoutMs = 5 * 60_000;

/** The most a plugin may print on stdout: an ExecCredential, even with a client certificate, is a few KB. */
export const maxExecOutputBytes = 4 * 1024 * 1024;

/**
 * Once the plugin has exited, how long output still on its way through the pipe may take. A child the
 * plugin left behind may hold the pipe open for much longer; we do not wait for it (as Go's WaitDelay).
 */
const drainAfterExitMs = 250;

export interface ExecCredential {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** Epoch ms after which the credential must be fetched again; undefined = valid for this invocation. */
  expiresAt?: number;
}

export interface ExecContext {
  userName?: string;
  env: NodeJS.ProcessEnv;
  server: string;
  cluster: ClusterConfig;
  /** The CA bundle actually used (for provideClusterInfo), base64 PEM. */
  caData?: string;
  stdinIsTTY: boolean;
  /** --request-timeout in ms (0 or absent: not given, defaultExecTimeoutMs applies). */
  timeoutMs?: number;
}

function who(ctx: { userName?: string }): string {
  return ctx.userName ? ` of user "${ctx.userName}"` : '';
}

/** The KUBERNETES_EXEC_INFO value for this plugin. */
export function execInfo(exec: ExecConfig, ctx: ExecContext, interactive: boolean): string {
  const spec: Record<string, unknown> = { interactive };
  if (exec.provideClusterInfo) {
    const cluster: Record<string, unknown> = { server: ctx.server };
    if (ctx.cluster.tlsServerName) cluster['tls-server-name'] = ctx.cluster.tlsServerName;
    if (ctx.cluster.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
    if (ctx.caData) cluster['certificate-authority-data'] = ctx.caData;
    if (ctx.cluster.proxyUrl) cluster['proxy-url'] = ctx.cluster.proxyUrl;
    if (ctx.cluster.execExtension !== undefined) cluster.config = ctx.cluster.execExtension;
    spec.cluster = cluster;
  }
  return JSON.stringify({ kind: 'ExecCredential', apiVersion: exec.apiVersion, spec });
}

export async function runExecPlugin(exec: ExecConfig, ctx: ExecContext): Promise<ExecCredential> {
  if (!supportedVersions.has(exec.apiVersion)) {
    throw new UserError(
      `the exec credential plugin${who(ctx)} uses apiVersion "${exec.apiVersion}"; supported are client.authentication.k8s.io/v1 and v1beta1: update the kubeconfig (e.g. log in again)`,
    );
  }
  const interactive = interactiveFor(exec, ctx);
  const env: NodeJS.ProcessEnv = { ...ctx.env };
  for (const { name, value } of exec.env) env[name] = value;
  env.KUBERNETES_EXEC_INFO = execInfo(exec, ctx, interactive);

  const { stdout, code, signal } = await runPlugin(exec, env, interactive, ctx);
  if (code !== 0) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    throw new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} ${how}; see its messages above, then log in again if needed`);
  }
  return parseExecCredential(stdout, exec, ctx.userName);
}

interface PluginRun {
  stdout: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the plugin and collects its stdout: bounded in time when not interactive, bounded in size, and
 * done when the plugin exits.
 */
function runPlugin(exec: ExecConfig, env: NodeJS.ProcessEnv, interactive: boolean, ctx: ExecContext): Promise<PluginRun> {
  const limitMs = interactive ? 0 : ctx.timeoutMs || defaultExecTimeoutMs;
  return new Promise<PluginRun>((resolve, reject) => {
    const child = spawn(exec.command, exec.args, { env, stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'inherit'] });
    const out = child.stdout!;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const settle = (err: Error | undefined, result?: PluginRun) => {
      if (settled) return;
      settled = true;
      if (limitTimer) clearTimeout(limitTimer);
      if (drainTimer) clearTimeout(drainTimer);
      // Whatever still holds the pipe (a child of the plugin) must not keep this process waiting.
      out.destroy();
      if (err) reject(err);
      else resolve(result!);
    };
    const stop = (err: Error) => {
      child.kill('SIGKILL');
      settle(err);
    };
    const limitTimer = startTimeout(limitMs, () => {
      const why = ctx.timeoutMs ? ' (--request-timeout)' : ', the limit without --request-timeout';
      stop(new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} did not finish within ${formatDuration(limitMs)}${why} and was stopped; check that it works without a terminal, or raise --request-timeout`));
    });
    out.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxExecOutputBytes) {
        stop(new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} printed more than ${maxExecOutputBytes / 1024 / 1024} MiB and was stopped; an ExecCredential is a few KB: check the plugin`));
        return;
      }
      chunks.push(c);
    });
    let ended = false;
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const done = () => exited && settle(undefined, { stdout: Buffer.concat(chunks).toString('utf8'), ...exited });
    out.on('end', () => {
      ended = true;
      done();
    });
    out.on('error', () => {}); // a pipe we destroyed ourselves
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        const hint = exec.installHint ? `: ${exec.installHint.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')}` : '; install it or fix the command in the kubeconfig';
        settle(new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} was not found${hint}`));
      } else if (err.code === 'EACCES') {
        settle(new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} cannot be executed (permission denied)`));
      } else {
        settle(new UserError(`the exec credential plugin "${exec.command}"${who(ctx)} could not be started: ${err.message}`));
      }
    });
    // Done when the plugin exits (not when its stdout closes: a child it left behind may hold that open).
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      if (ended) done();
      else drainTimer = setTimeout(done, drainAfterExitMs);
    });
  });
}

/**
 * Whether the plugin may talk to the user, with client-go's rules: v1 must say interactiveMode (v1beta1
 * defaults to IfAvailable); Always needs a terminal on stdin.
 */
export function interactiveFor(exec: ExecConfig, ctx: Pick<ExecContext, 'userName' | 'stdinIsTTY'>): boolean {
  let mode = exec.interactiveMode;
  if (!mode) {
    if (exec.apiVersion === 'client.authentication.k8s.io/v1') {
      throw new UserError(
        `the exec credential plugin${who(ctx)} has no interactiveMode, which client.authentication.k8s.io/v1 requires; add interactiveMode: Never (or IfAvailable, Always) to the kubeconfig`,
      );
    }
    mode = 'IfAvailable';
  }
  switch (mode) {
    case 'Never':
      return false;
    case 'IfAvailable':
      return ctx.stdinIsTTY;
    case 'Always':
      if (!ctx.stdinIsTTY) {
        throw new UserError(`the exec credential plugin${who(ctx)} needs a terminal (interactiveMode: Always), but standard input is not one`);
      }
      return true;
    default:
      throw new UserError(`the exec credential plugin${who(ctx)} has an invalid interactiveMode "${mode}"; use Never, IfAvailable or Always`);
  }
}

/** Validates a plugin's output the way client-go does. */
export function parseExecCredential(stdout: string, exec: ExecConfig, userName?: string): ExecCredential {
  const whose = userName ? ` of user "${userName}"` : '';
  let doc: {
    apiVersion?: string;
    kind?: string;
    status?: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string };
  };
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new UserError(`the exec credential plugin "${exec.command}"${whose} did not print an ExecCredential as JSON`);
  }
  if (doc?.kind !== 'ExecCredential' || doc.apiVersion !== exec.apiVersion) {
    throw new UserError(
      `the exec credential plugin "${exec.command}"${whose} printed ${doc?.kind ?? 'something'} of apiVersion "${doc?.apiVersion ?? ''}", but the kubeconfig expects an ExecCredential of ${exec.apiVersion}`,
    );
  }
  const status = doc.status ?? {};
  const hasCert = !!status.clientCertificateData || !!status.clientKeyData;
  if (hasCert && !(status.clientCertificateData && status.clientKeyData)) {
    throw new UserError(`the exec credential plugin "${exec.command}"${whose} printed a client certificate without its key (or a key without its certificate)`);
  }
  if (!status.token && !hasCert) {
    throw new UserError(`the exec credential plugin "${exec.command}"${whose} printed neither a token nor a client certificate`);
  }
  const expiresAt = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : undefined;
  return {
    token: status.token || undefined,
    clientCertificateData: status.clientCertificateData || undefined,
    clientKeyData: status.clientKeyData || undefined,
    expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt,
  };
}
