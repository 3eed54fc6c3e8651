// runCli with telemetry on, against a real HTTP receiver on loopback: the exact body, the first-run
// notice, the consent matrix, debug/test mode, the spool, and that the command's output never changes.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { commandTree } from '../../../src/cli/tree';
import type { AnyCommand } from '../../../src/cli/command';
import { defineFlags } from '../../../src/cli/flagTable';
import { APP_ID } from '../../../src/telemetry/constants';
import { userHash } from '../../../src/telemetry/userHash';
import { goArch, goOs } from '../../../src/platform';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import { behaviours, startReceiver, type Receiver } from './support/receiver';

function depsFor(endpoint: string, env: Record<string, string> = {}, consent: object | null = { noticeShownAt: '2026-01-01T00:00:00Z' }): FakeDeps {
  const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: endpoint, USER: 'alice', ...env } });
  if (consent) {
    mkdirSync(deps.configDir(), { recursive: true });
    writeFileSync(join(deps.configDir(), 'telemetry.json'), JSON.stringify(consent));
  }
  return deps;
}

function spooled(deps: FakeDeps): string[] {
  try {
    return readdirSync(join(deps.cacheDir(), 'telemetry', 'spool')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

/**
 * Whether a signal leaves at once or waits in the spool for the next invocation depends on how fast the
 * connection comes up (timing); either way it must arrive. Runs `version -o yaml` (flags "output") until
 * the receiver has n signals, at most 5 times.
 */
async function deliver(deps: FakeDeps, target: Receiver, n: number): Promise<any[]> {
  const flush = fakeDeps({ env: deps.env, configDir: deps.configDir, cacheDir: deps.cacheDir });
  for (let i = 0; i < 5 && (await target.waitForSignals(n, 200)).length < n; i++) await runCli(['version', '-o', 'yaml'], flush);
  return target.waitForSignals(n, 2000);
}
const mine = (signals: any[]) => signals.filter((s) => s.payload.flags !== 'output');

let receiver: Receiver;
// Whether a signal goes out at once or through the spool depends on how fast the connection comes up;
// the first connection of a fresh process is the slowest, so warm up once.
beforeAll(async () => {
  const warm = await startReceiver('ok');
  await runCli(['version'], depsFor(warm.endpoint));
  await warm.close();
});
beforeEach(async () => {
  receiver = await startReceiver('ok');
});
afterEach(async () => {
  await receiver.close();
});

describe('the signal', () => {
  it('is one POST /v2/ with the exact body the Go client sends, plus run facts', async () => {
    const deps = depsFor(receiver.endpoint);
    expect(await runCli(['version', '--request-timeout', '3s', '--context', 'secret-context'], deps)).toBe(0);
    const [signal] = mine(await deliver(deps, receiver, 1));
    const req = receiver.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v2/');
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(signal)).toEqual(['appID', 'clientUser', 'sessionID', 'isTestMode', 'type', 'payload']);
    expect(signal).toMatchObject({
      appID: APP_ID,
      clientUser: userHash(deps.env),
      isTestMode: false,
      type: 'GiantSwarm.command',
    });
    expect(signal.sessionID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signal.payload).toEqual({
      'TelemetryDeck.Device.architecture': goArch(process.arch),
      'TelemetryDeck.Device.operatingSystem': goOs(process.platform),
      'TelemetryDeck.SDK.nameAndVersion': 'kubectl-gs/0.0.0-dev',
      'TelemetryDeck.AppInfo.version': '0.0.0-dev',
      appVersion: '0.0.0-dev',
      command: 'kubectl gs version',
      exitCode: 0,
      succeeded: true,
      durationMs: expect.any(Number),
      flags: 'context,request-timeout',
      ci: false,
    });
    expect(req.body).not.toContain('secret-context');
  });

  it('uses canonical names for aliases and reports failures with their exit code', async () => {
    const tree = commandTree();
    const failing: AnyCommand = {
      name: 'clusters', aliases: ['cluster', 'cl'], describe: 'x', options: () => ({}),
      flags: defineFlags({ output: { type: 'string', short: 'o', describe: 'x' }, 'all-namespaces': { type: 'boolean', short: 'A', describe: 'x' } }),
      run: async () => { throw new Error('boom with a secret inside'); },
    };
    tree.groups.push({ name: 'get', describe: 'x', commands: [failing] });
    const deps = depsFor(receiver.endpoint, { CI: 'true' });
    expect(await runCli(['get', 'cl', '-A', '--output=yaml', '-n', 'ns1'], deps, tree)).toBe(1);
    expect(deps.stderr.text()).toBe('error: boom with a secret inside\n');
    const [signal] = mine(await deliver(deps, receiver, 2));
    expect(signal.payload).toMatchObject({ command: 'kubectl gs get clusters', exitCode: 1, succeeded: false, flags: 'all-namespaces,namespace,output', ci: true });
    expect(receiver.raw().toString()).not.toMatch(/secret|ns1|yaml/);
  });

  it('sets isTestMode with KUBECTL_GS_TELEMETRY_TESTMODE=1', async () => {
    const deps = depsFor(receiver.endpoint, { KUBECTL_GS_TELEMETRY_TESTMODE: '1' });
    await runCli(['version'], deps);
    const [signal] = mine(await deliver(deps, receiver, 2));
    expect(signal.isTestMode).toBe(true);
  });

  it('prints the exact body on stderr instead of sending it with KUBECTL_GS_TELEMETRY_DEBUG=1', async () => {
    const deps = depsFor(receiver.endpoint, { KUBECTL_GS_TELEMETRY_DEBUG: '1' });
    expect(await runCli(['version'], deps)).toBe(0);
    const body = JSON.parse(deps.stderr.text());
    expect(body).toHaveLength(1);
    expect(body[0].payload.command).toBe('kubectl gs version');
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('consent', () => {
  it('first run: prints the notice once on stderr, sends nothing, then sends from the next run', async () => {
    const deps = depsFor(receiver.endpoint, {}, null);
    expect(await runCli(['version'], deps)).toBe(0);
    expect(deps.stderr.text()).toMatch(/collects anonymous usage data.*Nothing was sent this time\.\nOpt out with "kubectl gs telemetry disable"/s);
    const stdoutFirst = deps.stdout.text();
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.requests).toHaveLength(0);
    expect(spooled(deps)).toEqual([]);
    const second = fakeDeps({ configDir: deps.configDir, cacheDir: deps.cacheDir, env: deps.env });
    expect(await runCli(['version'], second)).toBe(0);
    expect(second.stderr.text()).toBe('');
    expect(second.stdout.text()).toBe(stdoutFirst);
    expect(mine(await deliver(second, receiver, 2))).toHaveLength(1);
  });

  const matrix: Array<[string, Record<string, string>, object | null, boolean]> = [
    ['default (notice shown)', {}, { noticeShownAt: 'x' }, true],
    ['user enabled', {}, { enabled: true }, true],
    ['user disabled', {}, { enabled: false }, false],
    ['KUBECTL_GS_TELEMETRY_OPTOUT beats user enabled', { KUBECTL_GS_TELEMETRY_OPTOUT: 'yes' }, { enabled: true }, false],
    ['DO_NOT_TRACK=1 beats user enabled', { DO_NOT_TRACK: '1' }, { enabled: true }, false],
    ['DO_NOT_TRACK=true', { DO_NOT_TRACK: 'true' }, { enabled: true }, false],
    ['DO_NOT_TRACK=0 does not opt out', { DO_NOT_TRACK: '0' }, { enabled: true }, true],
  ];
  it.each(matrix)('%s', async (_name, env, consent, sends) => {
    const deps = depsFor(receiver.endpoint, env, consent);
    expect(await runCli(['version'], deps)).toBe(0);
    expect(deps.stderr.text()).toBe('');
    const got = sends ? mine(await deliver(deps, receiver, 2)) : await receiver.waitForSignals(1, 300);
    expect(got.length).toBe(sends ? 1 : 0);
    if (!sends) expect(spooled(deps)).toEqual([]);
  });

  it.each([['--help'], ['-h'], ['help'], ['--version'], ['completion', 'bash'], ['telemetry', 'status'], ['__complete', 'ver'], ['nonsense'], ['version', '--bad-flag']])(
    'does not count %s',
    async (...args) => {
      const deps = depsFor(receiver.endpoint);
      await runCli(args, deps);
      await new Promise((r) => setTimeout(r, 150));
      expect(receiver.requests).toHaveLength(0);
      expect(spooled(deps)).toEqual([]);
    },
  );

  it('does not count hidden commands', async () => {
    const tree = commandTree();
    tree.commands.push({ name: 'secret-thing', hidden: true, describe: 'x', options: () => ({}), run: async () => 0 });
    const deps = depsFor(receiver.endpoint);
    expect(await runCli(['secret-thing'], deps, tree)).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('endpoint behaviours', () => {
  it.each(behaviours)('%s: output and exit code unchanged, signal sent or spooled', async (behaviour) => {
    const target = behaviour === 'ok' ? receiver : await startReceiver(behaviour);
    try {
      const off = fakeDeps();
      await runCli(['version'], off);
      const on = depsFor(target.endpoint);
      expect(await runCli(['version'], on)).toBe(0);
      expect(on.stdout.text()).toBe(off.stdout.text());
      expect(on.stderr.text()).toBe('');
      if (['ok', 'slow', 'hang'].includes(behaviour)) {
        await target.waitForSignals(1, 500);
        expect(target.signals().length + spooled(on).length).toBe(1);
        expect(mine(await deliver(on, target, 2))).toHaveLength(1);
      } else {
        expect(spooled(on)).toHaveLength(1);
      }
    } finally {
      if (target !== receiver) await target.close();
    }
  });
});

describe('the spool', () => {
  it('keeps what could not be sent and sends it batched with the next signal', async () => {
    const down = await startReceiver('refuse');
    const deps = depsFor(down.endpoint);
    for (let i = 0; i < 3; i++) await runCli(['version'], deps);
    expect(spooled(deps)).toHaveLength(3);
    deps.env.KUBECTL_GS_TELEMETRY_ENDPOINT = receiver.endpoint;
    const signals = await deliver(deps, receiver, 4);
    expect(mine(signals)).toHaveLength(3);
    expect(receiver.requests.length).toBeLessThan(signals.length);
    expect(new Set(signals.map((s) => s.sessionID)).size).toBe(signals.length);
    expect(spooled(deps)).toEqual([]);
  });

  it('is deleted by "telemetry disable"', async () => {
    const down = await startReceiver('refuse');
    const deps = depsFor(down.endpoint);
    await runCli(['version'], deps);
    expect(spooled(deps)).toHaveLength(1);
    expect(await runCli(['telemetry', 'disable'], deps)).toBe(0);
    expect(spooled(deps)).toEqual([]);
    await runCli(['version'], deps);
    expect(spooled(deps)).toEqual([]);
  });
});
