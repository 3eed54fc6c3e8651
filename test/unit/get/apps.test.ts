import { app, gs } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

describe('get apps', () => {
  const kube = () =>
    new FakeKube({ namespace: 'org-acme' }).add(
      'apps',
      app('coredns', 'org-acme', { version: '1.17.0', lastDeployed: '2026-11-23T11:00:00Z', status: 'deployed' }),
      app('broken', 'org-acme', { version: '0.1.0', lastDeployed: '2026-11-20T12:00:00Z', status: 'failed', reason: 'resource already exists\nsecond line' }),
      app('pending', 'org-acme'),
    );

  it('lists apps with their last deployment, and the deprecation notice on stderr', async () => {
    const r = await gs(kube(), 'get', 'apps');
    expectGolden('apps_table.txt', r.out);
    expect(r.err).toBe('Command "apps" is deprecated, currently without replacement\n');
  });

  it('says the CRD is missing when App is not served', async () => {
    const r = await gs(new FakeKube({ groups: {} }), 'get', 'app');
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: the server does not serve apps.application.giantswarm.io (application.giantswarm.io/v1alpha1; is the App CRD installed?)');
  });
});
