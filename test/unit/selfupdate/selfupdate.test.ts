// `kubectl gs selfupdate` against a loopback release feed: it replaces the executable only with a newer,
// verified one; everything else leaves the old executable as it was.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type SelfupdateOptions } from '../../../src/commands/selfupdate/selfupdate';
import { replaceExecutable } from '../../../src/selfupdate/index';
import { readState } from '../../../src/selfupdate/index';
import { fakeDeps } from '../../support/fakeDeps';
import { setReadOnly } from '../../support/readOnlyDir';
import { NEW_EXECUTABLE, startFeed, type FakeFeed } from './feed';

const OLD = '#!/bin/sh\necho old kubectl-gs\n';

function install(sub = 'bin'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kgs-selfupdate-')), sub);
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'kubectl-gs');
  writeFileSync(exe, OLD, { mode: 0o755 });
  return exe;
}

let feed: FakeFeed | undefined;
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

async function selfupdate(feedVersion: string, o: Partial<SelfupdateOptions> & { executable: string }, feedOpts: { badChecksum?: boolean } = {}) {
  feed = await startFeed({ version: feedVersion, ...feedOpts });
  const deps = fakeDeps({ env: { KUBECTL_GS_RELEASES_URL: feed.url } });
  const options: SelfupdateOptions = { currentVersion: '2.0.0', os: 'linux', arch: 'amd64', ...o };
  return { deps, result: run(options, deps) };
}

describe('selfupdate', () => {
  it('a newer release: downloads, verifies and replaces the executable (mode 0755), and says so', async () => {
    const exe = install();
    const { deps, result } = await selfupdate('2.1.0', { executable: exe });
    await expect(result).resolves.toBe(0);
    expect(readFileSync(exe, 'utf8')).toBe(NEW_EXECUTABLE);
    expect(statSync(exe).mode & 0o777).toBe(0o755);
    expect(deps.stdout.text()).toBe('Update to 2.1.0 has been started.\nFetching latest built binary...\nUpdated successfully.\n');
    // The checksums were fetched, and the archive through the feed's redirect.
    expect(feed!.requests).toEqual(expect.arrayContaining(['/download/checksums.txt', '/storage/kubectl-gs-v2.1.0-linux-amd64.tar.gz']));
    expect(readdirSync(join(exe, '..'))).toEqual(['kubectl-gs']);
    expect(readState(deps.cacheDir()).latest).toBe('2.1.0');
  });

  it.each([
    ['the same version', '2.0.0'],
    ['an older version', '1.9.0'],
  ])('%s: already up to date, nothing downloaded or replaced', async (_, feedVersion) => {
    const exe = install();
    const { deps, result } = await selfupdate(feedVersion, { executable: exe });
    await expect(result).resolves.toBe(0);
    expect(deps.stdout.text()).toBe('You are already using the latest version.\n');
    expect(readFileSync(exe, 'utf8')).toBe(OLD);
    expect(feed!.requests).toEqual(['/releases/latest']);
  });

  it('--dry-run: says a newer version exists and replaces nothing', async () => {
    const exe = install();
    const { deps, result } = await selfupdate('2.1.0', { executable: exe, dryRun: true });
    await expect(result).resolves.toBe(0);
    expect(deps.stdout.text()).toContain('2.1.0');
    expect(readFileSync(exe, 'utf8')).toBe(OLD);
  });

  it('a bad checksum: refused in one line, the old executable untouched, nothing left behind', async () => {
    const exe = install();
    const { result } = await selfupdate('2.1.0', { executable: exe }, { badChecksum: true });
    await expect(result).rejects.toThrow(/^the downloaded kubectl-gs-v2\.1\.0-linux-amd64\.tar\.gz does not match its checksum \(sha256 [0-9a-f]{64}, expected [0-9a-f]{64}\); nothing was changed$/);
    expect(readFileSync(exe, 'utf8')).toBe(OLD);
    expect(readdirSync(join(exe, '..'))).toEqual(['kubectl-gs']);
  });

  it('no archive for this platform: one line naming it, nothing replaced', async () => {
    const exe = install();
    const { result } = await selfupdate('2.1.0', { executable: exe, os: 'darwin', arch: 'arm64' });
    await expect(result).rejects.toThrow(/has no archive for darwin\/arm64 \(kubectl-gs-v2\.1\.0-darwin-arm64\.tar\.gz\)/);
    expect(readFileSync(exe, 'utf8')).toBe(OLD);
  });

  it('installed by krew: refused with the krew command, the feed not even asked', async () => {
    const exe = install('.krew/store/gs/v2.0.0');
    const { result } = await selfupdate('2.1.0', { executable: exe });
    await expect(result).rejects.toThrow('kubectl-gs was installed by krew; update it with "kubectl krew upgrade gs"');
    expect(feed!.requests).toEqual([]);
    expect(readFileSync(exe, 'utf8')).toBe(OLD);
  });

  it('not the single executable (development run): refused in one line', async () => {
    feed = await startFeed({ version: '2.1.0' });
    await expect(run({ currentVersion: '2.0.0', os: 'linux', arch: 'amd64' }, fakeDeps())).rejects.toThrow(/this is not one/);
  });

  it('a read-only install folder: one clear line, the old executable untouched', async () => {
    const exe = install();
    const dir = join(exe, '..');
    setReadOnly(dir, true);
    try {
      const { result } = await selfupdate('2.1.0', { executable: exe });
      const err: Error = await result.then(() => new Error('resolved'), (e: Error) => e);
      expect(err.message).toMatch(/^cannot replace kubectl-gs in \S+ \((permission denied|operation not permitted)\); run selfupdate as a user who may write there, or reinstall kubectl-gs; nothing was changed$/);
      expect(err.message).not.toContain('\n');
      expect(readFileSync(exe, 'utf8')).toBe(OLD);
    } finally {
      setReadOnly(dir, false);
    }
    expect(readdirSync(dir)).toEqual(['kubectl-gs']);
  });

  it('Windows: the old executable goes aside (kubectl-gs.old), the new one takes its name', () => {
    const exe = install();
    replaceExecutable(exe, Buffer.from(NEW_EXECUTABLE), 'win32');
    expect(readFileSync(exe, 'utf8')).toBe(NEW_EXECUTABLE);
    expect(readFileSync(exe + '.old', 'utf8')).toBe(OLD);
    // The next update removes the one set aside before.
    replaceExecutable(exe, Buffer.from('third'), 'win32');
    expect(readFileSync(exe + '.old', 'utf8')).toBe(NEW_EXECUTABLE);
    expect(existsSync(exe)).toBe(true);
  });
});
