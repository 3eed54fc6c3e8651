// `kubectl gs validate apps`, built executable through the real kubectl: Apps, Catalogs, ConfigMaps and
// Secrets on the real kube-apiserver; the catalog's Helm repository (index.yaml, a real chart archive, the
// values schema) on a loopback web server. Values are merged in the App platform's order and checked with ajv.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlGs } from '../support/env';
import { createIfMissing, giantswarmCrdFiles, giantswarmCrdNames, installCrdFiles, list } from '../support/objects';
import { chartArchive } from '../support/registry';

const ns = 'e2e-validate';
const env = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
const deprecation = 'Command "apps" is deprecated, currently without replacement\n';
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['replicas'],
  properties: { replicas: { type: 'integer', minimum: 1 }, image: { type: 'object', properties: { tag: { type: 'string' } } } },
};

let web: Server;
let base: string;
const requests: string[] = [];

const app = (name: string, chart: string, version: string, config: Record<string, unknown> = {}) => ({
  apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'App', metadata: { name, namespace: ns },
  spec: { catalog: 'e2e-val-catalog', catalogNamespace: ns, name: chart, namespace: 'apps', version, kubeConfig: { inCluster: true }, ...config },
});
const cm = (name: string, values: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { values } });
const secret = (name: string, values: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, stringData: { values } });

const rows = (stdout: string) => stdout.trimEnd().split('\n').map((l) => l.split(/ {3,}/));

beforeAll(async () => {
  await installCrdFiles(giantswarmCrdFiles, giantswarmCrdNames);
  web = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/repo/index.yaml') {
      res.end([
        'apiVersion: v1', 'entries:',
        '  web-app:', '  - version: 1.0.0', '    urls:', '    - charts/web-app-1.0.0.tgz', '    annotations:', `      application.giantswarm.io/values-schema: ${base}/schema.json`,
        '  plain-app:', '  - version: 2.0.0', '    urls:', '    - charts/plain-app-2.0.0.tgz', '',
      ].join('\n'));
    } else if (req.url === '/repo/charts/web-app-1.0.0.tgz') res.end(chartArchive('web-app', '1.0.0'));
    else if (req.url === '/schema.json') res.end(JSON.stringify(schema));
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  await createIfMissing(list([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]));
  await createIfMissing(list([
    { apiVersion: 'application.giantswarm.io/v1alpha1', kind: 'Catalog', metadata: { name: 'e2e-val-catalog', namespace: ns },
      spec: { title: 'e2e', description: 'e2e', logoURL: '', repositories: [{ type: 'helm', URL: `${base}/repo` }], storage: { type: 'helm', URL: `${base}/repo` }, config: { configMap: { name: 'catalog-values', namespace: ns } } } },
    cm('catalog-values', "image:\n  tag: '1.0'\n"),
    cm('good-user', 'replicas: 3\n'),
    cm('bad-cluster', 'replicas: 0\n'),
    secret('bad-user', 'image:\n  tag: 5\n'),
    app('good', 'web-app', '1.0.0', { userConfig: { configMap: { name: 'good-user', namespace: ns } } }),
    app('bad', 'web-app', '1.0.0', { config: { configMap: { name: 'bad-cluster', namespace: ns } }, userConfig: { secret: { name: 'bad-user', namespace: ns } } }),
    app('plain', 'plain-app', '2.0.0'),
    app('broken', 'web-app', '1.0.0', { userConfig: { configMap: { name: 'nowhere', namespace: ns } } }),
  ]));
});

afterAll(async () => {
  await new Promise<void>((r) => (web ? web.close(() => r()) : r()));
});

describe('kubectl gs validate apps', () => {
  it('a table of every App in the namespace with its number of problems; exit 1 when any has some', async () => {
    requests.length = 0;
    const r = await kubectlGs(['validate', 'apps', '-n', ns], { env });
    expect(r.stderr).toBe(deprecation);
    expect(rows(r.stdout)).toEqual([
      ['NAMESPACE', 'NAME', 'VERSION', 'RESULT'],
      [ns, 'bad', '1.0.0', '2 errors'],
      [ns, 'broken', '1.0.0', `failed fetch and/or merge user provided values: configmap "nowhere" in namespace "${ns}" not found`],
      [ns, 'good', '1.0.0', '0 errors'],
      [ns, 'plain', '2.0.0', 'n/a: app has no values schema'],
    ]);
    expect(r.code).toBe(1);
    // The index, the schema and the archive once each, however many Apps use them.
    expect([...requests].sort()).toEqual(['/repo/charts/web-app-1.0.0.tgz', '/repo/index.yaml', '/schema.json']);
  });

  it('-o report lists each problem with its field and the merged value', async () => {
    const r = await kubectlGs(['validate', 'app', 'bad', '-n', ns, '-o', 'report'], { env });
    expect(r.stdout).toBe(`\nValidated 1 app across 1 namespace\n\n${ns} [1 app, 2 errors]\n  bad:\n    replicas - must be >= 1 - 0\n    image.tag - must be string - 5\n\n\n`);
    expect(r.code).toBe(1);
  });

  it('one valid App: 0 errors, exit 0; -q prints nothing and keeps the exit code', async () => {
    const r = await kubectlGs(['validate', 'app', 'good', '-n', ns], { env });
    expect(rows(r.stdout)).toEqual([['NAMESPACE', 'NAME', 'VERSION', 'RESULT'], [ns, 'good', '1.0.0', '0 errors']]);
    expect(r.code).toBe(0);
    const quietGood = await kubectlGs(['validate', 'app', 'good', '-n', ns, '-q'], { env });
    expect([quietGood.stdout, quietGood.code]).toEqual(['', 0]);
    const quietAll = await kubectlGs(['validate', 'apps', '-n', ns, '-q'], { env });
    expect([quietAll.stdout, quietAll.code]).toEqual(['', 1]);
  });

  it('-f checks against a local schema file instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-validate-'));
    const file = join(dir, 'values.schema.json');
    writeFileSync(file, JSON.stringify({ type: 'object', properties: { replicas: { type: 'integer', maximum: 2 } } }));
    const r = await kubectlGs(['validate', 'app', 'good', '-n', ns, '-f', file, '-o', 'report'], { env });
    expect(r.stdout).toContain('    replicas - must be <= 2 - 3\n');
    expect(r.code).toBe(1);
  });

  it.each([
    ['a missing App', ['validate', 'app', 'nope', '-n', ns], `error: An app '${ns}/nope' cannot be found; give its namespace with -n (kubectl gs get apps -A lists all)\n`],
    ['an unknown -o', ['validate', 'apps', '-n', ns, '-o', 'wide'], 'error: Unknown output format: wide; use -o report, or no -o for the table\n'],
  ])('%s: one line, exit 1', async (_what, args, stderr) => {
    const r = await kubectlGs(args, { env });
    expect(r.stderr).toBe(deprecation + stderr);
    expect(r.code).toBe(1);
  });
});
