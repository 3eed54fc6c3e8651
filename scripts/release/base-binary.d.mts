// Types for the tests (the release scripts are plain JavaScript run by Node).
export const cacheDir: string;
export function packageFile(name: string, version: string, file: string): string;
