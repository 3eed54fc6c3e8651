// `kubectl gs update app` and `kubectl gs update cluster` (alias upgrade), built executable through the
// real kubectl, against the real kube-apiserver: every write is made by the server, read back with kubectl,
// and carries the field manager kubectl-gs. Bad input (missing App, Cluster, Release, version, a bad time)
// is one line on stderr, a non-zero exit, and the objects unchanged (same resourceVersion).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kubectlGs, kubectlOk } from '../support/env';
import { clusterApiCrdFiles, clusterApiCrdNames, createIfMissing, giantswarmCrdFiles, giantswarmCrdNames, installCrdFiles, list, readBack } from '../support/objects';

const ns = 'e2e-update';
const appsRes = 'apps.application.giantswarm.io';
const clustersRes = 'clusters.cluster.x-k8s.io';
// Loopback only, whatever proxy the machine has configured.
const env = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', TZ: 'UTC' };
const deprecation = 'Command "app" is deprecated, currently without replacement\n';

let repo: Server;
let repoUrl: string;
const repoRequests: string[] = [];

const app = (name: string, chart: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string>; catalog?: string } = {}) => ({
  apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'App',
  metadata: { name, namespace: ns, labels: extra.labels ?? {}, annotations: extra.annotations ?? {} },
  spec: { catalog: extra.catalog ?? 'e2e-upd-catalog', catalogNamespace: ns, name: chart, namespace: 'apps', version: '1.0.0', kubeConfig: { inCluster: true } },
});

const entry = (chart: string, version: string, catalog: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'AppCatalogEntry',
  metadata: {
    name: `${catalog}-${chart}-${version}`, namespace: ns,
    labels: { 'app.kubernetes.io/name': chart, 'app.kubernetes.io/version': version, 'application.giantswarm.io/catalog': catalog, ...labels },
  },
  spec: { appName: chart, appVersion: version, version, catalog: { name: catalog, namespace: ns }, dateCreated: '2026-01-01T00:00:00Z', dateUpdated: '2026-01-01T00:00:00Z' },
});

// v1beta2, the version the upstream CRD stores (the test server has no conversion webhook to turn a v1beta1
// object into it: crds/cluster-api/README.md); the infrastructure reference names its API group.
const capi = (name: string, labels: Record<string, string>, infra: { apiGroup: string; kind: string }) => ({
  apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster',
  metadata: { name, namespace: ns, labels: { 'release.giantswarm.io/version': '76.0.0', ...labels } },
  spec: { infrastructureRef: { ...infra, name } },
});

const release = (name: string) => ({ apiVersion: 'release.giantswarm.io/v1alpha1', kind: 'Release', metadata: { name }, spec: { state: 'active', date: '2026-01-01T00:00:00Z', components: [{ name: 'kubernetes', version: '1.33.4' }], apps: [] } });

const userconfig = (cluster: string) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${cluster}-userconfig`, namespace: ns },
  data: { values: 'global:\n  metadata:\n    name: x\n  release:\n    version: 76.0.0\n' },
});

/** The managers that wrote an object, from its managedFields. */
const managers = (obj: { metadata: { managedFields?: { manager: string }[] } }) => (obj.metadata.managedFields ?? []).map((m) => m.manager);

beforeAll(async () => {
  await installCrdFiles([...clusterApiCrdFiles, ...giantswarmCrdFiles], [...clusterApiCrdNames, ...giantswarmCrdNames]);
  // A chart repository on loopback: the archive of hello-web 1.3.0 exists, nothing else does.
  repo = createServer((req, res) => {
    repoRequests.push(`${req.method} ${req.url}`);
    res.statusCode = req.url === '/charts/hello-web-1.3.0.tgz' ? 200 : req.url?.startsWith('/broken/') ? 500 : 404;
    res.end();
  });
  await new Promise<void>((r) => repo.listen(0, '127.0.0.1', () => r()));
  repoUrl = `http://127.0.0.1:${(repo.address() as AddressInfo).port}`;

  await createIfMissing(list([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]));
  await createIfMissing(list([
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'Catalog', metadata: { name: 'e2e-upd-catalog', namespace: ns },
      spec: { title: 'e2e', description: 'e2e', logoURL: '', repositories: [{ type: 'helm', URL: `${repoUrl}/charts/` }], storage: { type: 'helm', URL: `${repoUrl}/charts/` } } },
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'Catalog', metadata: { name: 'e2e-upd-broken', namespace: ns },
      spec: { title: 'e2e', description: 'e2e', logoURL: '', repositories: [{ type: 'helm', URL: `${repoUrl}/broken/` }], storage: { type: 'helm', URL: `${repoUrl}/broken/` } } },
    entry('hello-ace', '1.2.0', 'e2e-upd-other'),
    entry('hello-web', '1.1.0', 'e2e-upd-catalog', { latest: 'true' }),
    entry('hello-broken', '1.1.0', 'e2e-upd-broken', { latest: 'true' }),
    app('ace', 'hello-ace'),
    app('web', 'hello-web'),
    app('broken', 'hello-broken', { catalog: 'e2e-upd-broken' }),
    app('flux', 'hello-flux', { labels: { 'kustomize.toolkit.fluxcd.io/name': 'flux-system' } }),
    release('aws-77.0.0'),
    release('v77.0.0'),
    capi('vintage', {}, { apiGroup: 'infrastructure.giantswarm.io', kind: 'AWSCluster' }),
    capi('capi', { 'cluster.x-k8s.io/watch-filter': 'capi' }, { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster' }),
    capi('sched', { 'cluster.x-k8s.io/watch-filter': 'capi' }, { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster' }),
    capi('noconfig', { 'cluster.x-k8s.io/watch-filter': 'capi' }, { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: 'AWSCluster' }),
    userconfig('capi'),
  ]));
});

afterAll(async () => {
  await new Promise<void>((r) => repo.close(() => r()));
});

describe('kubectl gs update app', () => {
  it('sets the version and the catalog an AppCatalogEntry names, as a merge patch by kubectl-gs', async () => {
    const r = await kubectlGs(['update', 'app', '--name', 'ace', '-n', ns, '--version', '1.2.0'], { env });
    expect(r.stderr).toBe(deprecation);
    expect(r.stdout).toBe(`App "ace" in namespace "${ns}" updated with version=1.2.0\n`);
    expect(r.code).toBe(0);
    const after = await readBack(appsRes, 'ace', ns);
    expect(after.spec.version).toBe('1.2.0');
    expect(after.spec.catalog).toBe('e2e-upd-other');
    expect(managers(after)).toContain('kubectl-gs');
  });

  it("checks the catalog repository's chart archive when no entry lists the version", async () => {
    repoRequests.length = 0;
    const r = await kubectlGs(['update', 'app', '--name', 'web', '-n', ns, '--version', '1.3.0', '-o', 'jsonpath={.spec.version}'], { env });
    expect(r.stderr).toBe(deprecation);
    expect(r.stdout).toBe('1.3.0');
    expect(r.code).toBe(0);
    expect(repoRequests).toEqual(['HEAD /charts/hello-web-1.3.0.tgz']);
    expect((await readBack(appsRes, 'web', ns)).spec).toMatchObject({ version: '1.3.0', catalog: 'e2e-upd-catalog' });
  });

  it('a version the repository does not have: one line, exit 1, the App unchanged', async () => {
    const before = await readBack(appsRes, 'web', ns);
    const r = await kubectlGs(['update', 'app', '--name', 'web', '-n', ns, '--version', '9.9.9'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${deprecation}error: No app with the name 'web' and the version '9.9.9' found in the catalog; 'kubectl gs get catalog CATALOG' lists the versions it has\n`);
    expect((await readBack(appsRes, 'web', ns)).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('a repository that fails: one line, exit 1, the App unchanged', async () => {
    const before = await readBack(appsRes, 'broken', ns);
    const r = await kubectlGs(['update', 'app', '--name', 'broken', '-n', ns, '--version', '2.0.0'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toContain('error: unable to get the app, the catalog repository answered 500');
    expect((await readBack(appsRes, 'broken', ns)).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('suspends and resumes Flux reconciliation of an App Flux manages', async () => {
    const suspend = await kubectlGs(['update', 'app', '--name', 'flux', '-n', ns, '--suspend-reconciliation'], { env });
    expect(suspend.stdout).toBe(`App "flux" in namespace "${ns}" updated with added annotations["kustomize.toolkit.fluxcd.io/reconcile"]=disabled\n`);
    expect(suspend.code).toBe(0);
    expect((await readBack(appsRes, 'flux', ns)).metadata.annotations['kustomize.toolkit.fluxcd.io/reconcile']).toBe('disabled');

    const resume = await kubectlGs(['update', 'app', '--name', 'flux', '-n', ns], { env });
    expect(resume.stdout).toBe(`App "flux" in namespace "${ns}" updated with removed annotations["kustomize.toolkit.fluxcd.io/reconcile"]\n`);
    expect(resume.code).toBe(0);
    expect((await readBack(appsRes, 'flux', ns)).metadata.annotations ?? {}).not.toHaveProperty(['kustomize.toolkit.fluxcd.io/reconcile']);
  });

  it('a missing App: one line, exit 1', async () => {
    const r = await kubectlGs(['update', 'app', '--name', 'nope', '-n', ns, '--version', '1.0.0'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${deprecation}error: An app with name 'nope' cannot be found in the '${ns}' namespace; give its namespace with -n (kubectl gs get apps -A lists all)\n`);
  });

  it('-o name prints what kubectl prints for the App', async () => {
    const r = await kubectlGs(['update', 'app', '--name', 'ace', '-n', ns, '-o', 'name'], { env });
    expect(r.stdout).toBe('app.application.giantswarm.io/ace\n');
    expect(r.code).toBe(0);
  });
});

describe('kubectl gs update cluster', () => {
  it('sets the release label of a cluster that is not Cluster API managed (JSON patch by kubectl-gs)', async () => {
    const r = await kubectlGs(['update', 'cluster', '--name', 'vintage', '-n', ns, '--release-version', '77.0.0'], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("Cluster 'vintage' is updated to release version '77.0.0'\n\n");
    expect(r.code).toBe(0);
    const after = await readBack(clustersRes, 'vintage', ns);
    expect(after.metadata.labels['release.giantswarm.io/version']).toBe('77.0.0');
    expect(managers(after)).toContain('kubectl-gs');
  });

  it("changes the version in a Cluster API cluster's userconfig values, not the label", async () => {
    const r = await kubectlGs(['upgrade', 'cluster', '--name', 'capi', '-n', ns, '--release-version', 'v77.0.0'], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("Cluster 'capi' is updated to release version '77.0.0'\n\n");
    expect(r.code).toBe(0);
    const cm = await readBack('configmap', 'capi-userconfig', ns);
    expect(cm.data.values).toBe('global:\n  metadata:\n    name: x\n  release:\n    version: 77.0.0\n');
    expect(managers(cm)).toContain('kubectl-gs');
    expect((await readBack(clustersRes, 'capi', ns)).metadata.labels['release.giantswarm.io/version']).toBe('76.0.0');
  });

  it('schedules an upgrade with the two annotations', async () => {
    const r = await kubectlGs(['update', 'cluster', '--name', 'sched', '-n', ns, '--release-version', '77.0.0', '--scheduled-time', '2030-01-02 10:00'], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('An upgrade of cluster sched to release 77.0.0 has been scheduled for\n\n    Wed, 02 Jan 2030 10:00:00 UTC, (Wed, 02 Jan 2030 10:00:00 UTC)\n');
    expect(r.code).toBe(0);
    const annotations = (await readBack(clustersRes, 'sched', ns)).metadata.annotations;
    expect(annotations['alpha.giantswarm.io/update-schedule-target-release']).toBe('77.0.0');
    expect(annotations['alpha.giantswarm.io/update-schedule-target-time']).toBe('02 Jan 30 10:00 UTC');
  });

  it.each([
    ['a release that does not exist', ['--name', 'capi', '--release-version', '78.0.0'], 'error: release "aws-78.0.0" does not exist; nothing was changed (kubectl gs get releases lists the releases)\n'],
    ['--provider naming another release', ['--name', 'capi', '--release-version', '77.0.0', '--provider', 'azure'], 'error: release "azure-77.0.0" does not exist; nothing was changed (kubectl gs get releases lists the releases)\n'],
    ['a missing cluster', ['--name', 'nope', '--release-version', '77.0.0'], `error: Cluster with name 'nope' cannot be found in the '${ns}' namespace; give its namespace with -n (kubectl gs get clusters -A lists all)\n`],
    ['a bad time', ['--name', 'capi', '--release-version', '77.0.0', '--scheduled-time', '2030-02-30 10:00'], "error: Scheduled time has not the right time format, please use 'YYYY-MM-DD HH:MM' as the time format.\n"],
    ['a missing userconfig', ['--name', 'noconfig', '--release-version', '77.0.0'], `error: ConfigMap "noconfig-userconfig" not found in namespace "${ns}": it holds the cluster's release version; nothing was changed\n`],
  ])('%s: one line, exit 1, cluster and values unchanged', async (_what, args, stderr) => {
    const before = [await readBack(clustersRes, 'capi', ns), await readBack('configmap', 'capi-userconfig', ns), await readBack(clustersRes, 'noconfig', ns)];
    const r = await kubectlGs(['update', 'cluster', '-n', ns, ...args], { env });
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    const after = [await readBack(clustersRes, 'capi', ns), await readBack('configmap', 'capi-userconfig', ns), await readBack(clustersRes, 'noconfig', ns)];
    expect(after.map((o) => o.metadata.resourceVersion)).toEqual(before.map((o) => o.metadata.resourceVersion));
  });

  it('-o yaml prints the written object as the server returned it', async () => {
    const r = await kubectlGs(['update', 'cluster', '--name', 'vintage', '-n', ns, '--release-version', '77.0.0', '-o', 'yaml'], { env });
    expect(r.code).toBe(0);
    const viaKubectl = await kubectlOk(['get', clustersRes, 'vintage', '-n', ns, '-o', 'yaml']);
    expect(r.stdout).toBe(viaKubectl);
  });
});
