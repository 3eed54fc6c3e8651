// The hardware address of every network link, as Go's net.Interfaces() lists them for the user hash
// (userHash.ts): every link, up or down, with or without an IP address. Each OS needs its own source,
// because Node's os.networkInterfaces() only lists links that are up and have an address:
// - Linux: /sys/class/net, which holds every link of the network namespace, as Go's netlink query sees.
// - macOS: `ifconfig -a` (a few ms), which prints every link-layer address, as Go's route socket sees.
// - Windows: .NET's NetworkInterface.GetAllNetworkInterfaces() through PowerShell. It calls
//   GetAdaptersAddresses, the same call Go makes, so it returns the same adapters; but starting
//   PowerShell takes hundreds of milliseconds, so it only ever runs in the background (see
//   resolveUserHash in userHash.ts).
import { readdirSync, readFileSync } from 'node:fs';

/** Go's text for a hardware address: lowercase, two hex digits per byte, colon-separated. */
function goText(bytes: string[]): string {
  return bytes.map((b) => b.toLowerCase().padStart(2, '0')).join(':');
}

/** Linux link types whose 4- or 16-byte "hardware address" is really a tunnel's IP address. */
const IP_TUNNEL_TYPES: Record<number, number[]> = {
  4: [768 /* ipip */, 776 /* sit */, 778 /* gre */],
  16: [769 /* ip6tnl */, 823 /* ip6gre */],
};

/**
 * What Go's Linux code keeps of a link's address: nothing if it is empty or all zeros (loopback), and
 * nothing for an IP tunnel whose address is its IPv4 or IPv6 address (linkType: the ARPHRD_* number from
 * /sys/class/net/<link>/type; when it is unknown, a 4- or 16-byte address is taken to be such a tunnel).
 */
export function linuxHardwareAddr(raw: string, linkType?: number): string | undefined {
  const a = raw.trim();
  if (!a) return undefined;
  const bytes = a.split(':');
  const tunnelTypes = IP_TUNNEL_TYPES[bytes.length];
  if (tunnelTypes && (linkType === undefined || tunnelTypes.includes(linkType))) return undefined;
  if (bytes.every((b) => /^0+$/.test(b))) return undefined;
  return goText(bytes);
}

/**
 * What Go's macOS and Windows code keeps: any address that is not empty, zeros included (there, links
 * without one, like the loopback, have an empty address rather than a zero one).
 */
export function bsdOrWindowsHardwareAddr(raw: string): string | undefined {
  const a = raw.trim();
  return a ? goText(a.split(':')) : undefined;
}

/** Every link in a sysfs net directory; undefined if it cannot be read (some containers have no sysfs). */
export function sysfsLinkAddresses(sysClassNet = '/sys/class/net'): string[] | undefined {
  let names: string[];
  try {
    names = readdirSync(sysClassNet);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  for (const name of names) {
    let raw: string;
    try {
      raw = readFileSync(`${sysClassNet}/${name}/address`, 'utf8');
    } catch {
      continue;
    }
    const length = raw.trim().split(':').length;
    const mac = linuxHardwareAddr(raw, IP_TUNNEL_TYPES[length] ? linkType(`${sysClassNet}/${name}/type`) : undefined);
    if (mac) out.push(mac);
  }
  return out;
}

function linkType(file: string): number | undefined {
  try {
    const n = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isNaN(n) ? undefined : n;
  } catch {
    return undefined;
  }
}

/**
 * The links Node can list: those that are up and have an address. Node reports links without a
 * link-layer address as all zeros, so zeros are dropped here whatever the OS.
 */
export function nodeVisibleLinkAddresses(): string[] | undefined {
  try {
    const out: string[] = [];
    const { networkInterfaces } = require('node:os') as typeof import('node:os');
    for (const addrs of Object.values(networkInterfaces())) {
      // One address per link: every IP entry of a link repeats the link's MAC.
      const mac = addrs?.length ? linuxHardwareAddr(addrs[0].mac) : undefined;
      if (mac) out.push(mac);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The link addresses in `ifconfig -a` output (macOS): each interface's `ether` or `lladdr` line, which
 * ifconfig prints for every interface whose link-layer address is not empty. macOS prints bytes without
 * leading zeros (`0:1c:42:0:0:8`), and lladdr may separate them with dots.
 */
export function ifconfigLinkAddresses(output: string): string[] {
  const out: string[] = [];
  for (const m of output.matchAll(/^\s+(?:ether|lladdr)\s+([0-9a-fA-F]{1,2}(?:[:.][0-9a-fA-F]{1,2})+)\s*$/gm)) {
    const mac = bsdOrWindowsHardwareAddr(m[1].replace(/\./g, ':'));
    if (mac) out.push(mac);
  }
  return out;
}

export function macosLinkAddresses(): string[] | undefined {
  try {
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const output = execFileSync('/sbin/ifconfig', ['-a'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] });
    return ifconfigLinkAddresses(output);
  } catch {
    return undefined;
  }
}

/** One line per adapter: its physical address as .NET prints it (upper-case hex, no separators, "" if none). */
export const WINDOWS_LIST_SCRIPT =
  '[System.Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() | ForEach-Object { $_.GetPhysicalAddress().ToString() }';

/**
 * The addresses in WINDOWS_LIST_SCRIPT's output. Undefined when any line is not an address: output we do
 * not understand must not silently become a different user hash.
 */
export function powershellLinkAddresses(output: string): string[] | undefined {
  const out: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const hex = line.trim();
    if (!hex) continue; // an adapter without a physical address (loopback, some tunnels)
    if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex)) return undefined;
    const mac = bsdOrWindowsHardwareAddr(hex.match(/../g)!.join(':'));
    if (mac) out.push(mac);
  }
  return out;
}

/** Windows PowerShell 5.1 ships with every Windows since 10; found by absolute path, never through PATH. */
export function windowsPowerShellPath(env: NodeJS.ProcessEnv): string {
  const root = env.SystemRoot || env.windir || 'C:\\Windows';
  return `${root.replace(/\\+$/, '')}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

/** How long the background lookup may take: PowerShell's cold start on a slow machine with a virus scanner. */
const WINDOWS_LIST_TIMEOUT_MS = 3000;

export function windowsLinkAddresses(env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    try {
      const { execFile } = require('node:child_process') as typeof import('node:child_process');
      execFile(
        windowsPowerShellPath(env),
        ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', WINDOWS_LIST_SCRIPT],
        { encoding: 'utf8', timeout: WINDOWS_LIST_TIMEOUT_MS, windowsHide: true },
        (err, stdout) => resolve(err ? undefined : powershellLinkAddresses(stdout)),
      );
    } catch {
      resolve(undefined);
    }
  });
}
