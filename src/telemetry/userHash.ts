// The anonymous user hash (clientUser), byte-identical to giantswarm/telemetrydeck-go's for the same
// machine and user, so someone moving from the Go kubectl-gs keeps their identity in TelemetryDeck.
//
// The hashed string is `|<os>|<arch>[|<hostname>][|<MACs>]|<uid>|<gid>|<$USER>|<$USERNAME>|<$%USERNAME%>`
// (the last variable name really contains the percent signs, so it is empty everywhere in practice).
// MACs are the hardware addresses of every network link, up or down, with or without an IP address,
// as Go's net.Interfaces() reports them: sorted as strings, joined with one space.
import { readdirSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
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
 * Every link's hardware address. Linux: /sys/class/net lists all links of this network namespace, as
 * Go's netlink query does. Elsewhere Node can only list links that have an IP address; links without
 * one are missed there, so the hash can differ from Go's on such machines (macOS, Windows).
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

function safeHostname(): string | undefined {
  try {
    return hostname();
  } catch {
    return undefined;
  }
}

export function currentUserFacts(env: NodeJS.ProcessEnv): UserFacts {
  return {
    os: goOs(process.platform),
    arch: goArch(process.arch),
    hostname: safeHostname(),
    macs: linkAddresses(),
    // Go returns -1 for both on Windows, where Node has no getuid/getgid.
    uid: process.getuid?.() ?? -1,
    gid: process.getgid?.() ?? -1,
    env,
  };
}

export function userHash(env: NodeJS.ProcessEnv): string {
  return hashUserId(userIdString(currentUserFacts(env)));
}
