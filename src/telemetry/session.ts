// One invocation's telemetry, from the moment the command is parsed to the moment it ends.
//
// start: read the user's setting; unless this is the first run (notice only) or debug mode, begin
//   connecting to the endpoint while the command runs. If the command talks to a cluster, refresh that
//   cluster's facts and setting in the background through the command's own client.
// finish: build the signal, then either write it (with any spooled signals) on the connection if it is
//   up, waiting only until the kernel has the bytes, or put it in the spool for a later invocation.
//   Bounded: it never waits more than one event-loop turn + SEND_TIMEOUT_MS, and never throws.
import type { Deps } from '../cli/deps';
import type { KubeClient } from '../kube/client';
import { isCI } from './ci';
import type { ClusterCacheEntry } from './clusterFacts';
import { Connection } from './connection';
import { COLLECTED, DEFAULT_ENDPOINT, ENV, SPOOL_BATCH } from './constants';
import { maybeStartFlusher } from './flush';
import { clusterFacts, resolvePending } from './pending';
import { flagsOn } from './envFlags';
import { proxyFor } from './proxy';
import { readUserSettings, writeUserSettings, type UserSettings } from './settings';
import { addCluster, buildSignal, type Signal } from './signal';
import { Spool, spoolDir, type SpoolEntry } from './spool';
import { cachedUserHash, resolveUserHash, type UserHashLookup } from './userHash';
import { buildInfo } from '../buildInfo';

/**
 * If the connection is not up when the command ends, it gets exactly one turn of the event loop (which
 * notices a connect that completed while the command ran) and no more: a connection not up by then is
 * far away (a TLS handshake to TelemetryDeck takes tens of ms), and its signal goes to the spool.
 */
const CONNECT_GRACE_MS = 0;
/** A cluster refresh still running when the command ends gets this long; after that the cache answers. */
const CLUSTER_GRACE_MS = 3;
/** Writing the request: wait at most this long for the kernel to take the bytes. */
const SEND_TIMEOUT_MS = 3;

export interface SessionInput {
  path: string[];
  /** The canonical names of the flags the user typed (never their values). */
  flags: string[];
  deps: Deps;
  /** Test hooks. */
  connection?: { dnsServers?: string[]; tls?: { ca?: string | Buffer } };
  userHash?: UserHashLookup;
}

export interface TelemetrySession {
  /** Deps whose kube() lets telemetry see the cluster the command talks to. */
  wrapDeps(deps: Deps): Deps;
  finish(exitCode: number): Promise<void>;
}

export function endpointOf(env: NodeJS.ProcessEnv): string {
  return env[ENV.endpoint] || DEFAULT_ENDPOINT;
}

export function noticeText(): string {
  return (
    'kubectl gs collects anonymous usage data to improve it: ' +
    'command and flag names (never values or arguments), exit code, duration, versions, OS, and for clusters an ' +
    'anonymous ID, Kubernetes version, node count and cloud provider. Nothing was sent this time.\n' +
    'Opt out with "kubectl gs telemetry disable" (or KUBECTL_GS_TELEMETRY_OPTOUT=1, or DO_NOT_TRACK=1); ' +
    'see "kubectl gs telemetry status" for details.\n'
  );
}

class Session implements TelemetrySession {
  private readonly started = nowMs();
  private readonly settings: UserSettings;
  private readonly firstRun: boolean;
  private readonly debug: boolean;
  private readonly connection?: Connection;
  private cluster?: { key?: string; fresh?: ClusterCacheEntry; refresh: Promise<unknown> };

  constructor(private readonly input: SessionInput, settings: UserSettings) {
    const env = input.deps.env;
    this.settings = settings;
    this.firstRun = settings.enabled !== true && !settings.noticeShownAt;
    this.debug = flagsOn(env[ENV.debug]);
    if (this.firstRun || this.debug) return;
    try {
      const endpoint = new URL(endpointOf(env));
      if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') return;
      this.connection = new Connection({
        endpoint,
        proxy: proxyFor(endpoint, env),
        userAgent: `kubectl-gs/${buildInfo.version}`,
        ...input.connection,
      }).start();
    } catch {
      // A malformed endpoint: signals wait in the spool until it is fixed.
    }
  }

  wrapDeps(deps: Deps): Deps {
    if (this.firstRun) return deps;
    return {
      ...deps,
      kube: async (global) => {
        const client = await deps.kube(global);
        this.observe(client);
        return client;
      },
    };
  }

  private observe(client: KubeClient): void {
    if (this.cluster) return;
    const server = (client as { server?: unknown }).server; // (KubeClient.server; checked, since fakes may lack it)
    const { clusterKey, refreshCluster } = clusterFacts();
    const key = typeof server === 'string' && server ? clusterKey(server) : undefined;
    const cacheDir = this.input.deps.cacheDir();
    const state: { key?: string; fresh?: ClusterCacheEntry; refresh: Promise<unknown> } = { key, refresh: Promise.resolve() };
    state.refresh = refreshCluster(client, key ? { dir: cacheDir, key } : undefined, () => Date.now()).then(
      (entry) => (state.fresh = entry),
      () => undefined,
    );
    this.cluster = state;
  }

  async finish(exitCode: number): Promise<void> {
    try {
      await this.finishUnsafe(exitCode);
    } catch {
      // Telemetry never changes what the user sees.
    }
  }

  private async finishUnsafe(exitCode: number): Promise<void> {
    const { deps, path, flags } = this.input;
    if (this.firstRun) {
      deps.stderr.write(noticeText());
      writeUserSettings(deps.configDir(), { ...this.settings, noticeShownAt: new Date(deps.now().getTime()).toISOString() });
      return;
    }
    const durationMs = nowMs() - this.started;
    const env = deps.env;
    const connection = this.connection;
    // Give the event loop its turn first: a connect that completed while the command kept the thread busy
    // is only noticed there, and the signal is built while the kernel does the rest.
    connection?.commandEnded();
    const [ready] = await Promise.all([
      connection ? connection.isReady || connection.whenReady(CONNECT_GRACE_MS) : false,
      this.cluster && !this.cluster.fresh ? withTimeout(this.cluster.refresh, CLUSTER_GRACE_MS) : undefined,
    ]);
    const run = {
      path,
      flags,
      exitCode,
      durationMs,
      ci: isCI(env),
    };
    const cacheDir = deps.cacheDir();
    // Undefined on Windows in a setup not seen before: the signal then waits in the spool for the background
    // flusher, which can afford the slow lookup (debug mode, which only prints, waits for it here).
    let userHash = cachedUserHash(env, cacheDir, this.input.userHash?.platform);
    if (userHash === undefined && this.debug) userHash = await resolveUserHash(env, cacheDir, this.input.userHash);
    let signal: Signal | undefined = buildSignal(run, userHash ?? '', flagsOn(env[ENV.testMode]));
    let pendingCluster: string | undefined;
    if (this.cluster) {
      const { key, fresh } = this.cluster;
      const known = fresh ?? (key ? clusterFacts().readClusterCache(cacheDir, key) : {});
      if (known.setting === 'disabled') signal = undefined;
      else {
        if (known.facts) addCluster(signal.payload, known.facts);
        // The cluster's own opt-out is not known yet: hold the signal until a later run has read it.
        if (!known.setting && key) pendingCluster = key;
      }
    }
    if (this.debug) {
      if (signal) deps.stderr.write(JSON.stringify([signal]) + '\n');
      return;
    }
    const spool = new Spool(spoolDir(cacheDir));
    const own: SpoolEntry | undefined = signal && {
      signal,
      createdAt: Date.now(),
      ...(pendingCluster ? { pendingCluster } : {}),
      ...(userHash === undefined ? { pendingUser: true as const } : {}),
    };
    const held = own && (own.pendingCluster !== undefined || own.pendingUser);
    if (!ready || !connection?.isReady) {
      if (own) spool.add(own);
      // Still coming up (not refused, not unresolvable): the endpoint is just far away. A helper process
      // that can wait for the connection sends the spool (rate-limited; see flush.ts). It also finds the
      // user hash a signal waits for.
      const farAway = connection?.wasComingUp === true;
      connection?.close();
      if (farAway || own?.pendingUser) maybeStartFlusher(deps, spool);
      return;
    }
    const claimed = spool.claim(SPOOL_BATCH);
    const { send, keep } = resolvePending(claimed, spool, cacheDir, Date.now(), userHash);
    if (own && !held) send.push(own.signal);
    if (own && held) spool.add(own);
    if (own?.pendingUser) maybeStartFlusher(deps, spool);
    if (send.length === 0) {
      spool.release(keep);
      connection.close();
      return;
    }
    const ok = await connection.send(JSON.stringify(send), SEND_TIMEOUT_MS);
    if (ok) {
      spool.done({ entries: [], files: claimed.files.filter((f) => !keep.files.includes(f)) });
      spool.release(keep);
    } else {
      spool.release(claimed);
      if (own && !held) spool.add(own);
    }
    // The socket is left as it is: the CLI exits right away (closing it, after the kernel sends what it
    // was given), and an orderly close would only cost time. Sockets are unref'd, so nothing waits on it.
  }
}

/** Milliseconds from a monotonic clock. Not performance.now(): its first use loads perf_hooks (~0.7 ms). */
function nowMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1000 + ns / 1e6;
}

function withTimeout(p: Promise<unknown>, ms: number): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    p.then(() => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
}

/** Starts telemetry for one command; undefined when the user opted out (or anything goes wrong). */
export function startSession(input: SessionInput): TelemetrySession | undefined {
  try {
    const settings = readUserSettings(input.deps.configDir());
    if (settings.enabled === false) return undefined;
    return new Session(input, settings);
  } catch {
    return undefined;
  }
}

export { COLLECTED };
