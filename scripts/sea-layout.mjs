// What the single executable holds, shared by scripts/build.mjs (this machine's executable) and
// scripts/release.mjs (the other platforms'): its main script and its assets, each a file in dist/build.

/** The executable's main script (src/seaMain.ts). */
export const seaMain = 'sea-main.cjs';

/** Libraries a few commands need, each bundled into an asset of its own (src/vendor/index.ts). */
export const vendorFiles = ['vendor-undici.cjs', 'vendor-ajv.cjs', 'vendor-openpgp.cjs', 'vendor-openid-client.cjs'];

/**
 * The assets, name in the executable -> file in dist/build. The bundle's code cache only where the build can
 * run the executable's own Node (this machine's platform): scripts/release.mjs leaves it out elsewhere.
 */
export function seaAssets({ codeCache }) {
  const assets = { 'app.cjs': 'kubectl-gs.cjs', 'help.json': 'help.json' };
  if (codeCache) assets['app.cache'] = 'kubectl-gs.cache';
  for (const name of vendorFiles) assets[name] = name;
  return assets;
}
