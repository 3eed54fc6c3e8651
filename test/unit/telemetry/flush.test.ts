// The spool flusher: its rate limit (one helper per interval, claimed atomically across processes), when
// an invocation starts it (only with a spool, only when the endpoint was merely slow), and the helper's
// own work (sends the spool once, honours every opt-out, puts signals back when it cannot send, stops
// at its deadline).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { runCli } from '../../../src/cli/run';
import { commandTree } from '../../../src/cli/tree';
import { completeArgs } from '../../../src/cli/complete';
import { writeClusterCache } from '../../../src/telemetry/clusterFacts';
import { FLUSH_COMMAND, FLUSH_INTERVAL_MS } from '../../../src/telemetry/constants';
import { flushSpool, maybeStartFlusher } from '../../../src/telemetry/flush';
import { claimFlushSlot, flushAttemptFile } from '../../../src/telemetry/flushGate';
import { Spool, spoolDir, type SpoolEntry } from '../../../src/telemetry/spool';
import { resolvePending } from '../../../src/telemetry/pending';
import { startSession } from '../../../src/telemetry/session';
import { cachedUserHash, currentUserFacts, hashUserId, userIdString } from '../../../src/telemetry/userHash';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import { startReceiver } from './support/receiver';

const T0 = 1_800_000_000_000;

function entry(n: number, extra: Partial<SpoolEntry> = {}): SpoolEntry {
  return { createdAt: Date.now(), signal: { appID: 'a', clientUser: 'u', sessionID: `s${n}`, isTestMode: true, type: 't', payload: { n } }, ...extra };
}

function depsWith(endpoint: string, env: Record<string, string> = {}, consent: object | null = { noticeShownAt: '2026-01-01T00:00:00Z' }): FakeDeps {
  const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: endpoint, ...env } });
  if (consent) {
    mkdirSync(deps.configDir(), { recursive: true });
    writeFileSync(join(deps.configDir(), 'telemetry.json'), JSON.stringify(consent));
  }
  return deps;
}

const spoolOf = (deps: FakeDeps) => new Spool(spoolDir(deps.cacheDir()));

/** A stand-in for the executable: records each start (its argv) in a file, then exits. */
function recordingSelf(dir: string): { self: () => { command: string; args: string[] }; starts: () => string[][] } {
  const log = join(dir, 'starts.log');
  const script = join(dir, 'self.cjs');
  writeFileSync(script, `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');`);
  return {
    self: () => ({ command: process.execPath, args: [script] }),
    starts: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) : []),
  };
}

async function until(cond: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
}

describe('the flush rate limit', () => {
  it('grants one attempt per interval, recorded as the mtime of flush-attempt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-gate-'));
    expect(claimFlushSlot(dir, T0, FLUSH_INTERVAL_MS)).toBe(true);
    expect(Math.round(require('node:fs').statSync(flushAttemptFile(dir)).mtimeMs)).toBe(T0);
    expect(claimFlushSlot(dir, T0 + 1, FLUSH_INTERVAL_MS)).toBe(false);
    expect(claimFlushSlot(dir, T0 + FLUSH_INTERVAL_MS - 1, FLUSH_INTERVAL_MS)).toBe(false);
    expect(claimFlushSlot(dir, T0 + FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS)).toBe(true);
    expect(claimFlushSlot(dir, T0 + FLUSH_INTERVAL_MS + 5, FLUSH_INTERVAL_MS)).toBe(false);
    // The file removed (a cache cleaner): the next attempt is granted at once, and only one.
    require('node:fs').rmSync(flushAttemptFile(dir));
    expect(claimFlushSlot(dir, T0 + FLUSH_INTERVAL_MS + 6, FLUSH_INTERVAL_MS)).toBe(true);
    expect(claimFlushSlot(dir, T0 + FLUSH_INTERVAL_MS + 7, FLUSH_INTERVAL_MS)).toBe(false);
  });

  it('treats an attempt far in the future (clock set back) as old', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-gate-'));
    expect(claimFlushSlot(dir, T0, FLUSH_INTERVAL_MS)).toBe(true);
    expect(claimFlushSlot(dir, T0 - 10 * FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS)).toBe(true);
  });

  it('lets exactly one of many processes claim the same generation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-gate-'));
    const script = join(dir, 'claim.cjs');
    buildSync({
      stdin: {
        contents: `const { claimFlushSlot } = require(${JSON.stringify(resolve(__dirname, '../../../src/telemetry/flushGate.ts'))});
          const [d, go] = process.argv.slice(2);
          // Start together: wait for the same wall-clock moment.
          while (Date.now() < Number(go)) {}
          process.stdout.write(String(claimFlushSlot(d, Date.now(), 60000)));`,
        resolveDir: dir,
      },
      bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent',
    });
    for (const existing of [false, true]) {
      const gate = join(dir, `gate-${existing}`);
      if (existing) {
        // An old attempt: every process sees the same stale generation.
        mkdirSync(gate);
        writeFileSync(flushAttemptFile(gate), '');
        utimesSync(flushAttemptFile(gate), (Date.now() - 3_600_000) / 1000, (Date.now() - 3_600_000) / 1000);
      }
      const go = Date.now() + 1500;
      const outs = await Promise.all(Array.from({ length: 8 }, () => new Promise<string>((res, rej) => {
        const p = spawn(process.execPath, [script, gate, String(go)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (c) => (out += c));
        p.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`exited ${code}`))));
      })));
      expect(outs.filter((o) => o === 'true')).toHaveLength(1);
      expect(outs.filter((o) => o === 'false')).toHaveLength(7);
    }
  });
});

describe('starting the flusher', () => {
  it('spawns the program itself with the hidden command, once per interval, only with a spool and a way to start itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-self-'));
    const rec = recordingSelf(dir);
    const deps = depsWith('http://127.0.0.1:9/v2/');
    const spool = spoolOf(deps);
    expect(maybeStartFlusher({ ...deps, self: rec.self }, spool)).toBe(false); // empty spool
    spool.add(entry(1));
    expect(maybeStartFlusher(deps, spool)).toBe(false); // no self (tests, or unknown)
    expect(maybeStartFlusher({ ...deps, self: rec.self }, spool)).toBe(true);
    expect(maybeStartFlusher({ ...deps, self: rec.self }, spool)).toBe(false); // within the interval
    expect(await until(() => rec.starts().length > 0)).toBe(true);
    expect(rec.starts()).toEqual([[FLUSH_COMMAND]]);
    expect(maybeStartFlusher({ ...deps, self: rec.self }, spool, Date.now() + FLUSH_INTERVAL_MS)).toBe(true);
    expect(await until(() => rec.starts().length === 2)).toBe(true);
  });

  it('a session starts it when the endpoint is slow to connect, never when it refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-self-'));
    const rec = recordingSelf(dir);
    const slow = await startReceiver('drop');
    const down = await startReceiver('refuse');
    try {
      // The refused run lasts long enough (a command that waits 100 ms) for the refusal to be seen
      // before it ends, however loaded the machine: what is tested is the decision, not a race.
      const tree = commandTree();
      const version = tree.commands.find((c) => c.name === 'version')!;
      tree.commands.push({ ...version, name: 'version-slowly', run: async (o, d) => { await new Promise((r) => setTimeout(r, 100)); return version.run(o, d); } });
      const refused = depsWith(down.endpoint);
      expect(await runCli(['version-slowly'], { ...refused, self: rec.self }, tree)).toBe(0);
      expect(spoolOf(refused).pending()).toHaveLength(1);
      const far = depsWith(slow.endpoint);
      expect(await runCli(['version'], { ...far, self: rec.self })).toBe(0);
      expect(far.stdout.text()).toBe(refused.stdout.text());
      expect(far.stderr.text()).toBe('');
      expect(spoolOf(far).pending()).toHaveLength(1);
      expect(await until(() => rec.starts().length > 0)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(rec.starts()).toEqual([[FLUSH_COMMAND]]);
    } finally {
      await slow.close();
      await down.close();
    }
  });

  it('is a hidden, uncounted command that help and completion never show', async () => {
    const def = commandTree().commands.find((c) => c.name === FLUSH_COMMAND);
    expect(def).toMatchObject({ hidden: true, counted: false });
    expect(await completeArgs(commandTree(), [''])).not.toContain(FLUSH_COMMAND);
    expect(await completeArgs(commandTree(), ['__'])).toEqual([]);
    const deps = fakeDeps();
    await runCli(['--help'], deps);
    expect(deps.stdout.text()).toContain('version');
    expect(deps.stdout.text()).not.toContain('flush');
  });
});

describe('the flusher', () => {
  it('sends every spooled signal in one request, exactly once, and prints nothing', async () => {
    const rx = await startReceiver('ok');
    try {
      const deps = depsWith(rx.endpoint);
      for (let i = 0; i < 3; i++) spoolOf(deps).add(entry(i));
      expect(await runCli([FLUSH_COMMAND], deps)).toBe(0);
      const got = await rx.waitForSignals(3);
      expect(got.map((s) => s.sessionID).sort()).toEqual(['s0', 's1', 's2']);
      expect(rx.requests).toHaveLength(1);
      expect(spoolOf(deps).pending()).toEqual([]);
      expect(await flushSpool(deps)).toBe(false); // nothing left to send
      expect(deps.stdout.text() + deps.stderr.text()).toBe('');
      await new Promise((r) => setTimeout(r, 100));
      expect(rx.signals()).toHaveLength(3);
    } finally {
      await rx.close();
    }
  });

  it.each([
    ['KUBECTL_GS_TELEMETRY_OPTOUT', { KUBECTL_GS_TELEMETRY_OPTOUT: '1' }, {}],
    ['DO_NOT_TRACK', { DO_NOT_TRACK: '1' }, {}],
    ['the user setting', {}, { enabled: false }],
    ['no notice shown yet', {}, {}],
    ['debug mode', { KUBECTL_GS_TELEMETRY_DEBUG: '1' }, {}],
  ])('sends nothing under %s and leaves the spool as it is', async (_n, env, consent) => {
    const rx = await startReceiver('ok');
    try {
      const deps = depsWith(rx.endpoint, env as Record<string, string>, consent);
      spoolOf(deps).add(entry(1));
      expect(await flushSpool(deps)).toBe(false);
      await new Promise((r) => setTimeout(r, 100));
      expect(rx.requests).toHaveLength(0);
      expect(spoolOf(deps).pending()).toHaveLength(1);
    } finally {
      await rx.close();
    }
  });

  it('drops signals of a cluster that opted out, keeps those whose cluster setting is unknown, sends the rest', async () => {
    const rx = await startReceiver('ok');
    try {
      const deps = depsWith(rx.endpoint);
      writeClusterCache(deps.cacheDir(), 'off', { setting: 'disabled', settingAt: Date.now() });
      writeClusterCache(deps.cacheDir(), 'on', { setting: 'enabled', settingAt: Date.now() });
      spoolOf(deps).add(entry(1, { pendingCluster: 'off' }));
      spoolOf(deps).add(entry(2, { pendingCluster: 'on' }));
      spoolOf(deps).add(entry(3, { pendingCluster: 'unknown' }));
      spoolOf(deps).add(entry(4));
      expect(await flushSpool(deps)).toBe(true);
      const got = await rx.waitForSignals(2);
      expect(got.map((s) => s.sessionID).sort()).toEqual(['s2', 's4']);
      const left = spoolOf(deps).claim(10);
      expect(left.entries.map((e) => e.signal.sessionID)).toEqual(['s3']);
    } finally {
      await rx.close();
    }
  });

  it('gives up at its deadline when the endpoint never connects, and puts nothing out of place', async () => {
    const slow = await startReceiver('drop');
    try {
      const deps = depsWith(slow.endpoint);
      spoolOf(deps).add(entry(1));
      const started = Date.now();
      expect(await flushSpool(deps, { deadlineMs: 600 })).toBe(false);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(spoolOf(deps).pending()).toHaveLength(1);
      expect(existsSync(join(spoolOf(deps).dir, 'claimed')) ? readdirSync(join(spoolOf(deps).dir, 'claimed')) : []).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe('a signal made on Windows before the user hash of its setup is known', () => {
  // On Windows the full adapter list needs PowerShell (hundreds of ms to start), which no command waits for: the
  // signal waits in the spool, and the flusher looks the list up, fills the hash in and sends it.
  const everyAdapter = ['00:15:5d:0a:1b:2c', '0a:00:27:00:00:11'];

  it('is held by the command, completed and sent by the flusher, and later commands send at once', async () => {
    const rx = await startReceiver('ok');
    const rec = recordingSelf(mkdtempSync(join(tmpdir(), 'kgs-self-')));
    try {
      const deps = { ...depsWith(rx.endpoint, { USERNAME: 'bob' }), self: rec.self };
      const session = startSession({ path: ['version'], flags: [], deps, userHash: { platform: 'win32' } })!;
      await session.finish(0);
      const held = spoolOf(deps).claim(10);
      expect(held.entries).toHaveLength(1);
      expect(held.entries[0]).toMatchObject({ pendingUser: true, signal: { clientUser: '' } });
      spoolOf(deps).release(held);
      expect(await until(() => rec.starts().length > 0)).toBe(true);
      expect(rec.starts()).toEqual([[FLUSH_COMMAND]]);
      expect(rx.requests).toHaveLength(0);

      let lookups = 0;
      const listWindowsLinks = async () => (lookups++, everyAdapter);
      expect(await flushSpool(deps, { userHash: { platform: 'win32', listWindowsLinks } })).toBe(true);
      const [signal] = await rx.waitForSignals(1);
      const want = hashUserId(userIdString({ ...currentUserFacts(deps.env, 'win32'), macs: everyAdapter }));
      expect(signal).toMatchObject({ clientUser: want, payload: { command: 'kubectl gs version' } });
      expect(lookups).toBe(1);
      expect(spoolOf(deps).pending()).toEqual([]);
      // The setup is known now: the next command's signal carries the hash and is not held.
      expect(cachedUserHash(deps.env, deps.cacheDir(), 'win32')).toBe(want);
      await startSession({ path: ['version'], flags: [], deps, userHash: { platform: 'win32' } })!.finish(0);
      const next = (await rx.waitForSignals(2, 500))[1] ?? spoolOf(deps).claim(10).entries[0]?.signal;
      expect(next).toMatchObject({ clientUser: want });
      expect(spoolOf(deps).claim(10).entries.filter((e) => e.pendingUser)).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('stay in the spool until someone knows the hash, then go out with it', () => {
    const deps = depsWith('http://127.0.0.1:9/v2/');
    const spool = spoolOf(deps);
    spool.add(entry(1, { pendingUser: true }));
    spool.add(entry(2));
    let claimed = spool.claim(10);
    let { send, keep } = resolvePending(claimed, spool, deps.cacheDir());
    expect(send.map((s) => s.sessionID)).toEqual(['s2']);
    expect(keep.entries.map((e) => e.signal.sessionID)).toEqual(['s1']);
    spool.release(keep);
    claimed = spool.claim(10);
    ({ send, keep } = resolvePending(claimed, spool, deps.cacheDir(), Date.now(), 'f'.repeat(64)));
    expect(send).toEqual([expect.objectContaining({ sessionID: 's1', clientUser: 'f'.repeat(64) })]);
    expect(keep.entries).toEqual([]);
  });
});
