// Jest transformer: TypeScript (and any ESM in node_modules) to CommonJS with esbuild, which is what
// the build uses too. ts-jest cannot drive TypeScript 7's native compiler; type checking is `npm run typecheck`.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

// Jest caches transformed files by source and config, not by this transformer's own code: hash it in, so
// a change here is never hidden behind stale cache entries.
const selfHash = createHash('sha256').update(readFileSync(__filename)).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(selfHash).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node26',
      sourcemap: 'external',
      sourcefile: filename,
      // Lazy `await import('./x')` (used to keep start-up cheap) becomes a lazy require, as in the bundle;
      // left as import(), jest would demand --experimental-vm-modules.
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
};
