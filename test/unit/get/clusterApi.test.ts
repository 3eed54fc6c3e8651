import type { KubeObject } from '../../../src/kube/client';
import { controllerVersion, imageTag } from '../../../src/commands/get/clusterApi';
import { gs } from './fixtures';
import { FakeKube } from './fakeKube';
import { expectGolden } from './golden';

const crd = (name: string, versions: string[]): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name },
  spec: { versions: versions.map((v) => ({ name: v })) },
});
const pod = (name: string, labels: Record<string, string>, image: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'giantswarm', labels },
  spec: { containers: [{ name: 'kube-rbac-proxy', image: 'proxy:v0.1' }, { name: 'manager', image }] },
});

describe('get cluster-api', () => {
  it('shows CRD versions and controller versions (NONE when missing)', async () => {
    const k = new FakeKube()
      .add('customresourcedefinitions', crd('clusters.cluster.x-k8s.io', ['v1beta1', 'v1beta2']), crd('machinepools.cluster.x-k8s.io', ['v1beta1']), crd('widgets.example.com', ['v1']))
      .add('pods', pod('capi-core', { 'app.kubernetes.io/name': 'cluster-api-core' }, 'gsoci.azurecr.io/giantswarm/cluster-api-controller:v1.6.5'));
    const r = await gs(k, 'get', 'capi');
    expect(r.code).toBe(0);
    expectGolden('capi_table.txt', r.out);
  });

  it('takes the tag of an image, not a registry port', () => {
    expect(imageTag('registry:5000/capi:v1.6.0@sha256:abc')).toBe('v1.6.0');
    expect(imageTag('registry:5000/capi')).toBe('NONE');
    expect(controllerVersion([])).toBe('NONE');
  });
});
