// --output writes the whole file atomically or leaves the previous one byte-identical.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { template } from './helpers';

const capa = ['cluster', '--provider', 'capa', '--name', 'test1', '--organization', 'acme', '--release', '31.1.0'];
const previous = '# the previous file\nkind: Keep\n';

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'kgs-template-'));
}

describe('template --output', () => {
  it('writes the same bytes as stdout, and nothing to stdout', async () => {
    const dir = workDir();
    const file = join(dir, 'cluster.yaml');
    writeFileSync(file, previous);
    const toFile = await template([...capa, '--output', file]);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe((await template(capa)).stdout);
    expect(readdirSync(dir)).toEqual(['cluster.yaml']); // no temporary file left behind
  });

  it('keeps the permissions of the file it replaces', async () => {
    const dir = workDir();
    const file = join(dir, 'org.yaml');
    writeFileSync(file, previous);
    chmodSync(file, 0o600);
    expect((await template(['organization', '--name', 'acme', '--output', file])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('kind: Organization');
  });

  it('leaves the previous file byte-identical when the input is invalid', async () => {
    const dir = workDir();
    const file = join(dir, 'cluster.yaml');
    writeFileSync(file, previous);
    const r = await template([...capa, '--machine-pool-min-size', '9', '--machine-pool-max-size', '1', '--output', file]);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(previous);
    expect(readdirSync(dir)).toEqual(['cluster.yaml']);
  });

  it('leaves the previous file byte-identical when a values file cannot be read', async () => {
    const dir = workDir();
    const file = join(dir, 'app.yaml');
    writeFileSync(file, previous);
    const r = await template(['app', '--catalog', 'g', '--name', 'n', '--version', '1.0.0', '--in-cluster', '--target-namespace', 't',
      '--user-configmap', join(dir, 'missing.yaml'), '--output', file]);
    expect(r.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(previous);
  });

  it('fails with one line and leaves everything in place when the file cannot be replaced', async () => {
    const dir = workDir();
    const target = join(dir, 'out.yaml');
    mkdirSync(target); // a directory where the file should go: rename fails
    writeFileSync(join(target, 'inside'), previous);
    const r = await template([...capa, '--output', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write .*out\.yaml \(\w+\); check that the directory exists and is writable\n$/);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe(previous);
    expect(readdirSync(dir)).toEqual(['out.yaml']); // the temporary file was removed
  });

  it('fails with one line when the directory does not exist', async () => {
    const dir = workDir();
    const r = await template([...capa, '--output', join(dir, 'nope', 'out.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: cannot write');
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
