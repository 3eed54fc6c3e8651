// Exec credential plugins: KUBERNETES_EXEC_INFO and validation of what the plugin prints.
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execInfo, interactiveFor, parseExecCredential, runExecPlugin, type ExecContext } from '../../../src/kube/exec';
import type { ExecConfig } from '../../../src/kube/kubeconfig';

const v1: ExecConfig = { apiVersion: 'client.authentication.k8s.io/v1', command: 'plugin', args: [], env: [], provideClusterInfo: false, interactiveMode: 'Never' };
const ctx: ExecContext = { userName: 'u', env: { PATH: process.env.PATH }, server: 'https://api:6443', cluster: { tlsServerName: 'n' }, caData: 'Q0E=', stdinIsTTY: false };
const credential = (o: object) => JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', ...o });

test('KUBERNETES_EXEC_INFO without and with cluster info', () => {
  expect(JSON.parse(execInfo(v1, ctx, false))).toEqual({ kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1', spec: { interactive: false } });
  expect(JSON.parse(execInfo({ ...v1, provideClusterInfo: true }, ctx, true)).spec).toEqual({
    interactive: true,
    cluster: { server: 'https://api:6443', 'tls-server-name': 'n', 'certificate-authority-data': 'Q0E=' },
  });
  const withExtension = { ...ctx, cluster: { ...ctx.cluster, execExtension: { audience: 'mc' } } };
  expect(JSON.parse(execInfo({ ...v1, provideClusterInfo: true }, withExtension, false)).spec.cluster.config).toEqual({ audience: 'mc' });
});

describe('interactiveMode (client-go rules)', () => {
  const beta = { ...v1, apiVersion: 'client.authentication.k8s.io/v1beta1', interactiveMode: undefined };
  test('v1beta1 defaults to IfAvailable: interactive only on a terminal', () => {
    expect(interactiveFor(beta, { stdinIsTTY: true })).toBe(true);
    expect(interactiveFor(beta, { stdinIsTTY: false })).toBe(false);
  });
  test('v1 must say it', () => {
    expect(() => interactiveFor({ ...v1, interactiveMode: undefined }, { userName: 'u', stdinIsTTY: false })).toThrow(
      'the exec credential plugin of user "u" has no interactiveMode, which client.authentication.k8s.io/v1 requires',
    );
  });
  test('Never, Always, and nonsense', () => {
    expect(interactiveFor(v1, { stdinIsTTY: true })).toBe(false);
    expect(interactiveFor({ ...v1, interactiveMode: 'Always' }, { stdinIsTTY: true })).toBe(true);
    expect(() => interactiveFor({ ...v1, interactiveMode: 'Always' }, { stdinIsTTY: false })).toThrow('needs a terminal');
    expect(() => interactiveFor({ ...v1, interactiveMode: 'Sometimes' }, { stdinIsTTY: false })).toThrow('invalid interactiveMode "Sometimes"');
  });
});

describe('parseExecCredential', () => {
  test('a token with an expiry', () => {
    expect(parseExecCredential(credential({ status: { token: 't', expirationTimestamp: '2030-01-01T00:00:00Z' } }), v1)).toEqual({
      token: 't',
      clientCertificateData: undefined,
      clientKeyData: undefined,
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    });
  });

  test('a client certificate', () => {
    expect(parseExecCredential(credential({ status: { clientCertificateData: 'C', clientKeyData: 'K' } }), v1)).toMatchObject({ clientCertificateData: 'C', clientKeyData: 'K' });
  });

  test.each([
    ['not json', 'did not print an ExecCredential as JSON'],
    [JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 't' } }), 'printed ExecCredential of apiVersion "client.authentication.k8s.io/v1beta1", but the kubeconfig expects an ExecCredential of client.authentication.k8s.io/v1'],
    [credential({ status: {} }), 'printed neither a token nor a client certificate'],
    [credential({ status: { clientCertificateData: 'C' } }), 'a client certificate without its key'],
  ])('rejects %s', (out, message) => {
    expect(() => parseExecCredential(out, v1, 'u')).toThrow(message);
  });
});

describe('runExecPlugin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-unit-exec-'));
  const script = join(dir, 'plugin.sh');
  writeFileSync(
    script,
    `#!/bin/sh
[ "$1" = "--flag" ] || { echo "no arg" >&2; exit 3; }
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s|%s"}}' "$FROM_KUBECONFIG" "$(echo "$KUBERNETES_EXEC_INFO" | tr -d '"')"
`,
  );
  chmodSync(script, 0o755);

  test('passes args, env entries and KUBERNETES_EXEC_INFO', async () => {
    const cred = await runExecPlugin({ ...v1, command: script, args: ['--flag'], env: [{ name: 'FROM_KUBECONFIG', value: 'yes' }] }, ctx);
    expect(cred.token).toBe('yes|{kind:ExecCredential,apiVersion:client.authentication.k8s.io/v1,spec:{interactive:false}}');
  });

  test('a failing plugin', async () => {
    await expect(runExecPlugin({ ...v1, command: script }, ctx)).rejects.toThrow(`the exec credential plugin "${script}" of user "u" exited with code 3`);
  });

  test('an unsupported apiVersion', async () => {
    await expect(runExecPlugin({ ...v1, apiVersion: 'client.authentication.k8s.io/v1alpha1' }, ctx)).rejects.toThrow('uses apiVersion "client.authentication.k8s.io/v1alpha1"');
  });

  test('a missing plugin without installHint', async () => {
    await expect(runExecPlugin({ ...v1, command: 'kgs-definitely-missing' }, ctx)).rejects.toThrow(
      'the exec credential plugin "kgs-definitely-missing" of user "u" was not found; install it or fix the command in the kubeconfig',
    );
  });
});
