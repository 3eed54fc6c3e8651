// The anonymous user hash (clientUser), byte-identical to giantswarm/telemetrydeck-go's for the same
// machine and user, so someone moving from the Go kubectl-gs keeps their identity in TelemetryDeck.
//
// The hashed string is `|<os>|<arch>[|<hostname>][|<MACs>]|<uid>|<gid>|<$USER>|<$USERNAME>|<$%USERNAME%>`
// (the last variable name really contains the percent signs, so it is empty everywhere in practice).
// MACs are the hardware addresses of every network link, up or down, with or without an IP address,
// as Go's net.Interfaces() reports them: sorted as strings, joined with one space.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, readPrivateFile, writeFileAtomic } from '../files/index';
import { goArch, goOs } from '../platform';
import { macosLinkAddresses, nodeVisibleLinkAddresses, sysfsLinkAddresses, windowsLinkAddresses } from './links';
import { sha256Hex } from '../sha256';

export interface UserFacts {
  os: string;
  arch: string;
  hostname?: string;
  macs?: string[];
  uid: number;
  gid: number;
  env: NodeJS.ProcessEnv;
}

export function userIdString(f: UserFacts): string {
  let id = `|${f.os}|${f.arch}`;
  if (f.hostname !== undefined) id += `|${f.hostname}`;
  if (f.macs !== undefined) id += `|${[...f.macs].sort().join(' ')}`;
  id += `|${f.uid}|${f.gid}`;
  id += `|${f.env.USER ?? ''}|${f.env.USERNAME ?? ''}|${f.env['%USERNAME%'] ?? ''}`;
  return id;
}

export function hashUserId(id: string): string {
  return sha256Hex(id);
}

/** The links this process can list without starting another: every link on Linux, fewer elsewhere. */
function quickLinkAddresses(platform: NodeJS.Platform): string[] | undefined {
  return (platform === 'linux' && sysfsLinkAddresses()) || nodeVisibleLinkAddresses();
}

/**
 * The host name as Go's os.Hostname gives it. On Linux that is the kernel's host name, read here from
 * /proc (what Go falls back to) instead of through node:os, which telemetry would otherwise load only
 * for this (~0.3 ms of a command's start).
 */
function safeHostname(): string | undefined {
  if (process.platform === 'linux') {
    try {
      const name = readFileSync('/proc/sys/kernel/hostname', 'utf8').trim();
      if (name) return name;
    } catch {
      // no /proc: ask the OS below
    }
  }
  try {
    return (require('node:os') as typeof import('node:os')).hostname();
  } catch {
    return undefined;
  }
}

/** The facts the hash is made of, with the given link list (by default, what can be listed quickly). */
export function currentUserFacts(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, macs = quickLinkAddresses(platform)): UserFacts {
  return {
    os: goOs(platform),
    arch: goArch(process.arch),
    hostname: safeHostname(),
    macs,
    // Go returns -1 for both on Windows, where Node has no getuid/getgid.
    uid: platform === 'win32' ? -1 : (process.getuid?.() ?? -1),
    gid: platform === 'win32' ? -1 : (process.getgid?.() ?? -1),
    env,
  };
}

/**
 * The hash from every link, where that can be listed without waiting: Linux (sysfs) and macOS
 * (ifconfig). On Windows this is only an approximation; resolveUserHash has the real one.
 */
export function userHash(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const macs = platform === 'darwin' ? (macosLinkAddresses() ?? quickLinkAddresses(platform)) : quickLinkAddresses(platform);
  return hashUserId(userIdString(currentUserFacts(env, platform, macs)));
}

/** FNV-1a (32-bit) of a string: a cheap cache key, not a privacy measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** How many (facts, hash) pairs the cache keeps: a laptop moves between a few network setups. */
const CACHED_HASHES = 8;

/** A hash made without the full link list (the Windows lookup failed) is retried after this long. */
const APPROXIMATE_HASH_TTL_MS = 24 * 60 * 60 * 1000;

interface CacheEntry {
  key: string;
  hash: string;
  /** Only for an approximate hash: when to try the full lookup again (ms since epoch). */
  until?: number;
}

function cacheFile(cacheDir: string): string {
  return join(cacheDir, 'telemetry', 'user-hash.json');
}

/** Eight entries are under 1 KB; a bigger file is not one of ours. */
const MAX_CACHE_BYTES = 4096;

function readCache(file: string, now: number): CacheEntry[] {
  try {
    const read = readPrivateFile(file, MAX_CACHE_BYTES);
    if (!read.ok) return [];
    const parsed = JSON.parse(read.text) as { entries?: unknown };
    if (!Array.isArray(parsed.entries)) return [];
    return parsed.entries.filter(
      (e): e is CacheEntry =>
        typeof e?.key === 'string' && typeof e?.hash === 'string' && /^[0-9a-f]{64}$/.test(e.hash) && (e.until === undefined || (typeof e.until === 'number' && e.until > now)),
    );
  } catch {
    return []; // no cache yet, or one this version does not read
  }
}

/** 0600 in the 0700 telemetry folder; not fsync'd (a lost cache is computed again). Best effort. */
function remember(cacheDir: string, entry: CacheEntry, now: number): void {
  const file = cacheFile(cacheDir);
  try {
    const others = readCache(file, now).filter((e) => e.key !== entry.key);
    ensurePrivateDir(join(cacheDir, 'telemetry'));
    writeFileAtomic(file, JSON.stringify({ entries: [entry, ...others].slice(0, CACHED_HASHES) }), { fsync: false });
  } catch {
    // a cache that cannot be written is only a cache
  }
}

/** The cache key: a checksum of the facts that can be read quickly, which change with the setup. */
function cacheKey(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return fnv1a(userIdString(currentUserFacts(env, platform)));
}

/**
 * The user hash, from live facts every time, but with the SHA-256 itself remembered in the cache
 * directory: in a process that lives 40 ms, SHA-256 in JavaScript runs in V8's interpreter and costs
 * about half a millisecond (and on macOS, listing every link starts ifconfig). The cache holds hashes
 * and 32-bit checksums of the facts Node sees quickly, for the last few setups (VPN on, VPN off, ...),
 * so a changed host name, visible link or user gives the right hash at once and a setup seen before
 * costs nothing.
 * Undefined on Windows for a setup not seen before: its hash needs the slow lookup (resolveUserHash),
 * which a command must not wait for.
 */
export function cachedUserHash(env: NodeJS.ProcessEnv, cacheDir: string, platform: NodeJS.Platform = process.platform, now = Date.now()): string | undefined {
  const key = cacheKey(env, platform);
  const hit = readCache(cacheFile(cacheDir), now).find((e) => e.key === key);
  if (hit) return hit.hash;
  if (platform === 'win32') return undefined;
  const hash = userHash(env, platform);
  remember(cacheDir, { key, hash }, now);
  return hash;
}

export interface UserHashLookup {
  platform?: NodeJS.Platform;
  /** Every link's address on Windows (tests replace the PowerShell lookup). */
  listWindowsLinks?: (env: NodeJS.ProcessEnv) => Promise<string[] | undefined>;
}

/**
 * The user hash, waiting for the slow lookup where there is one (Windows: starting PowerShell, hundreds of ms), and
 * remembered for the current setup. Only the background flusher and `telemetry status` call this.
 * If the lookup fails, the hash of the links Node sees stands in for a day, then the lookup is retried.
 */
export async function resolveUserHash(env: NodeJS.ProcessEnv, cacheDir: string, lookup: UserHashLookup = {}, now = Date.now()): Promise<string> {
  const platform = lookup.platform ?? process.platform;
  const cached = cachedUserHash(env, cacheDir, platform, now);
  if (cached) return cached;
  const macs = await (lookup.listWindowsLinks ?? windowsLinkAddresses)(env);
  // Without the lookup's list, currentUserFacts falls back to the links Node sees.
  const hash = hashUserId(userIdString(currentUserFacts(env, platform, macs)));
  remember(cacheDir, { key: cacheKey(env, platform), hash, ...(macs ? {} : { until: now + APPROXIMATE_HASH_TTL_MS }) }, now);
  return hash;
}
