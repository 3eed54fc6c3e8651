// A .tar.gz written byte for byte the same on every machine and in every folder: POSIX ustar headers with
// fixed owner (0/0, no names), the given mtime, the entries in the order given, and a gzip member without
// a file name or time and with a fixed OS byte. Node's own zlib compresses, so the bytes depend only on
// the pinned Node, not on the machine's tar or gzip (which differ between distributions and versions).
import { gzipSync } from 'node:zlib';

const BLOCK = 512;
const RECORD = BLOCK * 20; // tar's default blocking factor: archives are padded to 10 KiB

function octal(value, width) {
  const s = value.toString(8);
  if (s.length > width - 1) throw new Error(`tar: ${value} does not fit ${width - 1} octal digits`);
  return s.padStart(width - 1, '0') + '\0';
}

function header(name, mode, size, mtime) {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name longer than 100 bytes: ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 'utf8');
  h.write(octal(mode, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1'); // uid
  h.write(octal(0, 8), 116, 'latin1'); // gid
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(mtime, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1'); // checksum counts as spaces while it is computed
  h.write('0', 156, 'latin1'); // regular file
  h.write('ustar\0' + '00', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'latin1');
  return h;
}

/** entries: [{ name, mode, data: Buffer }]; mtime in seconds since the epoch. Returns the .tar.gz bytes. */
export function tarGz(entries, mtime) {
  const parts = [];
  let length = 0;
  for (const e of entries) {
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    parts.push(header(e.name, e.mode, e.data.length, mtime), e.data, Buffer.alloc(pad));
    length += BLOCK + e.data.length + pad;
  }
  const end = 2 * BLOCK + ((RECORD - ((length + 2 * BLOCK) % RECORD)) % RECORD);
  parts.push(Buffer.alloc(end));
  const gz = gzipSync(Buffer.concat(parts), { level: 9 });
  gz[9] = 255; // OS: "unknown", whatever system zlib was built for
  return gz;
}
