// The Go kubectl-gs's token cache file: {"id_token":"...","refresh_token":"..."}, mode 0600, in a 0700
// folder (cacheFile.ts says where). Written atomically here; Go writes it in place (os.WriteFile), so a
// reader may meet a half-written file from a Go process: it then reads as absent, and the caller takes
// the lock, under which Go's writes are complete.
import { writeFileAtomic } from '../files';
import { ensurePrivateDir } from './privateDir';

export interface CacheEntry {
  idToken: string;
  refreshToken: string;
}

export function readCacheEntry(file: string): CacheEntry | undefined {
  const fs = require('node:fs') as typeof import('node:fs');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const doc = JSON.parse(text) as { id_token?: unknown; refresh_token?: unknown };
    if (typeof doc !== 'object' || doc === null) return undefined;
    return {
      idToken: typeof doc.id_token === 'string' ? doc.id_token : '',
      refreshToken: typeof doc.refresh_token === 'string' ? doc.refresh_token : '',
    };
  } catch {
    return undefined;
  }
}

export function writeCacheEntry(dir: string, file: string, entry: CacheEntry): void {
  ensurePrivateDir(dir);
  // Go's json.Marshal of its Entry struct: the same two keys in the same order.
  writeFileAtomic(file, JSON.stringify({ id_token: entry.idToken, refresh_token: entry.refreshToken }), { mode: 0o600 });
}
