// Signals that could not be sent before their process exited wait here, one file per signal, for a
// later invocation to send them along with its own. Safe when several invocations run at once:
// a signal is written to a temp name and renamed into place (readers never see half a file), and a
// sender claims it by renaming it into claimed/ (rename is atomic: of two senders, exactly one wins).
// Bounded: past SPOOL_LIMIT files the oldest are dropped.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPOOL_LIMIT } from './constants';
import type { Signal } from './signal';

export interface SpoolEntry {
  signal: Signal;
  /** Local cache key of the cluster whose cluster-wide setting was not known yet when the signal was made. */
  pendingCluster?: string;
  /**
   * Made before the user hash of this setup was known (Windows, where listing every network adapter takes
   * too long for a command to wait): clientUser is filled in by whoever sends it (see pending.ts).
   */
  pendingUser?: true;
  /** When the signal was made (ms since epoch). */
  createdAt: number;
}

export interface Claimed {
  entries: SpoolEntry[];
  files: string[];
}

/** A claim older than this was left by a process that died between claiming and sending. */
const STALE_CLAIM_MS = 60_000;

export class Spool {
  constructor(readonly dir: string, private readonly limit = SPOOL_LIMIT) {}

  private get claimedDir(): string {
    return join(this.dir, 'claimed');
  }

  add(entry: SpoolEntry): void {
    mkdirSync(this.dir, { recursive: true });
    // Names sort by creation time, so "oldest" is simply the first names.
    const name = `${String(entry.createdAt).padStart(15, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.json`;
    const tmp = join(this.dir, `.${name}.tmp`);
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, join(this.dir, name));
    this.trim();
  }

  /** Names of the waiting signals, oldest first. */
  pending(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
    } catch {
      return [];
    }
  }

  private trim(): void {
    const names = this.pending();
    for (const name of names.slice(0, Math.max(0, names.length - this.limit))) {
      try {
        unlinkSync(join(this.dir, name));
      } catch {
        // Another invocation dropped or claimed it first.
      }
    }
  }

  /** Claims up to max waiting signals (newest first, so what is dropped on overflow is the oldest). */
  claim(max: number): Claimed {
    this.releaseStaleClaims();
    const out: Claimed = { entries: [], files: [] };
    const names = this.pending().reverse();
    if (names.length === 0) return out;
    mkdirSync(this.claimedDir, { recursive: true });
    for (const name of names) {
      if (out.files.length >= max) break;
      const claimed = join(this.claimedDir, `${name}.${process.pid}`);
      try {
        renameSync(join(this.dir, name), claimed);
      } catch {
        continue; // someone else claimed it
      }
      try {
        out.entries.push(JSON.parse(readFileSync(claimed, 'utf8')) as SpoolEntry);
        out.files.push(claimed);
      } catch {
        rmSync(claimed, { force: true }); // unreadable: drop it
      }
    }
    return out;
  }

  /** The claimed signals were handed to the kernel: forget them. */
  done(claimed: Claimed): void {
    for (const f of claimed.files) rmSync(f, { force: true });
  }

  /** Sending failed: put the claimed signals back for a later invocation. */
  release(claimed: Claimed): void {
    for (const f of claimed.files) {
      const name = f.slice(this.claimedDir.length + 1).replace(/\.\d+$/, '');
      try {
        renameSync(f, join(this.dir, name));
      } catch {
        // gone: nothing to put back
      }
    }
  }

  private releaseStaleClaims(): void {
    let names: string[];
    try {
      names = readdirSync(this.claimedDir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const n of names) {
      const f = join(this.claimedDir, n);
      try {
        if (now - statSync(f).mtimeMs > STALE_CLAIM_MS) renameSync(f, join(this.dir, n.replace(/\.\d+$/, '')));
      } catch {
        // raced with its owner or another sender
      }
    }
  }

  /** Deletes every waiting signal (opt-out). */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function spoolDir(cacheDir: string): string {
  return join(cacheDir, 'telemetry', 'spool');
}
