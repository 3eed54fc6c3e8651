// `kubectl gs deploy chart`, built executable through the real kubectl: versions resolved from a real OCI
// registry (Debian's docker-registry on loopback, charts pushed through the distribution API with Helm's
// media types), one requiring basic auth; the Flux CRDs upstream ships; every object server-side applied
// by the field manager kubectl-gs and read back. Bad input (unknown version, registry 401/500/garbage, a
// conflicting field manager, a non-terminal without --yes, a declined question) is one line, exit 1, and
// the objects as they were.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, kubectlGs, kubectlOk, kubectlPath, apiServer, run } from '../support/env';
import { capaClusterRefs, clusterApiCrdFiles, clusterApiCrdNames, createIfMissing, installCrdFiles, list, readBack, sharedCrdDir } from '../support/objects';
import { pushChart, startRegistry, type Registry } from '../support/registry';

const org = 'e2e-deploy';
const ns = `org-${org}`;
const fluxDir = join(sharedCrdDir, 'flux');
const ociRes = 'ocirepositories.source.toolkit.fluxcd.io';
const hrRes = 'helmreleases.helm.toolkit.fluxcd.io';
const env = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', KUBECTL_GS_REGISTRY_PASSWORD: undefined };
const creds = { username: 'e2e-user', password: 'e2e-Secret-pw-123' };

let open: Registry;
let locked: Registry;
let web: Server;
let webUrl: string;
const work = mkdtempSync(join(tmpdir(), 'kgs-deploy-e2e-'));

const deploy = (args: string[], extra: { env?: Record<string, string | undefined>; input?: string } = {}) =>
  kubectlGs(['deploy', 'chart', '--organization', org, '--target-namespace', 'hello', ...args], { env: { ...env, ...extra.env }, input: extra.input });

const prefix = (reg: Registry, path = 'charts') => `oci://${reg.host}/${path}/`;
const versions = async (...objs: Array<[string, string]>) => Promise.all(objs.map(async ([res, name]) => (await readBack(res, name, ns)).metadata.resourceVersion));
const exists = async (res: string, name: string) => (await run(kubectlPath, ['--kubeconfig', apiServer().kubeconfigPath, 'get', res, name, '-n', ns])).code === 0;

beforeAll(async () => {
  await installCrdFiles(
    [...clusterApiCrdFiles, join(fluxDir, 'source.toolkit.fluxcd.io_ocirepositories.yaml'), join(fluxDir, 'helm.toolkit.fluxcd.io_helmreleases.yaml')],
    [...clusterApiCrdNames, ociRes, hrRes],
  );
  await createIfMissing(list([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]));
  await createIfMissing(list([{ apiVersion: 'cluster.x-k8s.io/v1beta2', kind: 'Cluster', metadata: { name: 'wc1', namespace: ns }, spec: capaClusterRefs('wc1') }]));

  // A loopback web server: the values schema the chart's annotation points at, and fake registries.
  web = createServer((req, res) => {
    if (req.url === '/schema.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { replicas: { type: 'integer', minimum: 1 } }, additionalProperties: false }));
    } else if (req.url?.startsWith('/v2/failing/')) {
      res.statusCode = 500;
      res.end('boom');
    } else if (req.url?.startsWith('/v2/garbage/')) {
      res.setHeader('Content-Type', 'application/json');
      res.end('<html>not a registry</html>');
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

  [open, locked] = await Promise.all([startRegistry(), startRegistry(creds)]);
  for (const v of ['1.0.0', '1.2.0', '1.10.0', '2.0.0-rc.1']) await pushChart(open, 'charts/hello-chart', v);
  await pushChart(open, 'charts/schema-chart', '1.0.0', { annotations: { 'io.giantswarm.application.values-schema': `${webUrl}/schema.json` } });
  for (const name of ['conflict-chart', 'tty-chart', 'dry-chart']) await pushChart(open, `charts/${name}`, '1.0.0');
  await pushChart(locked, 'private/secret-chart', '0.1.0');
});

afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop(), new Promise<void>((r) => (web ? web.close(() => r()) : r()))]);
});

describe('kubectl gs deploy chart', () => {
  it('resolves the latest release version from the registry and server-side applies OCIRepository and HelmRelease', async () => {
    const r = await deploy(['--chart-name', 'hello-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open)]);
    expect(r.stderr).toBe(`Resolved latest version: 1.10.0\nApplied OCIRepository ${ns}/wc1-hello-chart\nApplied HelmRelease ${ns}/wc1-hello-chart\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'apiVersion: source.toolkit.fluxcd.io/v1', 'kind: OCIRepository', 'metadata:', '  creationTimestamp: null', '  labels:', '    giantswarm.io/cluster: wc1',
      '  name: wc1-hello-chart', `  namespace: ${ns}`, 'spec:', '  interval: 10m0s', '  provider: generic', '  ref:', '    tag: 1.10.0', `  url: ${prefix(open)}hello-chart`,
      '---',
      'apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  creationTimestamp: null', '  labels:', '    giantswarm.io/cluster: wc1',
      '  name: wc1-hello-chart', `  namespace: ${ns}`, 'spec:', '  chartRef:', '    kind: OCIRepository', '    name: wc1-hello-chart', '  install:', '    createNamespace: true',
      '  interval: 10m0s', '  kubeConfig:', '    secretRef:', '      name: wc1-kubeconfig', '  releaseName: hello-chart', '  storageNamespace: hello', '  targetNamespace: hello', '',
    ].join('\n'));
    const repo = await readBack(ociRes, 'wc1-hello-chart', ns);
    expect(repo.spec).toMatchObject({ ref: { tag: '1.10.0' }, url: `${prefix(open)}hello-chart`, interval: '10m0s' });
    expect(repo.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`)).toEqual(['kubectl-gs/Apply']);
    const hr = await readBack(hrRes, 'wc1-hello-chart', ns);
    expect(hr.spec.chartRef).toEqual({ kind: 'OCIRepository', name: 'wc1-hello-chart' });
  });

  it('a second identical deploy changes nothing', async () => {
    const before = await versions([ociRes, 'wc1-hello-chart'], [hrRes, 'wc1-hello-chart']);
    const r = await deploy(['--chart-name', 'hello-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '1.10.0']);
    expect(r.stderr).toBe(`Unchanged OCIRepository ${ns}/wc1-hello-chart\nUnchanged HelmRelease ${ns}/wc1-hello-chart\n`);
    expect(r.code).toBe(0);
    expect(await versions([ociRes, 'wc1-hello-chart'], [hrRes, 'wc1-hello-chart'])).toEqual(before);
  });

  it('changes on a non-terminal without --yes: the diff, one error line, nothing written; with --yes: applied', async () => {
    const args = ['--chart-name', 'hello-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '1.2.0', '--interval', '5m'];
    const before = await versions([ociRes, 'wc1-hello-chart'], [hrRes, 'wc1-hello-chart']);
    const refused = await deploy(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`OCIRepository wc1-hello-chart has changes:\n--- ${ns}/wc1-hello-chart (existing)\n+++ ${ns}/wc1-hello-chart (desired)\n`);
    expect(refused.stderr).toContain('-  interval: 10m0s\n+  interval: 5m0s\n');
    expect(refused.stderr).toContain('-    tag: 1.10.0\n+    tag: 1.2.0\n');
    expect(refused.stderr.trimEnd().split('\n').pop()).toBe('error: resources already exist and have changes; run interactively, pass --yes to apply them, or use --dry-run to preview; nothing was changed');
    expect(refused.stdout).toBe('');
    expect(await versions([ociRes, 'wc1-hello-chart'], [hrRes, 'wc1-hello-chart'])).toEqual(before);

    const applied = await deploy([...args, '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(/Applied OCIRepository .*\nApplied HelmRelease .*\n$/);
    expect((await readBack(ociRes, 'wc1-hello-chart', ns)).spec).toMatchObject({ interval: '5m0s', ref: { tag: '1.2.0' } });
    expect((await readBack(hrRes, 'wc1-hello-chart', ns)).spec.interval).toBe('5m0s');
  });

  it('asks y/N on a terminal: no leaves everything as it was, yes applies', async () => {
    const base = ['--chart-name', 'tty-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '1.0.0'];
    expect((await deploy(base)).code).toBe(0);
    const before = await versions([ociRes, 'wc1-tty-chart'], [hrRes, 'wc1-tty-chart']);
    // `script` gives the command a pseudo-terminal as standard input; the answer is typed into it.
    const onTerminal = (answer: string) => {
      const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
      const line = [kubectlPath, 'gs', 'deploy', 'chart', '--organization', org, '--target-namespace', 'hello', ...base, '--interval', '1h'].map(quote).join(' ');
      return run('script', ['-qec', line, '/dev/null'], {
        input: `${answer}\n${answer}\n`,
        env: { ...env, KUBECONFIG: apiServer().kubeconfigPath, KUBECTL_GS_TELEMETRY_OPTOUT: '1', PATH: `${distDir}:${process.env.PATH}` },
      });
    };
    const no = await onTerminal('n');
    expect(no.stdout).toContain(`Apply changes to OCIRepository ${ns}/wc1-tty-chart? [y/N]: `);
    expect(no.stdout).toContain(`error: user declined changes to OCIRepository ${ns}/wc1-tty-chart; nothing was changed`);
    expect(no.code).toBe(1);
    expect(await versions([ociRes, 'wc1-tty-chart'], [hrRes, 'wc1-tty-chart'])).toEqual(before);

    const yes = await onTerminal('y');
    expect(yes.code).toBe(0);
    expect((await readBack(ociRes, 'wc1-tty-chart', ns)).spec.interval).toBe('1h0m0s');
  });

  it('a version the registry does not have: one line, exit 1, nothing created', async () => {
    const r = await deploy(['--chart-name', 'hello-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '9.9.9', '--name', 'never']);
    expect(r.stderr).toBe(`error: version "9.9.9" not found in ${prefix(open)}hello-chart; leave out --version to deploy the latest\n`);
    expect(r.code).toBe(1);
    expect(await exists(ociRes, 'never')).toBe(false);
  });

  it.each([
    ['401 without credentials', () => prefix(locked, 'private'), 'secret-chart', `error: the registry ${'HOST'} refused access (401) when listing the tags of HOST/private/secret-chart; give --registry-username with the password in KUBECTL_GS_REGISTRY_PASSWORD, or log in with docker login\n`],
    ['500', () => `oci://${webUrl.slice(7)}/failing/`, 'x', 'error: the registry HOST failed (500) when listing the tags of HOST/failing/x; try again later\n'],
    ['garbage', () => `oci://${webUrl.slice(7)}/garbage/`, 'x', 'error: the tag list of HOST/garbage/x is not JSON; is this an OCI registry?\n'],
  ])('a registry answering %s: one line, exit 1, nothing created', async (_what, url, chart, stderr) => {
    const u = url();
    const host = u.slice(6).split('/')[0]!;
    const r = await deploy(['--chart-name', chart, '--target-cluster', 'wc1', '--oci-url-prefix', u, '--name', 'never']);
    expect(r.stderr).toBe(stderr.replace(/HOST/g, host));
    expect(r.code).toBe(1);
    expect(await exists(ociRes, 'never')).toBe(false);
  });

  it('with --registry-username and the password in KUBECTL_GS_REGISTRY_PASSWORD: the docker-config Secret, never printed', async () => {
    const r = await deploy(['--chart-name', 'secret-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(locked, 'private'), '--registry-username', creds.username],
      { env: { KUBECTL_GS_REGISTRY_PASSWORD: creds.password } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Resolved latest version: 0.1.0\nApplied Secret ${ns}/wc1-secret-chart-registry\nApplied OCIRepository ${ns}/wc1-secret-chart\nApplied HelmRelease ${ns}/wc1-secret-chart\n`);
    const b64 = Buffer.from(creds.password).toString('base64');
    for (const out of [r.stdout, r.stderr]) {
      expect(out).not.toContain(creds.password);
      expect(out).not.toContain(b64);
    }
    expect(r.stdout).toContain(".dockerconfigjson: (redacted)\n");
    const secret = await readBack('secret', 'wc1-secret-chart-registry', ns);
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    const config = JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString('utf8'));
    expect(config.auths[locked.host]).toEqual({ auth: Buffer.from(`${creds.username}:${creds.password}`).toString('base64'), password: creds.password, username: creds.username });
    expect((await readBack(ociRes, 'wc1-secret-chart', ns)).spec.secretRef).toEqual({ name: 'wc1-secret-chart-registry' });
  });

  it('a field another manager owns: the conflict in one line, exit 1, nothing written', async () => {
    const base = ['--chart-name', 'conflict-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '1.0.0'];
    expect((await deploy(base)).code).toBe(0);
    await kubectlOk(['apply', '--server-side', '--force-conflicts', '--field-manager', 'someone-else', '-f', '-'], {
      input: JSON.stringify({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: { name: 'wc1-conflict-chart', namespace: ns }, spec: { interval: '2m', url: `${prefix(open)}conflict-chart` } }),
    });
    const before = await versions([ociRes, 'wc1-conflict-chart'], [hrRes, 'wc1-conflict-chart']);
    const r = await deploy([...base, '--interval', '3m', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(new RegExp(`^error: cannot apply OCIRepository ${ns}/wc1-conflict-chart: Apply failed with 1 conflict: conflict with "someone-else".*\\.spec\\.interval; another field manager owns these fields`)),
    ]);
    expect(await versions([ociRes, 'wc1-conflict-chart'], [hrRes, 'wc1-conflict-chart'])).toEqual(before);
  });

  it("validates values against the schema the chart's manifest annotation names", async () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, 'replicas: 0\nextra: true\n');
    const base = ['--chart-name', 'schema-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--version', '1.0.0'];
    const r = await deploy([...base, '--values-file', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Validating values against schema...\n  - (root): must NOT have additional properties\n  - .replicas: must be >= 1\n' +
      'error: Values validation failed: 2 problems (listed above); fix the values file\n');
    expect(await exists(hrRes, 'wc1-schema-chart')).toBe(false);

    const good = join(work, 'good.yaml');
    writeFileSync(good, 'replicas: 3\n');
    const ok = await deploy([...base, '--values-file', good]);
    expect(ok.code).toBe(0);
    expect((await readBack(hrRes, 'wc1-schema-chart', ns)).spec.values).toEqual({ replicas: 3 });
  });

  it('--dry-run: the server checks everything, nothing is stored', async () => {
    const r = await deploy(['--chart-name', 'dry-chart', '--target-cluster', 'wc1', '--oci-url-prefix', prefix(open), '--dry-run']);
    expect(r.stderr).toBe('Resolved latest version: 1.0.0\nServer-side dry-run succeeded.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: wc1-dry-chart');
    expect(await exists(ociRes, 'wc1-dry-chart')).toBe(false);
  });

  it.each([
    ['a missing organization', ['--organization', 'nope'], `error: the organization "nope" wasn't found; check for existing organizations using 'kubectl gs get organizations'\n`],
    ['a missing cluster', ['--target-cluster', 'nope'], `error: cluster "nope" not found in organization "${org}"; check for existing clusters using 'kubectl gs get clusters --namespace ${ns}'\n`],
  ])('%s: one line, exit 1', async (_what, args, stderr) => {
    const r = await kubectlGs(['deploy', 'chart', '--organization', org, '--target-cluster', 'wc1', '--target-namespace', 'hello', '--chart-name', 'hello-chart',
      '--oci-url-prefix', prefix(open), '--version', '1.0.0', ...args], { env });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
  });
});
