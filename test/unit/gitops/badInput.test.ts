// Bad input: one error line, a non-zero exit, and the whole tree (names, modes, contents, .git
// included) byte-identical before and after.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gitops, newRepo, treeChecksum, type Outcome } from './repo';
import { fullRepo, mc, org, repository } from './scenario';

async function expectRefused(repo: string, call: () => Promise<Outcome>, message: RegExp): Promise<void> {
  const before = treeChecksum(repo);
  const r = await call();
  expect(r.code).not.toBe(0);
  expect(r.error).toMatch(message);
  expect(r.error).not.toContain('\n');
  expect(treeChecksum(repo)).toBe(before);
}

describe('gitops bad input', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await fullRepo();
  });

  it.each([
    ['an upper-case management cluster', { name: 'DemoMC', repositoryName: repository }, /--name "DemoMC" is not a valid name/],
    ['a management cluster with a slash', { name: '../x', repositoryName: repository }, /--name "\.\.\/x" is not a valid name/],
    ['no repository name', { name: 'mc2' }, /^--repository-name must not be empty/],
  ])('add management-cluster refuses %s', async (_, o, message) => {
    await expectRefused(repo, () => gitops.mc({ localPath: repo, ...o }), message);
  });

  it('add organization refuses an invalid name', async () => {
    await expectRefused(repo, () => gitops.org({ localPath: repo, managementCluster: mc, name: 'org_1' }), /--name "org_1" is not a valid name/);
  });

  it('add workload-cluster refuses a base outside the repository and a base without --release', async () => {
    const wc = { localPath: repo, managementCluster: mc, organization: org, name: 'wc2', repositoryName: repository };
    await expectRefused(repo, () => gitops.wc({ ...wc, base: '../../etc', release: '1.0.0' }), /--base "\.\.\/\.\.\/etc" must not contain "\.\."/);
    await expectRefused(repo, () => gitops.wc({ ...wc, base: 'bases/clusters/capa/template' }), /^--release must not be empty when referencing base/);
  });

  it('a missing parent names the command to run first', async () => {
    await expectRefused(
      repo,
      () => gitops.wc({ localPath: repo, managementCluster: mc, organization: 'nosuchorg', name: 'wc2', repositoryName: repository }),
      /^organization "nosuchorg" is not in management cluster "demomc"; run `kubectl gs gitops add organization --management-cluster demomc --name nosuchorg` first$/,
    );
    await expectRefused(repo, () => gitops.org({ localPath: repo, managementCluster: 'nosuchmc', name: 'o' }), /run `kubectl gs gitops add management-cluster --name nosuchmc/);
    await expectRefused(
      repo,
      () => gitops.app({ localPath: repo, managementCluster: mc, organization: org, workloadCluster: 'nosuchwc', app: 'a', catalog: 'c', targetNamespace: 'n', version: '1.0.0' }),
      /run `kubectl gs gitops add workload-cluster/,
    );
    await expectRefused(
      repo,
      () => gitops.update({ localPath: repo, managementCluster: mc, organization: org, workloadCluster: 'demowc', app: 'nosuchapp', repository, versionRepository: 'example.com/x' }),
      /^app "nosuchapp" has no appcr\.yaml .* run `kubectl gs gitops add app/,
    );
    await expectRefused(repo, () => gitops.enc({ localPath: repo, managementCluster: 'nosuchmc' }), /run `kubectl gs gitops add management-cluster --name nosuchmc/);
  });

  it('a folder that is not a repository made by `gitops init` is refused', async () => {
    const plain = newRepo();
    await expectRefused(plain, () => gitops.mc({ localPath: plain, name: 'mc', repositoryName: repository }), /not a GitOps repository made by `kubectl gs gitops init`/);
    await expectRefused(plain, () => gitops.check({ localPath: plain }), /holds no \.gitops-metadata\.yaml, so there is nothing to check yet; run `kubectl gs gitops check --adopt`/);
    const noGit = join(plain, 'sub');
    mkdirSync(noGit);
    await expectRefused(plain, () => gitops.init({ localPath: noGit }), /not a Git repository/);
    await expectRefused(plain, () => gitops.init({ localPath: join(plain, 'missing') }), /does not exist/);
  });

  it('an existing file in the way is reported and nothing is written', async () => {
    // A file where the new workload cluster's directory belongs.
    writeFileSync(join(repo, 'management-clusters/demomc/organizations/demoorg/workload-clusters/wc3'), 'not a directory\n');
    await expectRefused(
      repo,
      () => gitops.wc({ localPath: repo, managementCluster: mc, organization: org, name: 'wc3', repositoryName: repository }),
      /wc3 is a file where a directory belongs; move it away/,
    );
  });

  // Root ignores permission bits, so as root the folder is made immutable (chattr +i) instead.
  const asRoot = process.getuid?.() === 0;
  function setReadOnly(dir: string, readOnly: boolean): void {
    if (!asRoot) return chmodSync(dir, readOnly ? 0o555 : 0o755);
    const r = spawnSync('chattr', [readOnly ? '+i' : '-i', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`chattr failed: ${r.stderr}`);
  }

  it.each([
    ['the workload-clusters folder (a new directory and an edit go there)', 'management-clusters/demomc/organizations/demoorg/workload-clusters'],
    ['the repository root (the staging folder and the metadata go there)', '.'],
  ])('a read-only folder, %s: one line, and nothing is written or left behind', async (_, rel) => {
    const ro = await fullRepo();
    const dir = join(ro, rel);
    setReadOnly(dir, true);
    try {
      await expectRefused(ro, () => gitops.wc({ localPath: ro, managementCluster: mc, organization: org, name: 'wc4', repositoryName: repository }), /cannot (create|write) .*; check that the folder is writable/);
    } finally {
      setReadOnly(dir, false);
    }
  });

  it('a failure after some files were replaced rolls them back (add encryption, read-only secrets folder)', async () => {
    const ro = await fullRepo();
    // The Secret is the last of the four files written: the public key, .sops.yaml and the Flux
    // Kustomization are in place when it fails, and must be undone.
    const dir = join(ro, 'management-clusters/demomc/secrets');
    setReadOnly(dir, true);
    try {
      await expectRefused(ro, () => gitops.enc({ localPath: ro, managementCluster: mc }), /cannot write .*demomc\.gpgkey\.enc\.yaml .*; check that the folder is writable/);
    } finally {
      setReadOnly(dir, false);
    }
  });
});
