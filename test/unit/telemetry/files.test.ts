// The files telemetry (and get's discovery cache) keeps on disk, under attack and under faults: no writer
// follows a link planted at its temporary name; files are 0600 in 0700 folders, also where an older
// version left them open; the spool sends only signals of its own shape, whatever is planted in it; a
// full disk leaves no temporary file; a read-only home is explained in one line.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { preferredVersionCached } from '../../../src/commands/get/discoveryCache';
import type { KubeClient } from '../../../src/kube/client';
import { clusterKey, writeClusterCache } from '../../../src/telemetry/clusterFacts';
import { flushSpool } from '../../../src/telemetry/flush';
import { claimFlushSlot, flushAttemptFile } from '../../../src/telemetry/flushGate';
import { settingsFile, writeUserSettings } from '../../../src/telemetry/settings';
import { ourSignal } from '../../../src/telemetry/signalShape';
import { Spool, spoolDir } from '../../../src/telemetry/spool';
import { cachedUserHash } from '../../../src/telemetry/userHash';
import { canMount, runWithMountedDir } from '../../support/mountedDir';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import { treeWithClusterCommand } from './support/clusterCommand';
import { startReceiver, type Receiver } from './support/receiver';
import { sid, spoolEntry, testSignal } from './support/signals';

const server = 'https://api.example.com:6443';

function depsFor(endpoint: string, client?: KubeClient): FakeDeps {
  const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: endpoint }, ...(client ? { kube: async () => client } : {}) });
  mkdirSync(deps.configDir(), { recursive: true });
  writeFileSync(settingsFile(deps.configDir()), JSON.stringify({ noticeShownAt: '2026-01-01T00:00:00Z' }));
  return deps;
}

/** A cluster that answers the fact requests, the setting and one list. */
function fakeClient(): KubeClient {
  const routes: Record<string, unknown> = {
    '/version': { gitVersion: 'v1.29.3' },
    '/api/v1/namespaces/kube-system': { metadata: { uid: 'u' } },
    '/api/v1/nodes': { metadata: {}, items: [] },
    '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry': { data: { enabled: 'true' } },
    '/apis/cluster.x-k8s.io/v1beta1/clusters': { items: [] },
  };
  return {
    namespace: 'default', server,
    get: (async (path: string) => routes[path]) as KubeClient['get'],
    listPages: async () => {},
    request: (async () => ({})) as KubeClient['request'],
    preferredVersion: async () => 'v1beta1',
    close: () => {},
  };
}


/** Every file and folder under dir (links not followed), with its permission bits. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      out[p.slice(dir.length + 1)] = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

async function refusingEndpoint(): Promise<string> {
  const r = await startReceiver('refuse');
  return r.endpoint;
}

describe('files written for telemetry and get', () => {
  it('are 0600 in 0700 folders, also where an older version left them 0644 in 0755 folders', async () => {
    const deps = depsFor(await refusingEndpoint(), fakeClient());
    const cache = deps.cacheDir();
    const telemetry = join(cache, 'telemetry');
    // What an older version left: open folders, a world-readable user hash, cluster cache and settings.
    for (const d of [cache, telemetry, join(telemetry, 'spool'), join(telemetry, 'clusters'), join(cache, 'discovery')]) {
      mkdirSync(d, { recursive: true });
      chmodSync(d, 0o755);
    }
    writeFileSync(join(telemetry, 'user-hash.json'), JSON.stringify({ entries: [] }), { mode: 0o644 });
    writeFileSync(join(telemetry, 'clusters', `${clusterKey(server)}.json`), '{}', { mode: 0o644 });
    chmodSync(settingsFile(deps.configDir()), 0o644);
    chmodSync(deps.configDir(), 0o755);

    expect(await runCli(['get', 'clusters'], deps, treeWithClusterCommand())).toBe(0);
    await new Promise((r) => setTimeout(r, 50)); // the cluster refresh writes its cache when it ends
    await preferredVersionCached(fakeClient(), deps, 'cluster.x-k8s.io');
    writeUserSettings(deps.configDir(), { enabled: true });
    claimFlushSlot(telemetry, Date.now(), 60_000);

    const written = modes(cache);
    expect(Object.keys(written)).toEqual(expect.arrayContaining([
      'telemetry/user-hash.json', `telemetry/clusters/${clusterKey(server)}.json`, 'telemetry/flush-attempt', 'discovery',
    ]));
    expect(Object.keys(written).filter((p) => p.startsWith('telemetry/spool/'))).toHaveLength(1);
    for (const [path, mode] of Object.entries(written)) expect(`${path} ${mode}`).toBe(`${path} ${lstatSync(join(cache, path)).isDirectory() ? '700' : '600'}`);
    expect(modes(deps.configDir())).toEqual({ 'telemetry.json': '600' });
    expect(lstatSync(deps.configDir()).mode & 0o777).toBe(0o700);
  });

  it('are never written through a link planted at the temporary name an older version used', async () => {
    const deps = depsFor('http://127.0.0.1:9/v2/');
    const cache = deps.cacheDir();
    const telemetry = join(cache, 'telemetry');
    const victim = join(mkdtempSync(join(tmpdir(), 'kgs-victim-')), 'victim');
    writeFileSync(victim, 'precious');
    const discovery = join(cache, 'discovery');
    mkdirSync(join(telemetry, 'clusters'), { recursive: true });
    mkdirSync(discovery, { recursive: true });
    const pid = process.pid;
    const planted = [
      `${settingsFile(deps.configDir())}.${pid}.tmp`,
      join(telemetry, 'clusters', `${clusterKey(server)}.json.${pid}.tmp`),
      join(telemetry, `user-hash.json.${pid}.tmp`),
      join(telemetry, `.flush-attempt.${pid}.tmp`),
      join(discovery, `${createHash('sha256').update(server).digest('hex').slice(0, 16)}.json.${pid}.tmp`),
    ];
    for (const p of planted) symlinkSync(victim, p);

    await preferredVersionCached(fakeClient(), deps, 'cluster.x-k8s.io');
    writeUserSettings(deps.configDir(), { enabled: false });
    writeClusterCache(cache, clusterKey(server), { setting: 'enabled', settingAt: Date.now() });
    cachedUserHash(deps.env, cache);
    claimFlushSlot(telemetry, 1_000, 60_000);
    claimFlushSlot(telemetry, 1_000_000, 60_000); // a new generation: the time stamp is rewritten
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(settingsFile(deps.configDir()), 'utf8'))).toEqual({ enabled: false });
    expect(Math.round(lstatSync(flushAttemptFile(telemetry)).mtimeMs)).toBe(1_000_000);
  });
});

describe('the spool sends only signals of its own shape', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver('ok');
  });
  afterEach(async () => {
    await receiver.close();
  });

  it('never sends what was planted in it: links, entries without a signal, extra keys, foreign values', async () => {
    const deps = depsFor(receiver.endpoint);
    const spool = new Spool(spoolDir(deps.cacheDir()));
    spool.add(spoolEntry(1));
    const outside = mkdtempSync(join(tmpdir(), 'kgs-outside-'));
    const stolen = join(outside, 'secrets.json');
    writeFileSync(stolen, JSON.stringify({ createdAt: 1, signal: { ...testSignal(2), payload: { ...testSignal(2).payload, stolen: 'token-1' } } }));
    symlinkSync(stolen, join(spool.dir, '000000000000001-1-link.json'));
    symlinkSync(join(outside, 'a.json'), join(spool.dir, '000000000000001-1-dangling.json'));
    const plant = (name: string, content: unknown) => writeFileSync(join(spool.dir, `00000000000000${name}.json`), JSON.stringify(content));
    plant('2-nosignal', { createdAt: 1, stolen: 'token-2' });
    plant('3-array', [null, { stolen: 'token-3' }]);
    plant('4-extrakey', { createdAt: 1, signal: { ...testSignal(4), stolen: 'token-4' } });
    plant('5-payloadkey', { createdAt: 1, signal: { ...testSignal(5), payload: { ...testSignal(5).payload, stolen: 'token-5' } } });
    plant('6-value', { createdAt: 1, signal: { ...testSignal(6), payload: { ...testSignal(6).payload, command: 'kubectl gs get clusters --token=token-6' } } });
    plant('7-type', { createdAt: 1, signal: { ...testSignal(7), payload: { ...testSignal(7).payload, exitCode: 'token-7' } } });
    plant('8-appid', { createdAt: 1, signal: { ...testSignal(8), appID: 'token-8' } });
    plant('9-traversal', { createdAt: 1, pendingCluster: '../../../../token-9', signal: testSignal(9) });

    expect(await flushSpool(deps)).toBe(true);
    const got = await receiver.waitForSignals(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.signals().map((s) => s?.sessionID)).toEqual([sid(1)]);
    expect(receiver.raw().toString()).not.toMatch(/stolen|token-|null/);
    for (const s of got) expect(ourSignal(s)).toEqual(s);
    // What was planted is gone from the spool, the link's target is untouched.
    expect(readdirSync(spool.dir).filter((n) => n !== 'claimed')).toEqual([]);
    expect(JSON.parse(readFileSync(stolen, 'utf8')).signal.payload.stolen).toBe('token-1');
  });

  it('skips a folder named *.json instead of throwing, so the signals around it still go out', async () => {
    const deps = depsFor(receiver.endpoint);
    const spool = new Spool(spoolDir(deps.cacheDir()));
    spool.add(spoolEntry(1));
    mkdirSync(join(spool.dir, 'zzzz.json'));
    writeFileSync(join(spool.dir, 'zzzz.json', 'inside'), 'kept');
    expect(spool.pending()).toHaveLength(1);
    expect(await flushSpool(deps)).toBe(true);
    expect((await receiver.waitForSignals(1)).map((s) => s.sessionID)).toEqual([sid(1)]);
    expect(readFileSync(join(spool.dir, 'zzzz.json', 'inside'), 'utf8')).toBe('kept');
    // And a command's own signal is sent (or spooled), not lost to the folder.
    for (let i = 0; i < 5 && receiver.signals().length < 2; i++) {
      await runCli(['version'], deps);
      await receiver.waitForSignals(2, 300);
    }
    expect(receiver.signals().filter((s) => s.payload.command === 'kubectl gs version').length).toBeGreaterThan(0);
  });
});

/**
 * A program run in a namespace with its cache (or config) folder on a tiny tmpfs (test/support/mountedDir.ts);
 * bundling and starting it takes seconds on a busy machine.
 */
const underMount = (name: string, test: () => Promise<void>) => (canMount ? it : it.skip)(name, test, 30_000);

describe('faults of the disk', () => {
  underMount('a full disk (ENOSPC) leaves no temporary file behind, and the command its output and exit code', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'kgs-enospc-')), 'config');
    mkdirSync(join(config, 'kubectl-gs'), { recursive: true });
    writeFileSync(join(config, 'kubectl-gs', 'telemetry.json'), JSON.stringify({ noticeShownAt: '2026-01-01T00:00:00Z' }));
    const r = await runWithMountedDir(
      `import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
       import { join } from 'node:path';
       import { realDeps } from './src/cli/deps';
       import { runCli } from './src/cli/run';
       const [dir, phase] = process.argv.slice(2);
       if (phase === 'prepare') {
         mkdirSync(join(dir, 'kubectl-gs', 'telemetry', 'spool'), { recursive: true });
         // Fill the file system to the last byte.
         try { for (let i = 0; ; i++) writeFileSync(join(dir, 'filler' + i), Buffer.alloc(4096)); } catch {}
         try { for (let i = 0; ; i++) writeFileSync(join(dir, 'small' + i), 'x'); } catch {}
       } else {
         runCli(['version'], realDeps()).then((code) => {
           const all = [];
           const walk = (d) => { for (const n of readdirSync(d)) { all.push(n); if (statSync(join(d, n)).isDirectory()) walk(join(d, n)); } };
           walk(dir);
           console.log(JSON.stringify({ code, temporary: all.filter((n) => n.includes('.tmp')) }));
           process.exit(0);
         });
       }`,
      { sizeKb: 64, env: { XDG_CACHE_HOME: '$MNT', XDG_CONFIG_HOME: config, KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: await refusingEndpoint() } },
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).join('\n')).toContain('Version:');
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ code: 0, temporary: [] });
    expect(r.stderr).toBe('');
  });

  underMount('a read-only home: the first-run notice says why it shows again, "telemetry disable" says in one line what failed', async () => {
    const r = await runWithMountedDir(
      `import { realDeps } from './src/cli/deps';
       import { runCli } from './src/cli/run';
       if (process.argv[3] === 'run') {
         (async () => {
           const runs = [];
           for (const args of [['version'], ['version'], ['telemetry', 'disable']]) {
             const deps = realDeps();
             let stderr = '';
             deps.stderr = { write: (c) => ((stderr += c), true) };
             deps.stdout = { write: () => true };
             runs.push({ code: await runCli(args, deps), stderr });
           }
           console.log(JSON.stringify(runs));
           process.exit(0);
         })();
       }`,
      { sizeKb: 64, readOnly: true, env: { HOME: '$MNT', XDG_CONFIG_HOME: '', XDG_CACHE_HOME: '', KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: 'http://127.0.0.1:9/v2/' } },
    );
    expect(r.stderr).toBe('');
    const [first, second, disable] = JSON.parse(r.stdout) as Array<{ code: number; stderr: string }>;
    const file = join(r.mountedDir, '.config', 'kubectl-gs', 'telemetry.json');
    for (const run of [first, second]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('Nothing was sent this time.');
      expect(run.stderr).toContain(`This notice could not be recorded in ${file} (read-only file system), so it shows on every run until that file can be written; nothing is sent meanwhile.`);
    }
    expect(disable).toEqual({
      code: 1,
      stderr: `error: the telemetry setting could not be saved in ${file} (read-only file system); set KUBECTL_GS_TELEMETRY_OPTOUT=1 in your environment to opt out without it\n`,
    });
  });

  underMount('a read-only cache: "telemetry disable" saves the setting and succeeds, though the spool cannot be deleted', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'kgs-rocache-')), 'config');
    const r = await runWithMountedDir(
      `import { realDeps } from './src/cli/deps';
       import { runCli } from './src/cli/run';
       import { Spool, spoolDir } from './src/telemetry/spool';
       import { testSignal } from './test/unit/telemetry/support/signals';
       const deps = realDeps();
       if (process.argv[3] === 'prepare') new Spool(spoolDir(deps.cacheDir())).add({ createdAt: 1, signal: testSignal(1) });
       else runCli(['telemetry', 'disable'], deps).then((code) => process.exit(code));`,
      { sizeKb: 64, readOnly: true, env: { XDG_CACHE_HOME: '$MNT', XDG_CONFIG_HOME: config } },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Telemetry disabled for this user/);
    expect(JSON.parse(readFileSync(join(config, 'kubectl-gs', 'telemetry.json'), 'utf8'))).toEqual({ enabled: false });
  });

  it('a config folder that cannot be made: "telemetry disable" says in one line what failed and where', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-blocked-'));
    writeFileSync(join(home, 'not-a-folder'), '');
    const deps = fakeDeps({ configDir: () => join(home, 'not-a-folder', 'kubectl-gs') });
    expect(await runCli(['telemetry', 'disable'], deps)).toBe(1);
    expect(deps.stderr.text()).toBe(
      `error: the telemetry setting could not be saved in ${join(home, 'not-a-folder', 'kubectl-gs', 'telemetry.json')} (a part of the path is not a folder); ` +
        'set KUBECTL_GS_TELEMETRY_OPTOUT=1 in your environment to opt out without it\n',
    );
    expect(existsSync(join(home, 'not-a-folder'))).toBe(true);
  });
});
