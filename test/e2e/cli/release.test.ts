// The release archive for this machine's platform and its krew manifest entry, built by the real script.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { repoRoot, run } from '../support/env';

describe('scripts/release.mjs (linux/amd64)', () => {
  const out = mkdtempSync(join(tmpdir(), 'kgs-release-test-'));
  const manifestFile = join(out, 'plugin.yaml');
  let archive: string;

  beforeAll(async () => {
    const r = await run(process.execPath, ['scripts/release.mjs', '--platforms', 'linux/amd64', '--out', out, '--manifest', manifestFile],
      { timeoutMs: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    archive = join(out, `kubectl-gs_${pkg.version}_linux_amd64.tar.gz`);
  }, 300_000);

  it('puts the executable, the completion helper and LICENSE at the archive root', async () => {
    const list = await run('tar', ['tzf', archive]);
    expect(list.stdout.trim().split('\n').sort()).toEqual(['LICENSE', 'kubectl-gs', 'kubectl_complete-gs']);
  });

  it('writes a krew manifest whose linux/amd64 entry carries the archive sha256', () => {
    const m = yaml.load(readFileSync(manifestFile, 'utf8')) as any;
    expect(m.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
    expect(m.kind).toBe('Plugin');
    expect(m.metadata.name).toBe('gs');
    const platforms = m.spec.platforms.map((p: any) => `${p.selector.matchLabels.os}/${p.selector.matchLabels.arch}`);
    expect(platforms.sort()).toEqual(['darwin/amd64', 'darwin/arm64', 'linux/amd64', 'linux/arm64', 'windows/amd64', 'windows/arm64']);
    const entry = m.spec.platforms.find((p: any) => p.selector.matchLabels.os === 'linux' && p.selector.matchLabels.arch === 'amd64');
    const sha = createHash('sha256').update(readFileSync(archive)).digest('hex');
    expect(entry.sha256).toBe(sha);
    expect(entry.uri.endsWith('/kubectl-gs_' + m.spec.version.slice(1) + '_linux_amd64.tar.gz')).toBe(true);
    expect(entry.bin).toBe('kubectl-gs');
  });

  it('ships an executable that runs once unpacked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-unpacked-'));
    await run('tar', ['xzf', archive, '-C', dir]);
    const r = await run(join(dir, 'kubectl-gs'), ['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kubectl gs version /);
  });

  it('is reproducible: building again gives the same sha256', async () => {
    const again = mkdtempSync(join(tmpdir(), 'kgs-release-again-'));
    const r = await run(process.execPath, ['scripts/release.mjs', '--platforms', 'linux/amd64', '--out', again, '--manifest', join(again, 'p.yaml')],
      { timeoutMs: 300_000 });
    expect(r.code).toBe(0);
    const a = createHash('sha256').update(readFileSync(archive)).digest('hex');
    const b = createHash('sha256').update(readFileSync(join(again, archive.split('/').pop()!))).digest('hex');
    expect(b).toBe(a);
  }, 300_000);
});
