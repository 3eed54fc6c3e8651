// Builds dist/kubectl-gs: one self-contained executable, from the npm registry alone.
//  1. esbuild bundles src/main.ts into one CommonJS file, wrapped in a function (a single-executable app
//     can only require Node's built-in modules), and src/seaMain.ts, the executable's main script.
//  2. scripts/warm-up.mjs runs a few commands with the bundle and writes its V8 code cache, which then
//     holds the functions they compiled (src/seaMain.ts says why).
//  3. Node (the exact version pinned in package.json, which is also the base binary's) makes the SEA blob:
//     the main script and the assets (the bundle, its code cache, help texts, vendored libraries).
//  4. The blob is injected into a stripped copy of the base binary from the node-<os>-<arch> package.
// Also writes dist/kubectl_complete-gs, which kubectl (>= 1.26) runs to complete `kubectl gs <TAB>`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { seaAssets, seaMain, vendorFiles } from './sea-layout.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
const work = join(dist, 'build');

if (process.versions.node !== pkg.engines.node) {
  console.error(`error: the build needs Node ${pkg.engines.node} (the SEA blob must match the base binary); run it as "npm run build".`);
  process.exit(1);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

// The date of the commit, not of the build, so the same commit builds the same bytes.
function buildDate() {
  try {
    return execFileSync('git', ['log', '-1', '--format=%cI'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

// Libraries a few commands need are kept out of the main script (parsing them slowed every start-up) and
// embedded as assets of their own, compiled on first use (src/vendor/index.ts): name -> how to bundle it.
// Measured on `version` (instructions under callgrind): openpgp (417 KB) and openid-client with
// oauth4webapi and jose (138 KB) in the main script cost every command as much as the rest of it.
const wholePackage = (name) => ({ stdin: { contents: `module.exports = require('${name}');`, resolveDir: root } });
const vendors = {
  'vendor-undici.cjs': wholePackage('undici'),
  'vendor-ajv.cjs': { entryPoints: [join(root, 'src/vendor/ajvEntry.ts')] },
  'vendor-openpgp.cjs': wholePackage('openpgp'),
  'vendor-openid-client.cjs': wholePackage('openid-client'),
};
if (Object.keys(vendors).join() !== vendorFiles.join()) throw new Error('scripts/sea-layout.mjs and the vendors here name different files');

/** Leaves the vendored libraries' requires in the main script alone (they run only outside the executable). */
const vendorsExternal = {
  name: 'vendors-external',
  setup(b) {
    b.onResolve({ filter: /^(undici|openpgp|openid-client|\.\/ajvEntry)$/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function bundleVendor(outfile, how) {
  await build({ ...how, outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node24', minifySyntax: true, minifyWhitespace: true, legalComments: 'none', logLevel: 'warning' });
}

// The application bundle is one function of the CommonJS module arguments, which src/seaMain.ts calls
// after compiling it with its code cache.
const appWrapper = { banner: { js: '(function (require, module, exports, __filename, __dirname) {' }, footer: { js: '})' } };

export async function bundle(outfile, { entry = 'src/main.ts', wrap = false, define = {} } = {}) {
  await build({
    ...(wrap ? appWrapper : {}),
    entryPoints: [join(root, entry)],
    outfile,
    plugins: [vendorsExternal],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node26',
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      __KGS_VERSION__: JSON.stringify(process.env.KUBECTL_GS_VERSION || pkg.version),
      __KGS_COMMIT__: JSON.stringify(gitCommit()),
      __KGS_BUILD_DATE__: JSON.stringify(buildDate()),
      ...define,
    },
  });
}

// One character outside ASCII anywhere in the main script makes V8 hold all of it as a two-byte string
// (measured: peak RSS of `template cluster` 52.0-52.5 MB -> 51.3 MB once two regular expressions were
// escaped). esbuild escapes strings (charset ascii) but not regular expression literals; this guards them.
function assertAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    throw new Error(`${file} has a non-ASCII character near "${text.slice(Math.max(0, at - 40), at + 10)}"; write it as a \\u escape in the source`);
  }
}

/** Runs scripts/warm-up.mjs with the executable's flags, at home in a scratch folder, telemetry off. */
function warmUp(bundleFile, cacheFile) {
  const home = mkdtempSync(join(tmpdir(), 'kgs-warm-up-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), KUBECTL_GS_TELEMETRY_OPTOUT: '1', KUBECTL_GS_DISABLE_VERSION_CHECK: '1' };
    execFileSync(process.execPath, [...execArgv, '--random-seed=1', join(root, 'scripts/warm-up.mjs'), bundleFile, cacheFile], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    // A cache V8 rejects costs nothing visible but every start-up: check it in a fresh V8, as the executable starts.
    const check = 'const { Script } = require("node:vm"); const fs = require("node:fs"); const [, bundle, cache] = process.argv;'
      + 'process.stdout.write(String(new Script(fs.readFileSync(bundle, "utf8"), { filename: "kubectl-gs.cjs", cachedData: fs.readFileSync(cache) }).cachedDataRejected));';
    const rejected = execFileSync(process.execPath, [...execArgv, '-e', check, bundleFile, cacheFile], { encoding: 'utf8' });
    if (rejected !== 'false') throw new Error('V8 rejects the code cache the warm-up made (were V8 flags changed while it ran?)');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function baseBinary() {
  const name = `node-${process.platform}-${process.arch}`;
  const pkgJson = require.resolve(`${name}/package.json`);
  const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  if (version !== process.versions.node) {
    throw new Error(`${name} is ${version}, but the build runs on Node ${process.versions.node}; pin both to the same version`);
  }
  return join(dirname(pkgJson), 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
}

// V8 flags the executable starts with: none. Measured (npm run bench) and left out: --lite-mode cuts peak
// RSS of `get clusters -A` at 1 000 clusters from 1.15 to 0.97 x kubectl and at 10 000 from 0.46 to 0.37 x,
// but costs every command start-up time (version +2 ms, template +6 ms); --no-lazy (a fuller code cache)
// made start-up slower (+5 ms); --max-semi-space-size=1 and --v8-pool-size=1 changed nothing measurable.
// KGS_SEA_EXEC_ARGV sets them for such experiments (space-separated); the blob is made with the same flags.
const execArgv = (process.env.KGS_SEA_EXEC_ARGV ?? '').split(' ').filter(Boolean);

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // Help texts are rendered by yargs once, here, and embedded, so `--help` starts without yargs.
  const helpDumper = join(work, 'dump-help.cjs');
  await bundle(helpDumper, { entry: 'src/cli/dumpHelp.ts' });
  const helpFile = join(work, 'help.json');
  writeFileSync(helpFile, execFileSync(process.execPath, [helpDumper]));
  const bundleFile = join(work, 'kubectl-gs.cjs');
  await bundle(bundleFile, { wrap: true });
  assertAscii(bundleFile);
  // The bundle's hash names the code cache a cross-built executable saves for itself (src/seaCodeCache.ts).
  const appHash = createHash('sha256').update(readFileSync(bundleFile)).digest('hex');
  await bundle(join(work, seaMain), { entry: 'src/seaMain.ts', define: { __KGS_APP_HASH__: JSON.stringify(appHash) } });
  for (const [name, how] of Object.entries(vendors)) await bundleVendor(join(work, name), how);
  warmUp(bundleFile, join(work, 'kubectl-gs.cache'));

  const blob = join(work, 'sea-prep.blob');
  const seaConfig = join(work, 'sea-config.json');
  // `main` and the assets are relative (resolved from the cwd below): the blob records them as given, and
  // an absolute path would make the executable's bytes depend on the folder it was built in. Node's own
  // code cache (useCodeCache) is kept for the small main script.
  writeFileSync(seaConfig, JSON.stringify({ main: seaMain, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, execArgv, assets: seaAssets({ codeCache: true }) }));
  // A code cache is only accepted by a V8 started with the same flags, so the blob is made with them.
  // --random-seed=1 makes V8's code cache the same bytes at every build (it otherwise differs with the
  // random hash seed); V8 leaves that flag out of the flag hash a code cache is checked against, for this use.
  execFileSync(process.execPath, [...execArgv, '--random-seed=1', '--experimental-sea-config', seaConfig], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });

  const exe = join(dist, 'kubectl-gs');
  rmSync(exe, { force: true });
  copyFileSync(baseBinary(), exe);
  chmodSync(exe, 0o755);
  // Debug symbols are half the base binary and never used by a CLI.
  try {
    execFileSync('strip', ['--strip-all', exe]);
  } catch {
    console.warn('warning: strip not available; the executable stays larger');
  }
  execFileSync(process.execPath, [require.resolve('postject/dist/cli.js'), exe, 'NODE_SEA_BLOB', blob,
    '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'], { stdio: ['ignore', 'ignore', 'pipe'] });

  const completer = join(dist, 'kubectl_complete-gs');
  writeFileSync(completer, '#!/bin/sh\n# kubectl (>= 1.26) runs this to complete `kubectl gs`; the plugin answers in cobra\'s protocol.\nexec kubectl-gs __complete "$@"\n');
  chmodSync(completer, 0o755);
  console.log(`built ${exe}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`error: build failed: ${err.message}`);
    process.exit(1);
  });
}
