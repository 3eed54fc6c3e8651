// The spool: bounded (oldest dropped), one file per signal, safe when several processes add and claim
// at once (each signal claimed by exactly one), claims put back on failure, deleted on opt-out.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { Spool, type SpoolEntry } from '../../../src/telemetry/spool';
import { spoolEntry } from './support/signals';

function entry(n: number): SpoolEntry {
  return spoolEntry(n, {}, 1_700_000_000_000 + n);
}

describe('spool', () => {
  it('keeps at most its limit, dropping the oldest', () => {
    const spool = new Spool(mkdtempSync(join(tmpdir(), 'kgs-spool-')), 5);
    for (let i = 0; i < 8; i++) spool.add(entry(i));
    expect(spool.pending()).toHaveLength(5);
    const claimed = spool.claim(50);
    expect(claimed.entries.map((e) => e.signal.payload.durationMs).sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('claims newest first, releases on failure, forgets on success', () => {
    const spool = new Spool(mkdtempSync(join(tmpdir(), 'kgs-spool-')));
    for (let i = 0; i < 4; i++) spool.add(entry(i));
    const a = spool.claim(2);
    expect(a.entries.map((e) => e.signal.payload.durationMs)).toEqual([3, 2]);
    expect(spool.pending()).toHaveLength(2);
    spool.release(a);
    expect(spool.pending()).toHaveLength(4);
    const b = spool.claim(10);
    spool.done(b);
    expect(spool.pending()).toHaveLength(0);
    expect(readdirSync(join(spool.dir, 'claimed'))).toEqual([]);
  });

  it('is cleared entirely', () => {
    const spool = new Spool(mkdtempSync(join(tmpdir(), 'kgs-spool-')));
    spool.add(entry(1));
    spool.clear();
    expect(spool.pending()).toEqual([]);
  });

  it('is safe when processes add and claim at the same time: bounded, each signal claimed once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-spool-'));
    const script = join(dir, 'worker.cjs');
    buildSync({
      stdin: {
        contents: `const { Spool } = require(${JSON.stringify(resolve(__dirname, '../../../src/telemetry/spool.ts'))});
          const { testSignal } = require(${JSON.stringify(resolve(__dirname, 'support/signals.ts'))});
          const [mode, spoolDir, who] = process.argv.slice(2);
          const spool = new Spool(spoolDir, 100);
          if (mode === 'add') {
            for (let i = 0; i < 40; i++) spool.add({ createdAt: Date.now(), signal: { ...testSignal(i), sessionID: who.repeat(8) + '-0000-4000-8000-' + String(i).padStart(12, '0') } });
          } else {
            const got = [];
            for (;;) { const c = spool.claim(7); if (!c.files.length) break; got.push(...c.entries.map((e) => e.signal.sessionID)); spool.done(c); }
            process.stdout.write(JSON.stringify(got));
          }`,
        resolveDir: dir,
      },
      bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent',
    });
    const spoolDir = join(dir, 'spool');
    const runWorker = (mode: string, who: string) =>
      new Promise<string>((res, rej) => {
        const p = spawn(process.execPath, [script, mode, spoolDir, who], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (c) => (out += c));
        p.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`worker exited ${code}`))));
      });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((w) => runWorker('add', w)));
    const left = new Spool(spoolDir).pending();
    expect(left.length).toBeLessThanOrEqual(100);
    expect(left.length).toBeGreaterThan(0);
    expect(readdirSync(spoolDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const outs = await Promise.all(['x', 'y', 'z', 'w'].map((w) => runWorker('claim', w)));
    const claimed = outs.flatMap((o) => JSON.parse(o) as string[]);
    expect(claimed.length).toBe(left.length);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Spool(spoolDir).pending()).toEqual([]);
  }, 30_000); // several node processes: slow on a busy machine
});
