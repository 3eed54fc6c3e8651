// The pure parts of `update app` / `update cluster`: the patches Go sends, the Release CR name, Go's time formats.
import { planAppPatch, tarballUrl } from '../../../src/commands/update/appPatch';
import {
  parseScheduledTime, releaseLabelPatch, releaseName, rfc1123, schedulePatch, targetVersion, upgradedValues,
} from '../../../src/commands/update/clusterPlan';
import type { KubeObject } from '../../../src/kube/client';

const obj = (metadata: Partial<KubeObject['metadata']>, spec: object = {}): KubeObject => ({ metadata: { name: 'x', ...metadata }, spec });

describe('planAppPatch', () => {
  it('patches only what differs, and says what it did as Go does', () => {
    const app = obj({}, { version: '1.0.0', catalog: 'a', catalogNamespace: 'ns' });
    expect(planAppPatch(app, { version: '1.1.0', catalog: 'a', catalogNamespace: 'ns' }, false)).toEqual({ patch: { spec: { version: '1.1.0' } }, state: ['version=1.1.0'] });
    expect(planAppPatch(app, { version: '1.1.0', catalog: 'b', catalogNamespace: '' }, false).patch).toEqual({ spec: { version: '1.1.0', catalog: 'b' } });
    expect(planAppPatch(app, { version: '1.0.0' }, false)).toEqual({ patch: {}, state: ['version=1.0.0'] });
  });

  it('touches the Flux annotation only on Apps Flux manages', () => {
    const flux = obj({ labels: { 'kustomize.toolkit.fluxcd.io/name': 'f' } });
    expect(planAppPatch(flux, undefined, true).patch).toEqual({ metadata: { annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' } } });
    const suspended = obj({ labels: { 'kustomize.toolkit.fluxcd.io/name': 'f' }, annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' } });
    expect(planAppPatch(suspended, undefined, false)).toEqual({
      patch: { metadata: { annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': null } } },
      state: ['removed annotations["kustomize.toolkit.fluxcd.io/reconcile"]'],
    });
    expect(planAppPatch(obj({}), undefined, true)).toEqual({ patch: {}, state: [] });
  });

  it('builds chart archive URLs as appcatalog.NewTarballURL does', () => {
    expect(tarballUrl('https://example.com/charts/', 'hello', '1.2.3')).toBe('https://example.com/charts/hello-1.2.3.tgz');
    expect(tarballUrl('https://example.com', 'hello', '1.2.3')).toBe('https://example.com/hello-1.2.3.tgz');
    expect(tarballUrl('oci://reg.example.com/charts/', 'hello', '1.2.3')).toBe('oci://reg.example.com/charts/hello:1.2.3');
  });
});

describe('update cluster plans', () => {
  it('takes versions with or without v, and nothing else', () => {
    expect(targetVersion('v25.0.0')).toBe('25.0.0');
    expect(targetVersion('25.1.0-alpha.1')).toBe('25.1.0-alpha.1');
    expect(() => targetVersion('25')).toThrow('--release-version "25" is not a release version');
  });

  it('names the Release CR by provider, infrastructure kind, or the v prefix of older clusters', () => {
    const capa = obj({ labels: { 'cluster.x-k8s.io/watch-filter': 'capi' } }, { infrastructureRef: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2', kind: 'AWSCluster' } });
    expect(releaseName(capa, '25.0.0', undefined)).toBe('aws-25.0.0');
    expect(releaseName(capa, '25.0.0', 'capz')).toBe('azure-25.0.0');
    const v1beta2 = obj({}, { infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'VCDCluster' } });
    expect(releaseName(v1beta2, '25.0.0', undefined)).toBe('cloud-director-25.0.0');
    const vintage = obj({}, { infrastructureRef: { apiVersion: 'infrastructure.giantswarm.io/v1alpha3', kind: 'AWSCluster' } });
    expect(releaseName(vintage, '16.1.0', undefined)).toBe('v16.1.0');
    const unknown = obj({ labels: { 'cluster.x-k8s.io/watch-filter': 'capi' } }, { infrastructureRef: { apiVersion: 'x/v1', kind: 'OddCluster' } });
    expect(() => releaseName(unknown, '1.0.0', undefined)).toThrow('give --provider');
    expect(() => releaseName(capa, '1.0.0', 'gcp')).toThrow('--provider "gcp" is not known');
  });

  it("parses Go's 2006-01-02 15:04 layout strictly, in UTC", () => {
    expect(parseScheduledTime('2022-01-01 10:00').annotation).toBe('01 Jan 22 10:00 UTC');
    expect(parseScheduledTime('2024-02-29 7:05').time.toISOString()).toBe('2024-02-29T07:05:00.000Z');
    for (const bad of ['2023-02-29 10:00', '2022-1-01 10:00', '2022-01-01 24:00', '2022-01-01T10:00', '2022-01-01 10:00:00']) {
      expect(() => parseScheduledTime(bad)).toThrow("please use 'YYYY-MM-DD HH:MM'");
    }
    const t = new Date(Date.UTC(2030, 0, 2, 10, 0));
    expect(rfc1123(t, false)).toBe('Wed, 02 Jan 2030 10:00:00 UTC');
    expect(rfc1123(t, true, 'UTC')).toBe('Wed, 02 Jan 2030 10:00:00 UTC');
    expect(rfc1123(t, true, 'America/New_York')).toBe('Wed, 02 Jan 2030 05:00:00 EST');
  });

  it('sends the JSON patches Go sends', () => {
    const schedule = parseScheduledTime('2022-01-01 10:00');
    expect(schedulePatch(obj({}), '25.0.0', schedule)).toEqual([
      { op: 'add', path: '/metadata/annotations', value: {} },
      { op: 'add', path: '/metadata/annotations/alpha.giantswarm.io~1update-schedule-target-release', value: '25.0.0' },
      { op: 'add', path: '/metadata/annotations/alpha.giantswarm.io~1update-schedule-target-time', value: '01 Jan 22 10:00 UTC' },
    ]);
    expect(schedulePatch(obj({ annotations: {} }), '25.0.0', schedule)).toHaveLength(2);
    expect(releaseLabelPatch(obj({ labels: {} }), '25.0.0')).toEqual([{ op: 'add', path: '/metadata/labels/release.giantswarm.io~1version', value: '25.0.0' }]);
    expect(upgradedValues('a:\n  version: 1.0.0\nb:\n  version: 1.0.0\n', '1.0.0', '2.0.0')).toBe('a:\n  version: 2.0.0\nb:\n  version: 2.0.0\n');
  });
});
