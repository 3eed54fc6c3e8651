// Types for the tests (the release scripts are plain JavaScript run by Node).
export function archiveName(version: string, os: string, arch: string): string;
export function fillManifest(template: string, version: string, built: Array<{ file: string; sha256: string }>, baseUrl?: string): string;
