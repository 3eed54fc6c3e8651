// Types for the tests (the release scripts are plain JavaScript run by Node).
export function tarGz(entries: Array<{ name: string; mode: number; data: Buffer }>, mtime: number): Buffer;
