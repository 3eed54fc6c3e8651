import { catalog, catalogEntry, gs } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

function kube(): FakeKube {
  return new FakeKube()
    .add(
      'catalogs',
      catalog('giantswarm', 'default', ['https://giantswarm.github.io/giantswarm-catalog/', 'oci://giantswarmpublic.azurecr.io/giantswarm-catalog/']),
      catalog('internal', 'giantswarm', ['https://example.com/internal/']),
      catalog('legacy', 'default', [], 'https://example.com/legacy/'),
    )
    .add(
      'appcatalogentries',
      catalogEntry('giantswarm', 'ingress-nginx', '3.0.0', 'v1.8.1', 'Ingress controller for Kubernetes using NGINX as a reverse proxy and load balancer, a rather long description'),
      catalogEntry('giantswarm', 'ingress-nginx', '2.9.0', 'v1.8.0', 'old', false),
      catalogEntry('other', 'x', '1.0.0', '1.0.0', 'other catalog'),
    );
}

describe('get catalogs', () => {
  it('lists catalogs with their URLs; -A hides the internal giantswarm namespace', async () => {
    const here = await gs(kube(), 'get', 'catalogs');
    expectGolden('catalogs_table.txt', here.out);
    expect(here.err).toBe('Command "catalogs" is deprecated, without replacement\n');
    const all = await gs(kube(), 'get', 'catalogs', '-A', '-o', 'name');
    expect(all.out).toBe('catalog.application.giantswarm.io/giantswarm\ncatalog.application.giantswarm.io/legacy\n');
  });

  it('shows the latest app versions of one catalog', async () => {
    const r = await gs(kube(), 'get', 'catalog', 'giantswarm', '--max-col-width', '40');
    expectGolden('catalog_entries_table.txt', r.out);
  });

  it('prints the Catalog itself for -o yaml', async () => {
    const r = await gs(kube(), 'get', 'catalog', 'giantswarm', '-o', 'yaml');
    expect(r.out).toMatch(/^apiVersion: application.giantswarm.io\/v1alpha1\nkind: Catalog\n/);
  });

  it('finds a catalog in "default" or "giantswarm" with -A', async () => {
    const r = await gs(kube(), 'get', 'catalog', 'internal', '-A', '-o', 'name');
    expect(r.out).toBe('catalog.application.giantswarm.io/internal\n');
  });
});
