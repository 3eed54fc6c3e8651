// The single executable's main script, and all it does: compile the application (the asset app.cjs, the
// bundle of src/main.ts) with a V8 code cache (src/seaCodeCache.ts says which), and run it.
//
// Why not Node's own SEA code cache (useCodeCache): Node makes it right after compiling, before anything
// runs, so it holds only the top level; every function a command calls was parsed and compiled again at
// each start. Measured under callgrind: lazy compilation was 31 M of the 177 M instructions of
// `template cluster` (8 M of `version`). A cache made after running the commands holds those functions too.
import { getAsset, getRawAsset } from 'node:sea';
import { compileApplication } from './seaCodeCache';

declare const __KGS_APP_HASH__: string;

let builtCache: Uint8Array | undefined;
try {
  builtCache = new Uint8Array(getRawAsset('app.cache'));
} catch {
  builtCache = undefined; // a cross-built executable: src/seaCodeCache.ts
}
const hooks = globalThis as { __kgsBeforeV8FlagChange?: () => void };
const { main } = compileApplication(
  { code: getAsset('app.cjs', 'utf8'), hash: __KGS_APP_HASH__, builtCache },
  {
    env: process.env,
    atExit: (save) => process.once('exit', save),
    beforeV8FlagChange: (save) => (hooks.__kgsBeforeV8FlagChange = save),
  },
);
main(require, module, exports, __filename, __dirname);
