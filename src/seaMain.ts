// The single executable's main script, and all it does: compile the application (the asset app.cjs, the
// bundle of src/main.ts) with the V8 code cache the build made after running a few commands with it (the
// asset app.cache), and run it.
//
// Why not Node's own SEA code cache (useCodeCache): Node makes it right after compiling, before anything
// runs, so it holds only the top level; every function a command calls was parsed and compiled again at
// each start. Measured under callgrind: lazy compilation was 31 M of the 177 M instructions of
// `template cluster` (8 M of `version`). A cache made after running the commands holds those functions too.
//
// Platforms the build cannot run (cross-built executables) have no app.cache: V8 then compiles as usual. A
// cache V8 rejects (another V8, other flags) is ignored by V8 the same way.
import { getAsset, getRawAsset } from 'node:sea';
import { constants, Script } from 'node:vm';

let cachedData: Uint8Array | undefined;
try {
  cachedData = new Uint8Array(getRawAsset('app.cache'));
} catch {
  cachedData = undefined;
}
// import() of a built-in module works as it would in a main script (esbuild leaves `import('node:fs')` as is).
const importModuleDynamically = constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
const script = new Script(getAsset('app.cjs', 'utf8'), { filename: 'kubectl-gs.cjs', cachedData, importModuleDynamically });
(script.runInThisContext() as (req: NodeJS.Require, mod: NodeJS.Module, exp: unknown, file: string, dir: string) => void)(require, module, exports, __filename, __dirname);
