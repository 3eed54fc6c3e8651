// The gitops commands step by step on one repository: after each step the whole tree (paths, modes,
// contents; key material masked) and each step's --dry-run output match golden files; re-running a step
// changes nothing and says so; the private key is 0600 and never printed.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expectGolden } from './golden';
import { dumpTree, fingerprintsIn, maskKeys, newRepo, treeChecksum } from './repo';
import { steps } from './scenario';

describe('gitops commands (golden trees)', () => {
  const repo = newRepo();

  it.each(steps.map((s, i) => [s.name, i] as const))('%s: --dry-run prints the Go layout, the real run writes the golden tree', async (name, i) => {
    const step = steps[i];
    const before = treeChecksum(repo);
    const dry = await step.call(repo, true);
    expect(dry.error).toBeUndefined();
    expect(treeChecksum(repo)).toBe(before); // --dry-run writes nothing
    const done = await step.call(repo, false);
    expect(done.error).toBeUndefined();
    expect(done.code).toBe(0);
    // Only `add app` says something on stderr: cobra's notice that the command is deprecated.
    expect(done.stderr).toBe(name === 'add-app' ? 'Command "app" is deprecated, currently without replacement\n' : '');
    const fingerprints = fingerprintsIn(repo);
    const masked = (text: string) => maskKeys(text.split(repo).join('<REPO>'), fingerprints);
    expect(dry.stdout).not.toMatch(/BEGIN PGP PRIVATE KEY/);
    expect(done.stdout).not.toMatch(/BEGIN PGP PRIVATE KEY/);
    expectGolden(`steps/${String(i).padStart(2, '0')}-${name}.dry-run.txt`, masked(dry.stdout));
    expectGolden(`steps/${String(i).padStart(2, '0')}-${name}.tree.txt`, masked(dumpTree(repo) + '-- stdout --\n' + done.stdout));
  });

  it('re-running a step that made a layer changes nothing and says so', async () => {
    for (const step of steps.filter((s) => !s.name.startsWith('add-encryption'))) {
      const before = treeChecksum(repo);
      const again = await step.call(repo, false);
      expect(treeChecksum(repo)).toBe(before);
      if (step.name === 'add-app') {
        // As the Go tool: an app is never configured twice.
        expect(again.error).toBe('`hello-world` app is already configured for the cluster.');
      } else {
        expect(again.error).toBeUndefined();
        expect(again.stdout).toMatch(/^Nothing changed: .* is already in the repository\.\n$/);
      }
    }
  });

  it('the private keys are in the Secret files only, 0600, and decode to armored private keys', () => {
    const secret = join(repo, 'management-clusters/demomc/secrets/demowc.gpgkey.enc.yaml');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const text = readFileSync(secret, 'utf8');
    const encoded = /demowc\.[0-9a-f]{40}\.asc: (\S+)/.exec(text)![1];
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toMatch(/^-----BEGIN PGP PRIVATE KEY BLOCK-----/);
  });
});
