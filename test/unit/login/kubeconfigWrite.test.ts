import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeconfigLocation, lockKubeconfig, routeChange, saveKubeconfig, writeNewKubeconfig } from '../../../src/login/kubeconfigWrite';

const dir = () => mkdtempSync(join(tmpdir(), 'kgs-kcw-'));
const setUser = (name: string) => ({ list: 'users' as const, name, update: () => ({ token: 't' }) });

describe('where login writes (client-go ModifyConfig rules)', () => {
  it('existing entries go back to their file, new ones to the first existing KUBECONFIG file, current-context where it is set', () => {
    const d = dir();
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(d, n));
    writeFileSync(b, 'users:\n- name: old\n  user: {token: x}\n');
    writeFileSync(c, 'current-context: somewhere\nusers:\n- name: other\n  user: {token: y}\n');
    const location = kubeconfigLocation(undefined, { KUBECONFIG: [a, b, c].join(':') });
    expect(location.defaultFile).toBe(b); // a does not exist
    const plan = routeChange(location, { entries: [setUser('new'), setUser('other')], currentContext: 'gs-x' });
    expect(plan.get(b)?.entries.map((e) => e.name)).toEqual(['new']);
    expect(plan.get(c)?.entries.map((e) => e.name)).toEqual(['other']);
    expect(plan.get(c)?.currentContext).toBe('gs-x');
  });

  it('--kubeconfig takes everything, existing or not; no KUBECONFIG means ~/.kube/config', () => {
    expect(kubeconfigLocation('x/config', {}, '/work')).toEqual({ files: ['/work/x/config'], defaultFile: '/work/x/config', explicit: true });
    expect(kubeconfigLocation(undefined, { HOME: '/home/u' }).defaultFile).toBe('/home/u/.kube/config');
  });
});

describe('saving', () => {
  it('writes 0600 atomically, through a symlink to its target, and leaves no lock or temp file', async () => {
    const d = dir();
    const real = join(d, 'real-config');
    writeFileSync(real, '# keep me\napiVersion: v1\nkind: Config\nusers:\n- name: a\n  user:\n    token: a\n', { mode: 0o644 });
    const link = join(d, 'config');
    symlinkSync(real, link);
    await saveKubeconfig(kubeconfigLocation(link, {}), { entries: [setUser('b')], currentContext: 'c' });
    expect(statSync(link, { throwIfNoEntry: true }).isFile()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('# keep me\napiVersion: v1\nkind: Config\nusers:\n- name: a\n  user:\n    token: a\n- name: b\n  user:\n    token: t\ncurrent-context: c\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(require('node:fs').readdirSync(d).sort()).toEqual(['config', 'real-config']);
  });

  it('waits for, then refuses, a kubeconfig locked by kubectl (<file>.lock), leaving the file as it was', async () => {
    const d = dir();
    const file = join(d, 'config');
    writeFileSync(file, 'apiVersion: v1\n');
    const release = await lockKubeconfig(file);
    expect(existsSync(`${file}.lock`)).toBe(true);
    await expect(lockKubeconfig(file, 200)).rejects.toThrow(`kubeconfig ${file} is locked by ${file}.lock`);
    const waiting = saveKubeconfig(kubeconfigLocation(file, {}), { entries: [setUser('x')] });
    await new Promise((r) => setTimeout(r, 150));
    expect(readFileSync(file, 'utf8')).toBe('apiVersion: v1\n');
    release();
    await waiting;
    expect(readFileSync(file, 'utf8')).toContain('- name: x');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('--self-contained never replaces an existing file', () => {
    const d = dir();
    const file = join(d, 'sc.yaml');
    writeNewKubeconfig(file, 'apiVersion: v1\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => writeNewKubeconfig(file, 'other')).toThrow(`The destination file ${file} already exists. Please specify a different destination.`);
    expect(readFileSync(file, 'utf8')).toBe('apiVersion: v1\n');
  });
});
