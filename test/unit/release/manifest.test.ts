// The committed krew manifest template (plugin.yaml) and how the release fills it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { archiveName, fillManifest } from '../../../scripts/release/manifest.mjs';
import { platformIds } from '../../../scripts/release/platforms.mjs';

const root = join(__dirname, '../../..');
const template = readFileSync(join(root, 'plugin.yaml'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const all = ['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64', 'windows/amd64', 'windows/arm64'];
const fakeSha = (i: number) => String(i).repeat(64);
const built = (ids: string[]) => ids.map((id, i) => {
  const [os, arch] = id.split('/');
  return { file: archiveName('1.2.3', os, arch), sha256: fakeSha(i + 1) };
});

describe('plugin.yaml filled by the release', () => {
  it('the release builds the six platforms of the Go kubectl-gs', () => {
    expect([...platformIds].sort()).toEqual([...all].sort());
  });

  it('is a krew Plugin named gs with the tag as version', () => {
    const m = yaml.load(fillManifest(template, pkg.version, built(all).map((b) => ({ ...b, file: b.file.replace('1.2.3', pkg.version) })))) as any;
    expect(m.apiVersion).toBe('krew.googlecontainertools.github.com/v1alpha2');
    expect(m.kind).toBe('Plugin');
    expect(m.metadata.name).toBe('gs');
    expect(m.spec.version).toBe(`v${pkg.version}`);
    expect(m.spec.shortDescription.length).toBeGreaterThan(10);
  });

  it.each(all.map((id, i) => [id, i]))('gives %s its archive uri, sha256 and bin', (platform, i) => {
    const [os, arch] = (platform as string).split('/');
    const m = yaml.load(fillManifest(template, '1.2.3', built(all))) as any;
    const entry = m.spec.platforms.find((p: any) => p.selector.matchLabels.os === os && p.selector.matchLabels.arch === arch);
    expect(entry.uri).toBe(`https://github.com/giantswarm/kubectl-gs/releases/download/v1.2.3/kubectl-gs-v1.2.3-${os}-${arch}.tar.gz`);
    expect(entry.sha256).toBe(fakeSha((i as number) + 1));
    expect(entry.bin).toBe(os === 'windows' ? 'kubectl-gs.exe' : 'kubectl-gs');
  });

  it('leaves out the platforms a partial release did not build', () => {
    const m = yaml.load(fillManifest(template, '1.2.3', built(['darwin/arm64']))) as any;
    expect(m.spec.platforms).toHaveLength(1);
    expect(m.spec.platforms[0].selector.matchLabels).toEqual({ os: 'darwin', arch: 'arm64' });
    expect(m.spec.platforms[0].sha256).toBe(fakeSha(1));
  });

  it('points the uris at a mirror when given a base URL', () => {
    const m = yaml.load(fillManifest(template, '1.2.3', built(['linux/amd64']), 'http://127.0.0.1:9/dl/')) as any;
    expect(m.spec.platforms[0].uri).toBe('http://127.0.0.1:9/dl/v1.2.3/kubectl-gs-v1.2.3-linux-amd64.tar.gz');
  });

  it('refuses an archive the template has no entry for, and template syntax it does not know', () => {
    expect(() => fillManifest(template, '1.2.3', [{ file: 'kubectl-gs-v1.2.3-plan9-amd64.tar.gz', sha256: fakeSha(1) }])).toThrow(/no entry for kubectl-gs-v1.2.3-plan9-amd64/);
    expect(() => fillManifest(`${template}\n# {{ .Other }}\n`, '1.2.3', built(all))).toThrow(/template expression/);
  });
});
