// The spool flusher. A command that ends before its connection to the endpoint is up (a fast command
// against an endpoint 100-300 ms away) spools its signal; a user who only runs fast commands would never
// send anything. So such an invocation starts, at most once a minute (flushGate.ts), one detached helper:
// this program again, running the hidden command __telemetry-flush, with stdio ignored. The helper has
// no command of its own to wait for, so it can afford the whole connect: it sends what the spool holds
// in one POST and exits, within FLUSH_DEADLINE_MS in any case.
import type { Deps } from '../deps';
import { buildInfo } from '../buildInfo';
import { startDetached } from '../detached';
import { Connection } from './connection';
import { endpointOf, FLUSH_COMMAND, FLUSH_DEADLINE_MS, FLUSH_INTERVAL_MS, ENV, SPOOL_BATCH } from './constants';
import { flagsOn } from './envFlags';
import { optedOutByEnv } from './envOptOut';
import { claimFlushSlot } from './flushGate';
import { resolvePending } from './pending';
import { proxyFor } from './proxy';
import { readUserSettings } from './settings';
import { Spool, spoolDir } from './spool';
import { resolveUserHash, type UserHashLookup } from './userHash';
import { join } from 'node:path';

/** Writing the request once connected: the kernel takes it at once on a connected socket. */
const SEND_BUDGET_MS = 300;

export interface FlushOptions {
  deadlineMs?: number;
  /** Test hooks, as for a session. */
  connection?: { dnsServers?: string[]; tls?: { ca?: string | Buffer } };
  userHash?: UserHashLookup;
}

/** Whether telemetry may send at all, by every setting this process can see. */
function allowed(deps: Deps): boolean {
  if (optedOutByEnv(deps.env) || flagsOn(deps.env[ENV.debug])) return false;
  const settings = readUserSettings(deps.configDir());
  if (settings.enabled === false) return false;
  return settings.enabled === true || !!settings.noticeShownAt;
}

/**
 * The helper's work: connect, claim up to SPOOL_BATCH signals (only once connected, so no other
 * invocation is kept from them while we wait), send, forget them; put them back if sending failed.
 * Resolves whether something was sent; never throws, never prints.
 */
export async function flushSpool(deps: Deps, opts: FlushOptions = {}): Promise<boolean> {
  const deadline = Date.now() + (opts.deadlineMs ?? FLUSH_DEADLINE_MS) - SEND_BUDGET_MS;
  let connection: Connection | undefined;
  let userHash: Promise<string | undefined> | undefined;
  try {
    if (!allowed(deps)) return false;
    const cacheDir = deps.cacheDir();
    const spool = new Spool(spoolDir(cacheDir));
    if (spool.pending().length === 0) return false;
    // Signals made on Windows in a new setup wait for the user hash: look it up (PowerShell, up to
    // seconds) while connecting. Elsewhere, and for a known setup, this is a cache read.
    userHash = resolveUserHash(deps.env, cacheDir, opts.userHash).catch(() => undefined);
    const endpoint = new URL(endpointOf(deps.env));
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') return false;
    connection = new Connection({ endpoint, proxy: proxyFor(endpoint, deps.env), userAgent: `kubectl-gs/${buildInfo.version}`, ...opts.connection }).start();
    if (!(await connection.whenReady(Math.max(0, deadline - Date.now())))) return false;
    // The user may have opted out while we connected (`telemetry disable` also empties the spool).
    if (!allowed(deps)) return false;
    const claimed = spool.claim(SPOOL_BATCH);
    const { send, keep } = resolvePending(claimed, spool, cacheDir, Date.now(), await userHash);
    const sent = claimed.files.filter((f) => !keep.files.includes(f));
    if (send.length === 0) {
      spool.release(keep);
      return false;
    }
    const ok = await connection.send(JSON.stringify(send), SEND_BUDGET_MS);
    if (ok) {
      spool.done({ entries: [], files: sent });
      spool.release(keep);
    } else {
      spool.release(claimed);
    }
    return ok;
  } catch {
    return false;
  } finally {
    connection?.close();
    // Even when nothing could be sent, let the lookup finish and fill the cache for the next command.
    await userHash;
  }
}

/** How to run this program again: the executable, plus the script when it runs under plain node. */
export interface SelfCommand {
  command: string;
  args: string[];
}

/**
 * Called by an invocation whose signal went to the spool while its connection was still coming up:
 * starts the helper unless one was started within FLUSH_INTERVAL_MS. Costs the caller a spawn (see
 * docs/telemetry.md for the figures); never waits for the helper, never throws.
 */
export function maybeStartFlusher(deps: Deps, spool: Spool, now = Date.now()): boolean {
  try {
    const self = deps.self?.();
    if (!self || spool.pending().length === 0) return false;
    const telemetryDir = join(spool.dir, '..');
    if (!claimFlushSlot(telemetryDir, now, FLUSH_INTERVAL_MS)) return false;
    // Its own working directory, so that it never keeps the user's (say, a mount point) busy.
    startDetached(self.command, [...self.args, FLUSH_COMMAND], telemetryDir, deps.env);
    return true;
  } catch {
    return false;
  }
}
