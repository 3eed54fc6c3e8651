// End to end: a repository made by the built `kubectl gs gitops ...` through the real kubectl, then every
// object in it (kustomize builds with Flux's postBuild substitutions applied, and the files Flux applies
// directly) accepted by a real kube-apiserver (`kubectl apply --dry-run=server`) that has the upstream
// Flux CRDs (crds/SOURCES.md) and the upstream Giant Swarm CRDs (../crds/giantswarm/README.md: App, Organization, ...) installed.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyCrds, applyManifest, kubectl, kubectlGs, kubectlOk } from '../support/env';
import { giantswarmCrdFiles } from '../support/objects';

const offline = { KUBECONFIG: '/nonexistent/kubeconfig', KUBECTL_GS_TELEMETRY_OPTOUT: '1' };
const fluxCrds = join(__dirname, 'crds');
const substitutions: Record<string, string> = { cluster_name: 'demowc', organization: 'demoorg', release: '29.0.0' };

let repo: string;

async function gs(args: string[]): Promise<string> {
  const r = await kubectlGs(['gitops', ...args, '--local-path', repo], { env: offline });
  expect([args.join(' '), r.stderr, r.code]).toEqual([args.join(' '), expect.not.stringMatching(/^error/m), 0]);
  return r.stdout;
}

async function serverAccepts(what: string, manifest: string): Promise<void> {
  const r = await kubectl(['apply', '--dry-run=server', '-f', '-'], { input: manifest });
  // The image objects are v1beta2, as the Go tool writes them; these CRDs serve it, deprecated (docs/gitops.md).
  const stderr = r.stderr.replace(/^Warning: v1beta2 Image(Policy|Repository|UpdateAutomation) is deprecated, upgrade to v1\n/gm, '');
  expect([what, r.code, stderr]).toEqual([what, 0, '']);
  expect(r.stdout).toMatch(/(created|configured|unchanged) \(server dry run\)/);
}

function filesUnder(rel = ''): string[] {
  return readdirSync(join(repo, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (p === '.git') return [];
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  // The test kube-apiserver is 1.20: the CRDs' CEL rules (x-kubernetes-validations, 1.25+) are unknown to
  // it, so kubectl's client-side check is off and the server drops them; the schemas are checked in full.
  for (const f of readdirSync(fluxCrds).filter((n) => n.endsWith('.yaml'))) {
    const names = (await applyManifest(readFileSync(join(fluxCrds, f), 'utf8'), ['-o', 'name', '--validate=false'])).split('\n').filter(Boolean);
    await kubectlOk(['wait', '--for', 'condition=Established', '--timeout', '60s', ...names]);
  }
  for (const f of giantswarmCrdFiles) await applyCrds(readFileSync(f, 'utf8'));
  await applyManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'org-demoorg' } });

  repo = mkdtempSync(join(tmpdir(), 'kgs-gitops-e2e-'));
  mkdirSync(join(repo, '.git/hooks'), { recursive: true });
  await gs(['init']);
  await gs(['add', 'management-cluster', '--name', 'demomc', '--repository-name', 'gitops-demo', '--gen-master-key']);
  await gs(['add', 'organization', '--management-cluster', 'demomc', '--name', 'demoorg']);
  await gs(['add', 'base', '--provider', 'capa']);
  const wc = ['add', 'workload-cluster', '--management-cluster', 'demomc', '--organization', 'demoorg', '--repository-name', 'gitops-demo'];
  await gs([...wc, '--name', 'demowc', '--base', 'bases/clusters/capa/template', '--release', '29.0.0']);
  await gs([...wc, '--name', 'flatwc', '--skip-mapi']);
  const where = ['--management-cluster', 'demomc', '--organization', 'demoorg', '--workload-cluster', 'demowc'];
  await gs(['add', 'app', ...where, '--app', 'hello-world', '--catalog', 'giantswarm', '--target-namespace', 'default', '--version', '0.3.0', '--in-cluster=false', '--install-timeout', '6m']);
  await gs(['add', 'automatic-update', ...where, '--app', 'hello-world', '--repository', 'gitops-demo', '--version-repository', 'gsoci.azurecr.io/charts/giantswarm/hello-world']);
  await gs(['add', 'encryption', '--generate', ...where, '--target', '/']);
});

describe('kubectl gs gitops (built executable, real kube-apiserver with the Flux CRDs)', () => {
  it('every kustomization.yaml builds, and what it builds (with the postBuild substitutions) is accepted', async () => {
    const kustomizations = filesUnder().filter((f) => f.endsWith('/kustomization.yaml') && !f.startsWith('bases/'));
    expect(kustomizations.length).toBe(4);
    for (const k of kustomizations) {
      const built = await kubectl(['kustomize', join(repo, dirname(k))]);
      expect([k, built.code]).toEqual([k, 0]);
      if (built.stdout.trim() === '') continue; // flatwc has no apps yet
      const substituted = built.stdout.replace(/\$\{(\w+)\}/g, (_, name: string) => substitutions[name] ?? `\${${name}}`);
      await serverAccepts(k, substituted);
    }
  });

  it('the files Flux applies directly are accepted: the management cluster Kustomization, the update automation, the key Secrets, the Organization', async () => {
    const direct = [
      'management-clusters/demomc/demomc.yaml',
      'management-clusters/demomc/organizations/demoorg/demoorg.yaml',
      'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/automatic-updates/imageupdate.yaml',
      'management-clusters/demomc/secrets/demomc.gpgkey.enc.yaml',
      'management-clusters/demomc/secrets/demowc.gpgkey.enc.yaml',
      'management-clusters/demomc/secrets/flatwc.gpgkey.enc.yaml',
    ];
    for (const f of direct) await serverAccepts(f, readFileSync(join(repo, f), 'utf8'));
  });

  it('the server check is real: it rejects a Flux Kustomization without its sourceRef', async () => {
    const broken = readFileSync(join(repo, 'management-clusters/demomc/demomc.yaml'), 'utf8').replace(/  sourceRef:\n(    .*\n)+/, '');
    const r = await kubectl(['apply', '--dry-run=server', '--validate=false', '-f', '-'], { input: broken });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/sourceRef: Required value/);
  });

  it('bad input through the executable: one error line, exit 1', async () => {
    const r = await kubectlGs(['gitops', 'add', 'organization', '--management-cluster', 'nosuchmc', '--name', 'o', '--local-path', repo], { env: offline });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: management cluster "nosuchmc" is not in the repository; run `kubectl gs gitops add management-cluster --name nosuchmc --repository-name <repository>` first\n',
    );
  });
});
