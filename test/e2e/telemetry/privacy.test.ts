// Privacy: every command of the tree (walked from src/cli/tree.ts, so new commands are covered without
// touching this file) runs through the real kubectl against the real kube-apiserver with distinctive flag
// values, arguments, environment and a kubeconfig full of distinctive secrets; not one of them may appear
// in any byte the receiver got. Also: the cluster facts of a command that talks to the cluster.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, dump } from 'js-yaml';
import { positionalNames, type AnyCommand } from '../../../src/cli/command';
import type { FlagTable } from '../../../src/cli/flagTable';
import { commandTree } from '../../../src/cli/tree';
import { anonymousClusterId } from '../../../src/telemetry/clusterFacts';
import { apiServer, kubectlGs, kubectlOk } from '../support/env';
import { startReceiver, type Receiver } from '../../unit/telemetry/support/receiver';

const MARK = 'PRIVSECRET';

interface Invocation {
  path: string[];
  args: string[];
  counted: boolean;
}

/** Every flag of the command's table given once, with a value carrying the mark where it takes text. */
function invocationsOf(def: AnyCommand, prefix: string[]): Invocation {
  const args = [...prefix, def.name];
  positionalNames(def).forEach((name, i) => args.push(def.positionalChoices?.[name]?.[0] ?? `arg-${MARK}-${i}`));
  for (const [name, flag] of Object.entries((def.flags ?? {}) as FlagTable)) {
    if (flag.type === 'boolean') args.push(`--${name}`);
    else if (flag.choices?.length) args.push(`--${name}=${flag.choices[0]}`);
    else if (flag.type === 'number') args.push(`--${name}=9137`);
    else args.push(`--${name}=flag-${MARK}-${name}`);
  }
  return { path: [...prefix, def.name], args, counted: def.counted !== false && !def.hidden };
}

function allInvocations(): Invocation[] {
  const tree = commandTree();
  const out = tree.commands.map((d) => invocationsOf(d, []));
  for (const g of tree.groups) for (const d of g.commands) out.push(invocationsOf(d, [g.name]));
  return out;
}

let receiver: Receiver;
let dir: string;
let env: Record<string, string | undefined>;
let secrets: string[];

beforeAll(async () => {
  receiver = await startReceiver('ok');
  dir = mkdtempSync(join(tmpdir(), `kgs-privacy-${MARK}-`));
  const facts = apiServer();
  const kc = load(readFileSync(facts.kubeconfigPath, 'utf8')) as any;
  const local = kc.contexts.find((c: any) => c.name === 'local');
  const cluster = kc.clusters.find((c: any) => c.name === local.context.cluster);
  const user = kc.users.find((u: any) => u.name === local.context.user);
  const secretKc = {
    apiVersion: 'v1', kind: 'Config', 'current-context': `ctx-${MARK}-ctx`,
    clusters: [{ name: `cluster-${MARK}-cl`, cluster: cluster.cluster }],
    users: [{ name: `user-${MARK}-u`, user: user.user }],
    contexts: [{ name: `ctx-${MARK}-ctx`, context: { cluster: `cluster-${MARK}-cl`, user: `user-${MARK}-u`, namespace: `ns-${MARK}-ns` } }],
  };
  const kubeconfig = join(dir, `kubeconfig-${MARK}`);
  writeFileSync(kubeconfig, dump(secretKc));
  mkdirSync(join(dir, 'config/kubectl-gs'), { recursive: true });
  writeFileSync(join(dir, 'config/kubectl-gs/telemetry.json'), JSON.stringify({ noticeShownAt: '2026-01-01T00:00:00Z' }));
  const serverUrl = new URL(facts.serverUrl);
  secrets = [MARK, facts.adminToken, facts.viewerToken, serverUrl.host, facts.serverUrl, dir, 'kubeconfig', 'local-viewer'];
  env = {
    KUBECONFIG: kubeconfig, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'),
    KUBECTL_GS_TELEMETRY_OPTOUT: '', DO_NOT_TRACK: undefined, KUBECTL_GS_TELEMETRY_ENDPOINT: receiver.endpoint,
    KUBECTL_GS_TELEMETRY_DEBUG: undefined, KUBECTL_GS_TELEMETRY_TESTMODE: '1', USER: `user-${MARK}-env`, LOGNAME: `user-${MARK}-env`,
  };
});

afterAll(async () => {
  await receiver.close();
});

describe('privacy', () => {
  it('sends none of the flag values, arguments, kubeconfig names, secrets or server addresses of any command', async () => {
    const runs = allInvocations();
    expect(runs.length).toBeGreaterThan(3);
    const telemetryGroup = runs.filter((r) => r.path[0] === 'telemetry');
    const others = runs.filter((r) => r.path[0] !== 'telemetry');
    const outputs: string[] = [];
    for (const r of others) {
      // --namespace and --request-timeout: global flags with distinctive values, on every command.
      const res = await kubectlGs([...r.args, '--namespace', `gns-${MARK}`, '--request-timeout', '9s'], { env, cwd: dir, timeoutMs: 30_000 });
      outputs.push(`${r.args.join(' ')} -> ${res.code}`);
    }
    // Flush anything left in the spool, then the telemetry commands (never counted) last: `disable` ends it.
    for (let i = 0; i < 3; i++) await kubectlGs(['version'], { env, cwd: dir });
    for (const r of telemetryGroup) {
      const args = r.args.filter((a) => a !== '--cluster-wide'); // never change the shared cluster's setting here
      await kubectlGs(args, { env, cwd: dir, timeoutMs: 30_000 });
    }
    await new Promise((res) => setTimeout(res, 300));
    const raw = receiver.raw().toString('utf8');
    expect(raw.length).toBeGreaterThan(0);
    for (const secret of secrets) expect({ secret, found: raw.includes(secret) }).toEqual({ secret, found: false });
    // Every counted command that exited normally was reported, under its canonical path.
    const signals = receiver.signals();
    const commands = new Set(signals.map((s) => s.payload.command));
    expect(commands).toContain('kubectl gs version');
    // Most counted commands are reported (a few may fail before running, e.g. on a flag value they reject).
    expect(commands.size).toBeGreaterThanOrEqual(Math.min(5, runs.filter((r) => r.counted).length));
    if (process.env.KGS_PRIVACY_VERBOSE) console.log([...commands], outputs);
    for (const c of commands) expect(runs.map((r) => `kubectl gs ${r.path.join(' ')}`)).toContain(c);
    for (const r of runs.filter((x) => !x.counted)) expect(commands).not.toContain(`kubectl gs ${r.path.join(' ')}`);
    // Only the documented payload keys, and every string value from a closed, harmless alphabet.
    const allowed = new Set(['TelemetryDeck.Device.architecture', 'TelemetryDeck.Device.operatingSystem', 'TelemetryDeck.SDK.nameAndVersion',
      'TelemetryDeck.AppInfo.version', 'appVersion', 'command', 'exitCode', 'succeeded', 'durationMs', 'flags', 'ci',
      'cluster.id', 'cluster.kubernetesVersion', 'cluster.nodeCount', 'cluster.provider']);
    for (const s of signals) {
      for (const [k, v] of Object.entries(s.payload)) {
        expect(allowed.has(k)).toBe(true);
        if (typeof v === 'string') expect(v).toMatch(/^[a-zA-Z0-9 ._,/-]*$/);
      }
    }
  });

  it('adds anonymous facts of the cluster a command talks to', async () => {
    const uid = (await kubectlOk(['get', 'namespace', 'kube-system', '-o', 'jsonpath={.metadata.uid}'])).trim();
    const getClusters = commandTree().groups.find((g) => g.name === 'get')?.commands.find((c) => c.name === 'clusters');
    if (!getClusters) return; // no cluster command in the tree yet
    const h = mkdtempSync(join(tmpdir(), 'kgs-facts-'));
    mkdirSync(join(h, 'config/kubectl-gs'), { recursive: true });
    writeFileSync(join(h, 'config/kubectl-gs/telemetry.json'), JSON.stringify({ enabled: true }));
    const e = { ...env, KUBECONFIG: apiServer().kubeconfigPath, XDG_CONFIG_HOME: join(h, 'config'), XDG_CACHE_HOME: join(h, 'cache') };
    const before = receiver.signals().length;
    for (let i = 0; i < 4 && !receiver.signals().slice(before).some((s) => s.payload['cluster.id']); i++) {
      await kubectlGs(['get', 'clusters', '-A'], { env: e });
      await receiver.waitForSignals(before + 1, 300);
    }
    const withFacts = receiver.signals().slice(before).find((s) => s.payload['cluster.id']);
    expect(withFacts?.payload).toMatchObject({
      command: 'kubectl gs get clusters',
      'cluster.id': anonymousClusterId(uid),
      'cluster.kubernetesVersion': expect.stringMatching(/^v1\.20\.\d+$/),
      'cluster.nodeCount': 0,
    });
    expect(JSON.stringify(withFacts)).not.toContain(uid);
  });
});
