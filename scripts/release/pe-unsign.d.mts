// Types for the tests (the release scripts are plain JavaScript run by Node).
export function removeAuthenticode(input: Buffer): Buffer;
export function certificateTable(buf: Buffer): [number, number];
