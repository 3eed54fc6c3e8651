// Go kubectl-gs parity of `template app` and `template catalog`: the organization lower-cased, the
// deprecated --namespace/--cluster spellings (kubectl's connection flags, which template never uses) read
// as --target-namespace/--cluster-name with cobra's notice, and Go's catalog layout without a Secret.
import { template } from './helpers';

const app = ['app', '--catalog', 'giantswarm', '--name', 'hello', '--version', '1.0.0'];

describe('template app, as the Go tool reads its flags', () => {
  it('lower-cases --organization', async () => {
    const r = await template([...app, '--cluster-name', 'c1', '--target-namespace', 'hello', '--organization', 'AcMe']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  namespace: org-acme\n');
  });

  it('takes --namespace and --cluster for --target-namespace and --cluster-name, with the deprecation notice', async () => {
    const r = await template([...app, '--cluster', 'c1', '--namespace', 'hello']);
    expect(r.stderr).toBe('Flag --namespace has been deprecated, use --target-namespace instead\nFlag --cluster has been deprecated, use --cluster-name instead\n');
    expect(r.code).toBe(0);
    const modern = await template([...app, '--cluster-name', 'c1', '--target-namespace', 'hello']);
    expect(r.stdout).toBe(modern.stdout);
  });

  it('the new spellings win when both are given', async () => {
    const r = await template([...app, '--cluster-name', 'c1', '--target-namespace', 'hello', '-n', 'other']);
    expect(r.stderr).toBe('Flag --namespace has been deprecated, use --target-namespace instead\n');
    expect(r.stdout).toContain('  namespace: hello\n');
    expect(r.stdout).not.toContain('other');
  });
});

describe('template catalog, in the Go layout', () => {
  it('prints empty documents where there is no ConfigMap or Secret', async () => {
    const r = await template(['catalog', '--name', 'c', '--target-namespace', 'org-acme', '--url', 'https://acme.example/c/', '--description', 'd', '--logo', 'https://acme.example/l.png']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('---\n---\napiVersion: application.giantswarm.io/v1alpha1\nkind: Catalog\n')).toBe(true);
  });
});

describe('template cluster --generate-name', () => {
  const base = ['cluster', '--provider', 'capa', '--organization', 'acme', '--release', '31.1.0', '--region', 'eu-west-1'];

  it('makes a random valid name of 10 characters without 1 or l', async () => {
    const a = await template([...base, '--generate-name']);
    const b = await template([...base, '--generate-name']);
    expect(a.code).toBe(0);
    const name = (r: { stdout: string }) => /^  name: (\S+)-userconfig$/m.exec(r.stdout)?.[1];
    expect(name(a)).toMatch(/^[a-km-z][02-9a-km-z]{9}$/);
    expect(name(a)).not.toBe(name(b));
  });

  it('refuses --generate-name with --name, and asks for one of them', async () => {
    const both = await template([...base, '--generate-name', '--name', 'mycluster']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--name and --generate-name are mutually exclusive. We recommend choosing a name explicitly using --name.');
    const neither = await template(base);
    expect(neither.stderr).toContain('--generate-name');
  });
});
