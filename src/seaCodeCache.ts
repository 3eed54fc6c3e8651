// The V8 code cache the executable's main script (src/seaMain.ts) compiles the application with.
//
// Where the build could run the executable's own Node (this machine's platform), the cache is an asset made
// at build time, after running a few commands (scripts/warm-up.mjs). The cross-built executables (darwin,
// windows, linux/arm64) cannot have one, so without this their every start parsed and compiled the 0.9 MB
// bundle again: measured under callgrind on a linux/amd64 executable made the cross-built way, `version`
// took 245 M instructions (117 M with the built cache), `template cluster` 272 M (134 M). They make the
// cache themselves instead: the first run compiles as usual and, as it exits, saves what V8 compiled to
// the user's cache folder (308 M for that first `template cluster`); later runs start from it (131 M).
//
// The file is named after the bundle's sha256 (computed by the build) because V8 checks a cache against
// the source's length only, not its content: a cache of another bundle of the same length would be
// accepted and run stale code. V8 does check its own version and flags, and a cache it rejects is made again.
// It is written and read as every file of the tool (src/files): atomically (two first runs at once are
// safe), 0600, read back only if it is still a regular file of this user; any failure (a read-only home,
// a full disk) is ignored: the cache only saves time.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { constants, Script } from 'node:vm';
import { ensurePrivateDir, readPrivateBytes, writeFileAtomic } from './files';
import { xdgDir } from './xdgDir';

export interface ApplicationSource {
  /** The bundle (app.cjs): one function of the CommonJS module arguments. */
  code: string;
  /** Its sha256, hex, from the build. */
  hash: string;
  /** The cache made at build time, when the executable has one. */
  builtCache?: Uint8Array;
}

export interface CodeCachePlace {
  env: NodeJS.ProcessEnv;
  /** Called with a function to run as the process exits (process.once('exit', ...) in the executable). */
  atExit: (save: () => void) => void;
  /** Called with a function the application runs before it changes V8 flags (get's memoryMode), through a global hook. */
  beforeV8FlagChange: (save: () => void) => void;
}

/** Which cache the application was compiled with (the tests ask). */
export type CacheUse = 'built' | 'saved' | 'none' | 'rejected';

/** $XDG_CACHE_HOME/kubectl-gs/code-cache, else ~/.cache/kubectl-gs/code-cache: next to the app's other caches. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string {
  return join(xdgDir(env, 'XDG_CACHE_HOME', '.cache'), 'code-cache');
}

/** The largest cache read back: the build's is 0.6 MB for the whole bundle after a warm-up. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

function readSaved(file: string): Buffer | undefined {
  const read = readPrivateBytes(file, MAX_CACHE_BYTES);
  return read.ok ? read.data : undefined;
}

/** Saves the cache as dir/name (src/files: atomic, 0600, in a 0700 folder), and removes the caches of older bundles but the newest. */
export function saveCodeCache(dir: string, name: string, data: Uint8Array): void {
  try {
    ensurePrivateDir(dir);
    // A cache: no fsync (losing it in a power cut costs one slower start).
    writeFileAtomic(join(dir, name), data, { fsync: false });
    // The newest other one stays: two versions used in turn (a krew install and a build of one's own) keep
    // both caches instead of each removing the other's at every run.
    const others = readdirSync(dir).filter((f) => f !== name && f.endsWith('.v8')).map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }));
    others.sort((a, b) => b.at - a.at);
    for (const { f } of others.slice(1)) rmSync(join(dir, f), { force: true });
  } catch {
    // Only time is lost: the next run compiles as usual and tries again.
  }
}

/**
 * Whether the cache could be saved at all, asked before making it: making it (createCachedData) costs
 * 20-25 M instructions (measured on `version`: 245 M without a cache, 264-271 M when also saving one),
 * which a folder that cannot be written would waste at every start.
 */
function folderReady(dir: string): boolean {
  try {
    ensurePrivateDir(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles the application with the best cache there is, and arranges for a cache to be saved at exit when
 * there was none that V8 accepted. Returns the application's function and which cache it came with.
 */
export function compileApplication(app: ApplicationSource, place: CodeCachePlace): { main: Function; cache: CacheUse } {
  const dir = app.builtCache ? undefined : codeCacheDir(place.env);
  const name = `${app.hash}.v8`;
  const cachedData = app.builtCache ?? readSaved(join(dir!, name));
  const script = new Script(app.code, {
    filename: 'kubectl-gs.cjs',
    cachedData,
    // import() of a built-in module works as it would in a main script (esbuild leaves `import('node:fs')` as is).
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const main = script.runInThisContext() as Function;
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  if (dir !== undefined && !accepted && folderReady(dir)) {
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      saveCodeCache(dir, name, script.createCachedData());
    };
    // Saved at exit, the cache holds the functions this command ran besides the top level. But a cache
    // carries the V8 flag hash of the moment it is made, and V8 rejects it at any start with other flags:
    // made after get switches flags (src/commands/get/memoryMode.ts) it would be rejected, and made again,
    // at every start. So it is saved just before such a switch instead.
    place.atExit(save);
    place.beforeV8FlagChange(save);
  }
  if (accepted) return { main, cache: app.builtCache ? 'built' : 'saved' };
  return { main, cache: cachedData === undefined ? 'none' : 'rejected' };
}
