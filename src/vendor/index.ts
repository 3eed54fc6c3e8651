// Heavy libraries that only a few commands need (undici for registries, ajv for values schemas) are kept
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
export const vendorAssets = { undici: 'vendor-undici.cjs', ajv: 'vendor-ajv.cjs' } as const;

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

export function undici(): typeof import('undici') {
  if (!loaded.has('undici')) loaded.set('undici', fromAsset(vendorAssets.undici) ?? require('undici'));
  return loaded.get('undici') as typeof import('undici');
}

export function ajvClasses(): AjvClasses {
  if (!loaded.has('ajv')) loaded.set('ajv', fromAsset(vendorAssets.ajv) ?? require('./ajvEntry'));
  return loaded.get('ajv') as AjvClasses;
}
