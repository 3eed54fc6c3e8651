// kubectl keeps API discovery on disk (~/.kube/cache/discovery, for 6 hours), so `kubectl get` sends no
// discovery request before its list. `get` needs one discovery fact, the version of a group the server
// prefers (v1beta2 or v1beta1 for Cluster API); it is kept the same way, per API server, in
// <cacheDir>/discovery/. A stale entry is harmless: a request to a version the server no longer serves
// fails with 404, and the caller forgets the entry and asks the server again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../../cli/deps';
import type { KubeClient } from '../../kube';

/** As long as kubectl trusts its discovery cache. */
export const discoveryTtlMs = 6 * 60 * 60 * 1000;

interface CacheFile {
  server: string;
  groups: Record<string, { version: string; at: number }>;
}

function cacheFile(deps: Deps, server: string): string {
  const id = createHash('sha256').update(server).digest('hex').slice(0, 16);
  return join(deps.cacheDir(), 'discovery', `${id}.json`);
}

function read(file: string, server: string): CacheFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed && parsed.server === server && parsed.groups && typeof parsed.groups === 'object') return parsed;
  } catch {
    // missing or unreadable: start afresh
  }
  return { server, groups: {} };
}

/** Written to a temp file and renamed, so a reader never sees half a file. Best effort: a cache. */
function write(file: string, content: CacheFile): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(content));
    renameSync(tmp, file);
  } catch {
    // a read-only home directory only costs the next run a discovery request
  }
}

export interface Resolved {
  version: string | undefined;
  /** True when the answer came from the cache (and may be stale). */
  cached: boolean;
}

/** The group's preferred version: from the cache while fresh, else from the server (and then cached). */
export async function preferredVersionCached(client: KubeClient, deps: Deps, group: string): Promise<Resolved> {
  const server = client.server;
  if (!server) return { version: await client.preferredVersion(group), cached: false };
  const file = cacheFile(deps, server);
  const entry = read(file, server).groups[group];
  const now = deps.now().getTime();
  if (entry && now - entry.at >= 0 && now - entry.at < discoveryTtlMs) return { version: entry.version, cached: true };
  const version = await client.preferredVersion(group);
  if (version) {
    const content = read(file, server);
    content.groups[group] = { version, at: now };
    write(file, content);
  }
  return { version, cached: false };
}

/** Drops a group's entry (after the server answered 404 for the cached version). */
export function forgetPreferredVersion(client: KubeClient, deps: Deps, group: string): void {
  if (!client.server) return;
  const file = cacheFile(deps, client.server);
  const content = read(file, client.server);
  if (!(group in content.groups)) return;
  delete content.groups[group];
  write(file, content);
}
