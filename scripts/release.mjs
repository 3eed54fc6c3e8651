// Builds the release archives and writes the krew manifest (plugin.yaml) with their sha256.
//
//   node scripts/release.mjs [--platforms linux/amd64,linux/arm64,...] [--out DIR] [--manifest FILE]
//
// Each archive is a .tar.gz with the executable, kubectl_complete-gs and LICENSE at its root, made
// reproducibly (sorted names, fixed owner and mtime, gzip without a timestamp), so the same commit gives
// the same sha256. The host platform reuses dist/kubectl-gs from `npm run build`; other platforms take
// the Node base binary of the pinned version from the npm registry (node-<os>-<arch>) and get a SEA blob
// without a code cache (a code cache is only valid on the CPU and V8 flags it was made with).
// Base binaries the registry does not carry for the pinned version (darwin, windows/arm64 at the time of
// writing) can be given as files: NODE_SEA_BASE_<OS>_<ARCH>=/path/to/node. macOS binaries must then be
// signed on a Mac (`codesign --sign -`) before they run on Apple silicon.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nodeVersion = pkg.engines.node;

export const allPlatforms = ['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64', 'windows/amd64', 'windows/arm64'];
const npmNames = { linux: 'linux', darwin: 'darwin', windows: 'win' };
const npmArch = { amd64: 'x64', arm64: 'arm64' };
const hostPlatform = `${process.platform === 'win32' ? 'windows' : process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`;

function args() {
  const out = { platforms: allPlatforms, out: join(root, 'dist/release'), manifest: join(root, 'plugin.yaml') };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const [flag, inline] = a[i].split('=', 2);
    const value = inline ?? a[++i];
    if (flag === '--platforms') out.platforms = value.split(',');
    else if (flag === '--out') out.out = resolve(value);
    else if (flag === '--manifest') out.manifest = resolve(value);
    else throw new Error(`unknown flag ${flag}; use --platforms, --out, --manifest`);
  }
  for (const p of out.platforms) if (!allPlatforms.includes(p)) throw new Error(`unknown platform ${p}; use some of ${allPlatforms.join(',')}`);
  return out;
}

function sourceDateEpoch() {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '0';
  }
}

/** The Node base binary for a platform: an env override, else the node-<os>-<arch> npm package. */
function baseBinary(platform, scratch) {
  const [os, arch] = platform.split('/');
  const override = process.env[`NODE_SEA_BASE_${os.toUpperCase()}_${arch.toUpperCase()}`];
  if (override) return override;
  const name = `node-${npmNames[os]}-${npmArch[arch]}@${nodeVersion}`;
  const dir = mkdtempSync(join(scratch, 'base-'));
  try {
    execFileSync('npm', ['pack', name, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`the npm registry has no ${name}; set NODE_SEA_BASE_${os.toUpperCase()}_${arch.toUpperCase()} to a Node ${nodeVersion} binary for ${platform}`);
  }
  execFileSync('sh', ['-c', 'tar xzf *.tgz'], { cwd: dir });
  return join(dir, 'package', 'bin', os === 'windows' ? 'node.exe' : 'node');
}

function crossExecutable(platform, scratch, exe) {
  const bundle = join(root, 'dist/build/kubectl-gs.cjs');
  const blob = join(scratch, `${platform.replace('/', '-')}.blob`);
  const config = join(scratch, `${platform.replace('/', '-')}.json`);
  writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'ignore' });
  copyFileSync(baseBinary(platform, scratch), exe);
  chmodSync(exe, 0o755);
  const extra = platform.startsWith('darwin/') ? ['--macho-segment-name', 'NODE_SEA'] : [];
  execFileSync(process.execPath, [require.resolve('postject/dist/cli.js'), exe, 'NODE_SEA_BLOB', blob,
    '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2', ...extra], { stdio: 'ignore' });
}

function archive(platform, outDir, scratch) {
  const [os, arch] = platform.split('/');
  const stage = mkdtempSync(join(scratch, 'stage-'));
  const exeName = os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs';
  if (platform === hostPlatform) {
    if (!existsSync(join(root, 'dist/kubectl-gs'))) throw new Error('dist/kubectl-gs is missing; run npm run build first');
    copyFileSync(join(root, 'dist/kubectl-gs'), join(stage, exeName));
  } else {
    crossExecutable(platform, scratch, join(stage, exeName));
  }
  copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  const completer = os === 'windows'
    ? ['kubectl_complete-gs.cmd', '@echo off\r\nkubectl-gs.exe __complete %*\r\n']
    : ['kubectl_complete-gs', readFileSync(join(root, 'dist/kubectl_complete-gs'), 'utf8')];
  writeFileSync(join(stage, completer[0]), completer[1], { mode: 0o755 });
  const file = `kubectl-gs_${pkg.version}_${os}_${arch}.tar.gz`;
  const tarFile = join(scratch, file.replace(/\.gz$/, ''));
  execFileSync('tar', ['--sort=name', `--mtime=@${sourceDateEpoch()}`, '--owner=0', '--group=0', '--numeric-owner',
    '--mode=u+rwX,go+rX,go-w', '-cf', tarFile, '-C', stage, 'LICENSE', exeName, completer[0]], { stdio: 'inherit' });
  execFileSync('gzip', ['-n', '-9', '-f', tarFile]);
  mkdirSync(outDir, { recursive: true });
  renameSync(`${tarFile}.gz`, join(outDir, file));
  const sha256 = createHash('sha256').update(readFileSync(join(outDir, file))).digest('hex');
  return { platform, file, sha256, bin: exeName };
}

export function manifest(previous, built) {
  const base = process.env.RELEASE_BASE_URL || 'https://github.com/giantswarm/kubectl-gs/releases/download';
  const old = new Map((previous?.spec?.platforms ?? []).map((p) => [`${p.selector.matchLabels.os}/${p.selector.matchLabels.arch}`, p]));
  const byPlatform = new Map(built.map((b) => [b.platform, b]));
  return {
    apiVersion: 'krew.googlecontainertools.github.com/v1alpha2',
    kind: 'Plugin',
    metadata: { name: 'gs' },
    spec: {
      version: `v${pkg.version}`,
      homepage: 'https://github.com/giantswarm/kubectl-gs',
      shortDescription: 'Work with Giant Swarm platform clusters built on Cluster API',
      description: 'kubectl gs lists and templates Cluster API clusters, node pools, releases,\norganizations, apps and catalogs of Giant Swarm management clusters.\nIt sends anonymous usage telemetry; opt out with KUBECTL_GS_TELEMETRY_OPTOUT=1\nor `kubectl gs telemetry disable`.\n',
      platforms: allPlatforms.map((platform) => {
        const [os, arch] = platform.split('/');
        const b = byPlatform.get(platform);
        const file = `kubectl-gs_${pkg.version}_${os}_${arch}.tar.gz`;
        const sha256 = b ? b.sha256 : old.get(platform)?.uri?.endsWith(`/${file}`) ? old.get(platform).sha256 : undefined;
        return {
          selector: { matchLabels: { os, arch } },
          uri: `${base}/v${pkg.version}/${file}`,
          sha256: sha256 ?? 'not-built-yet: run scripts/release.mjs where this platform\'s Node base binary is available',
          bin: os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs',
        };
      }),
    },
  };
}

function main() {
  const opts = args();
  const scratch = mkdtempSync(join(tmpdir(), 'kgs-release-'));
  const built = [];
  const failed = [];
  try {
    for (const platform of opts.platforms) {
      try {
        built.push(archive(platform, opts.out, scratch));
        console.log(`${platform}: ${built[built.length - 1].file} ${built[built.length - 1].sha256}`);
      } catch (err) {
        failed.push(`${platform}: ${err.message}`);
      }
    }
    const previous = existsSync(opts.manifest) ? yaml.load(readFileSync(opts.manifest, 'utf8')) : undefined;
    const text = yaml.dump(manifest(previous, built), { lineWidth: -1, noRefs: true });
    mkdirSync(dirname(opts.manifest), { recursive: true });
    const tmp = `${opts.manifest}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, opts.manifest);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const f of failed) console.error(`not built: ${f}`);
  if (built.length === 0) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}
