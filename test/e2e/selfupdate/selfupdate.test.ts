// selfupdate and the daily version check, end to end: the built executable, installed as a copy in a
// temporary folder, against a loopback release feed that serves real releases made by `npm run release`
// for linux/amd64 (the archive and checksums.txt exactly as a release publishes them):
//   - the current release: `--no-build` from this checkout's dist/ (the executable the other e2e tests run);
//   - a newer one: a clean clone of HEAD released with KUBECTL_GS_VERSION one minor version up.
// Both take about 25 s together (a build and two archives), so this runs in the e2e suite of `npm test`;
// the six-platform release stays in `npm run test:release`.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import semver from 'semver';
import { isCI } from '../../../src/telemetry/index';
import { setReadOnly } from '../../support/readOnlyDir';
import { startReleaseFeed, type ReleaseFeed } from '../support/releaseFeed';
import { distDir, kubectlPath, repoRoot, run, type RunResult } from '../support/env';

interface Release {
  version: string;
  /** The release's output folder. */
  dir: string;
  archive: string;
  /** The executable taken out of the archive. */
  exe: string;
  /** sha256 of the archive and of the executable, computed once (each is 40-120 MB). */
  archiveSum: string;
  exeSum: string;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'kgs-e2e-selfupdate-'));

/** `npm run release` for linux/amd64 into out, then the executable unpacked from the archive. */
async function release(cwd: string, version: string, out: string, extra: string[] = []): Promise<Release> {
  const r = await run(process.execPath, ['scripts/release.mjs', '--platforms', 'linux/amd64', '--out', out, ...extra], {
    cwd,
    env: { KUBECTL_GS_VERSION: version, RELEASE_BASE_URL: undefined },
    timeoutMs: 10 * 60_000,
  });
  if (r.code !== 0) throw new Error(`release in ${cwd} failed: ${r.stderr}`);
  const archive = join(out, `kubectl-gs-v${version}-linux-amd64.tar.gz`);
  const unpacked = mkdtempSync(join(work, `unpacked-${version}-`));
  const tar = await run('tar', ['xzf', archive, '-C', unpacked, 'kubectl-gs']);
  if (tar.code !== 0) throw new Error(`tar: ${tar.stderr}`);
  const exe = join(unpacked, 'kubectl-gs');
  return { version, dir: out, archive, exe, archiveSum: sha256(archive), exeSum: sha256(exe) };
}

/** A clean clone of commit sharing this checkout's objects and (hard-linked) node_modules. */
async function cloneAt(commit: string, dir: string): Promise<void> {
  for (const [cmd, args] of [
    ['git', ['clone', '--quiet', '--shared', '--no-checkout', repoRoot, dir]],
    ['git', ['-C', dir, 'checkout', '--quiet', commit]],
    ['cp', ['-al', join(repoRoot, 'node_modules'), join(dir, 'node_modules')]],
  ] as const) {
    const r = await run(cmd, [...args]);
    if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  }
}

/** A copy of a release's executable at <fresh folder>/<sub>/kubectl-gs, as a user would have installed it. */
function install(from: Release, sub = 'bin'): { root: string; dir: string; exe: string } {
  const root = mkdtempSync(join(work, 'install-'));
  const dir = join(root, sub);
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'kubectl-gs');
  copyFileSync(from.exe, exe);
  return { root, dir, exe };
}

/** The environment of a user of this install: its own cache and config, the loopback feed, no proxy, not CI. */
function userEnv(root: string, feed: ReleaseFeed, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_CONFIG_HOME: join(root, 'config'),
    KUBECTL_GS_RELEASES_URL: feed.url,
    KUBECTL_GS_TELEMETRY_OPTOUT: '1',
    KUBECTL_GS_DISABLE_VERSION_CHECK: undefined,
  };
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) env[k] = undefined;
  for (const k of Object.keys(process.env)) if (isCI({ [k]: 'true' })) env[k] = undefined;
  return { ...env, ...extra };
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a command with stderr on a terminal (util-linux `script` gives it a pty) and stdout to a file. */
async function onTerminal(command: string[], env: Record<string, string | undefined>): Promise<RunResult> {
  const out = join(mkdtempSync(join(work, 'tty-')), 'stdout');
  const r = await run('script', ['-qec', `exec ${command.map(quote).join(' ')} >${quote(out)}`, '/dev/null'], { env });
  if (r.stderr !== '') throw new Error(`script: ${r.stderr}`);
  return { code: r.code, stdout: readFileSync(out, 'utf8'), stderr: r.stdout.replace(/\r\n/g, '\n') };
}

let current: Release;
let newer: Release;
let newerCommit: string;
let feed: ReleaseFeed | undefined;

beforeAll(async () => {
  const built = JSON.parse((await run(join(distDir, 'kubectl-gs'), ['version', '-o', 'json'], { env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } })).stdout);
  newerCommit = (await run('git', ['rev-parse', '--short=12', 'HEAD'])).stdout.trim();
  const clone = join(work, 'clone');
  await cloneAt(newerCommit, clone);
  // The archive of this checkout's build and a newer build from the clone, side by side (two cores).
  [current, newer] = await Promise.all([
    release(repoRoot, built.version, join(work, 'release-current'), ['--no-build']),
    release(clone, semver.inc(built.version, 'minor')!, join(work, 'release-newer')),
  ]);
}, 15 * 60_000);

afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

// About 1.5 GB of archives, executables and a clone's build.
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function serve(r: Release, checksums?: (text: string) => string): Promise<ReleaseFeed> {
  feed = await startReleaseFeed({ dir: r.dir, version: r.version, checksums });
  return feed;
}

const latestPath = '/repos/giantswarm/kubectl-gs/releases/latest';

describe('selfupdate against a loopback feed of real releases', () => {
  it('the feed serves what npm run release published: the archive, checksums.txt with its sha256, plugin.yaml', () => {
    expect(readdirSync(newer.dir)).toEqual(['checksums.txt', `kubectl-gs-v${newer.version}-linux-amd64.tar.gz`, 'plugin.yaml']);
    expect(readFileSync(join(newer.dir, 'checksums.txt'), 'utf8')).toBe(`${newer.archiveSum}  kubectl-gs-v${newer.version}-linux-amd64.tar.gz\n`);
    expect(newer.exeSum).not.toBe(current.exeSum);
  });

  it('a newer release: downloads and verifies the archive, replaces the executable, and the new one runs as the new version', async () => {
    const { root, dir, exe } = install(current);
    await serve(newer);
    const r = await run(exe, ['selfupdate'], { env: userEnv(root, feed!) });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Update to ${newer.version} has been started.\nFetching latest built binary...\nUpdated successfully.\n`);
    expect(r.code).toBe(0);
    expect(sha256(exe)).toBe(newer.exeSum);
    expect(statSync(exe).mode & 0o777).toBe(0o755);
    expect(readdirSync(dir)).toEqual(['kubectl-gs']);
    const archive = `kubectl-gs-v${newer.version}-linux-amd64.tar.gz`;
    const download = `/giantswarm/kubectl-gs/releases/download/v${newer.version}`;
    // The checksums first, then the archive, each through the redirect to storage.
    expect(feed!.requests).toEqual([latestPath, `${download}/checksums.txt`, '/storage/checksums.txt', `${download}/${archive}`, `/storage/${archive}`]);
    const v = await run(exe, ['version', '-o', 'json'], { env: userEnv(root, feed!) });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ version: newer.version, gitCommit: newerCommit, platform: 'linux/amd64' });
  });

  it.each([
    ['the same version', () => current, () => current],
    ['an older version', () => newer, () => current],
  ])('%s: already up to date, nothing downloaded or replaced', async (_, installed, served) => {
    const { root, dir, exe } = install(installed());
    await serve(served());
    const r = await run(exe, ['selfupdate'], { env: userEnv(root, feed!) });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('You are already using the latest version.\n');
    expect(r.code).toBe(0);
    expect(sha256(exe)).toBe(installed().exeSum);
    expect(readdirSync(dir)).toEqual(['kubectl-gs']);
    expect(feed!.requests).toEqual([latestPath]);
  });

  it('a checksum that does not match the archive: one line, exit 1, the old executable untouched', async () => {
    const { root, dir, exe } = install(current);
    const real = newer.archiveSum;
    const wrong = (real[0] === '0' ? '1' : '0') + real.slice(1);
    await serve(newer, (text) => text.replace(real, wrong));
    const r = await run(exe, ['selfupdate'], { env: userEnv(root, feed!) });
    expect(r.stderr).toBe(`error: the downloaded kubectl-gs-v${newer.version}-linux-amd64.tar.gz does not match its checksum (sha256 ${real}, expected ${wrong}); nothing was changed\n`);
    expect(r.code).toBe(1);
    expect(sha256(exe)).toBe(current.exeSum);
    expect(readdirSync(dir)).toEqual(['kubectl-gs']);
    // It did download the archive: the refusal is the checksum's, not a missing asset.
    expect(feed!.requests).toContain(`/storage/kubectl-gs-v${newer.version}-linux-amd64.tar.gz`);
  });

  it('a read-only install folder: one clear line, exit 1, the old executable untouched', async () => {
    const { root, dir, exe } = install(current);
    await serve(newer);
    setReadOnly(dir, true);
    let r: RunResult;
    try {
      r = await run(exe, ['selfupdate'], { env: userEnv(root, feed!) });
    } finally {
      setReadOnly(dir, false);
    }
    expect(r.stderr).toMatch(new RegExp(`^error: cannot replace kubectl-gs in ${dir} \\((permission denied|operation not permitted)\\); run selfupdate as a user who may write there, or reinstall kubectl-gs; nothing was changed\\n$`));
    expect(r.code).toBe(1);
    expect(sha256(exe)).toBe(current.exeSum);
    expect(readdirSync(dir)).toEqual(['kubectl-gs']);
  });

  it('installed by krew (reached through kubectl and krew\'s link): refused with the krew command, the feed not asked', async () => {
    const { root, exe } = install(current, `.krew/store/gs/v${current.version}`);
    mkdirSync(join(root, '.krew/bin'));
    symlinkSync(`../store/gs/v${current.version}/kubectl-gs`, join(root, '.krew/bin/kubectl-gs'));
    await serve(newer);
    const r = await run(kubectlPath, ['gs', 'selfupdate'], { env: userEnv(root, feed!, { PATH: `${join(root, '.krew/bin')}${delimiter}${process.env.PATH}` }) });
    expect(r.stderr).toBe('error: kubectl-gs was installed by krew; update it with "kubectl krew upgrade gs"\n');
    expect(r.code).toBe(1);
    expect(feed!.requests).toEqual([]);
    expect(sha256(exe)).toBe(current.exeSum);
  });
});

describe('the daily version check against a loopback feed of a newer release', () => {
  const DAY = 24 * 60 * 60 * 1000;

  function state(root: string): { checkedAt?: number; latest?: string } {
    try {
      return JSON.parse(readFileSync(join(root, 'cache/kubectl-gs/version-check.json'), 'utf8'));
    } catch {
      return {};
    }
  }

  /** A day passes: the last check is moved 25 hours back. */
  function nextDay(root: string): number {
    const s = state(root);
    const checkedAt = s.checkedAt! - DAY - 60 * 60 * 1000;
    writeFileSync(join(root, 'cache/kubectl-gs/version-check.json'), JSON.stringify({ ...s, checkedAt }));
    return checkedAt;
  }

  async function until(what: () => boolean, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!what()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Background refreshes (__version-check) running for this user's cache, from /proc. */
  function refreshers(root: string): string[] {
    return readdirSync('/proc').filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('__version-check')
          && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`XDG_CACHE_HOME=${join(root, 'cache')}`);
      } catch {
        return false;
      }
    });
  }

  /** Waits for the n-th request to the feed and for the refresh that made it to end (it writes the state last). */
  async function refreshed(root: string, n: number): Promise<void> {
    await until(() => feed!.requests.length >= n);
    await until(() => refreshers(root).length === 0);
    expect(feed!.requests).toEqual(Array(n).fill(latestPath));
  }

  const notice = (command: string) =>
    `You are running an outdated version of kubectl-gs (${current.version}); the latest is ${newer.version}. Please update by running "${command}".\n`;

  it('after a counted command with stderr on a terminal: the refresh learns the newer version, and the next day\'s command prints one line', async () => {
    const { root, exe } = install(current);
    await serve(newer);
    const env = userEnv(root, feed!);

    // Day one: nothing known yet, so nothing printed; the day is claimed and a background refresh asks the feed.
    const first = await onTerminal([exe, 'version'], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(`Version:    ${current.version}\n`);
    expect(first.code).toBe(0);
    await refreshed(root, 1);
    expect(state(root).latest).toBe(newer.version);
    const claimed = state(root).checkedAt!;

    // The same day: no notice, no new claim.
    const again = await onTerminal([exe, 'version'], env);
    expect(again.stderr).toBe('');
    expect(state(root).checkedAt).toBe(claimed);

    // The next day: the one line, the command's output and exit code its own.
    nextDay(root);
    const next = await onTerminal([exe, 'version'], env);
    expect(next.stderr).toBe(notice('kubectl gs selfupdate'));
    expect(next.stdout).toContain(`Version:    ${current.version}\n`);
    expect(next.code).toBe(0);
    await refreshed(root, 2);

    // Off when stderr is not a terminal, and with --disable-version-check: nothing printed, the day not claimed.
    const skipped = nextDay(root);
    const piped = await run(exe, ['version'], { env });
    expect(piped.stderr).toBe('');
    expect((await onTerminal([exe, 'version', '--disable-version-check'], env)).stderr).toBe('');
    expect((await onTerminal([exe, 'version'], { ...env, KUBECTL_GS_DISABLE_VERSION_CHECK: '1' })).stderr).toBe('');
    expect(state(root).checkedAt).toBe(skipped);

    // The same user's krew install, run through kubectl: the line names krew's command.
    const krew = install(current, `.krew/store/gs/v${current.version}`);
    mkdirSync(join(krew.root, '.krew/bin'));
    symlinkSync(`../store/gs/v${current.version}/kubectl-gs`, join(krew.root, '.krew/bin/kubectl-gs'));
    const viaKubectl = await onTerminal([kubectlPath, 'gs', 'version'], { ...env, PATH: `${join(krew.root, '.krew/bin')}${delimiter}${process.env.PATH}` });
    expect(viaKubectl.stderr).toBe(notice('kubectl krew upgrade gs'));
    expect(viaKubectl.code).toBe(0);
    // That command claimed the day again and started another refresh; let it end before the feed closes.
    await refreshed(root, 3);
  });
});
