// The plain-JavaScript SHA-256 (src/sha256.ts) gives node:crypto's digest for every length around the
// 64-byte block and padding boundaries, for non-ASCII text, and Go's test vector of the user hash.
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/sha256';

describe('sha256Hex', () => {
  it.each([0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000])('matches node:crypto for %d bytes', (n) => {
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 7) % 95))).join('');
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    const text = 'grüße, 世界, 🚀';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it("gives Go's value for the user hash test vector", () => {
    expect(sha256Hex('|linux|amd64|vm|02:fc:00:00:00:01 a2:32:30:b9:a2:91 ae:8c:f7:a2:62:59|0|0|alice||')).toBe('42ba670bfd021c7e30adcc0d3aa53e50368c20c8fc270a616d8fe18b7e9eae36');
  });
});
