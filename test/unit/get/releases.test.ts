import { gs, release } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

function kube(): FakeKube {
  return new FakeKube().add(
    'releases',
    release('aws-25.0.0', 'active', { kubernetes: '1.25.16', flatcar: '3510.2.6', cilium: '1.13.0', coredns: '1.17.0', 'observability-bundle': '0.8.9', 'security-bundle': '1.0.0' }),
    release('aws-24.0.0', 'deprecated', { kubernetes: '1.24.17', coredns: '1.15.0' }),
    release('aws-26.0.0', undefined, {}),
  );
}

describe('get releases', () => {
  it('lists releases with component versions, cluster-scoped (no namespace)', async () => {
    const k = kube();
    const r = await gs(k, 'get', 'releases', '-n', 'ignored');
    expectGolden('releases_table.txt', r.out);
    expect(k.requests).toEqual(['LIST /apis/release.giantswarm.io/v1alpha1/releases']);
  });

  it('shows only active releases with --active-only', async () => {
    const r = await gs(kube(), 'get', 'releases', '--active-only', '-o', 'name');
    expect(r.out).toBe('release.release.giantswarm.io/aws-25.0.0\n');
  });

  it('gets one release by name and fails for an inactive one with --active-only', async () => {
    const one = await gs(kube(), 'get', 'release', 'aws-24.0.0', '-o', 'yaml');
    expect(one.out).toContain('name: aws-24.0.0\n');
    const inactive = await gs(kube(), 'get', 'release', 'aws-24.0.0', '--active-only');
    expect(inactive.code).toBe(1);
    expect(inactive.err).toBe('error: releases.release.giantswarm.io "aws-24.0.0" not found\n');
  });

  it('accepts and ignores -A (releases are cluster-scoped), as kubectl does', async () => {
    const r = await gs(kube(), 'get', 'releases', '-A', '--no-headers');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^aws-24\.0\.0 /);
  });
});
