// The daily version check: the state file's rules, the notice after a command, the background refresh
// against a loopback feed, and that a hanging feed never delays a command (the refresh is not awaited).
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { buildInfo } from '../../../src/buildInfo';
import { runCli } from '../../../src/cli/run';
import { definition as versionCheckCommand } from '../../../src/commands/selfupdate/versionCheck';
import {
  CHECK_INTERVAL_MS, checkDue, newerThan, readState, refreshLatest, stateFile, versionCheckAfterCommand, writeState,
} from '../../../src/selfupdate/index';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import { startFeed, type FakeFeed } from './feed';

const NOW = new Date('2026-11-23T12:00:00Z').getTime();

function ttyDeps(env: NodeJS.ProcessEnv = {}, withSelf = false): FakeDeps {
  const deps = fakeDeps({ env });
  deps.stderr.isTTY = true;
  if (withSelf) deps.self = () => ({ command: process.execPath, args: ['-e', ''] });
  return deps;
}

function recorder() {
  const calls: string[][] = [];
  return { calls, spawner: (command: string, args: string[]) => void calls.push([command, ...args]) };
}

describe('the state file', () => {
  it('is due when never checked, a day after the last check, or when the clock went back', () => {
    expect(checkDue({}, NOW)).toBe(true);
    expect(checkDue({ checkedAt: NOW - CHECK_INTERVAL_MS + 1 }, NOW)).toBe(false);
    expect(checkDue({ checkedAt: NOW - CHECK_INTERVAL_MS }, NOW)).toBe(true);
    expect(checkDue({ checkedAt: NOW + 60_000 }, NOW)).toBe(true);
  });

  it('knows a newer version only when both are versions and the latest is greater', () => {
    expect(newerThan({ latest: '2.1.0' }, '2.0.0')).toBe('2.1.0');
    expect(newerThan({ latest: '2.0.0' }, '2.0.0')).toBeUndefined();
    expect(newerThan({ latest: '1.9.9' }, '2.0.0')).toBeUndefined();
    expect(newerThan({ latest: '2.1.0' }, '2.1.0-dev')).toBe('2.1.0');
    expect(newerThan({ latest: 'garbage' }, '2.0.0')).toBeUndefined();
    expect(newerThan({}, '2.0.0')).toBeUndefined();
  });

  it('round-trips, and reads a damaged or foreign file as empty', () => {
    const deps = fakeDeps();
    writeState(deps.cacheDir(), { checkedAt: NOW, latest: '2.1.0' });
    expect(readState(deps.cacheDir())).toEqual({ checkedAt: NOW, latest: '2.1.0' });
    writeFileSync(stateFile(deps.cacheDir()), '{not json');
    expect(readState(deps.cacheDir())).toEqual({});
    writeFileSync(stateFile(deps.cacheDir()), JSON.stringify({ checkedAt: 'yesterday', latest: 7 }));
    expect(readState(deps.cacheDir())).toEqual({});
  });
});

describe('after a command', () => {
  const newer = '999.0.0';

  it('prints one line when the cached latest is newer, claims the day and starts the refresher once', () => {
    const deps = ttyDeps();
    writeState(deps.cacheDir(), { checkedAt: NOW - CHECK_INTERVAL_MS - 1, latest: newer });
    const r = recorder();
    deps.self = () => ({ command: '/usr/local/bin/kubectl-gs', args: [] });
    expect(versionCheckAfterCommand(deps, { flagOff: false, executable: () => '/usr/local/bin/kubectl-gs', spawner: r.spawner })).toBe(true);
    expect(deps.stderr.text()).toBe(
      `You are running an outdated version of kubectl-gs (${buildInfo.version}); the latest is ${newer}. Please update by running "kubectl gs selfupdate".\n`,
    );
    expect(r.calls).toEqual([['/usr/local/bin/kubectl-gs', '__version-check']]);
    expect(readState(deps.cacheDir())).toEqual({ checkedAt: NOW, latest: newer });
    // The same day: nothing printed, nothing started.
    expect(versionCheckAfterCommand(deps, { flagOff: false, executable: () => '/usr/local/bin/kubectl-gs', spawner: r.spawner })).toBe(false);
    expect(deps.stderr.text().split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.calls).toHaveLength(1);
  });

  it('names the krew command when the executable is in krew\'s store', () => {
    const deps = ttyDeps();
    writeState(deps.cacheDir(), { latest: newer });
    versionCheckAfterCommand(deps, { flagOff: false, executable: () => '/home/u/.krew/store/gs/v5.0.0/kubectl-gs', spawner: recorder().spawner });
    expect(deps.stderr.text()).toContain('Please update by running "kubectl krew upgrade gs".');
  });

  it('prints nothing when the cached latest is not newer, but still starts the refresh', () => {
    const deps = ttyDeps({}, true);
    writeState(deps.cacheDir(), { latest: buildInfo.version });
    const r = recorder();
    expect(versionCheckAfterCommand(deps, { flagOff: false, executable: () => '/x/kubectl-gs', spawner: r.spawner })).toBe(true);
    expect(deps.stderr.text()).toBe('');
    expect(r.calls).toHaveLength(1);
  });

  it.each([
    ['--disable-version-check', {}, true, true],
    ['KUBECTL_GS_DISABLE_VERSION_CHECK=1', { KUBECTL_GS_DISABLE_VERSION_CHECK: '1' }, false, true],
    ['CI', { CI: 'true' }, false, true],
    ['stderr not a terminal', {}, false, false],
  ])('off with %s: nothing printed, no state written, nothing started', (_, env, flagOff, tty) => {
    const deps = ttyDeps(env as NodeJS.ProcessEnv, true);
    deps.stderr.isTTY = tty;
    mkdirSync(deps.cacheDir(), { recursive: true });
    const r = recorder();
    expect(versionCheckAfterCommand(deps, { flagOff, executable: () => '/x/kubectl-gs', spawner: r.spawner })).toBe(false);
    expect(existsSync(stateFile(deps.cacheDir()))).toBe(false);
    expect(r.calls).toEqual([]);
    expect(deps.stderr.text()).toBe('');
  });
});

describe('the refresh (__version-check) against a loopback feed', () => {
  let feed: FakeFeed | undefined;
  afterEach(async () => {
    await feed?.close();
    feed = undefined;
  });

  it('stores the latest version and keeps the day\'s claim', async () => {
    feed = await startFeed({ version: '7.3.1' });
    const deps = ttyDeps({ KUBECTL_GS_RELEASES_URL: feed.url + '/' });
    writeState(deps.cacheDir(), { checkedAt: NOW });
    await expect(versionCheckCommand.run({}, deps)).resolves.toBe(0);
    expect(readState(deps.cacheDir())).toEqual({ checkedAt: NOW, latest: '7.3.1' });
    expect(deps.stdout.text() + deps.stderr.text()).toBe('');
  });

  it('a feed that never answers: gives up at its deadline and leaves the state as it was', async () => {
    feed = await startFeed({ version: '7.3.1', hang: true });
    const deps = ttyDeps({ KUBECTL_GS_RELEASES_URL: feed.url });
    writeState(deps.cacheDir(), { checkedAt: NOW, latest: '1.0.0' });
    await expect(refreshLatest(deps, 200)).resolves.toBe(false);
    expect(readState(deps.cacheDir())).toEqual({ checkedAt: NOW, latest: '1.0.0' });
    expect(feed.requests).toEqual(['/releases/latest']);
  });

  it('a command with a hanging feed: runCli does not wait for it (the refresh runs in a detached helper)', async () => {
    feed = await startFeed({ version: '7.3.1', hang: true });
    const deps = ttyDeps({ KUBECTL_GS_RELEASES_URL: feed.url }, true);
    await expect(runCli(['version'], deps)).resolves.toBe(0);
    expect(deps.stdout.text()).toContain(`Version:    ${buildInfo.version}`);
    // The day was claimed (the check ran), and this process never asked the feed.
    expect(readState(deps.cacheDir()).checkedAt).toBe(NOW);
    expect(feed.requests).toEqual([]);
  });

  it('the global flag --disable-version-check reaches the check through runCli', async () => {
    const deps = ttyDeps({}, true);
    await expect(runCli(['version', '--disable-version-check'], deps)).resolves.toBe(0);
    expect(existsSync(stateFile(deps.cacheDir()))).toBe(false);
    const on = ttyDeps({}, true);
    await expect(runCli(['version'], on)).resolves.toBe(0);
    expect(existsSync(stateFile(on.cacheDir()))).toBe(true);
  });
});
