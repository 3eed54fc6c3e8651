// Signals that could not be sent before their process exited wait here, one file per signal, for a
// later invocation to send them along with its own. Safe when several invocations run at once:
// a signal is written atomically (files room: readers never see half a file), and a sender claims it by
// renaming it into claimed/ (rename is atomic: of two senders, exactly one wins).
// Private: files 0600 in 0700 folders. Bounded: past SPOOL_LIMIT files the oldest are dropped.
// Sends only its own: a claimed entry is read without following links (only a regular file of this user,
// of bounded size) and must be exactly a signal of ours (signalShape.ts); anything else is removed unread
// or unsent. What is not a file (a folder named *.json) is left alone.
import { lstatSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, readPrivateFile, writeFileAtomic } from '../files/index';
import { SPOOL_LIMIT } from './constants';
import type { Signal } from './signal';
import { parseSpoolEntry } from './signalShape';

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

/** A signal is under 1 KB; a bigger file is not one. */
const MAX_ENTRY_BYTES = 8192;

export class Spool {
  constructor(readonly dir: string, private readonly limit = SPOOL_LIMIT) {}

  private get claimedDir(): string {
    return join(this.dir, 'claimed');
  }

  /**
   * Throws when the spool cannot be written (FileWriteError: a read-only or full disk), leaving nothing
   * behind. Not fsync'd: a signal lost in a power cut is one usage count (see files/atomicWrite.ts).
   */
  add(entry: SpoolEntry): void {
    ensurePrivateDir(this.dir);
    // Names sort by creation time, so "oldest" is simply the first names.
    const name = `${String(entry.createdAt).padStart(15, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.json`;
    writeFileAtomic(join(this.dir, name), JSON.stringify(entry), { fsync: false });
    this.trim();
  }

  /** Names of the waiting signals, oldest first: regular files only (no links, no folders). */
  pending(): string[] {
    try {
      return readdirSync(this.dir, { withFileTypes: true })
        .filter((d) => d.isFile() && d.name.endsWith('.json') && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort();
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
    this.removeLinks();
    const names = this.pending().reverse();
    if (names.length === 0) return out;
    try {
      ensurePrivateDir(this.claimedDir);
    } catch {
      return out; // a read-only spool: nothing can be claimed, so nothing is sent twice
    }
    for (const name of names) {
      if (out.files.length >= max) break;
      const claimed = join(this.claimedDir, `${name}.${process.pid}`);
      try {
        renameSync(join(this.dir, name), claimed);
      } catch {
        continue; // someone else claimed it
      }
      // Checked again on the open: the name may have been swapped for a link since it was listed.
      const read = readPrivateFile(claimed, MAX_ENTRY_BYTES);
      const entry = read.ok ? parseSpoolEntry(read.text) : undefined;
      if (entry) {
        out.entries.push(entry);
        out.files.push(claimed);
      } else if (read.ok || read.why !== 'not a regular file') {
        removeQuietly(claimed); // not a signal of ours (or a link, or too large): dropped, never sent
      } else {
        this.putBack(claimed); // a folder that appeared under the name: not ours to delete
      }
    }
    return out;
  }

  /** Links in the spool were not made by it: they go, unfollowed (unlink removes the link itself). */
  private removeLinks(): void {
    try {
      for (const d of readdirSync(this.dir, { withFileTypes: true })) if (d.isSymbolicLink()) removeQuietly(join(this.dir, d.name));
    } catch {
      // no spool, or not readable: nothing to remove
    }
  }

  private putBack(claimed: string): void {
    try {
      renameSync(claimed, join(this.dir, claimed.slice(this.claimedDir.length + 1).replace(/\.\d+$/, '')));
    } catch {
      // gone, or in the way of another: it stays in claimed/, where releaseStaleClaims finds it
    }
  }

  /** The claimed signals were handed to the kernel: forget them. */
  done(claimed: Claimed): void {
    for (const f of claimed.files) rmSync(f, { force: true });
  }

  /** Sending failed: put the claimed signals back for a later invocation. */
  release(claimed: Claimed): void {
    for (const f of claimed.files) this.putBack(f);
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
        if (now - lstatSync(f).mtimeMs > STALE_CLAIM_MS) renameSync(f, join(this.dir, n.replace(/\.\d+$/, '')));
      } catch {
        // raced with its owner or another sender
      }
    }
  }

  /**
   * Deletes every waiting signal (opt-out). Best effort: a spool on a read-only disk stays, and is never
   * sent, since every sender reads the opt-out first.
   */
  clear(): void {
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // see above
    }
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already (or a folder, which unlink leaves alone)
  }
}

export function spoolDir(cacheDir: string): string {
  return join(cacheDir, 'telemetry', 'spool');
}
