// Is the version `update app --version` asks for available? The Go kubectl-gs's three steps
// (pkg/data/domain/app, findVersion):
//   1. an AppCatalogEntry for the chart and version, in any namespace: it also names the catalog;
//   2. else the App's Catalog (its namespace, or default then giantswarm) must exist and have a latest
//      AppCatalogEntry for the chart (entries are kept for the few newest versions only);
//   3. then the chart archive in the catalog's first repository must answer a HEAD request.
// Go takes any answer but 404 in step 3 as "there"; here only a 2xx is, so an unreachable or failing
// repository is reported instead of an App pointed at a version nobody could check.
import { UserError } from '../../cli/errors';
import { getObject, resourcePath, type KubeClient, type KubeList, type KubeObject } from '../../kube';
import { tarballUrl, type FoundVersion } from './appPatch';

const group = 'application.giantswarm.io';
const aceType = { group, version: 'v1alpha1', plural: 'appcatalogentries' };
const catalogType = { group, version: 'v1alpha1', plural: 'catalogs' };

/** Go's noResourcesError: the message the Go runner prints for it. */
export class VersionNotFound extends UserError {}

export function versionNotFound(appName: string, version: string): VersionNotFound {
  return new VersionNotFound(
    `No app with the name '${appName}' and the version '${version}' found in the catalog; 'kubectl gs get catalog CATALOG' lists the versions it has`,
  );
}

function spec(obj: KubeObject): Record<string, unknown> {
  return (obj.spec as Record<string, unknown> | undefined) ?? {};
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

async function entries(client: KubeClient, labelSelector: string): Promise<KubeObject[]> {
  const list = await client.get<KubeList>(resourcePath(aceType, undefined), { labelSelector });
  return list?.items ?? [];
}

export async function findVersion(client: KubeClient, app: KubeObject, version: string): Promise<FoundVersion> {
  const chart = str(spec(app).name);
  const byVersion = await entries(client, `app.kubernetes.io/name=${chart},app.kubernetes.io/version=${version}`);
  if (byVersion.length > 0) {
    const catalog = spec(byVersion[0]).catalog as { name?: unknown; namespace?: unknown } | undefined;
    return { version, catalog: str(catalog?.name), catalogNamespace: str(catalog?.namespace) };
  }

  const catalogName = str(spec(app).catalog);
  const catalogNamespace = str(spec(app).catalogNamespace);
  const namespaces = catalogNamespace ? [catalogNamespace] : ['default', 'giantswarm'];
  let catalog: KubeObject | undefined;
  for (const ns of namespaces) {
    catalog = (await getObject(client, resourcePath(catalogType, ns, catalogName))) ?? catalog;
  }
  if (!catalog) {
    throw new UserError(`the App's catalog "${catalogName}" does not exist in namespace ${namespaces.map((n) => `"${n}"`).join(' or ')}; check spec.catalog of the App`);
  }
  const latest = await entries(client, `application.giantswarm.io/catalog=${catalogName},app.kubernetes.io/name=${chart},latest=true`);
  if (latest.length === 0) throw versionNotFound(app.metadata.name, version);

  // Catalogs list their repositories (the first is the primary); spec.storage is the legacy field.
  const repositories = spec(catalog).repositories;
  const first = Array.isArray(repositories) ? str((repositories[0] as { URL?: unknown } | undefined)?.URL) : '';
  const storage = str((spec(catalog).storage as { URL?: unknown } | undefined)?.URL);
  const repositoryUrl = first || storage;
  if (!repositoryUrl) throw new UserError(`catalog "${catalogName}" has no repository URL (spec.repositories or spec.storage.URL); cannot check version ${version}`);
  await checkArchive(app.metadata.name, repositoryUrl, chart, version);
  return { version };
}

async function checkArchive(appName: string, repositoryUrl: string, chart: string, version: string): Promise<void> {
  const url = tarballUrl(repositoryUrl, chart, version);
  if (url.startsWith('oci:')) {
    const { ociTagExists } = await import('../../registry');
    if (!(await ociTagExists(url))) throw versionNotFound(appName, version);
    return;
  }
  const { httpRequest } = await import('../../registry');
  const res = await httpRequest(url, { method: 'HEAD' });
  if (res.status === 404) throw versionNotFound(appName, version);
  if (res.status < 200 || res.status >= 300) {
    throw new UserError(`unable to get the app, the catalog repository answered ${res.status} for ${url}; try again later or check the catalog's URL`);
  }
}
