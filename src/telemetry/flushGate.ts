// Rate limit of the spool flusher (see flush.ts): at most one helper process per FLUSH_INTERVAL_MS, even
// when several invocations end at the same moment. The last attempt is the mtime of `flush-attempt`
// next to the spool. Claiming is atomic without locks: the first attempt creates the file with O_EXCL;
// after that, every process that sees an old mtime M tries to create the marker `flush-attempt.M.claim`
// with O_EXCL, and the kernel lets exactly one of them do it; that one then moves the mtime forward
// (an atomic write of the files room, its time stamp set before the rename), so later invocations see a
// fresh attempt. Exclusive creates and no path-based time stamps: no planted link is ever followed.
import { closeSync, futimesSync, lstatSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../files/index';

const FILE = 'flush-attempt';

export function flushAttemptFile(telemetryDir: string): string {
  return join(telemetryDir, FILE);
}

/** True if this process may start a flusher now (and has recorded the attempt); false otherwise. */
export function claimFlushSlot(telemetryDir: string, now: number, intervalMs: number): boolean {
  const file = flushAttemptFile(telemetryDir);
  let last: number;
  try {
    last = Math.round(lstatSync(file).mtimeMs);
  } catch {
    // Never attempted: whoever creates the file first (O_EXCL) wins. The file is only ever replaced by a
    // rename afterwards, never removed, so this cannot race with the claim below.
    try {
      ensurePrivateDir(telemetryDir);
      createExclusive(file, now);
      return true;
    } catch {
      return false;
    }
  }
  // A recent attempt; an mtime far in the future means the clock was set back: treat it as old.
  if (now - last < intervalMs && last - now < intervalMs) return false;
  try {
    createExclusive(join(telemetryDir, `${FILE}.${last}.claim`));
  } catch {
    return false; // another invocation claimed this generation first
  }
  writeFileAtomic(file, '', { mtimeMs: now, fsync: false });
  removeOldMarkers(telemetryDir, `${FILE}.${last}.claim`, now, intervalMs);
  return true;
}

/** Creates an empty file (0600) that must not exist yet, time-stamped mtimeMs if given; throws if anything is there. */
function createExclusive(path: string, mtimeMs?: number): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    if (mtimeMs !== undefined) futimesSync(fd, mtimeMs / 1000, mtimeMs / 1000);
  } finally {
    closeSync(fd);
  }
}

/**
 * Markers of generations older than the interval: a process could only still try to claim one of those
 * if it had read the mtime an interval ago, so they can go.
 */
function removeOldMarkers(dir: string, keep: string, now: number, intervalMs: number): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${FILE}.`) || !name.endsWith('.claim') || name === keep) continue;
    try {
      if (now - lstatSync(join(dir, name)).mtimeMs > intervalMs) unlinkSync(join(dir, name));
    } catch {
      // removed by another invocation
    }
  }
}
