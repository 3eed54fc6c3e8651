// The generated repository is valid: every file parses as YAML, every path a kustomization.yaml names
// exists, and every kustomization.yaml builds with a real kustomize (the one built into kubectl).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAll } from 'js-yaml';
import { fullRepo } from './scenario';

function filesUnder(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, rel))) {
    const p = rel ? `${rel}/${name}` : name;
    if (p === '.git') continue;
    if (statSync(join(root, p)).isDirectory()) out.push(...filesUnder(root, p));
    else out.push(p);
  }
  return out.sort();
}

describe('a generated repository (every command run once)', () => {
  let repo: string;
  let kustomizations: string[];
  beforeAll(async () => {
    repo = await fullRepo();
    kustomizations = filesUnder(repo).filter((f) => f.endsWith('kustomization.yaml'));
  });

  it('holds the kustomizations of every layer', () => {
    expect(kustomizations).toEqual([
      'bases/clusters/capa/template/kustomization.yaml',
      'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/apps/kustomization.yaml',
      'management-clusters/demomc/organizations/demoorg/workload-clusters/demowc/mapi/cluster/kustomization.yaml',
      'management-clusters/demomc/organizations/demoorg/workload-clusters/flatwc/apps/kustomization.yaml',
      'management-clusters/demomc/organizations/demoorg/workload-clusters/kustomization.yaml',
    ]);
  });

  it('every YAML file parses', () => {
    for (const f of filesUnder(repo).filter((p) => p.endsWith('.yaml'))) {
      expect(() => loadAll(readFileSync(join(repo, f), 'utf8'))).not.toThrow();
    }
  });

  it('every resource, patch and generator file a kustomization.yaml names exists', () => {
    for (const k of kustomizations) {
      const dir = dirname(join(repo, k));
      const doc = loadAll(readFileSync(join(repo, k), 'utf8'))[0] as Record<string, any>;
      const refs: string[] = [
        ...(doc.resources ?? []),
        ...(doc.patchesStrategicMerge ?? []),
        ...(doc.patches ?? []).map((p: { path: string }) => p.path),
        ...(doc.configMapGenerator ?? []).flatMap((g: { files: string[] }) => g.files.map((f) => f.split('=').pop()!)),
      ];
      for (const ref of refs) expect([k, ref, existsSync(join(dir, ref))]).toEqual([k, ref, true]);
    }
  });

  it('every kustomization.yaml builds with kustomize (kubectl kustomize)', () => {
    for (const k of kustomizations) {
      const r = spawnSync('kubectl', ['kustomize', dirname(join(repo, k))], { encoding: 'utf8' });
      expect([k, r.status, r.stderr.replace(/^# Warning: 'commonLabels' is deprecated.*\n/gm, '')]).toEqual([k, 0, '']);
      if (!k.endsWith('flatwc/apps/kustomization.yaml')) expect(r.stdout).toMatch(/^kind: /m);
    }
  });

  it('the kustomize check is real: a missing resource fails the build', () => {
    const dir = join(repo, 'management-clusters/demomc/organizations/demoorg/workload-clusters');
    const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(0);
    const broken = spawnSync('sh', ['-c', `cp -r "${dir}" "${dir}.broken" && rm "${dir}.broken/flatwc.yaml" && kubectl kustomize "${dir}.broken"; s=$?; rm -rf "${dir}.broken"; exit $s`], { encoding: 'utf8' });
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/flatwc\.yaml/);
  });
});
