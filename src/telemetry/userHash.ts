// The anonymous user hash (clientUser), byte-identical to giantswarm/telemetrydeck-go's for the same
// machine and user, so someone moving from the Go kubectl-gs keeps their identity in TelemetryDeck.
//
// The hashed string is `|<os>|<arch>[|<hostname>][|<MACs>]|<uid>|<gid>|<$USER>|<$USERNAME>|<$%USERNAME%>`
// (the last variable name really contains the percent signs, so it is empty everywhere in practice).
// MACs are the hardware addresses of every network link, up or down, with or without an IP address,
// as Go's net.Interfaces() reports them: sorted as strings, joined with one space.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goArch, goOs } from '../platform';
import { sha256Hex } from './sha256';

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

/**
 * Go keeps a link's address unless it is empty, all zeros (loopback), or 4 or 16 bytes long (IP
 * tunnels report their IP address there, which Go deliberately ignores).
 */
export function goHardwareAddr(raw: string): string | undefined {
  const a = raw.trim().toLowerCase();
  if (!a) return undefined;
  const bytes = a.split(':');
  if (bytes.length === 4 || bytes.length === 16) return undefined;
  if (bytes.every((b) => /^0+$/.test(b))) return undefined;
  return bytes.map((b) => b.padStart(2, '0')).join(':');
}

/**
 * Every link's hardware address that can be read without starting a process. Linux: /sys/class/net lists
 * all links of this network namespace, as Go's netlink query does. Elsewhere Node can only list links
 * that have an IP address (macOS adds the rest through allLinkAddresses; on Windows links without an
 * address are missed, so the hash can differ from Go's there).
 * Undefined when no list can be read (Go then leaves the segment out).
 */
export function linkAddresses(sysClassNet = '/sys/class/net'): string[] | undefined {
  if (process.platform === 'linux') {
    try {
      const out: string[] = [];
      for (const name of readdirSync(sysClassNet)) {
        let raw: string;
        try {
          raw = readFileSync(`${sysClassNet}/${name}/address`, 'utf8');
        } catch {
          continue;
        }
        const mac = goHardwareAddr(raw);
        if (mac) out.push(mac);
      }
      return out;
    } catch {
      // No sysfs (some containers): fall through to what Node can see.
    }
  }
  try {
    const out: string[] = [];
    const { networkInterfaces } = require('node:os') as typeof import('node:os');
    for (const addrs of Object.values(networkInterfaces())) {
      // One address per link: every IP entry of a link repeats the link's MAC.
      const mac = addrs?.length ? goHardwareAddr(addrs[0].mac) : undefined;
      if (mac) out.push(mac);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The link addresses in `ifconfig -a` output (macOS): each interface's `ether` or `lladdr` line, which
 * ifconfig prints for every interface whose link-layer address is not empty, down or address-less ones
 * included, as Go's route-socket listing sees them. macOS prints bytes without leading zeros
 * (`0:1c:42:0:0:8`); goHardwareAddr pads them.
 */
export function ifconfigLinkAddresses(output: string): string[] {
  const out: string[] = [];
  for (const m of output.matchAll(/^\s+(?:ether|lladdr)\s+([0-9a-fA-F]{1,2}(?:[:.][0-9a-fA-F]{1,2})+)\s*$/gm)) {
    const mac = goHardwareAddr(m[1].replace(/\./g, ':'));
    if (mac) out.push(mac);
  }
  return out;
}

/**
 * Every link's address where Node alone cannot list them all: on macOS, `ifconfig -a` (a few ms, so
 * only when the cached hash no longer matches what Node sees). Undefined when that cannot be run.
 */
function allLinkAddresses(): string[] | undefined {
  if (process.platform !== 'darwin') return undefined;
  try {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const output = execFileSync('/sbin/ifconfig', ['-a'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] });
    return ifconfigLinkAddresses(output);
  } catch {
    return undefined;
  }
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

/**
 * The facts the hash is made of. With complete, links Node cannot see are looked up too (macOS); without,
 * they are what Node sees cheaply, which on Linux is already every link.
 */
export function currentUserFacts(env: NodeJS.ProcessEnv, complete = true): UserFacts {
  return {
    os: goOs(process.platform),
    arch: goArch(process.arch),
    hostname: safeHostname(),
    macs: (complete && allLinkAddresses()) || linkAddresses(),
    // Go returns -1 for both on Windows, where Node has no getuid/getgid.
    uid: process.getuid?.() ?? -1,
    gid: process.getgid?.() ?? -1,
    env,
  };
}

export function userHash(env: NodeJS.ProcessEnv): string {
  return hashUserId(userIdString(currentUserFacts(env)));
}

/** FNV-1a (32-bit) of a string: a cheap cache key, not a privacy measure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

/** How many (facts, hash) pairs the cache keeps: a laptop moves between a few network setups. */
const CACHED_HASHES = 8;

interface CacheEntry {
  key: string;
  hash: string;
}

function readCache(file: string): CacheEntry[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown };
    if (!Array.isArray(parsed.entries)) return [];
    return parsed.entries.filter(
      (e): e is CacheEntry => typeof e?.key === 'string' && typeof e?.hash === 'string' && /^[0-9a-f]{64}$/.test(e.hash),
    );
  } catch {
    return []; // no cache yet, or one this version does not read
  }
}

/**
 * The user hash, from live facts every time, but with the SHA-256 itself remembered in the cache
 * directory: in a process that lives 40 ms, SHA-256 in JavaScript runs in V8's interpreter and costs
 * about half a millisecond (and on macOS, listing every link starts ifconfig). The cache holds hashes
 * and 32-bit checksums of the facts Node sees cheaply, for the last few setups (VPN on, VPN off, ...),
 * so a changed host name, visible link or user gives the right hash at once and a setup seen before
 * costs nothing.
 */
export function cachedUserHash(env: NodeJS.ProcessEnv, cacheDir: string): string {
  // Keyed by what Node sees cheaply; the hash itself is made from every link (see currentUserFacts).
  const quick = currentUserFacts(env, false);
  const key = fnv1a(userIdString(quick));
  const file = join(cacheDir, 'telemetry', 'user-hash.json');
  const entries = readCache(file);
  const hit = entries.find((e) => e.key === key);
  if (hit) return hit.hash;
  const complete = process.platform === 'darwin' ? currentUserFacts(env) : quick;
  const hash = hashUserId(userIdString(complete));
  try {
    mkdirSync(join(cacheDir, 'telemetry'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ entries: [{ key, hash }, ...entries].slice(0, CACHED_HASHES) }));
    renameSync(tmp, file);
  } catch {
    // a cache that cannot be written is only a cache
  }
  return hash;
}
