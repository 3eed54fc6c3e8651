// The code cache a cross-built executable saves for itself (src/seaCodeCache.ts), with this Node's own V8:
// the first run compiles without one and saves it at exit, the next run is compiled from it.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { codeCacheDir, saveCodeCache } from '../../src/seaCodeCache';

// A stand-in for the bundle: one function of the module arguments, with a function that runs lazily.
const code = '(function (require, module, exports) { function twice(n) { return n * 2; } exports.answer = twice(21); })';

// Each run is a process of its own, as each start of the executable is: within one process V8 keeps what
// it compiled and does not look at a cache for a source it has seen, so a rejected cache would pass for an
// accepted one. The module is bundled for it, as the build bundles it into the executable's main script.
const moduleFile = join(mkdtempSync(join(tmpdir(), 'kgs-cc-module-')), 'seaCodeCache.cjs');
buildSync({ entryPoints: [join(__dirname, '../../src/seaCodeCache.ts')], outfile: moduleFile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const child = `
const { compileApplication } = require(process.argv[1]);
const [home, hash, code, built] = process.argv.slice(2);
const atExit = [];
const builtCache = built ? new Uint8Array(require('node:fs').readFileSync(built)) : undefined;
const { main, cache } = compileApplication({ code, hash, builtCache }, { env: { HOME: home }, atExit: (f) => atExit.push(f), beforeV8FlagChange: (f) => (globalThis.beforeFlagChange = f) });
const exports = {};
main(require, { exports }, exports);
for (const f of atExit) f();
process.stdout.write(JSON.stringify({ cache, answer: exports.answer, savedAtExit: atExit.length > 0 }));
`;

function runOnce(home: string, app: { code: string; hash: string; builtFile?: string } = { code, hash: 'a'.repeat(64) }) {
  const out = execFileSync(process.execPath, ['-e', child, moduleFile, home, app.hash, app.code, app.builtFile ?? ''], { encoding: 'utf8' });
  return JSON.parse(out) as { cache: string; answer: number; savedAtExit: boolean };
}

describe('the code cache a cross-built executable makes itself', () => {
  it('is saved by the first run (0600, in ~/.cache/kubectl-gs/code-cache) and used by the next', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    const first = runOnce(home);
    expect(first).toEqual({ cache: 'none', answer: 42, savedAtExit: true });
    const file = join(home, '.cache/kubectl-gs/code-cache', `${'a'.repeat(64)}.v8`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(runOnce(home)).toEqual({ cache: 'saved', answer: 42, savedAtExit: false });
  });

  it('is made again when V8 rejects it; of the caches of other bundles, only the newest stays', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    const dir = codeCacheDir({ HOME: home });
    saveCodeCache(dir, `${'b'.repeat(64)}.v8`, Buffer.from('an old version'));
    utimesSync(join(dir, `${'b'.repeat(64)}.v8`), new Date(2026, 0, 1), new Date(2026, 0, 1));
    saveCodeCache(dir, `${'c'.repeat(64)}.v8`, Buffer.from('a newer version'));
    saveCodeCache(dir, `${'a'.repeat(64)}.v8`, Buffer.from('not a V8 code cache'));
    expect(readdirSync(dir).sort()).toEqual([`${'a'.repeat(64)}.v8`, `${'c'.repeat(64)}.v8`]);
    expect(runOnce(home)).toEqual({ cache: 'rejected', answer: 42, savedAtExit: true });
    expect(runOnce(home).cache).toBe('saved');
    expect(readdirSync(dir).sort()).toEqual([`${'a'.repeat(64)}.v8`, `${'c'.repeat(64)}.v8`]);
  });

  it('is made before the application changes V8 flags (get does): made after, V8 would reject it at every start', () => {
    // The application switches a flag as get's memoryMode does, calling the hook first or not.
    const switching = (hook: boolean) => ({
      code: `(function (require, module, exports) { ${hook ? 'globalThis.beforeFlagChange?.();' : ''} require('node:v8').setFlagsFromString('--no-maglev'); exports.answer = 42; })`,
      hash: hook ? 'd'.repeat(64) : 'e'.repeat(64),
    });
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    // Without the hook, what this guards against: the cache saved at exit is never accepted.
    expect(runOnce(home, switching(false)).cache).toBe('none');
    expect(runOnce(home, switching(false))).toEqual({ cache: 'rejected', answer: 42, savedAtExit: true });
    expect(runOnce(home, switching(true)).cache).toBe('none');
    expect(runOnce(home, switching(true))).toEqual({ cache: 'saved', answer: 42, savedAtExit: false });
  });

  it('is not read through a planted link, which the next save replaces with a file of its own', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    runOnce(home);
    const dir = codeCacheDir({ HOME: home });
    const name = `${'a'.repeat(64)}.v8`;
    const elsewhere = join(home, 'planted.v8');
    renameSync(join(dir, name), elsewhere);
    symlinkSync(elsewhere, join(dir, name));
    const before = readFileSync(elsewhere);
    expect(runOnce(home)).toEqual({ cache: 'none', answer: 42, savedAtExit: true });
    expect(lstatSync(join(dir, name)).isFile()).toBe(true);
    expect(readFileSync(elsewhere).equals(before)).toBe(true);
  });

  it('is never taken for another bundle: V8 checks only the length, so the file is named by the bundle\'s hash', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    runOnce(home);
    const sameLength = { code: code.replace('n * 2', 'n + 1'), hash: 'c'.repeat(64) };
    expect(sameLength.code.length).toBe(code.length);
    // What the hash guards against: V8 takes the other bundle's cache and runs its code (42, not 22). In a
    // process of its own: V8 rejects every cache in a process whose V8 flags were changed (get's memoryMode
    // does that, in tests that may run in this worker before this one).
    const saved = join(codeCacheDir({ HOME: home }), `${'a'.repeat(64)}.v8`);
    const stale = `
      const s = new (require('node:vm').Script)(process.argv[2], { cachedData: require('node:fs').readFileSync(process.argv[1]) });
      const exports = {};
      s.runInThisContext()(require, { exports }, exports);
      process.stdout.write(JSON.stringify({ rejected: s.cachedDataRejected, answer: exports.answer }));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', stale, saved, sameLength.code], { encoding: 'utf8' }))).toEqual({ rejected: false, answer: 42 });
    expect(runOnce(home, sameLength)).toEqual({ cache: 'none', answer: 22, savedAtExit: true });
  });

  it('uses the built cache and saves nothing when the executable has one', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    runOnce(home);
    const builtFile = join(home, '.cache/kubectl-gs/code-cache', `${'a'.repeat(64)}.v8`);
    const elsewhere = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    expect(runOnce(elsewhere, { code, hash: 'a'.repeat(64), builtFile })).toEqual({ cache: 'built', answer: 42, savedAtExit: false });
    expect(existsSync(join(elsewhere, '.cache'))).toBe(false);
  });

  it('is not even made when its folder cannot be (making it costs time at every start)', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-cc-'));
    writeFileSync(join(home, '.cache'), 'a file where the folder should be');
    expect(runOnce(home)).toEqual({ cache: 'none', answer: 42, savedAtExit: false });
    // Under /proc no folder can be made; Node's recursive mkdir never returns there.
    expect(runOnce('/proc/kgs-no-such-home')).toEqual({ cache: 'none', answer: 42, savedAtExit: false });
  });

  it('lives under $XDG_CACHE_HOME when it is set, as the other caches do', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/kubectl-gs/code-cache');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/kubectl-gs/code-cache');
    expect(codeCacheDir({})).toBe(join(homedir(), '.cache', 'kubectl-gs', 'code-cache'));
  });
});
