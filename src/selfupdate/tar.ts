// A minimal reader of the release archives (scripts/release/tar-gz.mjs writes them): gunzip, then walk
// the ustar headers to the one regular file asked for. Enough for our own archives; not a general tar.
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** The content of the regular file `name` (also found under one leading folder), or undefined. Throws on a broken archive. */
export function extractFile(tarGz: Buffer, name: string, maxBytes = 512 * 1024 * 1024): Buffer | undefined {
  const tar = gunzipSync(tarGz, { maxOutputLength: maxBytes });
  for (let pos = 0; pos + BLOCK <= tar.length; ) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) return undefined; // end of archive
    const prefix = field(header, 345, 155);
    const path = (prefix ? prefix + '/' : '') + field(header, 0, 100);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 0x30);
    if (!Number.isFinite(size) || size < 0 || pos + BLOCK + size > tar.length) throw new Error('the archive is damaged');
    const base = path.replace(/^\.\//, '');
    if ((type === '0' || type === '\0') && (base === name || base.replace(/^[^/]+\//, '') === name)) {
      return Buffer.from(tar.subarray(pos + BLOCK, pos + BLOCK + size));
    }
    pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
