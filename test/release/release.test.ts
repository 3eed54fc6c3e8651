// `npm run release` for real, twice, from two clean clones of HEAD in different folders (what is tested is
// the committed tree, not uncommitted changes): all six archives, byte for byte the same both times; the
// manifest's sha256 recomputed; the executables run where this machine can run them (linux/amd64 natively,
// linux/arm64 under qemu-user-static) and are checked structurally where it cannot (darwin: Mach-O, NODE_SEA
// segment, an ad-hoc signature valid for an independent verifier; windows: PE machine, the SEA resource).
// Run by `npm run test:release` (which installs the Debian packages it needs first); about 10-25 minutes.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { seaAssets } from '../../scripts/sea-layout.mjs';
import { packageFile } from '../../scripts/release/base-binary.mjs';
import { parseMachO } from '../../scripts/release/macho-sign.mjs';
import { archiveName } from '../../scripts/release/manifest.mjs';
import { certificateTable } from '../../scripts/release/pe-unsign.mjs';
import { platforms } from '../../scripts/release/platforms.mjs';
import { repoRoot, run } from '../e2e/support/env';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const version = pkg.version;
const verifier = join(repoRoot, 'scripts/release/verify_macho_signature.py');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const env = { KUBECTL_GS_TELEMETRY_OPTOUT: '1', KUBECTL_GS_VERSION: undefined, RELEASE_BASE_URL: undefined };

/** A clean clone of `commit` at `dir` sharing this checkout's node_modules, released into dir/out. */
async function cloneAndRelease(dir: string, commit: string): Promise<string> {
  const clone = await run('git', ['clone', '--quiet', '--no-local', '--no-checkout', repoRoot, dir]);
  expect(clone.stderr).toBe('');
  const checkout = await run('git', ['-C', dir, 'checkout', '--quiet', commit]);
  expect(checkout.stderr).toBe('');
  // A hard-linked copy, as `npm ci` would lay it out inside the clone (a symlink would put this checkout's
  // path into the bundle's module names).
  const modules = await run('cp', ['-al', join(repoRoot, 'node_modules'), join(dir, 'node_modules')]);
  expect(modules.stderr).toBe('');
  const r = await run(process.execPath, ['scripts/release.mjs', '--out', join(dir, 'out')], { cwd: dir, env, timeoutMs: 30 * 60_000 });
  if (r.code !== 0) throw new Error(`release in ${dir} failed: ${r.stderr}`);
  return join(dir, 'out');
}

function unpack(outDir: string, id: string): Promise<string> {
  const [os, arch] = id.split('/');
  const dir = mkdtempSync(join(tmpdir(), `kgs-unpacked-${os}-${arch}-`));
  return run('tar', ['xzf', join(outDir, archiveName(version, os, arch)), '-C', dir]).then((r) => {
    expect(r.code).toBe(0);
    return dir;
  });
}

describe('npm run release (six platforms, two clean clones)', () => {
  let outA: string;
  let outB: string;
  let head: string;

  beforeAll(async () => {
    // One commit for both clones, whatever happens to HEAD meanwhile.
    head = (await run('git', ['rev-parse', '--short=12', 'HEAD'])).stdout.trim();
    outA = await cloneAndRelease(join(mkdtempSync(join(tmpdir(), 'kgs-release-a-')), 'kubectl-gs'), head);
    outB = await cloneAndRelease(join(mkdtempSync(join(tmpdir(), 'kgs-release-b-')), 'some', 'deeper', 'folder'), head);
  }, 60 * 60_000);

  it('builds the six archives, and the manifest and checksums.txt carry their real sha256', () => {
    const m = yaml.load(readFileSync(join(outA, 'plugin.yaml'), 'utf8')) as any;
    expect(m.spec.version).toBe(`v${version}`);
    expect(m.spec.platforms).toHaveLength(6);
    const sums = readFileSync(join(outA, 'checksums.txt'), 'utf8');
    for (const p of platforms) {
      const file = archiveName(version, p.os, p.arch);
      const entry = m.spec.platforms.find((e: any) => e.selector.matchLabels.os === p.os && e.selector.matchLabels.arch === p.arch);
      expect(entry.uri).toBe(`https://github.com/giantswarm/kubectl-gs/releases/download/v${version}/${file}`);
      expect(entry.sha256).toBe(sha256(join(outA, file)));
      expect(entry.bin).toBe(p.exe);
      expect(sums).toContain(`${sha256(join(outA, file))}  ${file}\n`);
    }
  });

  it('is reproducible: the other folder built the same bytes', () => {
    for (const p of platforms) {
      const file = archiveName(version, p.os, p.arch);
      expect(`${file} ${sha256(join(outB, file))}`).toBe(`${file} ${sha256(join(outA, file))}`);
    }
    expect(readFileSync(join(outB, 'plugin.yaml'), 'utf8')).toBe(readFileSync(join(outA, 'plugin.yaml'), 'utf8'));
  });

  it.each(platforms.map((p) => [p.id]))('%s: the executable, kubectl_complete-gs and LICENSE at the root, owned by 0/0', async (id) => {
    const p = platforms.find((x) => x.id === id)!;
    const list = await run('tar', ['--numeric-owner', '-tvzf', join(outA, archiveName(version, p.os, p.arch))]);
    const rows = list.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    const completer = p.os === 'windows' ? 'kubectl_complete-gs.cmd' : 'kubectl_complete-gs';
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['-rw-r--r--', '0/0', 'LICENSE'],
      ['-rwxr-xr-x', '0/0', p.exe],
      ['-rwxr-xr-x', '0/0', completer],
    ]);
    const dir = await unpack(outA, id);
    expect(readFileSync(join(dir, 'LICENSE')).equals(readFileSync(join(repoRoot, 'LICENSE')))).toBe(true);
    expect(readFileSync(join(dir, completer), 'utf8')).toContain(p.os === 'windows' ? 'kubectl-gs.exe __complete %*' : 'exec kubectl-gs __complete "$@"');
  });

  it.each(platforms.map((p) => [p.id]))('%s: the executable carries every asset of the build (help texts, vendored libraries, the bundle)', async (id) => {
    const p = platforms.find((x) => x.id === id)!;
    const exe = readFileSync(join(await unpack(outA, id), p.exe));
    const build = join(outA, '..', 'dist/build');
    const files = Object.values(seaAssets({ codeCache: false })) as string[];
    expect(files).toEqual(expect.arrayContaining(['kubectl-gs.cjs', 'help.json', 'vendor-undici.cjs', 'vendor-openid-client.cjs']));
    for (const file of files) {
      const bytes = readFileSync(join(build, file));
      // Assets are stored verbatim: a slice from the middle of each one must be in the executable.
      const middle = Math.floor(bytes.length / 2);
      expect([file, exe.includes(bytes.subarray(middle, middle + 256))]).toEqual([file, true]);
    }
  });

  const runs: Array<[string, string[]]> = [['linux/amd64', []], ['linux/arm64', ['qemu-aarch64-static']]];
  it.each(runs)('%s runs `version` and `template organization` from the archive', async (id, prefix) => {
    const dir = await unpack(outA, id);
    const [cmd, ...args] = [...prefix, join(dir, 'kubectl-gs')];
    const home = mkdtempSync(join(tmpdir(), 'kgs-release-home-'));
    const runEnv = { ...env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), QEMU_LD_PREFIX: '/usr/aarch64-linux-gnu' };
    const v = await run(cmd, [...args, 'version', '-o', 'json'], { env: runEnv, timeoutMs: 120_000 });
    expect(v.stderr).toBe('');
    expect(JSON.parse(v.stdout)).toMatchObject({ version, gitCommit: head, platform: id, nodeVersion: `v${pkg.engines.node}` });
    const t = await run(cmd, [...args, 'template', 'organization', '--name', 'acme'], { env: runEnv, timeoutMs: 120_000 });
    expect(t.code).toBe(0);
    expect(t.stdout).toBe('apiVersion: security.giantswarm.io/v1alpha1\nkind: Organization\nmetadata:\n  name: acme\nspec: {}\nstatus: {}\n');
    // --help reads the help texts from the executable's assets.
    const h = await run(cmd, [...args, 'get', '--help'], { env: runEnv, timeoutMs: 120_000 });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('kubectl gs get <command>');
    // The code cache (src/seaCodeCache.ts): built into this machine's executable; the cross-built one
    // saves its own at its first run, named by the bundle's sha256, and starts from it afterwards.
    const saved = join(home, '.cache', 'kubectl-gs', 'code-cache');
    const bundleHash = createHash('sha256').update(readFileSync(join(outA, '..', 'dist/build/kubectl-gs.cjs'))).digest('hex');
    if (prefix.length === 0) expect(existsSync(saved)).toBe(false);
    else expect(readdirSync(saved)).toEqual([`${bundleHash}.v8`]);
  });

  describe.each([['darwin/amd64', 0x01000007], ['darwin/arm64', 0x0100000c]])('%s (checked structurally)', (id, cpu) => {
    let exe: string;
    beforeAll(async () => {
      exe = join(await unpack(outA, id), 'kubectl-gs');
    });

    it('is a Mach-O executable for its CPU with the application in its NODE_SEA segment', () => {
      const buf = readFileSync(exe);
      expect(buf.readUInt32LE(4)).toBe(cpu);
      expect(parseMachO(buf).segments.map((s) => s.name)).toContain('NODE_SEA');
      expect(buf.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    });

    it('carries a valid ad-hoc signature for the independent verifier; one changed byte makes it invalid', async () => {
      const ok = await run('/usr/bin/python3', [verifier, '--require-adhoc', exe]);
      expect(ok.stdout).toMatch(/: valid \(kubectl-gs sha256 flags=0x2 /);
      expect(ok.code).toBe(0);
      const changed = join(mkdtempSync(join(tmpdir(), 'kgs-changed-')), 'kubectl-gs');
      const buf = readFileSync(exe);
      buf[Math.floor(buf.length / 3)] ^= 1;
      writeFileSync(changed, buf);
      const bad = await run('/usr/bin/python3', [verifier, '--require-adhoc', changed]);
      expect(bad.stdout).toMatch(/INVALID: page \d+ .* does not match its sha256 hash/);
      expect(bad.code).toBe(1);
    });
  });

  it('the verifier passes Node\'s own signed darwin binaries and fails them with one byte changed', async () => {
    for (const p of platforms.filter((x) => x.os === 'darwin')) {
      const node = packageFile(p.npm, p.nodeVersion ?? pkg.engines.node, p.binInPackage);
      const ok = await run('/usr/bin/python3', [verifier, node]);
      expect(ok.stdout).toMatch(/: valid \(node sha256 /);
      expect(ok.code).toBe(0);
      const dir = mkdtempSync(join(tmpdir(), 'kgs-node-changed-'));
      const changed = join(dir, 'node');
      copyFileSync(node, changed);
      const buf = readFileSync(changed);
      buf[4096 * 100 + 5] ^= 0x80;
      writeFileSync(changed, buf);
      const bad = await run('/usr/bin/python3', [verifier, changed]);
      expect(bad.stdout).toMatch(/INVALID: page 100 /);
      expect(bad.code).toBe(1);
    }
  });

  it.each([['windows/amd64', 0x8664], ['windows/arm64', 0xaa64]])('%s (checked structurally): a PE for its CPU with the application as its SEA resource', async (id, machine) => {
    const buf = readFileSync(join(await unpack(outA, id), 'kubectl-gs.exe'));
    const pe = buf.readUInt32LE(0x3c);
    expect(buf.toString('latin1', pe, pe + 4)).toBe('PE\0\0');
    expect(buf.readUInt16LE(pe + 4)).toBe(machine);
    // Node's Authenticode signature is gone, not left pointing at the injected resources.
    expect(certificateTable(buf)).toEqual([0, 0]);
    expect(buf.includes(Buffer.from('NODE_SEA_BLOB', 'utf16le'))).toBe(true);
    expect(buf.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    // The application itself: a piece of the bundle the clone built, verbatim in the blob.
    const bundle = readFileSync(join(outA, '..', 'dist/build/kubectl-gs.cjs'));
    expect(buf.includes(bundle.subarray(1000, 1200))).toBe(true);
  });
});
