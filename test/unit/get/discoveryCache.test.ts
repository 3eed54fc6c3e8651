import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cluster, gsWith } from './fixtures';
import { FakeKube } from './fakeKube';

const discover = (k: FakeKube) => k.requests.filter((r) => r.startsWith('DISCOVER')).length;

describe('discovery cache (as kubectl keeps ~/.kube/cache/discovery)', () => {
  const kube = (opts: ConstructorParameters<typeof FakeKube>[0] = { groups: { 'cluster.x-k8s.io': 'v1beta1' } }) =>
    new FakeKube(opts).add('clusters', cluster('a', 'default'));

  it('asks the server for the preferred version once, then reads it from the cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kgs-disc-'));
    const k = kube();
    expect((await gsWith(k, { cacheDir: () => cacheDir }, 'get', 'clusters', '-o', 'name')).out).toBe('cluster.cluster.x-k8s.io/a\n');
    expect((await gsWith(k, { cacheDir: () => cacheDir }, 'get', 'clusters', '-o', 'name')).out).toBe('cluster.cluster.x-k8s.io/a\n');
    expect(discover(k)).toBe(1);
    expect(readdirSync(join(cacheDir, 'discovery'))).toHaveLength(1);
  });

  it('asks again after 6 hours', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kgs-disc-'));
    const k = kube();
    await gsWith(k, { cacheDir: () => cacheDir }, 'get', 'clusters');
    await gsWith(k, { cacheDir: () => cacheDir, now: () => new Date('2026-11-23T18:00:01Z') }, 'get', 'clusters');
    expect(discover(k)).toBe(2);
  });

  it('forgets a cached version the server no longer serves, and retries with the fresh one', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kgs-disc-'));
    await gsWith(kube(), { cacheDir: () => cacheDir }, 'get', 'clusters');
    // The server was upgraded: v1beta2 only.
    const upgraded = kube({ groups: { 'cluster.x-k8s.io': 'v1beta2' }, servedVersions: { 'cluster.x-k8s.io': ['v1beta2'] } });
    const r = await gsWith(upgraded, { cacheDir: () => cacheDir }, 'get', 'clusters', '-o', 'name');
    expect(r.code).toBe(0);
    expect(r.out).toBe('cluster.cluster.x-k8s.io/a\n');
    expect(upgraded.requests).toEqual([
      'LIST /apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters',
      'DISCOVER cluster.x-k8s.io',
      'LIST /apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters',
    ]);
    // ... and for a named object, whose 404 does not say which of the two went missing.
    const again = kube({ groups: { 'cluster.x-k8s.io': 'v1beta2' }, servedVersions: { 'cluster.x-k8s.io': ['v1beta2'] } });
    const dir2 = mkdtempSync(join(tmpdir(), 'kgs-disc-'));
    await gsWith(kube(), { cacheDir: () => dir2 }, 'get', 'clusters');
    const one = await gsWith(again, { cacheDir: () => dir2 }, 'get', 'cluster', 'a', '-o', 'name');
    expect(one.out).toBe('cluster.cluster.x-k8s.io/a\n');
  });
});
