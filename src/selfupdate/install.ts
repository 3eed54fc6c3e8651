// selfupdate's work: the latest release's archive for this platform, verified against the release's
// checksums.txt before anything else is done with it, its executable taken out, and the running
// executable replaced atomically. Whatever fails, the old executable stays where it was.
import { createHash } from 'node:crypto';
import { renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../errors';
import { FileWriteError, writeFileAtomic } from '../files';
import type { Release } from './feed';
import { httpGet } from './feed';
import { extractFile } from './tar';

export const CHECKSUMS_ASSET = 'checksums.txt';
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const MAX_ARCHIVE_BYTES = 512 * 1024 * 1024;

/** The archive of a release for a platform, as scripts/release/manifest.mjs names it. */
export function archiveName(version: string, os: string, arch: string): string {
  return `kubectl-gs-v${version}-${os}-${arch}.tar.gz`;
}

/** sha256sum's format: "<64 hex>  <name>" (or " *<name>" for binary mode), one a line. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (m) sums.set(m[2], m[1].toLowerCase());
  }
  return sums;
}

/** Downloads and verifies the archive, and returns the executable inside it. Throws one line. */
export async function fetchVerifiedExecutable(release: Release, os: string, arch: string): Promise<Buffer> {
  const archive = archiveName(release.version, os, arch);
  const archiveUrl = release.assets.get(archive);
  if (!archiveUrl) throw new UserError(`release ${release.tag} has no archive for ${os}/${arch} (${archive}); download kubectl-gs by hand from its release page`);
  const sumsUrl = release.assets.get(CHECKSUMS_ASSET);
  if (!sumsUrl) throw new UserError(`release ${release.tag} has no ${CHECKSUMS_ASSET}, so its archive cannot be verified; nothing was changed`);
  const expected = parseChecksums((await httpGet(sumsUrl, { timeoutMs: 60_000, maxBytes: 1024 * 1024 })).toString('utf8')).get(archive);
  if (!expected) throw new UserError(`${CHECKSUMS_ASSET} of release ${release.tag} has no checksum for ${archive}; nothing was changed`);
  const data = await httpGet(archiveUrl, { timeoutMs: DOWNLOAD_TIMEOUT_MS, maxBytes: MAX_ARCHIVE_BYTES });
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== expected) throw new UserError(`the downloaded ${archive} does not match its checksum (sha256 ${actual}, expected ${expected}); nothing was changed`);
  const exe = os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs';
  let content: Buffer | undefined;
  try {
    content = extractFile(data, exe);
  } catch (err) {
    throw new UserError(`cannot read ${archive}: ${(err as Error).message}; nothing was changed`);
  }
  if (!content || content.length === 0) throw new UserError(`${archive} holds no ${exe}; nothing was changed`);
  return content;
}

/**
 * Puts content in place of the executable at target. POSIX: a new file next to it, renamed over it (a
 * running executable may be replaced so). Windows cannot replace a running executable, but can rename it:
 * the old one goes aside (target.old, removed by the next update), the new one takes its name, and the old
 * one comes back if that fails.
 */
export function replaceExecutable(target: string, content: Buffer, platform = process.platform): void {
  try {
    if (platform !== 'win32') {
      writeFileAtomic(target, content, { mode: 0o755 });
      return;
    }
    const aside = `${target}.old`;
    try {
      unlinkSync(aside);
    } catch {
      // none left from an earlier update
    }
    renameSync(target, aside);
    try {
      writeFileAtomic(target, content, { mode: 0o755 });
    } catch (err) {
      renameSync(aside, target);
      throw err;
    }
  } catch (err) {
    const reason = err instanceof FileWriteError ? err.message.replace(/^cannot write \S+ /, '') : `(${(err as Error).message})`;
    throw new UserError(`cannot replace ${basename(target)} in ${dirname(target)} ${reason}; run selfupdate as a user who may write there, or reinstall kubectl-gs; nothing was changed`);
  }
}
