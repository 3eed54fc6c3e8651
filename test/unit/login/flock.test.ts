import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockExclusive } from '../../../src/login/flock';

// The lock must be a real flock(2), the one Go's syscall.Flock takes, so it is checked against another
// process using flock(2) directly (util-linux flock), not only against itself.
const dir = mkdtempSync(join(tmpdir(), 'kgs-flock-'));
const otherHolds = (file: string) => spawnSync('flock', ['-n', '-x', file, 'true']).status !== 0;

describe('lockExclusive', () => {
  it('holds a flock that other processes see, until released', async () => {
    const file = join(dir, 'a.lock');
    const lock = await lockExclusive(file, 5000);
    expect(otherHolds(file)).toBe(true);
    lock.release();
    expect(otherHolds(file)).toBe(false);
  });

  it('waits for a lock another process holds', async () => {
    const file = join(dir, 'b.lock');
    const holder = spawn('flock', ['-x', file, 'sh', '-c', 'echo held; sleep 0.7']);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const started = Date.now();
    const lock = await lockExclusive(file, 5000);
    const waited = Date.now() - started;
    lock.release();
    expect(waited).toBeGreaterThan(300);
  });

  it('excludes a second holder in the same process (a lock per open file, as flock is)', async () => {
    const file = join(dir, 'c.lock');
    const first = await lockExclusive(file, 5000);
    let secondHeld = false;
    const second = lockExclusive(file, 5000).then((l) => {
      secondHeld = true;
      return l;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(secondHeld).toBe(false);
    first.release();
    (await second).release();
    expect(secondHeld).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const file = join(dir, 'd.lock');
    const first = await lockExclusive(file, 5000);
    await expect(lockExclusive(file, 300)).rejects.toThrow(/timed out/);
    first.release();
  });
});
