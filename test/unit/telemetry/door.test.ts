// The telemetry door (src/telemetry/index.ts) is opened at every start of the program (src/cli/run.ts reads
// the environment opt-out through it), so opening it must load no heavy built-in module: the network,
// node:crypto, child processes and node:os load only when telemetry uses them. (What evaluating the door's
// own small modules costs is measured by instruction counts, see docs/telemetry.md.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const heavy = ['net', 'tls', 'dns', 'crypto', 'child_process', 'os', 'http', 'https'];

/** The built-in modules loaded after requiring the bundled door and running `use` on it. */
function loadedBy(use: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-door-'));
  const script = join(dir, 'door.cjs');
  const out = join(dir, 'loaded.json');
  buildSync({
    stdin: {
      contents: `const fs = require('node:fs');
        const before = new Set(process.moduleLoadList);
        const door = require(${JSON.stringify(resolve(__dirname, '../../../src/telemetry/index.ts'))});
        (async () => {
          ${use}
          fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));
        })();`,
      resolveDir: dir,
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile: script, logLevel: 'silent',
  });
  const r = spawnSync(process.execPath, [script], { stdio: 'ignore' });
  expect(r.status).toBe(0);
  return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
}

describe('the telemetry door', () => {
  it('loads no network, crypto, process or os module when opened, and reads the opt-out', () => {
    const loaded = loadedBy('if (door.optedOutByEnv({ DO_NOT_TRACK: "1" }) !== true) process.exit(3);');
    expect(loaded.filter((m) => heavy.includes(m))).toEqual([]);
  });

  it('loads them once telemetry is used (so the check above can fail)', () => {
    const home = mkdtempSync(join(tmpdir(), 'kgs-door-home-'));
    const loaded = loadedBy(`
      fs.mkdirSync(${JSON.stringify(join(home, 'config'))});
      fs.writeFileSync(${JSON.stringify(join(home, 'config', 'telemetry.json'))}, '{"enabled": true}');
      const deps = { env: { KUBECTL_GS_TELEMETRY_ENDPOINT: 'http://127.0.0.1:9/v2/' }, configDir: () => ${JSON.stringify(join(home, 'config'))},
        cacheDir: () => ${JSON.stringify(join(home, 'cache'))}, now: () => new Date(), stdout: { write: () => true }, stderr: { write: () => true } };
      const session = door.startSession({ path: ['version'], flags: [], deps });
      await new Promise((r) => setTimeout(r, 50));
      await session.finish(0);`);
    expect(loaded).toContain('net');
  });
});
