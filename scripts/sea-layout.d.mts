// Types for the tests (the build scripts are plain JavaScript run by Node).
export const seaMain: string;
export const vendorFiles: string[];
export function seaAssets(options: { codeCache: boolean }): Record<string, string>;
