// The ad-hoc Mach-O signer on a small synthetic executable. The real darwin executables are checked by the
// release test with an independent verifier (scripts/release/verify_macho_signature.py, on macholib).
import { createHash } from 'node:crypto';
import { adHocSign, parseMachO } from '../../../scripts/release/macho-sign.mjs';

/** A minimal arm64 MH_EXECUTE: __TEXT (one section at 4096) and __LINKEDIT, 3 pages and a bit. */
function synthetic(): Buffer {
  const f = Buffer.alloc(8192 + 5000);
  f.writeUInt32LE(0xfeedfacf, 0);
  f.writeUInt32LE(0x0100000c, 4); // CPU_TYPE_ARM64
  f.writeUInt32LE(2, 12); // MH_EXECUTE
  f.writeUInt32LE(2, 16); // ncmds
  f.writeUInt32LE(152 + 72, 20); // sizeofcmds
  let at = 32;
  const segment = (name: string, fileoff: number, filesize: number, nsects: number) => {
    f.writeUInt32LE(0x19, at);
    f.writeUInt32LE(72 + nsects * 80, at + 4);
    f.write(name, at + 8, 'latin1');
    f.writeBigUInt64LE(BigInt(0x100000000 + fileoff), at + 24);
    f.writeBigUInt64LE(BigInt(Math.ceil(filesize / 16384) * 16384), at + 32);
    f.writeBigUInt64LE(BigInt(fileoff), at + 40);
    f.writeBigUInt64LE(BigInt(filesize), at + 48);
    f.writeUInt32LE(nsects, at + 64);
    at += 72;
  };
  segment('__TEXT', 0, 8192, 1);
  f.write('__text', at, 'latin1');
  f.write('__TEXT', at + 16, 'latin1');
  f.writeUInt32LE(4096, at + 48); // section file offset
  at += 80;
  segment('__LINKEDIT', 8192, 5000, 0);
  for (let i = 4096; i < f.length; i++) f[i] = (i * 7) & 0xff;
  return f;
}

/** The page hashes of the signature's CodeDirectory, read here by hand (big-endian blobs). */
function codeDirectory(signed: Buffer) {
  const { codeSignature } = parseMachO(signed);
  const sig = signed.subarray(codeSignature!.dataoff, codeSignature!.dataoff + codeSignature!.datasize);
  expect(sig.readUInt32BE(0)).toBe(0xfade0cc0);
  const cdOffset = sig.readUInt32BE(16); // index entry 0 is the CodeDirectory
  const cd = sig.subarray(cdOffset);
  const hashOffset = cd.readUInt32BE(16);
  const nCode = cd.readUInt32BE(28);
  return {
    flags: cd.readUInt32BE(12), codeLimit: cd.readUInt32BE(32), pageShift: cd[39], hashType: cd[37],
    ident: cd.toString('latin1', cd.readUInt32BE(20), cd.indexOf(0, cd.readUInt32BE(20))),
    hashes: Array.from({ length: nCode }, (_, i) => cd.subarray(hashOffset + i * 32, hashOffset + (i + 1) * 32).toString('hex')),
  };
}

describe('adHocSign', () => {
  const unsigned = synthetic();
  const signed = adHocSign(unsigned, 'kubectl-gs');

  it('adds LC_CODE_SIGNATURE at the end of __LINKEDIT, which grows to cover it', () => {
    const m = parseMachO(signed);
    expect(m.header.ncmds).toBe(3);
    expect(m.codeSignature!.dataoff).toBe(13200); // 13192 aligned to 16
    expect(m.codeSignature!.dataoff + m.codeSignature!.datasize).toBe(signed.length);
    const linkedit = m.segments.find((s: any) => s.name === '__LINKEDIT')!;
    expect(linkedit.fileoff + linkedit.filesize).toBe(signed.length);
  });

  it('hashes every 4 KiB page up to the signature with SHA-256, ad hoc, under the given identifier', () => {
    const cd = codeDirectory(signed);
    expect(cd).toMatchObject({ flags: 0x2, codeLimit: 13200, pageShift: 12, hashType: 2, ident: 'kubectl-gs' });
    const pages = [0, 4096, 8192, 12288].map((o) => createHash('sha256').update(signed.subarray(o, Math.min(o + 4096, 13200))).digest('hex'));
    expect(cd.hashes).toEqual(pages);
  });

  it('replaces an existing signature instead of adding one: signing again gives the same bytes', () => {
    expect(adHocSign(signed, 'kubectl-gs').equals(signed)).toBe(true);
  });

  it('changes only the hash of the page that changed', () => {
    const changed = Buffer.from(unsigned);
    changed[5000] ^= 1;
    const a = codeDirectory(signed).hashes;
    const b = codeDirectory(adHocSign(changed, 'kubectl-gs')).hashes;
    expect(b.map((h, i) => h === a[i])).toEqual([true, false, true, true]);
  });

  it('refuses what it cannot sign', () => {
    const fat = Buffer.from(unsigned);
    fat.writeUInt32BE(0xcafebabe, 0);
    expect(() => adHocSign(fat, 'x')).toThrow(/not a thin 64-bit/);
    const dylib = Buffer.from(unsigned);
    dylib.writeUInt32LE(6, 12);
    expect(() => adHocSign(dylib, 'x')).toThrow(/only executables/);
    const full = Buffer.from(unsigned);
    full.writeUInt32LE(32 + 224 + 8, 32 + 72 + 48); // first section right after the load commands
    expect(() => adHocSign(full, 'x')).toThrow(/no room/);
  });
});
