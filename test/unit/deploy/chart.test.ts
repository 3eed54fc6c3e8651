// The pure parts of `deploy chart`: Go's flag checks, names, versions, and the diff shown before changes.
import { chartSettings, organizationNamespace, splitOciUrlPrefix, type ChartFlagValues } from '../../../src/commands/deploy/chartOptions';
import { diffObjects, unifiedDiff } from '../../../src/commands/deploy/diff';
import { clusterNameFromContext, latestSemverTag, registrySecret, semverRange, storageApiVersion } from '../../../src/commands/deploy/manifests';

const flags = (over: Partial<ChartFlagValues> = {}): ChartFlagValues => ({
  chartName: 'hello', organization: 'acme', targetCluster: 'wc1', targetNamespace: 'hello', ociUrlPrefix: 'oci://gsoci.azurecr.io/charts/giantswarm/',
  interval: '10m', valuesFrom: [], managementCluster: false, dryRun: false, yes: false, ...over,
});

describe('deploy chart flags', () => {
  it('normalizes as Go does', () => {
    const s = chartSettings(flags({ ociUrlPrefix: 'example.com/charts', interval: '90s', valuesFrom: ['configmap/a', 'SECRET/b'] }));
    expect(s.ociUrlPrefix).toBe('oci://example.com/charts/');
    expect(s.interval).toBe('1m30s');
    expect(s.valuesFrom).toEqual([{ kind: 'ConfigMap', name: 'a' }, { kind: 'Secret', name: 'b' }]);
  });

  it.each([
    [{ chartName: '' }, '--chart-name must not be empty'],
    [{ chartName: 'a/b' }, "--chart-name must not contain '/'"],
    [{ managementCluster: true }, '--management-cluster and --target-cluster are mutually exclusive'],
    [{ targetCluster: undefined }, '--target-cluster must not be empty (or use --management-cluster)'],
    [{ version: '1.2' }, '--version must be a valid semver version (e.g. 1.2.3), got "1.2"'],
    [{ autoUpgrade: 'major' }, '--auto-upgrade must be one of: all, minor, patch'],
    [{ registryProvider: 'aws', registryUsername: 'u' }, '--registry-provider and --registry-username are mutually exclusive'],
    [{ valuesFrom: ['Deployment/x'] }, 'has invalid kind "Deployment"'],
    [{ interval: 'soon' }, '--interval "soon" is not a duration'],
  ])('refuses %o', (over, message) => {
    expect(() => chartSettings(flags(over as Partial<ChartFlagValues>))).toThrow(message);
  });

  it('names registry, repository and organization namespace as Go does', () => {
    expect(splitOciUrlPrefix('oci://gsoci.azurecr.io/charts/giantswarm/', 'hello')).toEqual({ registry: 'gsoci.azurecr.io', repository: 'charts/giantswarm/hello' });
    expect(splitOciUrlPrefix('oci://localhost:5000/', 'hello')).toEqual({ registry: 'localhost:5000', repository: 'hello' });
    expect(organizationNamespace('Acme_Corp..x')).toBe('org-acme-corp-x');
    expect(clusterNameFromContext('gs-golem')).toBe('golem');
    expect(clusterNameFromContext('teleport.giantswarm.io-golem')).toBe('golem');
    expect(clusterNameFromContext('kind-local')).toBe('kind-local');
  });
});

describe('versions', () => {
  it('picks the highest release tag, skipping pre-releases and non-semver tags', () => {
    expect(latestSemverTag(['1.2.0', '1.10.0', 'v1.9.9', '2.0.0-rc.1', 'latest', 'sha-abc'])).toBe('1.10.0');
    expect(latestSemverTag(['v3', '2.9.9'])).toBe('v3');
    expect(latestSemverTag(['latest'])).toBeUndefined();
  });

  it('turns --auto-upgrade into the range Flux follows', () => {
    expect(semverRange('1.2.3', 'patch')).toBe('1.2.x');
    expect(semverRange('v1.2.3', 'minor')).toBe('1.x');
    expect(semverRange('', 'all')).toBe('*');
  });

  it("reads a CRD's storage version, else its first served one", () => {
    expect(storageApiVersion({ spec: { group: 'g', versions: [{ name: 'v1beta2', served: true }, { name: 'v1', served: true, storage: true }] } })).toBe('g/v1');
    expect(storageApiVersion({ spec: { group: 'g', versions: [{ name: 'v2beta1', served: true }] } })).toBe('g/v2beta1');
    expect(storageApiVersion({ spec: { group: 'g', versions: [] } })).toBeUndefined();
  });
});

describe('diff', () => {
  it("prints difflib's unified format with 3 lines of context", () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\n';
    const b = 'a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n';
    expect(unifiedDiff(a, b, 'x (existing)', 'x (desired)')).toBe('--- x (existing)\n+++ x (desired)\n@@ -2,8 +2,9 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n+j\n');
    expect(unifiedDiff(a, a, 'x', 'y')).toBe('');
  });

  it('ignores what the server maintains and never shows Secret values', () => {
    const desired = registrySecret({ name: 's', namespace: 'n', clusterName: 'c', registry: 'r', username: 'u', password: 'hunter2' });
    const existing = { ...desired, metadata: { ...desired.metadata, resourceVersion: '7', uid: 'x', managedFields: [] } };
    expect(diffObjects('n/s', existing, desired)).toBe('');
    const changed = registrySecret({ name: 's', namespace: 'n', clusterName: 'c', registry: 'r', username: 'u', password: 'other' });
    const d = diffObjects('n/s', existing, changed);
    expect(d).toContain('-  .dockerconfigjson: (redacted)\n+  .dockerconfigjson: (redacted, changed)\n');
    expect(d).not.toMatch(/hunter2|other|aHVudGVy/);
  });
});
