// The user hash must be byte-identical to giantswarm/telemetrydeck-go's: the vector computed with the Go
// library, Go's rules for link addresses, and every link of a network namespace we fill ourselves.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { goArch, goOs } from '../../../src/platform';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { bsdOrWindowsHardwareAddr, ifconfigLinkAddresses, linuxHardwareAddr, powershellLinkAddresses, sysfsLinkAddresses, windowsPowerShellPath } from '../../../src/telemetry/links';
import { cachedUserHash, currentUserFacts, hashUserId, resolveUserHash, userIdString } from '../../../src/telemetry/userHash';

describe('user hash', () => {
  it('matches the vector computed with the Go library', () => {
    const id = userIdString({
      os: 'linux', arch: 'amd64', hostname: 'vm',
      macs: ['ae:8c:f7:a2:62:59', '02:fc:00:00:00:01', 'a2:32:30:b9:a2:91'],
      uid: 0, gid: 0, env: { USER: 'alice' },
    });
    expect(id).toBe('|linux|amd64|vm|02:fc:00:00:00:01 a2:32:30:b9:a2:91 ae:8c:f7:a2:62:59|0|0|alice||');
    expect(hashUserId(id)).toBe('42ba670bfd021c7e30adcc0d3aa53e50368c20c8fc270a616d8fe18b7e9eae36');
  });

  it('leaves out the hostname and MAC segments when they cannot be read, and adds USERNAME', () => {
    expect(userIdString({ os: 'windows', arch: 'arm64', uid: -1, gid: -1, env: { USERNAME: 'bob' } })).toBe('|windows|arm64|-1|-1||bob|');
    expect(userIdString({ os: 'linux', arch: 'amd64', macs: [], uid: 1, gid: 2, env: {} })).toBe('|linux|amd64||1|2|||');
  });

  it.each([
    ['00:00:00:00:00:00', undefined, undefined],
    ['', undefined, undefined],
    ['0a:00:00:01', 768, undefined], // ipip: the "address" is the tunnel's IPv4 address, which Go ignores
    ['0a:00:00:01', 778, undefined], // gre
    ['0a:00:00:01', 1, '0a:00:00:01'], // a 4-byte address on a link that is not an IP tunnel is kept
    ['0a:00:00:01', undefined, undefined], // type unknown: taken to be a tunnel
    ['fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:01', 769, undefined], // ip6tnl: 16 bytes
    ['fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:01', 768, 'fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:01'],
    ['02:FC:00:00:00:01\n', 1, '02:fc:00:00:00:01'],
    ['80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:cf:41', 32, '80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:cf:41'],
  ])('Go on Linux keeps %j (link type %j) as %j', (raw, type, want) => {
    expect(linuxHardwareAddr(raw, type)).toBe(want);
  });

  it.each([
    ['', undefined],
    ['0:0:0:0:0:0', '00:00:00:00:00:00'], // Go on macOS and Windows keeps zeros: only empty addresses are dropped
    ['00:00:00:00:00:00:00:E0', '00:00:00:00:00:00:00:e0'], // a Teredo tunnel adapter
    ['3c:22:fb:1:a:ff', '3c:22:fb:01:0a:ff'],
  ])('Go on macOS and Windows keeps %j as %j', (raw, want) => {
    expect(bsdOrWindowsHardwareAddr(raw)).toBe(want);
  });

  it('reads every link address from macOS ifconfig -a output, down and address-less links included', () => {
    // The shape macOS prints: bytes without leading zeros, ether for Ethernet-like links, lladdr for
    // others, nothing for links without a link-layer address (lo0, gif0, utun0).
    const output = [
      'lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384',
      '\toptions=1203<RXCSUM,TXCSUM,TXSTATUS,SW_TIMESTAMP>',
      '\tinet 127.0.0.1 netmask 0xff000000',
      'gif0: flags=8010<POINTOPOINT,MULTICAST> mtu 1280',
      'en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500',
      '\tether 3c:22:fb:1:a:ff',
      '\tinet6 fe80::1c8c:8cd6:d3a4:5b21%en0 prefixlen 64 secured scopeid 0xe',
      '\tstatus: active',
      'en5: flags=8822<BROADCAST,SMART,SIMPLEX,MULTICAST> mtu 1500',
      '\tether ac:de:48:0:11:22',
      '\tmedia: autoselect (<unknown type>)',
      '\tstatus: inactive',
      'fw0: flags=8822<BROADCAST,SMART,SIMPLEX,MULTICAST> mtu 4078',
      '\tlladdr 0:a:95:ff:fe:a1:b2:c3',
      'utun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1380',
      '\tinet6 fe80::8a3:2f9e:6e1b:4a1d%utun0 prefixlen 64 scopeid 0x12',
      '',
    ].join('\n');
    expect(ifconfigLinkAddresses(output)).toEqual(['3c:22:fb:01:0a:ff', 'ac:de:48:00:11:22', '00:0a:95:ff:fe:a1:b2:c3']);
  });

  it('reads every adapter address from the PowerShell lookup, and refuses output it does not understand', () => {
    // One line per adapter from .NET, as Windows PowerShell prints it: CRLF, upper-case hex, an empty line
    // for adapters without a physical address (loopback), 8 bytes for a Teredo tunnel, zeros kept.
    const output = '00155D0A1B2C\r\n\r\n0A0027000011\r\n00000000000000E0\r\n000000000000\r\n';
    expect(powershellLinkAddresses(output)).toEqual(['00:15:5d:0a:1b:2c', '0a:00:27:00:00:11', '00:00:00:00:00:00:00:e0', '00:00:00:00:00:00']);
    expect(powershellLinkAddresses('')).toEqual([]);
    expect(powershellLinkAddresses('00155D0A1B2C\r\nThe term is not recognized\r\n')).toBeUndefined();
    expect(powershellLinkAddresses('00155D0A1B2\r\n')).toBeUndefined(); // odd number of digits
  });

  it('finds Windows PowerShell by absolute path, never through PATH', () => {
    expect(windowsPowerShellPath({ SystemRoot: 'D:\\WINDOWS\\' })).toBe('D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(windowsPowerShellPath({ windir: 'C:\\Win' })).toBe('C:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(windowsPowerShellPath({})).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('reads every link from a sysfs-like directory, down and addressless ones included', () => {
    if (process.platform !== 'linux') return;
    const dir = mkdtempSync(join(tmpdir(), 'kgs-sysnet-'));
    const links: Record<string, [string, number]> = {
      lo: ['00:00:00:00:00:00', 772], eth0: ['02:fc:00:00:00:01', 1], ifb0: ['ba:ab:3d:e5:29:09', 1], wg0: ['', 65534],
      tunl0: ['00:00:00:00', 768], gre1: ['0a:00:00:01', 778], odd0: ['0a:00:00:02', 1],
    };
    for (const [name, [mac, type]] of Object.entries(links)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'address'), mac + '\n');
      writeFileSync(join(dir, name, 'type'), `${type}\n`);
    }
    mkdirSync(join(dir, 'noaddressfile'));
    expect(sysfsLinkAddresses(dir)?.sort()).toEqual(['02:fc:00:00:00:01', '0a:00:00:02', 'ba:ab:3d:e5:29:09']);
    expect(sysfsLinkAddresses(join(dir, 'missing'))).toBeUndefined();
  });

  // Links we create in a network namespace of our own (loopback only, nothing leaves the machine):
  // down veths, a bridge and a tap without any IP address must all count, as in Go.
  const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-rnm', 'true']).status === 0;
  (canUnshare ? it : it.skip)('counts links we create in a fresh network namespace, and hashes as Go would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-netns-'));
    const script = join(dir, 'hash.cjs');
    buildSync({
      stdin: {
        contents: `const u = require(${JSON.stringify(resolve(__dirname, '../../../src/telemetry/userHash.ts'))});
          const f = u.currentUserFacts({ USER: 'alice' }); f.hostname = 'vm';
          process.stdout.write(JSON.stringify({ macs: f.macs, id: u.userIdString(f), hash: u.userHash({ USER: 'alice' }) }));`,
        resolveDir: dir,
      },
      bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent',
    });
    const setup = [
      'mount -t sysfs sysfs /sys',
      'ip link add v0 address 02:00:00:00:00:0a type veth peer name v1 address 02:00:00:00:00:0b',
      'ip link add br0 address 02:00:00:00:00:0c type bridge',
      'ip tuntap add tap0 mode tap && ip link set tap0 address 02:00:00:00:00:0d',
      `${process.execPath} ${script}`,
      'echo',
      // What netlink (Go's source) lists, to compare with what we read from sysfs.
      'ip -o link',
    ].join(' && ');
    const r = spawnSync('unshare', ['-rnm', 'sh', '-c', setup], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [json, ...netlink] = r.stdout.split('\n');
    const out = JSON.parse(json) as { macs: string[]; id: string; hash: string };
    const fromNetlink = netlink.map((l) => /link\/\S+ ([0-9a-f:]+)/.exec(l)?.[1]).map((m) => m && linuxHardwareAddr(m, 1)).filter(Boolean);
    expect([...out.macs].sort()).toEqual(fromNetlink.sort());
    const macs = '02:00:00:00:00:0a 02:00:00:00:00:0b 02:00:00:00:00:0c 02:00:00:00:00:0d';
    expect([...out.macs].sort().join(' ')).toBe(macs);
    // Inside `unshare -r` we are uid 0 / gid 0.
    expect(out.id).toBe(`|${goOs(process.platform)}|${goArch(process.arch)}|vm|${macs}|0|0|alice||`);
    expect(out.hash).toBe(hashUserId(`|${goOs(process.platform)}|${goArch(process.arch)}|${hostname()}|${macs}|0|0|alice||`));
  });
});

describe('cached user hash', () => {
  it('equals the live hash, and follows a change of its input at once', () => {
    const { cachedUserHash, userHash } = require('../../../src/telemetry/userHash') as typeof import('../../../src/telemetry/userHash');
    const cache = mkdtempSync(join(tmpdir(), 'kgs-uh-'));
    expect(cachedUserHash({ USER: 'alice' }, cache)).toBe(userHash({ USER: 'alice' }));
    expect(cachedUserHash({ USER: 'alice' }, cache)).toBe(userHash({ USER: 'alice' }));
    expect(cachedUserHash({ USER: 'bob' }, cache)).toBe(userHash({ USER: 'bob' }));
    expect(userHash({ USER: 'bob' })).not.toBe(userHash({ USER: 'alice' }));
  });

  it('keeps the last setups, answers from the cache for one seen before, and drops the oldest', () => {
    const { cachedUserHash, userHash } = require('../../../src/telemetry/userHash') as typeof import('../../../src/telemetry/userHash');
    const { readFileSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
    const cache = mkdtempSync(join(tmpdir(), 'kgs-uh-'));
    const file = join(cache, 'telemetry', 'user-hash.json');
    const users = Array.from({ length: 9 }, (_, i) => `user${i}`);
    for (const u of users) cachedUserHash({ USER: u }, cache);
    const entries = (JSON.parse(readFileSync(file, 'utf8')) as { entries: Array<{ key: string; hash: string }> }).entries;
    expect(entries).toHaveLength(8);
    expect(entries.map((e) => e.hash)).toEqual(users.slice(1).reverse().map((u) => userHash({ USER: u })));
    // A hash that only the cache knows proves the answer came from it.
    const planted = { entries: [{ ...entries[3], hash: 'f'.repeat(64) }, ...entries.filter((_, i) => i !== 3)] };
    writeFileSync(file, JSON.stringify(planted));
    expect(cachedUserHash({ USER: users[5] }, cache)).toBe('f'.repeat(64));
  });

  it('starts over from a cache it cannot read', () => {
    const { cachedUserHash, userHash } = require('../../../src/telemetry/userHash') as typeof import('../../../src/telemetry/userHash');
    const { mkdirSync: mk, writeFileSync } = require('node:fs') as typeof import('node:fs');
    const cache = mkdtempSync(join(tmpdir(), 'kgs-uh-'));
    mk(join(cache, 'telemetry'));
    writeFileSync(join(cache, 'telemetry', 'user-hash.json'), '{"key":"old","hash":"x"');
    expect(cachedUserHash({ USER: 'alice' }, cache)).toBe(userHash({ USER: 'alice' }));
  });
});

describe('user hash on Windows', () => {
  const env = { USERNAME: 'bob' };
  // Adapters only the full lookup sees: down, or without an IP address.
  const everyAdapter = ['00:15:5d:0a:1b:2c', '0a:00:27:00:00:11', '00:00:00:00:00:00:00:e0'];
  const goHash = (macs: string[]) => hashUserId(userIdString({ ...currentUserFacts(env, 'win32'), macs }));

  it('is not guessed by a command: a setup not seen before has no hash until the lookup ran', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'kgs-uh-win-'));
    expect(cachedUserHash(env, cache, 'win32')).toBeUndefined();
    let lookups = 0;
    const listWindowsLinks = async () => (lookups++, everyAdapter);
    const hash = await resolveUserHash(env, cache, { platform: 'win32', listWindowsLinks });
    expect(hash).toBe(goHash(everyAdapter));
    expect(currentUserFacts(env, 'win32')).toMatchObject({ os: 'windows', uid: -1, gid: -1 });
    // Remembered: the next command has it at once, and no second lookup runs.
    expect(cachedUserHash(env, cache, 'win32')).toBe(hash);
    expect(await resolveUserHash(env, cache, { platform: 'win32', listWindowsLinks })).toBe(hash);
    expect(lookups).toBe(1);
    // Another user (another setup) needs its own lookup.
    expect(cachedUserHash({ USERNAME: 'carol' }, cache, 'win32')).toBeUndefined();
  });

  it('falls back to the adapters Node sees when the lookup fails, and retries it a day later', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'kgs-uh-win-'));
    const now = 1_800_000_000_000;
    const failed = await resolveUserHash(env, cache, { platform: 'win32', listWindowsLinks: async () => undefined }, now);
    expect(failed).toBe(hashUserId(userIdString(currentUserFacts(env, 'win32'))));
    expect(cachedUserHash(env, cache, 'win32', now + 60_000)).toBe(failed);
    expect(cachedUserHash(env, cache, 'win32', now + 24 * 3600_000 + 1)).toBeUndefined();
    const later = await resolveUserHash(env, cache, { platform: 'win32', listWindowsLinks: async () => everyAdapter }, now + 24 * 3600_000 + 1);
    expect(later).toBe(goHash(everyAdapter));
  });
});
