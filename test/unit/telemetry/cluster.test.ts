// Cluster facts and the cluster-wide setting, with a fake KubeClient: what is gathered (and how little),
// the per-cluster cache, and how the setting gates signals about commands that talk to that cluster.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { createKubeClient, type KubeClient } from '../../../src/kube/client';
import { anonymousClusterId, clusterKey, gatherClusterFacts, providerOf, readClusterCache, releaseOf } from '../../../src/telemetry/clusterFacts';
import { readClusterSetting, writeClusterSetting } from '../../../src/telemetry/clusterSetting';
import { Spool, spoolDir } from '../../../src/telemetry/spool';
import { fakeDeps, type FakeDeps } from '../../support/fakeDeps';
import { treeWithClusterCommand } from './support/clusterCommand';
import { startReceiver, type Receiver } from './support/receiver';

class ApiError extends Error {
  constructor(readonly code: number) {
    super(`server said ${code}`);
  }
}

type Handler = (path: string, query?: Record<string, unknown>) => unknown;

function fakeClient(routes: Record<string, Handler | unknown>, server = 'https://secret-api.example.com:6443'): KubeClient & { calls: string[]; writes: Array<[string, string, unknown]> } {
  const calls: string[] = [];
  const writes: Array<[string, string, unknown]> = [];
  const answer = async (path: string, query?: Record<string, unknown>) => {
    calls.push(query ? `${path}?${new URLSearchParams(query as Record<string, string>)}` : path);
    const route = routes[path];
    if (route === undefined) throw new ApiError(404);
    const v = typeof route === 'function' ? await (route as Handler)(path, query) : route;
    if (v instanceof Error) throw v;
    return v;
  };
  return {
    namespace: 'default', server, calls, writes,
    get: answer as KubeClient['get'],
    listPages: async () => {},
    request: (async (method: string, path: string, body?: unknown) => {
      writes.push([method, path, body]);
      const route = routes[`${method} ${path}`];
      if (route instanceof Error) throw route;
      return {};
    }) as KubeClient['request'],
    preferredVersion: async () => 'v1',
    close: () => {},
  };
}

const clusterRoutes = {
  '/version': { gitVersion: 'v1.29.3-eks-adc7111' },
  '/api/v1/namespaces/kube-system': { metadata: { uid: 'uid-1234', name: 'kube-system' } },
  '/api/v1/nodes': { metadata: { remainingItemCount: 41, continue: 'abc' }, items: [{ metadata: { name: 'ip-10-0-0-1.secret-node' }, spec: { providerID: 'aws:///eu-west-1a/i-0abc' } }] },
};

describe('cluster facts', () => {
  it('gathers an anonymous ID, version, node count from one node, and the provider scheme', async () => {
    const client = fakeClient(clusterRoutes);
    expect(await gatherClusterFacts(client)).toEqual({
      id: anonymousClusterId('uid-1234'),
      kubernetesVersion: 'v1.29.3',
      nodeCount: 42,
      provider: 'aws',
    });
    expect(client.calls).toContain('/api/v1/nodes?limit=1');
    expect(anonymousClusterId('uid-1234')).toMatch(/^[0-9a-f]{64}$/);
    expect(anonymousClusterId('uid-1234')).not.toContain('uid-1234');
  });

  it.each([
    ['azure:///subscriptions/x/resourceGroups/y', 'azure'],
    ['gce://project/zone/name', 'gce'],
    ['vsphere://4211', 'vsphere'],
    ['weird value with secrets', 'other'],
    [undefined, undefined],
  ])('provider of %j is %j', (id, want) => expect(providerOf(id)).toBe(want));

  it('keeps only the release of a version', () => {
    expect(releaseOf('v1.20.2')).toBe('v1.20.2');
    expect(releaseOf('v1.27.4+k3s1')).toBe('v1.27.4');
    expect(releaseOf('garbage')).toBeUndefined();
  });

  it('reads the cluster setting; a missing or unreadable ConfigMap is no setting', async () => {
    const path = '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry';
    expect(await readClusterSetting(fakeClient({ [path]: { data: { enabled: 'false' } } }))).toBe('disabled');
    expect(await readClusterSetting(fakeClient({ [path]: { data: { enabled: 'true' } } }))).toBe('enabled');
    expect(await readClusterSetting(fakeClient({}))).toBe('none');
    expect(await readClusterSetting(fakeClient({ [path]: new ApiError(403) }))).toBe('none');
    await expect(readClusterSetting(fakeClient({ [path]: new ApiError(500) }))).rejects.toThrow();
  });

  it('writes the setting with a merge patch, creates it when missing, and says clearly when RBAC forbids it', async () => {
    const path = '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry';
    const patched = fakeClient({});
    await writeClusterSetting(patched, false);
    expect(patched.writes).toEqual([['PATCH', path, { data: { enabled: 'false' } }]]);
    const created = fakeClient({ [`PATCH ${path}`]: new ApiError(404) });
    await writeClusterSetting(created, true);
    expect(created.writes[1][0]).toBe('POST');
    expect(created.writes[1][2]).toMatchObject({ metadata: { name: 'kubectl-gs-telemetry', namespace: 'kube-system' }, data: { enabled: 'true' } });
    const forbidden = fakeClient({ [`PATCH ${path}`]: new ApiError(403) });
    await expect(writeClusterSetting(forbidden, false)).rejects.toThrow(/^you may not write the cluster-wide telemetry setting \(ConfigMap kube-system\/kubectl-gs-telemetry\): ask a cluster admin/);
  });
});

describe('signals of commands that talk to a cluster', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    const warm = await startReceiver('ok');
    await runCli(['version'], withConsent(fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: warm.endpoint } })));
    await warm.close();
  });
  beforeEach(async () => {
    receiver = await startReceiver('ok');
  });
  afterEach(async () => {
    await receiver.close();
  });

  function withConsent(deps: FakeDeps): FakeDeps {
    mkdirSync(deps.configDir(), { recursive: true });
    writeFileSync(join(deps.configDir(), 'telemetry.json'), JSON.stringify({ enabled: true }));
    return deps;
  }

  
  function depsWith(client: KubeClient): FakeDeps {
    return withConsent(fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: receiver.endpoint }, kube: async () => client }));
  }

  /** Signals of `get clusters`, once n arrived (flushing the spool with `version -o yaml` if needed). */
  async function getClusterSignals(deps: FakeDeps, n: number): Promise<any[]> {
    const of = () => receiver.signals().filter((s) => s.payload.command === 'kubectl gs get clusters');
    for (let i = 0; i < 5 && of().length < n; i++) {
      await receiver.waitForSignals(receiver.signals().length + 1, 200);
      if (of().length < n) await runCli(['version', '-o', 'yaml'], deps);
    }
    return of();
  }

  const clustersRoute = { '/apis/cluster.x-k8s.io/v1beta1/clusters': { items: [] } };

  it('adds the cluster facts and caches them per cluster', async () => {
    const client = fakeClient({ ...clusterRoutes, ...clustersRoute, '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry': { data: { enabled: 'true' } } });
    const deps = depsWith(client);
    expect(await runCli(['get', 'clusters'], deps, treeWithClusterCommand())).toBe(0);
    expect(deps.stdout.text()).toBe('NAME\nsecret-cluster\n');
    const [signal] = await getClusterSignals(deps, 1);
    expect(signal.payload).toMatchObject({
      command: 'kubectl gs get clusters',
      'cluster.id': anonymousClusterId('uid-1234'),
      'cluster.kubernetesVersion': 'v1.29.3',
      'cluster.nodeCount': 42,
      'cluster.provider': 'aws',
    });
    expect(readClusterCache(deps.cacheDir(), clusterKey(client.server))).toMatchObject({ setting: 'enabled', facts: { nodeCount: 42 } });
    const raw = receiver.raw().toString();
    for (const secret of ['secret-api', 'uid-1234', 'secret-node', 'secret-cluster', 'i-0abc', 'eks']) expect(raw).not.toContain(secret);
    // Second run: facts come from the cache, no new fact requests.
    const before = client.calls.length;
    await runCli(['get', 'clusters'], deps, treeWithClusterCommand());
    expect(client.calls.slice(before)).toEqual(['/apis/cluster.x-k8s.io/v1beta1/clusters']);
    expect((await getClusterSignals(deps, 2))[1].payload['cluster.nodeCount']).toBe(42);
  });

  it('sends nothing about a cluster that opted out', async () => {
    const client = fakeClient({ ...clusterRoutes, ...clustersRoute, '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry': { data: { enabled: 'false' } } });
    const deps = depsWith(client);
    expect(await runCli(['get', 'clusters'], deps, treeWithClusterCommand())).toBe(0);
    expect(deps.stdout.text()).toBe('NAME\nsecret-cluster\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.requests).toHaveLength(0);
    expect(readdirSafe(join(deps.cacheDir(), 'telemetry', 'spool'))).toEqual([]);
  });

  it('holds the signal while the cluster setting is unknown, then sends or drops it once known', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const settingPath = '/api/v1/namespaces/kube-system/configmaps/kubectl-gs-telemetry';
    let setting = 'true';
    const client = fakeClient({
      ...clusterRoutes, ...clustersRoute,
      [settingPath]: async () => {
        await gate;
        return { data: { enabled: setting } };
      },
    });
    const deps = depsWith(client);
    await runCli(['get', 'clusters'], deps, treeWithClusterCommand());
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.signals()).toHaveLength(0);
    expect(readdirSafe(join(deps.cacheDir(), 'telemetry', 'spool'))).toHaveLength(1);
    // The setting arrives (in a real run: the next invocation reads it); the held signal goes out with the next one.
    release();
    await new Promise((r) => setTimeout(r, 20));
    const [held] = await getClusterSignals(deps, 1);
    expect(held.payload['cluster.nodeCount']).toBe(42);
    void setting;
  });

  it('counts a command whose cluster could not be reached at once, without cluster facts (the real client, an API server port that refuses)', async () => {
    const refused = new URL((await startReceiver('refuse')).endpoint);
    const dir = mkdtempSync(join(tmpdir(), 'kgs-unreachable-'));
    const kubeconfig = join(dir, 'config');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: c',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:' + refused.port + '", insecure-skip-tls-verify: true}}]',
      'contexts: [{name: c, context: {cluster: c, user: u}}]',
      'users: [{name: u, user: {token: secret-token}}]',
    ].join('\n'));
    const env = { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: receiver.endpoint, KUBECONFIG: kubeconfig };
    const deps = fakeDeps({ env, kube: (global) => createKubeClient(global, env) });
    mkdirSync(deps.configDir(), { recursive: true });
    writeFileSync(join(deps.configDir(), 'telemetry.json'), JSON.stringify({ enabled: true }));
    expect(await runCli(['get', 'clusters'], deps)).toBe(1);
    expect(deps.stderr.text()).toMatch(/^error: .*127\.0\.0\.1.*\n$/);
    const [signal] = await getClusterSignals(deps, 1);
    expect(signal.payload).toMatchObject({ command: 'kubectl gs get clusters', exitCode: 1, succeeded: false });
    expect(Object.keys(signal.payload).filter((k) => k.startsWith('cluster.'))).toEqual([]);
    expect(readdirSafe(join(deps.cacheDir(), 'telemetry', 'spool'))).toEqual([]);
    for (const secret of ['secret-token', `:${refused.port}`]) expect(receiver.raw().toString()).not.toContain(secret);
  });

  it('still holds the signal of a command whose cluster answered but its setting is not known (it may have opted out)', async () => {
    const client = fakeClient({}); // every GET: 404 from fakeClient, so the setting reads as "none"...
    client.get = (async () => {
      throw new ApiError(500); // ...but here the cluster answers every request with 500
    }) as KubeClient['get'];
    const deps = withConsent(fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '', KUBECTL_GS_TELEMETRY_ENDPOINT: receiver.endpoint }, kube: async () => client }));
    expect(await runCli(['get', 'clusters'], deps, treeWithClusterCommand())).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.signals()).toHaveLength(0);
    const held = new Spool(spoolDir(deps.cacheDir())).claim(10).entries;
    expect(held.map((e) => e.pendingCluster)).toEqual([clusterKey(client.server)]);
  });
});


function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}
