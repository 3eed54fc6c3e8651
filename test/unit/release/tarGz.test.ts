// The reproducible .tar.gz writer, read back by the system's GNU tar (an independent reader).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tarGz } from '../../../scripts/release/tar-gz.mjs';

const entries = [
  { name: 'LICENSE', mode: 0o644, data: Buffer.from('license text\n') },
  { name: 'kubectl-gs', mode: 0o755, data: Buffer.alloc(70_000, 7) },
  { name: 'kubectl_complete-gs', mode: 0o755, data: Buffer.from('#!/bin/sh\nexec kubectl-gs __complete "$@"\n') },
];
const mtime = 1_765_000_000;

describe('tarGz', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-targz-'));
  const file = join(dir, 'a.tar.gz');
  writeFileSync(file, tarGz(entries, mtime));

  it('is listed by GNU tar with the names, modes, owner 0/0, sizes and mtime given, in order', () => {
    const out = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvzf', file], { env: { ...process.env, TZ: 'UTC' } }).toString().trim().split('\n');
    expect(out).toEqual([
      '-rw-r--r-- 0/0              13 2025-12-06 05:46:40 LICENSE',
      '-rwxr-xr-x 0/0           70000 2025-12-06 05:46:40 kubectl-gs',
      '-rwxr-xr-x 0/0              42 2025-12-06 05:46:40 kubectl_complete-gs',
    ]);
  });

  it('unpacks to the same bytes', () => {
    const out = mkdtempSync(join(tmpdir(), 'kgs-targz-x-'));
    execFileSync('tar', ['xzf', file, '-C', out]);
    for (const e of entries) expect(readFileSync(join(out, e.name)).equals(e.data)).toBe(true);
  });

  it('gives the same bytes every time, with no time or name in the gzip header', () => {
    const a = tarGz(entries, mtime);
    expect(tarGz(entries, mtime).equals(a)).toBe(true);
    expect(a.readUInt32LE(4)).toBe(0); // MTIME
    expect(a[3] & 0x08).toBe(0); // FLG.FNAME
    expect(a[9]).toBe(255); // OS: unknown
    expect(tarGz(entries, mtime + 1).equals(a)).toBe(false);
  });

  it('pads the tar stream to whole 10 KiB records', () => {
    expect(gunzipSync(tarGz(entries, mtime)).length % 10240).toBe(0);
  });
});
