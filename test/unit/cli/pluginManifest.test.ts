// The committed krew manifest: the shape krew needs for every platform we release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

describe('plugin.yaml', () => {
  const m = yaml.load(readFileSync(join(__dirname, '../../../plugin.yaml'), 'utf8')) as any;
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

  it('is a krew Plugin named gs at the package version', () => {
    expect(m.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
    expect(m.kind).toBe('Plugin');
    expect(m.metadata.name).toBe('gs');
    expect(m.spec.version).toBe(`v${pkg.version}`);
    expect(m.spec.shortDescription.length).toBeGreaterThan(10);
  });

  it.each(['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64', 'windows/amd64', 'windows/arm64'])('has an entry for %s', (platform) => {
    const [os, arch] = platform.split('/');
    const entry = m.spec.platforms.find((p: any) => p.selector.matchLabels.os === os && p.selector.matchLabels.arch === arch);
    expect(entry).toBeDefined();
    expect(entry.uri).toMatch(new RegExp(`^https://.+/kubectl-gs_${pkg.version.replace(/\./g, '\\.')}_${os}_${arch}\\.tar\\.gz$`));
    expect(entry.bin).toBe(os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs');
  });
});
