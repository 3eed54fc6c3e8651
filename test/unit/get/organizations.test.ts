import { gs, organization } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

describe('get organizations', () => {
  it('lists organizations and their namespaces', async () => {
    const k = new FakeKube().add('organizations', organization('test-1'), organization('test-2'), organization('test-3'));
    for (const alias of ['organizations', 'organization', 'orgs', 'org']) {
      const r = await gs(k, 'get', alias);
      expectGolden('organizations_table.txt', r.out);
    }
  });

  it('falls back to the organizations the user may get by name when listing is forbidden', async () => {
    const k = new FakeKube({
      forbidden: ['/apis/security.giantswarm.io/v1alpha1/organizations?', '/apis/security.giantswarm.io/v1alpha1/organizations/test-1'],
      rules: [{ verbs: ['get'], apiGroups: ['security.giantswarm.io'], resources: ['organizations'], resourceNames: ['test-2'] }],
    }).add('organizations', organization('test-1'), organization('test-2'));
    // Listing (the bare collection path) is forbidden, getting test-2 is not.
    (k as unknown as { check: (p: string) => void }).check = (p: string) => {
      if (p.endsWith('/organizations')) throw Object.assign(new Error('forbidden'), { code: 403 });
    };
    const r = await gs(k, 'get', 'orgs');
    expect(r.code).toBe(0);
    expect(r.out).toBe('NAME     ORG NAMESPACE   AGE\ntest-2   org-test-2      10h\n');
    expect(k.requests).toContain('POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews');
  });

  it('says so when there are none', async () => {
    const r = await gs(new FakeKube({ groups: { 'security.giantswarm.io': 'v1alpha1' } }), 'get', 'orgs');
    expectGolden('organizations_none.txt', r.err);
  });
});
