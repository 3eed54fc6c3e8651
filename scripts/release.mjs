// `npm run release`: builds the release archives of all six platforms and the krew manifest for them.
//
//   node scripts/release.mjs [--platforms linux/amd64,darwin/arm64,...] [--out DIR] [--no-build]
//
// Writes to DIR (default dist/release/):
//   kubectl-gs-v<version>-<os>-<arch>.tar.gz   the executable, kubectl_complete-gs (.cmd on windows), LICENSE
//   plugin.yaml                                the krew manifest: the root plugin.yaml template filled with the archives' sha256
//   checksums.txt                              sha256sum lines of the archives
// Archive names are the Go kubectl-gs's. Offline except for the npm registry, whatever the build machine:
//   - linux/amd64 (this machine) is dist/kubectl-gs from `npm run build` (run first unless --no-build), whose
//     SEA blob carries V8 code caches (scripts/build.mjs);
//   - every other platform is the Node base binary of its npm package (scripts/release/platforms.mjs) with a
//     SEA blob made by a Node of that same version, without a code cache (a code cache is only valid on the
//     platform that made it); darwin executables are then ad-hoc signed (scripts/release/macho-sign.mjs),
//     windows ones carry no signature (Node's would no longer match; scripts/release/pe-unsign.mjs).
// The archives are reproducible (scripts/release/tar-gz.mjs; the executable embeds the commit and its date):
// the same commit gives the same bytes in any folder, which test/release checks with two clean clones.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seaAssets, seaMain } from './sea-layout.mjs';
import { packageFile } from './release/base-binary.mjs';
import { archiveName, fillManifest } from './release/manifest.mjs';
import { adHocSign } from './release/macho-sign.mjs';
import { removeAuthenticode } from './release/pe-unsign.mjs';
import { hostNodePackage, hostPlatform, platformIds, platforms } from './release/platforms.mjs';
import { tarGz } from './release/tar-gz.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The version the build embeds (scripts/build.mjs reads the same variable).
const version = process.env.KUBECTL_GS_VERSION || pkg.version;
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function args() {
  const out = { platforms: platformIds, out: join(root, 'dist/release'), build: true };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const [flag, inline] = a[i].split('=', 2);
    if (flag === '--no-build') {
      out.build = false;
      continue;
    }
    const value = inline ?? a[++i];
    if (flag === '--platforms') out.platforms = value.split(',');
    else if (flag === '--out') out.out = resolve(value);
    else throw new Error(`unknown flag ${flag}; use --platforms, --out, --no-build`);
  }
  for (const p of out.platforms) if (!platformIds.includes(p)) throw new Error(`unknown platform ${p}; use some of ${platformIds.join(',')}`);
  return out;
}

function git(...a) {
  return execFileSync('git', a, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
}

/** An executable made as every platform but this machine's is made: the base binary of p, no built code cache. */
export function crossExecutable(p, scratch) {
  const nodeVersion = p.nodeVersion ?? pkg.engines.node;
  const base = packageFile(p.npm, nodeVersion, p.binInPackage);
  // The blob format belongs to one Node version: a Node of the base's version (for this machine) makes it.
  const blobNode = nodeVersion === process.versions.node ? process.execPath : packageFile(hostNodePackage, nodeVersion, 'bin/node');
  const name = p.id.replace('/', '-');
  const blob = join(scratch, `${name}.blob`);
  const config = join(scratch, `${name}.json`);
  // A relative `main` (from the cwd): the blob records it as given, so an absolute one would tie the bytes to the folder.
  // The same main script and assets as the build's (help texts, vendored libraries: without them --help,
  // login and deploy fail), less the bundle's code cache, which only this machine's platform can use.
  writeFileSync(config, JSON.stringify({ main: seaMain, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, assets: seaAssets({ codeCache: false }) }));
  execFileSync(blobNode, ['--experimental-sea-config', config], { cwd: join(root, 'dist/build'), stdio: 'ignore' });
  const exe = join(scratch, `${name}-${p.exe}`);
  // Node's own Authenticode signature would end up pointing into the injected resources: take it off first.
  if (p.os === 'windows') writeFileSync(exe, removeAuthenticode(readFileSync(base)));
  else copyFileSync(base, exe);
  chmodSync(exe, 0o755);
  const macho = p.os === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
  execFileSync(process.execPath, [require.resolve('postject/dist/cli.js'), exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE, ...macho],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  // postject drops Node's signature (a Mac kills an unsigned or mis-signed executable on arm64): sign ad hoc.
  return p.os === 'darwin' ? adHocSign(readFileSync(exe), 'kubectl-gs') : readFileSync(exe);
}

function completer(os) {
  return os === 'windows'
    // kubectl finds kubectl_complete-gs through PATHEXT on windows: a .cmd works where a shell script cannot.
    ? { name: 'kubectl_complete-gs.cmd', data: Buffer.from('@echo off\r\nkubectl-gs.exe __complete %*\r\n') }
    : { name: 'kubectl_complete-gs', data: readFileSync(join(root, 'dist/kubectl_complete-gs')) };
}

function writeAtomically(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function buildArchive(p, outDir, scratch, mtime) {
  const started = Date.now();
  const exe = p.id === hostPlatform ? readFileSync(join(root, 'dist/kubectl-gs')) : crossExecutable(p, scratch);
  const c = completer(p.os);
  const entries = [
    { name: 'LICENSE', mode: 0o644, data: readFileSync(join(root, 'LICENSE')) },
    { name: p.exe, mode: 0o755, data: exe },
    { name: c.name, mode: 0o755, data: c.data },
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const bytes = tarGz(entries, mtime);
  const file = archiveName(version, p.os, p.arch);
  writeAtomically(join(outDir, file), bytes);
  return { platform: p.id, file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, exeSize: exe.length, seconds: (Date.now() - started) / 1000 };
}

function main() {
  const opts = args();
  const started = Date.now();
  if (opts.build) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(root, 'dist/build/kubectl-gs.cjs'))) throw new Error('dist/build/kubectl-gs.cjs is missing; run npm run build first');
  const mtime = Number(git('log', '-1', '--format=%ct'));
  mkdirSync(opts.out, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'kgs-release-'));
  const built = [];
  try {
    for (const id of opts.platforms) {
      const b = buildArchive(platforms.find((p) => p.id === id), opts.out, scratch, mtime);
      built.push(b);
      console.log(`${b.platform.padEnd(14)} ${b.file.padEnd(38)} ${(b.size / 1e6).toFixed(1).padStart(6)} MB (executable ${(b.exeSize / 1e6).toFixed(1)} MB) ${b.seconds.toFixed(0).padStart(4)} s  ${b.sha256}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const template = readFileSync(join(root, 'plugin.yaml'), 'utf8');
  writeAtomically(join(opts.out, 'plugin.yaml'), fillManifest(template, version, built, process.env.RELEASE_BASE_URL));
  writeAtomically(join(opts.out, 'checksums.txt'), built.map((b) => `${b.sha256}  ${b.file}\n`).join(''));
  console.log(`wrote ${join(opts.out, 'plugin.yaml')} and checksums.txt in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}
