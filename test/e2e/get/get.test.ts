// `kubectl gs get ...` through the real kubectl against the real kube-apiserver: every command and output
// format, the json/yaml/name output compared byte for byte with kubectl's own, the auth modes (token,
// client certificate, exec plugin) and the failures users meet (forbidden, bad token, wrong CA, server
// down, CRD missing), each as one line with a non-zero exit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiServer, distDir, kubectl, kubectlGs, kubectlOk, kubectlPath, run, type RunResult } from '../support/env';
import { freePort } from '../support/apiserver';
import { clusterApiCrdFiles, clusterApiCrdNames, giantswarmCrdFiles, giantswarmCrdNames, installCrdFiles } from '../support/objects';

const ns = 'e2e-get';
const otherNs = 'e2e-get-other';
// Release names follow the CRD's pattern (provider- or v-prefix, semver, an optional -suffix).
const released = 'v25.0.0-e2eget';

/** Creates what is missing and leaves existing objects (other suites may own the same CRDs) alone. */
async function createIfMissing(manifest: string): Promise<void> {
  const r = await kubectl(['create', '-f', '-', '-o', 'name'], { input: manifest });
  const unexpected = r.stderr.split('\n').filter((l) => l.trim() && !l.includes('AlreadyExists') && !l.includes('already exists'));
  if (r.code !== 0 && unexpected.length) throw new Error(`kubectl create failed: ${unexpected.join(' ')}`);
}

// Created in v1beta2, the version the upstream CRDs store: the test server has no Cluster API conversion
// webhook, so an object sent in v1beta1 would be stored relabelled, not converted (crds/cluster-api/README.md).
const capi = 'cluster.x-k8s.io/v1beta2';

function cluster(name: string, namespace: string, labels: Record<string, string>, description?: string) {
  return {
    apiVersion: capi, kind: 'Cluster',
    metadata: { name, namespace, labels: { 'cluster.x-k8s.io/cluster-name': name, ...labels }, annotations: description ? { 'cluster.giantswarm.io/description': description } : {} },
    spec: { controlPlaneEndpoint: { host: `${name}.example.com`, port: 6443 } },
  };
}

function nodePool(kind: string, name: string, clusterName: string, description: string, replicas: number) {
  const [annotation, bootstrapKind, infraKind, poolLabel] = kind === 'MachinePool'
    ? ['machine-pool.giantswarm.io/name', 'KubeadmConfig', 'AWSMachinePool', {}]
    : ['machine-deployment.giantswarm.io/name', 'KubeadmConfigTemplate', 'AWSMachineTemplate', { 'cluster.x-k8s.io/deployment-name': name }];
  const selected = { 'cluster.x-k8s.io/cluster-name': clusterName, ...poolLabel };
  return {
    apiVersion: capi, kind,
    metadata: { name, namespace: ns, labels: { 'cluster.x-k8s.io/cluster-name': clusterName, 'giantswarm.io/cluster': clusterName }, annotations: { [annotation]: description } },
    spec: {
      clusterName, replicas,
      ...(kind === 'MachineDeployment' ? { selector: { matchLabels: selected } } : {}),
      template: {
        metadata: { labels: selected },
        spec: {
          clusterName,
          bootstrap: { configRef: { apiGroup: 'bootstrap.cluster.x-k8s.io', kind: bootstrapKind, name } },
          infrastructureRef: { apiGroup: 'infrastructure.cluster.x-k8s.io', kind: infraKind, name },
        },
      },
    },
  };
}

async function createAll(items: object[]): Promise<void> {
  await createIfMissing(JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
}

async function patchStatus(resource: string, name: string, status: object, namespace?: string): Promise<void> {
  await kubectlOk(['patch', resource, name, ...(namespace ? ['-n', namespace] : []), '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

/** The rows of a table with the AGE column (index ageCol) blanked: ages depend on when the test runs. */
function rows(stdout: string, ageCol: number): string[][] {
  return stdout.trim().split('\n').map((l, i) => {
    const cells = l.split(/ {3,}/);
    if (i > 0 && cells[ageCol] !== undefined) cells[ageCol] = '<age>';
    return cells;
  });
}

beforeAll(async () => {
  await installCrdFiles([...clusterApiCrdFiles, ...giantswarmCrdFiles], [...clusterApiCrdNames, ...giantswarmCrdNames]);
  await createAll([ns, otherNs].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })));
  await createAll([
    cluster('alpha', ns, { 'release.giantswarm.io/version': '25.0.0', 'giantswarm.io/organization': 'acme', 'giantswarm.io/service-priority': 'highest' }, 'first cluster'),
    cluster('beta', ns, { 'release.giantswarm.io/version': '24.1.0', 'giantswarm.io/organization': 'acme' }),
    cluster('gamma', otherNs, { 'release.giantswarm.io/version': '25.0.0', 'giantswarm.io/organization': 'other' }, 'in another namespace'),
    nodePool('MachineDeployment', 'alpha-md0', 'alpha', 'workers', 3),
    nodePool('MachinePool', 'alpha-mp0', 'alpha', 'spot workers', 2),
    nodePool('MachineDeployment', 'beta-md0', 'beta', 'beta workers', 1),
    { apiVersion: 'release.giantswarm.io/v1alpha1', kind: 'Release', metadata: { name: released },
      spec: { state: 'active', date: '2026-01-01T00:00:00Z', components: [{ name: 'kubernetes', version: '1.31.9' }, { name: 'flatcar', version: '4152.2.3' }],
        apps: [{ name: 'cilium', version: '1.2.0' }, { name: 'coredns', version: '1.25.0' }] } },
    { apiVersion: 'release.giantswarm.io/v1alpha1', kind: 'Release', metadata: { name: 'v24.0.0-e2eget' }, spec: { state: 'deprecated', date: '2025-01-01T00:00:00Z', components: [{ name: 'kubernetes', version: '1.30.4' }], apps: [] } },
    { apiVersion: 'security.giantswarm.io/v1alpha1', kind: 'Organization', metadata: { name: 'e2e-get-acme' }, spec: {} },
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'App', metadata: { name: 'coredns', namespace: ns },
      spec: { catalog: 'e2e-get-catalog', name: 'coredns', namespace: 'kube-system', version: '1.25.0', kubeConfig: { inCluster: true } } },
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'Catalog', metadata: { name: 'e2e-get-catalog', namespace: ns },
      spec: { title: 'E2E', description: 'e2e catalog', logoURL: 'https://example.com/logo.png', repositories: [{ type: 'helm', URL: 'https://example.com/charts/' }],
        storage: { type: 'helm', URL: 'https://example.com/charts/' } } },
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'AppCatalogEntry', metadata: { name: 'e2e-get-catalog-coredns-1.25.0', namespace: ns,
      labels: { 'application.giantswarm.io/catalog': 'e2e-get-catalog', 'app.kubernetes.io/name': 'coredns', latest: 'true' } },
      spec: { appName: 'coredns', appVersion: '1.12.0', version: '1.25.0', catalog: { name: 'e2e-get-catalog', namespace: ns }, chart: { apiVersion: 'v2', description: 'CoreDNS for the e2e tests' },
        dateCreated: '2026-01-01T00:00:00Z', dateUpdated: '2026-01-01T00:00:00Z' } },
  ]);
  await patchStatus('clusters.cluster.x-k8s.io', 'alpha', { phase: 'Provisioned' }, ns);
  await patchStatus('machinedeployments.cluster.x-k8s.io', 'alpha-md0', { phase: 'Running', replicas: 3, readyReplicas: 2 }, ns);
  await patchStatus('machinepools.cluster.x-k8s.io', 'alpha-mp0', { replicas: 2, readyReplicas: 2 }, ns);
  await patchStatus('organizations.security.giantswarm.io', 'e2e-get-acme', { namespace: 'org-e2e-get-acme' });
  await patchStatus('apps.application.giantswarm.io', 'coredns', { version: '1.25.0', appVersion: '1.12.0', release: { status: 'deployed', lastDeployed: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), reason: '' } }, ns);
});

function ok(r: RunResult): string {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe('kubectl gs get clusters', () => {
  it('prints the namespace\'s clusters as an aligned table', async () => {
    const out = ok(await kubectlGs(['get', 'clusters', '-n', ns]));
    expect(rows(out, 1)).toEqual([
      ['NAME', 'AGE', 'PHASE', 'RELEASE', 'SERVICE PRIORITY', 'ORGANIZATION', 'DESCRIPTION'],
      ['alpha', '<age>', 'Provisioned', '25.0.0', 'highest', 'acme', 'first cluster'],
      ['beta', '<age>', '', '24.1.0', 'n/a', 'acme', 'n/a'],
    ].map((r) => r.filter((c, i) => !(i === 2 && c === ''))));
    expect(out.split('\n')[0]).toBe('NAME    AGE   PHASE         RELEASE   SERVICE PRIORITY   ORGANIZATION   DESCRIPTION');
  });

  it('adds NAMESPACE with -A and reaches every namespace', async () => {
    const out = ok(await kubectlGs(['get', 'clusters', '-A', '--no-headers']));
    const mine = out.split('\n').filter((l) => l.startsWith('e2e-get'));
    // The server's order (etcd keys: "e2e-get-other/" sorts before "e2e-get/"), as kubectl shows it.
    expect(mine.map((l) => l.split(/\s+/).slice(0, 2))).toEqual([[otherNs, 'gamma'], [ns, 'alpha'], [ns, 'beta']]);
    // One column layout for all rows.
    expect(new Set(mine.map((l) => l.indexOf('alpha') >= 0 ? l.indexOf('alpha') : l.search(/ (beta|gamma)/) + 1)).size).toBe(1);
  });

  it.each([['json'], ['yaml'], ['name']])('prints -o %s exactly as kubectl does', async (format) => {
    const gs = ok(await kubectlGs(['get', 'clusters', '-n', ns, '-o', format]));
    const k = await kubectlOk(['get', 'clusters.cluster.x-k8s.io', '-n', ns, '-o', format]);
    expect(gs).toBe(k);
  });

  it('reads kubectl\'s compact -ojson / -Ao name spellings as kubectl does', async () => {
    expect(ok(await kubectlGs(['get', 'clusters', `-n${ns}`, '-ojson']))).toBe(await kubectlOk(['get', 'clusters.cluster.x-k8s.io', `-n${ns}`, '-ojson']));
    expect(ok(await kubectlGs(['get', 'clusters', '-Ao', 'name']))).toBe(await kubectlOk(['get', 'clusters.cluster.x-k8s.io', '-Ao', 'name']));
  });

  it('prints one cluster as kubectl does, in the version the server prefers (v1beta2)', async () => {
    const gs = ok(await kubectlGs(['get', 'cluster', 'alpha', '-n', ns, '-o', 'json']));
    expect(gs).toBe(await kubectlOk(['get', 'clusters.cluster.x-k8s.io', 'alpha', '-n', ns, '-o', 'json']));
    expect(JSON.parse(gs).apiVersion).toBe('cluster.x-k8s.io/v1beta2');
  });

  it('filters with -l', async () => {
    const out = ok(await kubectlGs(['get', 'clusters', '-A', '-l', 'giantswarm.io/organization=other', '-o', 'name']));
    expect(out).toBe('cluster.cluster.x-k8s.io/gamma\n');
  });

  it('says a missing cluster is not found, in one line, exit 1', async () => {
    const r = await kubectlGs(['get', 'cluster', 'nope', '-n', ns]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: clusters.cluster.x-k8s.io "nope" not found in namespace "${ns}"; add -A to look in all namespaces\n`);
  });

  it('says where else to look when a namespace has none', async () => {
    const r = await kubectlGs(['get', 'clusters', '-n', 'kube-public']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('No clusters found in namespace "kube-public".');
  });
});

describe('the other get commands', () => {
  it('lists node pools (MachinePools first, then MachineDeployments, each by cluster Z-A, as Go), by cluster with -c', async () => {
    const out = ok(await kubectlGs(['get', 'nodepools', '-n', ns, '-c', 'alpha']));
    expect(rows(out, 2)).toEqual([
      ['NAME', 'CLUSTER NAME', 'AGE', 'PHASE', 'NODES MIN/MAX', 'NODES DESIRED', 'NODES READY', 'DESCRIPTION'],
      ['alpha-mp0', 'alpha', '<age>', 'n/a', 'n/a', '2', '2', 'spot workers'],
      ['alpha-md0', 'alpha', '<age>', 'Running', '3', '3', '2', 'workers'],
    ]);
    const all = ok(await kubectlGs(['get', 'nodepools', '-n', ns, '--no-headers']));
    expect(all.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['alpha-mp0 alpha', 'beta-md0 beta', 'alpha-md0 alpha']);
    const one = ok(await kubectlGs(['get', 'nodepool', 'alpha-mp0', '-n', ns, '-o', 'name']));
    expect(one).toBe('machinepool.cluster.x-k8s.io/alpha-mp0\n');
  });

  it('lists releases, --active-only and by name', async () => {
    const all = ok(await kubectlGs(['get', 'releases', '--no-headers']));
    expect(all).toMatch(new RegExp(`^${released.replace(/\./g, '\\.')} +ACTIVE +\\S+ +1\\.31\\.9 +4152\\.2\\.3 +1\\.2\\.0 +1\\.25\\.0 +n/a +n/a$`, 'm'));
    expect(all).toContain('v24.0.0-e2eget');
    const active = ok(await kubectlGs(['get', 'releases', '--active-only', '-o', 'name']));
    expect(active).toContain(`release.release.giantswarm.io/${released}\n`);
    expect(active).not.toContain('v24.0.0-e2eget');
    const yaml = ok(await kubectlGs(['get', 'release', released, '-o', 'yaml']));
    expect(yaml).toBe(await kubectlOk(['get', 'releases.release.giantswarm.io', released, '-o', 'yaml']));
  });

  it('lists organizations with their namespace', async () => {
    const out = ok(await kubectlGs(['get', 'orgs']));
    expect(out.split('\n')[0]).toMatch(/^NAME +ORG NAMESPACE +AGE$/);
    expect(out).toMatch(/^e2e-get-acme +org-e2e-get-acme +\S+$/m);
  });

  it('lists apps with their deployment status', async () => {
    const r = await kubectlGs(['get', 'apps', '-n', ns]);
    expect(rows(ok(r), 2)).toEqual([['NAME', 'VERSION', 'LAST DEPLOYED', 'STATUS', 'NOTES'], ['coredns', '1.25.0', '<age>', 'deployed']]);
    expect(r.stderr).toBe('Command "apps" is deprecated, currently without replacement\n');
  });

  it('lists catalogs and the latest apps of one catalog', async () => {
    const list = ok(await kubectlGs(['get', 'catalogs', '-n', ns]));
    expect(rows(list, 3)).toEqual([['NAME', 'NAMESPACE', 'CATALOG URL', 'AGE'], ['e2e-get-catalog', ns, 'https://example.com/charts/', '<age>']]);
    const one = ok(await kubectlGs(['get', 'catalog', 'e2e-get-catalog', '-n', ns]));
    expect(rows(one, 4)).toEqual([['CATALOG', 'APP NAME', 'VERSION', 'UPSTREAM VERSION', 'AGE', 'DESCRIPTION'], ['e2e-get-catalog', 'coredns', '1.25.0', '1.12.0', '<age>', 'CoreDNS for the e2e tests']]);
  });

  it('shows the Cluster API CRD versions: one row for each version the installed CRD lists', async () => {
    const out = ok(await kubectlGs(['get', 'capi']));
    const versionsShown = (display: string) => out.split('\n').map((l) => l.split(/ {3,}/)).filter((c) => c[0] === 'CRD' && c[2] === display).map((c) => c[3]);
    // The apiserver is shared by the suites: the template suite installs the AWSCluster CRD, the workload-cluster
    // login suite the KubeadmControlPlane one, so whether they are there depends on the order the suites ran in.
    // Each row is compared with what the apiserver holds now.
    const crds = [['Cluster', 'clusters.cluster.x-k8s.io'], ['Machine Deployment', 'machinedeployments.cluster.x-k8s.io'],
      ['Machine Pool', 'machinepools.cluster.x-k8s.io'], ['AWS Cluster', 'awsclusters.infrastructure.cluster.x-k8s.io'],
      ['Kubeadm Control Plane', 'kubeadmcontrolplanes.controlplane.cluster.x-k8s.io']];
    for (const [display, crd] of crds) {
      const r = await kubectl(['get', 'crd', crd!, '-o', 'jsonpath={.spec.versions[*].name}']);
      const listed = r.code === 0 ? r.stdout.split(' ') : ['NONE'];
      if (r.code !== 0) expect(r.stderr).toMatch(/NotFound|not found/);
      expect([display, versionsShown(display!)]).toEqual([display, listed]);
    }
    // Cluster API v1.14 (crds/cluster-api/README.md) lists these two, both served.
    expect(versionsShown('Cluster')).toEqual(['v1beta1', 'v1beta2']);
    // No suite installs the Cluster API Machine CRD.
    expect(out).toMatch(/^CRD +All +Machine +NONE$/m);
    expect(out).toMatch(/^Controller +All +Core +NONE$/m);
  });

  it('ends quietly when the reader goes away (| head), as kubectl does', async () => {
    // More output than a pipe holds (64 KiB), so kubectl gs is still writing when head has gone (EPIPE).
    const many = 'get-pipe-e2e';
    await createAll([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: many } }]);
    await createAll(Array.from({ length: 150 }, (_, i) => cluster(`many-${i}`, many, { 'release.giantswarm.io/version': '25.0.0' }, 'x'.repeat(200))));
    const r = await run('sh', ['-c', `"${kubectlPath}" gs get clusters -n ${many} -o yaml | head -c 10; echo " exit=$?"`], {
      env: { KUBECONFIG: apiServer().kubeconfigPath, PATH: `${distDir}:${process.env.PATH}` },
    });
    expect(r.stdout).toBe('apiVersion exit=0\n');
    expect(r.stderr).toBe('');
  });

  it('writes all of a long output, in order, to a non-blocking pipe whose reader is slow', async () => {
    // stdout is written with write(2); a descriptor left O_NONBLOCK answers EAGAIN once the pipe is full,
    // and the rest must still arrive (through Node's stream) while the reader takes it a little at a time,
    // up to the last byte queued before the program exits.
    const many = 'get-pipe-e2e';
    const args = ['get', 'clusters', '-n', many, '-o', 'yaml'];
    const expected = ok(await kubectlGs(args));
    expect(expected.length).toBeGreaterThan(64 * 1024);
    const reader = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.2)
chunks = []
while True:
    b = os.read(r, 8192)
    if not b:
        break
    chunks.append(b)
    time.sleep(0.002)
sys.stdout.buffer.write(b"".join(chunks))
sys.exit(child.wait())
`;
    const r = await run('python3', ['-c', reader, join(distDir, 'kubectl-gs'), ...args], { env: { KUBECONFIG: apiServer().kubeconfigPath } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('names the allowed formats for an unknown -o', async () => {
    const r = await kubectlGs(['get', 'clusters', '-o', 'wide']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: unable to match a printer suitable for the output format "wide", allowed formats are: '
      + 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n');
  });
});

describe('templates (-o jsonpath, -o go-template), each output compared with kubectl\'s own', () => {
  // The same template through kubectl gs and through kubectl, on the same objects: byte-for-byte equal.
  const same = async (gsArgs: string[], kubectlArgs: string[]) => {
    const k = await kubectlOk(kubectlArgs);
    expect(k).not.toBe('');
    expect(ok(await kubectlGs(gsArgs))).toBe(k);
  };
  const templates: [string, string][] = [
    ['jsonpath', '{.items[*].metadata.name}'],
    ['jsonpath', '{range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\t"}{.metadata.labels.release\\.giantswarm\\.io/version}{"\\n"}{end}'],
    ['jsonpath', '{.items[?(@.metadata.labels.giantswarm\\.io/organization=="acme")].metadata.name}'],
    ['jsonpath', '{.items[0].spec.controlPlaneEndpoint}'],
    ['jsonpath', '{.kind} {.apiVersion} {.items[-1:].metadata.name} {.items[*].metadata.missing}'],
    ['jsonpath-as-json', '{.items[*].metadata.name} {.items[0].metadata.labels}'],
    ['go-template', '{{range .items}}{{.metadata.name}} {{index .metadata.labels "giantswarm.io/organization"}}{{"\\n"}}{{end}}'],
    ['go-template', '{{len .items}} {{range $i, $c := .items}}{{if $i}},{{end}}{{printf "%q" $c.metadata.name}}{{end}} {{.metadata.nothing}}'],
    ['template', '{{with index .items 0}}{{.spec.controlPlaneEndpoint.port}} {{.kind}}{{end}}'],
  ];

  it.each(templates)('-o %s=%s on a list', async (format, template) => {
    await same(['get', 'clusters', '-n', ns, '-o', `${format}=${template}`], ['get', 'clusters.cluster.x-k8s.io', '-n', ns, '-o', `${format}=${template}`]);
  });

  it('runs a template on one object itself, not on a List', async () => {
    await same(['get', 'cluster', 'alpha', '-n', ns, '-o', 'jsonpath={.metadata.name} {.apiVersion} {.metadata.annotations}'],
      ['get', 'clusters.cluster.x-k8s.io', 'alpha', '-n', ns, '-o', 'jsonpath={.metadata.name} {.apiVersion} {.metadata.annotations}']);
    await same(['get', 'cluster', 'alpha', '-n', ns, '-o', 'go-template={{.metadata.name}} {{.spec}}'],
      ['get', 'clusters.cluster.x-k8s.io', 'alpha', '-n', ns, '-o', 'go-template={{.metadata.name}} {{.spec}}']);
  });

  it('takes the template from --template, from a file, and for every get command', async () => {
    await same(['get', 'apps', '-n', ns, '-o', 'jsonpath', '--template', '{.items[*].spec.version}'],
      ['get', 'apps.application.giantswarm.io', '-n', ns, '-o', 'jsonpath', '--template', '{.items[*].spec.version}']);
    await same(['get', 'releases', '--template', '{{range .items}}{{.metadata.name}} {{.spec.state}};{{end}}'],
      ['get', 'releases.release.giantswarm.io', '--template', '{{range .items}}{{.metadata.name}} {{.spec.state}};{{end}}']);
    // Node pools are two kinds in one List: compare the lines with kubectl's two lists together.
    const file = join(mkdtempSync(join(tmpdir(), 'kgs-e2e-')), 'pools.jsonpath');
    writeFileSync(file, '{range .items[*]}{.kind}/{.metadata.name}{"\\n"}{end}');
    const kinds = ['machinepools.cluster.x-k8s.io', 'machinedeployments.cluster.x-k8s.io'];
    const k = (await Promise.all(kinds.map((kind) => kubectlOk(['get', kind, '-n', ns, '-o', `jsonpath-file=${file}`])))).join('');
    const gs = ok(await kubectlGs(['get', 'nodepools', '-n', ns, '-o', `jsonpath-file=${file}`]));
    expect(gs.split('\n').sort()).toEqual(k.split('\n').sort());
    expect(gs).toContain('MachinePool/alpha-mp0\n');
    await same(['get', 'organizations', 'e2e-get-acme', '-o', 'jsonpath={.metadata.name}'], ['get', 'organizations.security.giantswarm.io', 'e2e-get-acme', '-o', 'jsonpath={.metadata.name}']);
  });

  it('fails on a missing key with --allow-missing-template-keys=false, in one line', async () => {
    const r = await kubectlGs(['get', 'clusters', '-n', ns, '-o', 'jsonpath={.items[*].nothing}', '--allow-missing-template-keys=false']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: error executing jsonpath "\{\.items\[\*\]\.nothing\}": .*nothing is not found/);
  });

  it('says what is wrong with a template before any request, in kubectl\'s words', async () => {
    const r = await kubectlGs(['get', 'clusters', '-n', ns, '-o', 'jsonpath={.items[*]', '--server', 'https://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: error parsing jsonpath \{\.items\[\*\], unclosed action\n$/);
    const g = await kubectlGs(['get', 'clusters', '-o', 'go-template={{.x', '--server', 'https://127.0.0.1:1']);
    expect(g.code).toBe(1);
    expect(g.stderr.trim().split('\n')).toHaveLength(1);
    expect(g.stderr).toMatch(/^error: error parsing template \{\{\.x, template: output:1: /);
  });
});

describe('auth modes and failures', () => {
  it.each([['local-cert'], ['local-exec']])('reads the same clusters with context %s', async (context) => {
    const expected = ok(await kubectlGs(['get', 'clusters', '-n', ns, '-o', 'name']));
    expect(ok(await kubectlGs(['get', 'clusters', '-n', ns, '-o', 'name', '--context', context]))).toBe(expected);
  });

  it('says which permission is missing (403) for a user without RBAC grants', async () => {
    const r = await kubectlGs(['get', 'clusters', '-n', ns, '--context', 'local-viewer']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: forbidden: .*clusters.*\n$/);
  });

  it('says a user who may not list organizations and may get none of them so', async () => {
    const r = await kubectlGs(['get', 'orgs', '--context', 'local-viewer']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: you may not list organizations (403 Forbidden), and your RBAC rules name none you may get; ask an admin for access\n');
  });

  it('shows a user who may not list organizations the ones RBAC lets them get', async () => {
    await createAll([
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'e2e-get-org-reader' },
        rules: [{ apiGroups: ['security.giantswarm.io'], resources: ['organizations'], resourceNames: ['e2e-get-acme'], verbs: ['get'] }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'e2e-get-org-reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'e2e-get-org-reader' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }] },
    ]);
    try {
      const r = await kubectlGs(['get', 'orgs', '--context', 'local-viewer', '--no-headers']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^e2e-get-acme +org-e2e-get-acme +\S+\n$/);
    } finally {
      await kubectlOk(['delete', 'clusterrolebinding,clusterrole', 'e2e-get-org-reader']);
    }
  });

  it('says the credentials were rejected (401) for a bad token', async () => {
    const r = await kubectlGs(['get', 'clusters', '--token', 'not-a-token']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error: .*401 Unauthorized.*\n$/);
  });

  it('refuses a server certificate from an unknown CA', async () => {
    const r = await kubectlGs(['get', 'clusters', '--certificate-authority', apiServer().otherCaFile]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*certificate/);
  });

  it('says it cannot reach a server that is down', async () => {
    const port = await freePort();
    const r = await kubectlGs(['get', 'clusters', '--server', `https://127.0.0.1:${port}`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error: cannot reach the API server at 127\.0\.0\.1:\d+ \(connection refused\).*\n$/);
  });

  it('says the CRD is missing (a workload cluster?) and which API group', async () => {
    await kubectlOk(['delete', 'crd', 'releases.release.giantswarm.io', '--wait=true']);
    try {
      const r = await kubectlGs(['get', 'releases']);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/release\.giantswarm\.io/);
      expect(r.stderr).toMatch(/management cluster/);
    } finally {
      await installCrdFiles([...clusterApiCrdFiles, ...giantswarmCrdFiles], [...clusterApiCrdNames, ...giantswarmCrdNames]);
    }
  });
});
