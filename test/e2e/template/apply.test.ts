// End to end: the built `kubectl gs template ...` run through the real kubectl prints exactly the
// golden manifests, works without any cluster, and every manifest is accepted by a real kube-apiserver
// (`kubectl apply --dry-run=server`) that has the upstream Giant Swarm CRDs (App, Catalog, Organization, ...) installed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goldenCases } from '../../unit/template/cases';
import { applyCrds, applyManifest, kubectl, kubectlGs } from '../support/env';
import { giantswarmCrdFiles } from '../support/objects';

const goldenDir = join(__dirname, '../../unit/template/golden');
// No cluster at all: the template commands must not need one.
const offline = { KUBECONFIG: '/nonexistent/kubeconfig', KUBECTL_GS_TELEMETRY_OPTOUT: '1' };

beforeAll(async () => {
  // The upstream Giant Swarm CRDs (test/e2e/crds/giantswarm/README.md).
  for (const file of giantswarmCrdFiles) await applyCrds(readFileSync(file, 'utf8'));
  // The organization namespace and the namespaces the app templates target.
  const namespaces = ['org-acme', 'test1', 'giantswarm'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
  await applyManifest({ apiVersion: 'v1', kind: 'List', items: namespaces });
});

describe('kubectl gs template (built executable, real kube-apiserver)', () => {
  it.each(goldenCases.map((c) => [c.name, c] as const))('%s: prints the golden manifests offline and the server accepts them', async (name, c) => {
    const r = await kubectlGs(['template', ...c.args], { env: offline });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(goldenDir, `${name}.yaml`), 'utf8'));
    const applied = await kubectl(['apply', '--dry-run=server', '-f', '-'], { input: r.stdout });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/(created|configured) \(server dry run\)/);
  });

  it('the server check is real: it rejects an App without a version', async () => {
    const r = await kubectlGs(['template', 'app', '--catalog', 'g', '--name', 'n', '--version', '1.0.0', '--cluster-name', 'test1', '--target-namespace', 't'], { env: offline });
    expect(r.code).toBe(0);
    const broken = r.stdout.replace(/^  version: .*$/m, '');
    // --validate=false: the server's own schema check, not kubectl's client-side one, must reject it.
    const applied = await kubectl(['apply', '--dry-run=server', '--validate=false', '-f', '-'], { input: broken });
    expect(applied.code).not.toBe(0);
    expect(applied.stderr).toMatch(/spec\.version: Required value/);
  });

  it('--output writes a file kubectl can apply, and a failing run leaves it byte-identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-template-e2e-'));
    const file = join(dir, 'cluster.yaml');
    const args = ['template', 'cluster', '--provider', 'capa', '--name', 'mycluster', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'];
    const ok = await kubectlGs([...args, '--output', file], { env: offline });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    const written = readFileSync(file, 'utf8');
    expect((await kubectl(['apply', '--dry-run=server', '-f', file])).code).toBe(0);

    const bad = await kubectlGs([...args, '--machine-pool-min-size', '7', '--machine-pool-max-size', '3', '--output', file], { env: offline });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: --machine-pool-min-size (7) is greater than --machine-pool-max-size (3); make the minimum at most the maximum\n');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('prints every problem on its own line and exits 1, with no stack trace', async () => {
    const r = await kubectlGs(['template', 'cluster', '--provider', 'nope', '--name', 'Bad', '--organization', 'acme'], { env: offline });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'error: --provider "nope" is not supported; use one of: capa, capz, eks, vsphere, cloud-director, aks',
      'error: --name "Bad" is not a valid cluster name: use lowercase letters, digits and \'-\', start with a letter and end with a letter or digit',
    ]);
  });
});
