// `kubectl gs get cluster-api`: which Cluster API CRDs (and versions) are installed, and which versions
// of the Cluster API controllers run, read from their pods' images, as the Go kubectl-gs reports them.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube';
import type { TableSpec } from '../../output/printer';
import { defineFlags } from '../../cli/flagTable';
import { getOptions, noHeadersFlag, outputFlags, type GetOptions } from './flags';
import { field } from './labels';

const all = 'All';
const aws = 'AWS';
const azure = 'Azure';
const vsphere = 'vSphere';

/** [display name, CRD name, provider] */
export const capiCrds: Array<[string, string, string]> = [
  ['Cluster', 'clusters.cluster.x-k8s.io', all],
  ['ClusterResourceSet', 'clusterresourcesets.addons.cluster.x-k8s.io', all],
  ['ClusterResourceSetBinding', 'clusterresourcesetbindings.addons.cluster.x-k8s.io', all],
  ['Machine Pool', 'machinepools.cluster.x-k8s.io', all],
  ['Machine Deployment', 'machinedeployments.cluster.x-k8s.io', all],
  ['Machine Set', 'machinesets.cluster.x-k8s.io', all],
  ['Machine', 'machines.cluster.x-k8s.io', all],
  ['Machine Health Check', 'machinehealthchecks.cluster.x-k8s.io', all],
  ['Kubeadm Control Plane', 'kubeadmcontrolplanes.controlplane.cluster.x-k8s.io', all],
  ['Kubeadm Config', 'kubeadmconfigs.bootstrap.cluster.x-k8s.io', all],
  ['Kubeadm Config Template', 'kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io', all],
  ['AWS Cluster', 'awsclusters.infrastructure.cluster.x-k8s.io', aws],
  ['AWS Machine Pools', 'awsmachinepools.infrastructure.cluster.x-k8s.io', aws],
  ['AWS Machine', 'awsmachines.infrastructure.cluster.x-k8s.io', aws],
  ['AWS Machine Template', 'awsmachinetemplates.infrastructure.cluster.x-k8s.io', aws],
  ['Azure Cluster', 'azureclusters.infrastructure.cluster.x-k8s.io', azure],
  ['Azure Machine Pools', 'azuremachinepools.exp.infrastructure.cluster.x-k8s.io', azure],
  ['Azure Machine', 'azuremachines.infrastructure.cluster.x-k8s.io', azure],
  ['Azure Machine Template', 'azuremachinetemplates.infrastructure.cluster.x-k8s.io', azure],
  ['vSphere Cluster', 'vsphereclusters.infrastructure.cluster.x-k8s.io', vsphere],
  ['vSphere Machine', 'vspheremachines.infrastructure.cluster.x-k8s.io', vsphere],
  ['vSphere Machine Template', 'vspheremachinetemplates.infrastructure.cluster.x-k8s.io', vsphere],
  ['vSphere VM', 'vspherevms.infrastructure.cluster.x-k8s.io', vsphere],
  ['vSphere HAProxy', 'haproxyloadbalancers.infrastructure.cluster.x-k8s.io', vsphere],
];

/** [display name, pod label selector, provider]; the version is the image tag of the "manager" container. */
export const capiControllers: Array<[string, string, string]> = [
  ['Core', 'app.kubernetes.io/name=cluster-api-core', all],
  ['Kubeadm Bootstrap', 'app.kubernetes.io/name=cluster-api-bootstrap-provider-kubeadm', all],
  ['Kubeadm Control Plane', 'app.kubernetes.io/name=cluster-api-control-plane', all],
  ['AWS Provider', 'app.kubernetes.io/name=cluster-api-provider-aws,control-plane=capa-controller-manager', aws],
  ['Azure Provider', 'app.kubernetes.io/name=cluster-api-provider-azure', azure],
  ['vSphere Provider', 'app.kubernetes.io/name=cluster-api-provider-vsphere', vsphere],
];

const none = 'NONE';

/** The tag of an image reference ("registry:5000/capi:v1.6.0@sha256:..." gives "v1.6.0"), or NONE. */
export function imageTag(image: string): string {
  const withoutDigest = image.split('@')[0];
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(colon + 1) : none;
}

/** One row per version each known CRD lists (served or not, as Go: spec.versions), NONE for a missing CRD. */
export function crdRows(versionsByCrd: Map<string, string[]>): string[][] {
  return capiCrds.flatMap(([display, crd, provider]) => {
    const versions = versionsByCrd.get(crd);
    return versions?.length ? versions.map((v) => ['CRD', provider, display, v]) : [['CRD', provider, display, none]];
  });
}

/** The version a controller's pods run: the image tag of their "manager" container (the last one wins). */
export function controllerVersion(pods: KubeObject[]): string {
  let version = none;
  for (const pod of pods) {
    const containers = field(pod, 'spec', 'containers');
    for (const c of Array.isArray(containers) ? containers : []) {
      if (c && c.name === 'manager' && typeof c.image === 'string') version = imageTag(c.image);
    }
  }
  return version;
}

export const capiTable: TableSpec = { headers: ['TYPE', 'PROVIDER', 'NAME', 'VERSION'], row: () => [] };

// -o as the Go tool takes it (kubectl's PrintFlags). Go then always prints the table; here json, yaml and
// the templates print the meta.k8s.io/v1 Table that the Go tool builds, so -o is never a no-op.
export const flags = defineFlags({ ...outputFlags, ...noHeadersFlag });

/** The Table object the rows form, as metav1.Table marshals it. */
export function capiTableObject(rows: string[][]): KubeObject {
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: {},
    columnDefinitions: capiTable.headers.map((h) => ({ name: h[0] + h.slice(1).toLowerCase(), type: 'string', format: '', description: '', priority: 0 })),
    rows: rows.map((cells) => ({ cells, object: null })),
  } as unknown as KubeObject;
}

export async function run(opts: GetOptions, deps: Deps): Promise<number> {
  const { parseOutputChoice, getFormats } = await import('../../output/outputChoice');
  // Checked before the network, as every get does; -o name has no name to print for a Table.
  const choice = parseOutputChoice(opts, getFormats.filter((f) => f !== 'name'));
  const client = await deps.kube(opts.global);
  const wanted = new Set(capiCrds.map(([, name]) => name));
  const versionsByCrd = new Map<string, string[]>();
  const crdList = client.listPages<KubeObject>('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { limit: 500 }, (page) => {
    for (const crd of page.items) {
      if (!wanted.has(crd.metadata.name)) continue;
      const versions = field(crd, 'spec', 'versions');
      versionsByCrd.set(crd.metadata.name, Array.isArray(versions) ? versions.map((v) => String(v?.name ?? '')) : []);
    }
  });
  // The controllers' pods, one label selector each, all at once.
  const controllerRows = Promise.all(
    capiControllers.map(async ([display, selector, provider]) => {
      const pods: KubeObject[] = [];
      await client.listPages<KubeObject>('/api/v1/pods', { limit: 500, labelSelector: selector }, (page) => {
        pods.push(...page.items);
      });
      return ['Controller', provider, display, controllerVersion(pods)];
    }),
  );
  const [, controllers] = await Promise.all([crdList, controllerRows]);
  const rows = [...crdRows(versionsByCrd), ...controllers];
  if (choice.format !== 'table') {
    const { printObject } = await import('../../output/printer');
    await printObject(deps.stdout, capiTableObject(rows), { ...choice, table: capiTable, kind: 'Table', group: 'meta.k8s.io' });
    return 0;
  }
  const { TableWriter } = await import('../../output/table');
  const { Sink } = await import('../../output/sink');
  const writer = new TableWriter(new Sink(deps.stdout), { headers: capiTable.headers, noHeaders: opts.noHeaders });
  await writer.writeRows(rows);
  return 0;
}

export const definition = defineCommand({
  name: 'cluster-api',
  aliases: ['capi'],
  describe: 'Display information about Cluster API CRDs and controllers',
  examples: [['$0 get cluster-api', 'Show installed Cluster API CRD versions and controller versions']],
  flags,
  options: getOptions,
  run,
});
