// The unpredictable part of a temporary file's name. Unpredictable, so that nobody can create the name
// first: the exclusive create would then fail (a denial of the write, never a write through their link).
// From the operating system's random source: /dev/urandom, read directly, because loading node:crypto
// for it costs a command 0.3-1 ms (measured on the development VM: require + first randomBytes) and a
// telemetry signal is written on the exit path of fast commands; node:crypto on Windows, or where
// /dev/urandom cannot be read.
import { closeSync, openSync, readSync } from 'node:fs';

export function randomSuffix(): string {
  const bytes = Buffer.alloc(8);
  if (process.platform === 'win32' || !readUrandom(bytes)) {
    (require('node:crypto') as typeof import('node:crypto')).randomFillSync(bytes);
  }
  return bytes.toString('hex');
}

function readUrandom(into: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    return readSync(fd, into, 0, into.length, null) === into.length;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
