// Types for the tests (the release scripts are plain JavaScript run by Node).
export interface Segment { name: string; at: number; vmaddr: number; vmsize: number; fileoff: number; filesize: number }
export interface MachO {
  header: { filetype: number; ncmds: number; sizeofcmds: number };
  segments: Segment[];
  codeSignature?: { at: number; dataoff: number; datasize: number };
  loadCommandsEnd: number;
  firstSectionOffset: number;
}
export function parseMachO(buf: Buffer): MachO;
export function adHocSign(input: Buffer, identifier: string): Buffer;
