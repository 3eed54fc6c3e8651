// A folder nobody may write to, for tests of failed writes. Root ignores permission bits, so as root the
// folder is made immutable (chattr +i, which needs a file system that supports it, as ext4 does) instead.
import { chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const asRoot = process.getuid?.() === 0;

export function setReadOnly(dir: string, readOnly: boolean): void {
  if (!asRoot) return chmodSync(dir, readOnly ? 0o555 : 0o755);
  const r = spawnSync('chattr', [readOnly ? '+i' : '-i', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`chattr failed: ${r.stderr}`);
}
