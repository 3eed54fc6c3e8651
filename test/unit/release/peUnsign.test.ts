// Taking Node's Authenticode signature off a windows executable before the application is injected.
import { certificateTable, removeAuthenticode } from '../../../scripts/release/pe-unsign.mjs';

/** A minimal PE32+ header with a 512-byte certificate table at the end of a 4.5 KiB file. */
function signedPe(): Buffer {
  const b = Buffer.alloc(4096 + 512, 0x5a);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x20b, 0x98); // optional header magic: PE32+
  b.writeUInt32LE(4096, 0x98 + 112 + 32); // security directory: file offset
  b.writeUInt32LE(512, 0x98 + 112 + 36); // and size
  return b;
}

describe('removeAuthenticode', () => {
  it('clears the security directory and cuts the certificate table off the end', () => {
    const signed = signedPe();
    expect(certificateTable(signed)).toEqual([4096, 512]);
    const out = removeAuthenticode(signed);
    expect(certificateTable(out)).toEqual([0, 0]);
    expect(out.length).toBe(4096);
    expect(out.subarray(0x200, 4096).equals(signed.subarray(0x200, 4096))).toBe(true);
  });

  it('leaves an unsigned file as it is', () => {
    const unsigned = removeAuthenticode(signedPe());
    expect(removeAuthenticode(unsigned).equals(unsigned)).toBe(true);
  });

  it('refuses a certificate table that is not at the end, and what is not a 64-bit PE', () => {
    const b = Buffer.concat([signedPe(), Buffer.alloc(16)]);
    expect(() => removeAuthenticode(b)).toThrow(/not at the end/);
    const pe32 = signedPe();
    pe32.writeUInt16LE(0x10b, 0x98);
    expect(() => removeAuthenticode(pe32)).toThrow(/PE32\+/);
    expect(() => removeAuthenticode(Buffer.alloc(256))).toThrow(/no MZ/);
  });
});
