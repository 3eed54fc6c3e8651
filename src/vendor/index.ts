// Heavy libraries that only a few commands need (undici for registries and login, ajv for values schemas,
// openpgp for gitops keys, openid-client for login) are kept
// out of the executable's main script: parsing ~1.1 MB more JavaScript cost every command, `version` and
// `get` included, ~10% of its start-up. The build bundles each into its own script and embeds it as an
// asset of the single executable (scripts/build.mjs); it is compiled only when a command asks for it.
// Outside the executable (tests, development) they are required from node_modules as usual.

export interface AjvClasses {
  Ajv: typeof import('ajv').default;
  Ajv2019: typeof import('ajv/dist/2019').default;
  Ajv2020: typeof import('ajv/dist/2020').default;
}

/** The names of the embedded assets (scripts/build.mjs writes them). */
export const vendorAssets = {
  undici: 'vendor-undici.cjs',
  ajv: 'vendor-ajv.cjs',
  openpgp: 'vendor-openpgp.cjs',
  openidClient: 'vendor-openid-client.cjs',
} as const;

const loaded = new Map<string, unknown>();

function fromAsset(asset: string): unknown {
  const sea = require('node:sea') as typeof import('node:sea');
  if (!sea.isSea()) return undefined;
  const code = sea.getAsset(asset, 'utf8');
  const { Module } = require('node:module') as { Module: new (id: string) => NodeJS.Module & { _compile(code: string, filename: string): void } };
  const m = new Module(asset);
  m.filename = asset;
  m._compile(code, asset);
  return m.exports;
}

/** The library from its asset in the executable, else (tests, development) from node_modules. */
function vendored<T>(name: keyof typeof vendorAssets, fromNodeModules: () => unknown): T {
  if (!loaded.has(name)) loaded.set(name, fromAsset(vendorAssets[name]) ?? fromNodeModules());
  return loaded.get(name) as T;
}

export function undici(): typeof import('undici') {
  return vendored('undici', () => require('undici'));
}

export function ajvClasses(): AjvClasses {
  return vendored('ajv', () => require('./ajvEntry'));
}

/** openpgp's CommonJS build (its ES module build needs import.meta.url, which a CommonJS bundle lacks). */
export function openpgp(): typeof import('openpgp') {
  return vendored('openpgp', () => require('openpgp'));
}

export function openidClient(): typeof import('openid-client') {
  return vendored('openidClient', () => require('openid-client'));
}
