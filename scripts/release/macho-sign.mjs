// Ad-hoc code signature for a thin 64-bit Mach-O executable, written from the public format (xnu's
// osfmk/kern/cs_blobs.h, Apple's codesign(1) output): what `codesign --sign - --force FILE` writes on a Mac.
//
// Why: macOS on Apple silicon kills an executable whose code signature is missing or does not match its
// pages, and injecting the application into Node's binary (postject) changes pages that Node's own
// (Developer ID) signature covers. An ad-hoc signature needs no certificate: it is the SHA-256 hash of
// every 4096-byte page of the file up to the signature, in a CodeDirectory, which the kernel checks as
// pages are loaded. The signature written here replaces any signature the file had (Node's, with its
// hardened runtime and entitlements: without the hardened runtime flag, V8's JIT needs no entitlement).
//
// Layout written (all numbers in the signature are big-endian; the Mach-O itself is little-endian):
//   LC_CODE_SIGNATURE -> at the end of __LINKEDIT (the last segment), 16-byte aligned:
//   SuperBlob 0xfade0cc0 { CodeDirectory 0xfade0c02 (version 0x20400, flags CS_ADHOC, SHA-256, 4 KiB pages,
//   2 special slots), Requirements 0xfade0c01 (empty set), CMS wrapper 0xfade0b01 (empty: ad-hoc) }.
import { createHash } from 'node:crypto';

const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const MH_EXECUTE = 2;

const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSMAGIC_REQUIREMENTS = 0xfade0c01;
const CSMAGIC_BLOBWRAPPER = 0xfade0b01;
const CSSLOT_CODEDIRECTORY = 0;
const CSSLOT_REQUIREMENTS = 2;
const CSSLOT_SIGNATURESLOT = 0x10000;
const CS_ADHOC = 0x2;
const CS_HASHTYPE_SHA256 = 2;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const CD_VERSION = 0x20400; // the first version with execSeg fields; what codesign writes for ad-hoc
const CD_HEADER_SIZE = 88; // struct CS_CodeDirectory up to execSegFlags (version 0x20400)
const PAGE_SHIFT = 12;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const HASH_SIZE = 32;
const SPECIAL_SLOTS = 2; // -1 Info.plist (none: zeros), -2 requirements

const align = (n, a) => Math.ceil(n / a) * a;

/** Load commands of a thin 64-bit little-endian Mach-O: what the signer (and its tests) need to know. */
export function parseMachO(buf) {
  if (buf.length < 32 || buf.readUInt32LE(0) !== MH_MAGIC_64) {
    throw new Error('not a thin 64-bit little-endian Mach-O file (fat and 32-bit files are not supported)');
  }
  const header = { filetype: buf.readUInt32LE(12), ncmds: buf.readUInt32LE(16), sizeofcmds: buf.readUInt32LE(20) };
  const segments = [];
  let codeSignature;
  let firstSectionOffset = Infinity;
  let at = 32;
  for (let i = 0; i < header.ncmds; i++) {
    const cmd = buf.readUInt32LE(at);
    const size = buf.readUInt32LE(at + 4);
    if (cmd === LC_SEGMENT_64) {
      const name = buf.toString('latin1', at + 8, at + 24).replace(/\0.*$/s, '');
      const seg = {
        name, at,
        vmaddr: Number(buf.readBigUInt64LE(at + 24)), vmsize: Number(buf.readBigUInt64LE(at + 32)),
        fileoff: Number(buf.readBigUInt64LE(at + 40)), filesize: Number(buf.readBigUInt64LE(at + 48)),
      };
      const nsects = buf.readUInt32LE(at + 64);
      for (let s = 0; s < nsects; s++) {
        const sect = at + 72 + s * 80;
        const offset = buf.readUInt32LE(sect + 48);
        const flags = buf.readUInt32LE(sect + 64);
        const zerofill = (flags & 0xff) === 0x1 || (flags & 0xff) === 0xc || (flags & 0xff) === 0x12;
        if (offset > 0 && !zerofill) firstSectionOffset = Math.min(firstSectionOffset, offset);
      }
      segments.push(seg);
    } else if (cmd === LC_CODE_SIGNATURE) {
      codeSignature = { at, dataoff: buf.readUInt32LE(at + 8), datasize: buf.readUInt32LE(at + 12) };
    }
    at += size;
  }
  return { header, segments, codeSignature, loadCommandsEnd: 32 + header.sizeofcmds, firstSectionOffset };
}

function superBlobSize(identifier, codeLimit) {
  const nCodeSlots = Math.ceil(codeLimit / PAGE_SIZE);
  const cdSize = CD_HEADER_SIZE + identifier.length + 1 + (SPECIAL_SLOTS + nCodeSlots) * HASH_SIZE;
  return 12 + 3 * 8 + cdSize + 12 + 8;
}

function codeDirectory(file, identifier, codeLimit, text, requirementsHash) {
  const nCodeSlots = Math.ceil(codeLimit / PAGE_SIZE);
  const identOffset = CD_HEADER_SIZE;
  const hashOffset = identOffset + identifier.length + 1 + SPECIAL_SLOTS * HASH_SIZE;
  const cd = Buffer.alloc(hashOffset + nCodeSlots * HASH_SIZE);
  cd.writeUInt32BE(CSMAGIC_CODEDIRECTORY, 0);
  cd.writeUInt32BE(cd.length, 4);
  cd.writeUInt32BE(CD_VERSION, 8);
  cd.writeUInt32BE(CS_ADHOC, 12);
  cd.writeUInt32BE(hashOffset, 16);
  cd.writeUInt32BE(identOffset, 20);
  cd.writeUInt32BE(SPECIAL_SLOTS, 24);
  cd.writeUInt32BE(nCodeSlots, 28);
  cd.writeUInt32BE(codeLimit, 32);
  cd.writeUInt8(HASH_SIZE, 36);
  cd.writeUInt8(CS_HASHTYPE_SHA256, 37);
  cd.writeUInt8(0, 38); // platform
  cd.writeUInt8(PAGE_SHIFT, 39);
  // 40 spare2, 44 scatterOffset, 48 teamOffset, 52 spare3, 56 codeLimit64 (0: codeLimit fits 32 bits)
  cd.writeBigUInt64BE(BigInt(text.fileoff), 64); // execSegBase
  cd.writeBigUInt64BE(BigInt(text.filesize), 72); // execSegLimit
  cd.writeBigUInt64BE(BigInt(CS_EXECSEG_MAIN_BINARY), 80); // execSegFlags
  cd.write(identifier, identOffset, 'latin1');
  // Special slot -2 (requirements); slot -1 (Info.plist) stays zero: a bare executable has none.
  requirementsHash.copy(cd, hashOffset - 2 * HASH_SIZE);
  for (let i = 0; i < nCodeSlots; i++) {
    const page = file.subarray(i * PAGE_SIZE, Math.min((i + 1) * PAGE_SIZE, codeLimit));
    createHash('sha256').update(page).digest().copy(cd, hashOffset + i * HASH_SIZE);
  }
  return cd;
}

/**
 * Returns a copy of the Mach-O executable `input` (a Buffer) with an ad-hoc signature in place of any
 * it had. `identifier` names the code (codesign uses the file name).
 */
export function adHocSign(input, identifier) {
  const m = parseMachO(input);
  if (m.header.filetype !== MH_EXECUTE) throw new Error('only executables (MH_EXECUTE) are signed here');
  const linkedit = m.segments.find((s) => s.name === '__LINKEDIT');
  const text = m.segments.find((s) => s.name === '__TEXT');
  if (!linkedit || !text) throw new Error('no __LINKEDIT or __TEXT segment');
  if (m.segments.some((s) => s.fileoff > linkedit.fileoff)) throw new Error('__LINKEDIT is not the last segment in the file');
  // The code ends where the old signature began, or at the end of __LINKEDIT when there was none.
  let codeEnd;
  let file;
  if (m.codeSignature) {
    codeEnd = m.codeSignature.dataoff;
    file = Buffer.from(input.subarray(0, codeEnd));
  } else {
    codeEnd = linkedit.fileoff + linkedit.filesize;
    if (codeEnd !== input.length) throw new Error('data after __LINKEDIT; refusing to sign');
    if (m.loadCommandsEnd + 16 > m.firstSectionOffset) throw new Error('no room for a code signature load command');
    file = Buffer.from(input);
  }
  const codeLimit = align(codeEnd, 16);
  const sigSize = superBlobSize(identifier, codeLimit);
  const out = Buffer.alloc(codeLimit + sigSize);
  file.copy(out, 0);
  // Load command and __LINKEDIT now cover the new signature; this is done before hashing (page 0).
  let lcAt = m.codeSignature?.at;
  if (lcAt === undefined) {
    lcAt = m.loadCommandsEnd;
    out.writeUInt32LE(LC_CODE_SIGNATURE, lcAt);
    out.writeUInt32LE(16, lcAt + 4);
    out.writeUInt32LE(m.header.ncmds + 1, 16);
    out.writeUInt32LE(m.header.sizeofcmds + 16, 20);
  }
  out.writeUInt32LE(codeLimit, lcAt + 8);
  out.writeUInt32LE(sigSize, lcAt + 12);
  const linkeditSize = codeLimit + sigSize - linkedit.fileoff;
  out.writeBigUInt64LE(BigInt(linkeditSize), linkedit.at + 48); // filesize
  out.writeBigUInt64LE(BigInt(Math.max(linkedit.vmsize, align(linkeditSize, 0x4000))), linkedit.at + 32); // vmsize

  const requirements = Buffer.alloc(12);
  requirements.writeUInt32BE(CSMAGIC_REQUIREMENTS, 0);
  requirements.writeUInt32BE(12, 4);
  requirements.writeUInt32BE(0, 8);
  const cms = Buffer.alloc(8);
  cms.writeUInt32BE(CSMAGIC_BLOBWRAPPER, 0);
  cms.writeUInt32BE(8, 4);
  const cd = codeDirectory(out, identifier, codeLimit, text, createHash('sha256').update(requirements).digest());

  const blobs = [[CSSLOT_CODEDIRECTORY, cd], [CSSLOT_REQUIREMENTS, requirements], [CSSLOT_SIGNATURESLOT, cms]];
  const sig = out.subarray(codeLimit);
  sig.writeUInt32BE(CSMAGIC_EMBEDDED_SIGNATURE, 0);
  sig.writeUInt32BE(sigSize, 4);
  sig.writeUInt32BE(blobs.length, 8);
  let offset = 12 + blobs.length * 8;
  for (const [i, [type, blob]] of blobs.entries()) {
    sig.writeUInt32BE(type, 12 + i * 8);
    sig.writeUInt32BE(offset, 16 + i * 8);
    blob.copy(sig, offset);
    offset += blob.length;
  }
  if (offset !== sigSize) throw new Error(`internal: signature size ${offset} != ${sigSize}`);
  return out;
}
