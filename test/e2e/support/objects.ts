// Creating test objects on the shared server without fighting other suites over them: what exists is
// left alone (several suites install the same CRDs), and reading an object back is one call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, kubectlOk } from './env';

export const sharedCrdDir = join(__dirname, '../crds');

/** The Organization CRD alone (for the suites that need no other Giant Swarm CRD). */
export const organizationCrdFile = join(sharedCrdDir, 'giantswarm', 'security.giantswarm.io_organizations.yaml');

/** The upstream App, Catalog, AppCatalogEntry, Release and Organization CRDs (crds/giantswarm/README.md
 *  says from where): every Giant Swarm CRD the suites use. */
export const giantswarmCrdFiles = [
  'application.giantswarm.io_apps.yaml',
  'application.giantswarm.io_catalogs.yaml',
  'application.giantswarm.io_appcatalogentries.yaml',
  'release.giantswarm.io_releases.yaml',
].map((file) => join(sharedCrdDir, 'giantswarm', file)).concat(organizationCrdFile);

/** The CRD names in giantswarmCrdFiles, for installCrdFiles and kubectl wait. */
export const giantswarmCrdNames = [
  'apps.application.giantswarm.io',
  'catalogs.application.giantswarm.io',
  'appcatalogentries.application.giantswarm.io',
  'releases.release.giantswarm.io',
  'organizations.security.giantswarm.io',
];

/** The upstream Cluster API Cluster, MachineDeployment and MachinePool CRDs (crds/cluster-api/README.md). */
export const clusterApiCrdFiles = ['clusters', 'machinedeployments', 'machinepools'].map((plural) => join(sharedCrdDir, 'cluster-api', `cluster.x-k8s.io_${plural}.yaml`));

/** The CRD names in clusterApiCrdFiles. */
export const clusterApiCrdNames = ['clusters', 'machinedeployments', 'machinepools'].map((plural) => `${plural}.cluster.x-k8s.io`);

/** The upstream KubeadmControlPlane (Cluster API) and AWSManagedControlPlane (CAPA) CRDs, the two control
 *  planes `login` reads (crds/cluster-api/README.md and crds/cluster-api-provider-aws/README.md). */
export const controlPlaneCrdFiles = [
  join(sharedCrdDir, 'cluster-api', 'controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml'),
  join(sharedCrdDir, 'cluster-api-provider-aws', 'controlplane.cluster.x-k8s.io_awsmanagedcontrolplanes.yaml'),
];

/** The CRD names in controlPlaneCrdFiles. */
export const controlPlaneCrdNames = ['kubeadmcontrolplanes', 'awsmanagedcontrolplanes'].map((plural) => `${plural}.controlplane.cluster.x-k8s.io`);

/** The references of a Cluster API Cluster on AWS, in the v1beta2 form (apiGroup, kind, name), as CAPA
 *  clusters carry them (the v1beta2 schema wants a non-empty spec and all three fields of a reference). */
export const capaClusterRefs = (name: string) => ({
  infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster', name },
  controlPlaneRef: { apiGroup: 'controlplane.cluster.x-k8s.io', kind: 'KubeadmControlPlane', name },
});

/** giantswarmCrdFiles as one multi-document manifest (for applyCrds). */
export function giantswarmCrds(): string {
  return giantswarmCrdFiles.map((file) => readFileSync(file, 'utf8')).join('\n---\n');
}

/** kubectl create of a manifest (a List or a multi-document YAML); AlreadyExists is not an error. */
export async function createIfMissing(manifest: string | object, extraArgs: string[] = []): Promise<void> {
  const input = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const r = await kubectl(['create', '-f', '-', '-o', 'name', ...extraArgs], { input });
  const unexpected = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('AlreadyExists') && !l.includes('already exists'));
  if (r.code !== 0 && unexpected.length) throw new Error(`kubectl create failed: ${unexpected.join(' ')}`);
}

/** Creates the CRDs of the given fixture files (missing ones only) and waits until they are served. */
export async function installCrdFiles(files: string[], names: string[]): Promise<void> {
  // --validate=false: kubectl checks CRDs against the 1.20 server's OpenAPI, which predates the CEL rules
  // (x-kubernetes-validations) of upstream CRDs; the server itself accepts and ignores them.
  for (const file of files) await createIfMissing(readFileSync(file, 'utf8'), ['--validate=false']);
  await kubectlOk(['wait', '--for', 'condition=Established', '--timeout', '60s', ...names.map((n) => `crd/${n}`)]);
}

/** One object as the server has it now (JSON), e.g. readBack('apps.application.giantswarm.io', 'x', 'ns'). */
export async function readBack(resource: string, name: string, namespace?: string): Promise<any> {
  return JSON.parse(await kubectlOk(['get', resource, name, ...(namespace ? ['-n', namespace] : []), '-o', 'json', '--show-managed-fields']));
}

/** A List of objects, for createIfMissing. */
export const list = (items: object[]) => ({ apiVersion: 'v1', kind: 'List', items });
