// The version check's state: one small file in the cache folder, {checkedAt, latest}. checkedAt is when
// an invocation last claimed the daily check (and started a refresh); latest is what the last refresh
// found. Both are a cache: a lost or unreadable file only means one more check.
import { join } from 'node:path';
import { ensurePrivateDir, readPrivateFile, writeFileAtomic } from '../files';
import { compareVersions } from './versionOrder';

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
const STATE_FILE = 'version-check.json';

export interface VersionState {
  /** ms since the epoch. */
  checkedAt?: number;
  /** The latest released version the last refresh saw (6.1.0). */
  latest?: string;
}

export function stateFile(cacheDir: string): string {
  return join(cacheDir, STATE_FILE);
}

export function readState(cacheDir: string): VersionState {
  const read = readPrivateFile(stateFile(cacheDir), 4096);
  if (!read.ok) return {};
  try {
    const v = JSON.parse(read.text) as Record<string, unknown>;
    return {
      checkedAt: typeof v.checkedAt === 'number' && Number.isFinite(v.checkedAt) ? v.checkedAt : undefined,
      latest: typeof v.latest === 'string' ? v.latest : undefined,
    };
  } catch {
    return {};
  }
}

/** Throws FileWriteError; callers on the exit path ignore it. */
export function writeState(cacheDir: string, state: VersionState): void {
  ensurePrivateDir(cacheDir);
  writeFileAtomic(stateFile(cacheDir), JSON.stringify(state) + '\n', { fsync: false });
}

/** Whether the daily check is due: never checked, checked a day ago or more, or a clock that went back. */
export function checkDue(state: VersionState, now: number): boolean {
  if (state.checkedAt === undefined) return true;
  return now - state.checkedAt >= CHECK_INTERVAL_MS || state.checkedAt > now;
}

/** The newer version the state knows of, or undefined when the running one is as new (or either is not a version). */
export function newerThan(state: VersionState, current: string): string | undefined {
  if (!state.latest) return undefined;
  return compareVersions(state.latest, current) === 1 ? state.latest : undefined;
}
