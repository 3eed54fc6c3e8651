// `gitops check` and `--adopt`: the report and the adoption texts (golden), the exit status for CI, and
// adoption of a repository laid out by hand (the Go tool's adopt test fixture).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from './golden';
import { gitops, newRepo, treeChecksum } from './repo';
import { fullRepo } from './scenario';

function handMadeRepo(): string {
  const repo = newRepo();
  const dirs = [
    'bases/clusters/capa/template',
    'management-clusters/demomc/secrets',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/hello-world',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/ingress-from-base',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/cluster',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/flatwc/apps/hello-world',
    'management-clusters/demomc/organizations/otherorg/workload-clusters/otherwc/mapi/apps',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/leftovers',
    'bases/clusters/capz',
  ];
  for (const d of dirs) mkdirSync(join(repo, d), { recursive: true });
  const files = [
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/hello-world/appcr.yaml',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/ingress-from-base/kustomization.yaml',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/flatwc/apps/hello-world/appcr.yaml',
    'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/leftovers/notes.txt',
  ];
  for (const f of files) writeFileSync(join(repo, f), '---\n');
  return repo;
}

describe('gitops check', () => {
  it('reports every layer up to date on a generated repository, exit 0', async () => {
    const repo = await fullRepo();
    const r = await gitops.check({ localPath: repo });
    expect(r.code).toBe(0);
    expectGolden('check/up-to-date.txt', r.stdout);
  });

  it('reports outdated layers and fails for CI', async () => {
    const repo = await fullRepo();
    const file = join(repo, '.gitops-metadata.yaml');
    const text = readFileSync(file, 'utf8').replace('kind: organization\n  path: management-clusters/demomc/organizations/demoorg\n  structureVersion: 1', 'kind: organization\n  path: management-clusters/demomc/organizations/demoorg\n  structureVersion: 0');
    writeFileSync(file, text);
    const r = await gitops.check({ localPath: repo });
    expect(r.code).toBe(1);
    expect(r.error).toBe(
      'the repository was generated with an older repository structure than this kubectl-gs produces (version 1); see https://github.com/giantswarm/gitops-template/blob/main/docs/repo_structure.md for what changed',
    );
    expectGolden('check/outdated.txt', r.stdout);
  });

  it('--adopt records a hand-made repository (dry-run first writes nothing), then has nothing left to adopt', async () => {
    const repo = handMadeRepo();
    const before = treeChecksum(repo);
    const dry = await gitops.check({ localPath: repo, adopt: true, dryRun: true });
    expect(dry.code).toBe(0);
    expect(treeChecksum(repo)).toBe(before);
    expectGolden('check/adopt-dry-run.txt', dry.stdout.split(repo).join('<REPO>'));
    const done = await gitops.check({ localPath: repo, adopt: true });
    expectGolden('check/adopt.txt', done.stdout.split(repo).join('<REPO>'));
    expectGolden('check/adopted-metadata.yaml', readFileSync(join(repo, '.gitops-metadata.yaml'), 'utf8'));
    const again = await gitops.check({ localPath: repo, adopt: true });
    expect(again.stdout).toBe('Nothing to adopt: all 10 detected layer(s) are already recorded.\n');
    const report = await gitops.check({ localPath: repo });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/All 10 layer\(s\) are up to date\.\n$/);
  });

  it('a foreign metadata file is refused, not replaced', async () => {
    const repo = newRepo();
    writeFileSync(join(repo, '.gitops-metadata.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    const before = treeChecksum(repo);
    const r = await gitops.check({ localPath: repo, adopt: true });
    expect(r.error).toMatch(/holds kind "ConfigMap", expected "RepositoryMetadata"; restore it from Git$/);
    expect(treeChecksum(repo)).toBe(before);
    rmSync(repo, { recursive: true });
  });
});
