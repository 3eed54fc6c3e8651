// Build facts, injected by scripts/build.mjs through esbuild's `define`. Under jest (no bundle) the
// globals are absent and the development values below are used instead.
declare const __KGS_VERSION__: string | undefined;
declare const __KGS_COMMIT__: string | undefined;
declare const __KGS_BUILD_DATE__: string | undefined;

export const buildInfo = {
  version: typeof __KGS_VERSION__ === 'string' ? __KGS_VERSION__ : '0.0.0-dev',
  gitCommit: typeof __KGS_COMMIT__ === 'string' ? __KGS_COMMIT__ : 'unknown',
  buildDate: typeof __KGS_BUILD_DATE__ === 'string' ? __KGS_BUILD_DATE__ : 'unknown',
};
