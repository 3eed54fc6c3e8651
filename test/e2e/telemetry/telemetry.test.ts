// The built kubectl-gs through the real kubectl, with a real HTTP receiver on loopback and temp XDG
// directories: the exact signal, the first-run notice, the consent matrix, every endpoint behaviour
// (output and exit code unchanged, the process still exits), the spool, the telemetry commands against
// the real kube-apiserver (cluster-wide setting, RBAC), and cluster facts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiServer, kubectlGs, kubectlOk, type RunResult } from '../support/env';
import { behaviours, connectHangs, startReceiver, type Receiver } from '../../unit/telemetry/support/receiver';

interface Home {
  config: string;
  cache: string;
  env: Record<string, string | undefined>;
}

function home(endpoint: string, consent: object | null = { noticeShownAt: '2026-01-01T00:00:00Z' }, extra: Record<string, string | undefined> = {}): Home {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-tele-e2e-'));
  const config = join(dir, 'config');
  const cache = join(dir, 'cache');
  if (consent) {
    mkdirSync(join(config, 'kubectl-gs'), { recursive: true });
    writeFileSync(join(config, 'kubectl-gs', 'telemetry.json'), JSON.stringify(consent));
  }
  return {
    config,
    cache,
    env: {
      XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache,
      KUBECTL_GS_TELEMETRY_OPTOUT: '', DO_NOT_TRACK: undefined, CI: undefined, GITHUB_ACTIONS: undefined,
      KUBECTL_GS_TELEMETRY_ENDPOINT: endpoint, KUBECTL_GS_TELEMETRY_DEBUG: undefined, KUBECTL_GS_TELEMETRY_TESTMODE: '1',
      HTTPS_PROXY: undefined, HTTP_PROXY: undefined, https_proxy: undefined, http_proxy: undefined,
      ...extra,
    },
  };
}

function spooled(h: Home): string[] {
  try {
    return readdirSync(join(h.cache, 'kubectl-gs', 'telemetry', 'spool')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

/**
 * Whether a signal leaves at once or waits in the spool for the next invocation depends on how fast the
 * connection comes up; either way it must arrive. Runs `version -o json` (a distinct flag set) until
 * the receiver has n signals (at most 5 times).
 */
async function deliver(h: Home, target: Receiver, n: number): Promise<any[]> {
  for (let i = 0; i < 5 && (await target.waitForSignals(n, 300)).length < n; i++) await kubectlGs(['version', '-o', 'json'], { env: h.env });
  return target.waitForSignals(n, 2000);
}

const off = (): Promise<RunResult> => kubectlGs(['version'], { env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });

let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver('ok');
});
afterEach(async () => {
  await receiver.close();
});

describe('telemetry of the built executable', () => {
  it('sends one signal with the Go client\'s body shape for "kubectl gs version"', async () => {
    const h = home(receiver.endpoint);
    const r = await kubectlGs(['version', '--request-timeout', '7s'], { env: h.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await deliver(h, receiver, 2);
    const signal = receiver.signals().find((s) => s.payload.flags === 'request-timeout');
    expect(receiver.requests[0].headers['content-type']).toBe('application/json; charset=utf-8');
    expect(receiver.requests[0].url).toBe('/v2/');
    expect(signal).toMatchObject({
      appID: '4539763B-A291-4835-B832-9BEB80CA7039',
      isTestMode: true,
      type: 'GiantSwarm.command',
      payload: { command: 'kubectl gs version', flags: 'request-timeout', exitCode: 0, succeeded: true, 'TelemetryDeck.Device.operatingSystem': 'linux' },
    });
    expect(signal.clientUser).toMatch(/^[0-9a-f]{64}$/);
    const status = JSON.parse((await kubectlGs(['telemetry', 'status', '-o', 'json'], { env: h.env })).stdout);
    expect(status).toMatchObject({ enabled: true, decidedBy: 'default', userHash: signal.clientUser, endpoint: receiver.endpoint });
  });

  it('prints the first-run notice once, sends nothing then, and counts from the next run', async () => {
    const h = home(receiver.endpoint, null);
    const first = await kubectlGs(['version'], { env: h.env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe((await off()).stdout);
    expect(first.stderr).toMatch(/^kubectl gs collects anonymous usage data/);
    expect(first.stderr).toContain('kubectl gs telemetry disable');
    expect(spooled(h)).toEqual([]);
    const second = await kubectlGs(['version'], { env: h.env });
    expect(second.stderr).toBe('');
    expect((await deliver(h, receiver, 1)).length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['KUBECTL_GS_TELEMETRY_OPTOUT=1', { KUBECTL_GS_TELEMETRY_OPTOUT: '1' }],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }],
    ['DO_NOT_TRACK=true', { DO_NOT_TRACK: 'true' }],
  ])('%s: nothing sent, nothing spooled, no notice, nothing written', async (_n, extra) => {
    const h = home(receiver.endpoint, null, extra);
    const r = await kubectlGs(['version'], { env: h.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await new Promise((res) => setTimeout(res, 200));
    expect(receiver.requests).toHaveLength(0);
    expect(existsSync(h.cache)).toBe(false);
    expect(existsSync(h.config)).toBe(false);
  });

  it('"telemetry disable" stops sending and deletes the spool; "enable" turns it back on; status tells why', async () => {
    const down = await startReceiver('refuse');
    const h = home(down.endpoint);
    await kubectlGs(['version'], { env: h.env });
    expect(spooled(h)).toHaveLength(1);
    const d = await kubectlGs(['telemetry', 'disable'], { env: h.env });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^Telemetry disabled for this user/);
    expect(spooled(h)).toEqual([]);
    const status = JSON.parse((await kubectlGs(['telemetry', 'status', '-o', 'json'], { env: h.env })).stdout);
    expect(status).toMatchObject({ enabled: false, decidedBy: 'user setting', userSetting: 'disabled' });
    h.env.KUBECTL_GS_TELEMETRY_ENDPOINT = receiver.endpoint;
    await kubectlGs(['version'], { env: h.env });
    expect(spooled(h)).toEqual([]);
    await new Promise((res) => setTimeout(res, 200));
    expect(receiver.requests).toHaveLength(0);
    expect((await kubectlGs(['telemetry', 'enable'], { env: h.env })).code).toBe(0);
    const text = (await kubectlGs(['telemetry', 'status'], { env: h.env })).stdout;
    expect(text).toMatch(/^Telemetry:\s+on\nDecided by:\s+user setting\n/);
    const envOff = await kubectlGs(['telemetry', 'status', '-o', 'json'], { env: { ...h.env, DO_NOT_TRACK: '1' } });
    expect(JSON.parse(envOff.stdout)).toMatchObject({ enabled: false, decidedBy: 'environment (DO_NOT_TRACK)' });
  });

  describe('endpoint behaviours: output and exit code unchanged, the process exits', () => {
    it.each(behaviours)('%s', async (behaviour) => {
      const target = behaviour === 'ok' ? receiver : await startReceiver(behaviour);
      try {
        if (behaviour === 'drop') expect(await connectHangs(target.endpoint)).toBe(true);
        const h = home(target.endpoint);
        const expected = await off();
        const failing = await kubectlGs(['version', '-o', 'nope'], { env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
        // A generous kill timer: a process held open by telemetry would be killed and fail the test.
        const r = await kubectlGs(['version'], { env: h.env, timeoutMs: 20_000 });
        expect(r).toEqual(expected);
        const rf = await kubectlGs(['version', '-o', 'nope'], { env: h.env, timeoutMs: 20_000 });
        expect(rf).toEqual(failing);
        expect(rf.code).not.toBe(0);
        if (['ok', 'slow', 'hang'].includes(behaviour)) {
          // Sent at once, or waiting in the spool for the next invocation (then delivered by it).
          await target.waitForSignals(2, 1000);
          expect(target.signals().length + spooled(h).length).toBe(2);
          const all = await deliver(h, target, 3);
          expect(all.filter((s) => s.payload.flags === '').map((s) => s.payload.exitCode)).toEqual([0]);
          expect(all.filter((s) => s.payload.exitCode === rf.code && s.payload.succeeded === false)).toHaveLength(1);
        } else {
          expect(spooled(h)).toHaveLength(2);
        }
      } finally {
        if (target !== receiver) await target.close();
      }
    });
  });

  it('counts a command whose cluster cannot be reached, at once and without cluster facts', async () => {
    const refused = new URL((await startReceiver('refuse')).endpoint);
    const h = home(receiver.endpoint);
    const kubeconfig = join(h.config, 'unreachable-kubeconfig');
    mkdirSync(h.config, { recursive: true });
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: gone',
      `clusters: [{name: gone, cluster: {server: "https://127.0.0.1:${refused.port}", insecure-skip-tls-verify: true}}]`,
      'contexts: [{name: gone, context: {cluster: gone, user: u}}]',
      'users: [{name: u, user: {token: e2e-secret-token}}]',
    ].join('\n'));
    const r = await kubectlGs(['get', 'clusters', '-A'], { env: { ...h.env, KUBECONFIG: kubeconfig } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error: .*\n$/);
    const signals = await deliver(h, receiver, 2);
    const [signal] = signals.filter((s) => s.payload.command === 'kubectl gs get clusters');
    expect(signal.payload).toMatchObject({ exitCode: r.code, succeeded: false, flags: 'all-namespaces' });
    expect(Object.keys(signal.payload).filter((k) => k.startsWith('cluster.'))).toEqual([]);
    expect(spooled(h)).toEqual([]);
    for (const secret of ['e2e-secret-token', `:${refused.port}`]) expect(receiver.raw().toString()).not.toContain(secret);
  });

  it('sends spooled signals batched with the next one, each exactly once', async () => {
    const down = await startReceiver('refuse');
    const h = home(down.endpoint);
    for (let i = 0; i < 3; i++) await kubectlGs(['version'], { env: h.env });
    expect(spooled(h)).toHaveLength(3);
    h.env.KUBECTL_GS_TELEMETRY_ENDPOINT = receiver.endpoint;
    const signals = await deliver(h, receiver, 4);
    expect(signals.filter((s) => s.payload.flags === '')).toHaveLength(3);
    expect(new Set(signals.map((s) => s.sessionID)).size).toBe(signals.length);
    expect(receiver.requests.length).toBeLessThan(signals.length);
    expect(spooled(h)).toEqual([]);
  });
});

describe('against the real kube-apiserver', () => {
  it('telemetry disable --cluster-wide writes the ConfigMap; enable re-allows; status --cluster-wide reads it', async () => {
    const h = home(receiver.endpoint);
    const env = { ...h.env, KUBECONFIG: apiServer().kubeconfigPath };
    const d = await kubectlGs(['telemetry', 'disable', '--cluster-wide'], { env });
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    expect(await kubectlOk(['get', 'configmap', '-n', 'kube-system', 'kubectl-gs-telemetry', '-o', 'jsonpath={.data.enabled}'])).toBe('false');
    const status = JSON.parse((await kubectlGs(['telemetry', 'status', '-o', 'json', '--cluster-wide'], { env })).stdout);
    expect(status).toMatchObject({ enabled: false, decidedBy: 'cluster-wide setting', clusterWideSetting: 'disabled' });
    expect((await kubectlGs(['telemetry', 'enable', '--cluster-wide'], { env })).code).toBe(0);
    expect(await kubectlOk(['get', 'configmap', '-n', 'kube-system', 'kubectl-gs-telemetry', '-o', 'jsonpath={.data.enabled}'])).toBe('true');
  });

  it('says in one line what to do when RBAC forbids writing the cluster-wide setting', async () => {
    const h = home(receiver.endpoint);
    const r = await kubectlGs(['telemetry', 'disable', '--cluster-wide', '--context', 'local-viewer'], { env: { ...h.env, KUBECONFIG: apiServer().kubeconfigPath } });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: you may not write the cluster-wide telemetry setting \(ConfigMap kube-system\/kubectl-gs-telemetry\): ask a cluster admin, or run "kubectl gs telemetry disable" without --cluster-wide to change it just for you\n$/);
  });
});
