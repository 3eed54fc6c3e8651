// Jest transformer: TypeScript (and any ESM in node_modules) to CommonJS with esbuild, which is what
// the build uses too. ts-jest cannot drive TypeScript 7's native compiler; type checking is `npm run typecheck`.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node24',
      sourcemap: 'external',
      sourcefile: filename,
      // Lazy `await import('./x')` (used to keep start-up cheap) becomes a lazy require, as in the bundle;
      // left as import(), jest would demand --experimental-vm-modules.
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
};
