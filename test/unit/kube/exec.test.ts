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

describe('runExecPlugin bounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-unit-exec-bounds-'));
  const token = credential({ status: { token: 'from-plugin' } }).replace(/"/g, '\\"');
  const plugin = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  test('a plugin that never exits is stopped after --request-timeout, named by its command only', async () => {
    const hang = plugin('hang.sh', 'exec sleep 60');
    const err = await runExecPlugin({ ...v1, command: hang, args: ['--secret-arg=hunter2'], env: [{ name: 'SECRET', value: 's3cret' }] }, { ...ctx, timeoutMs: 300 }).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      `the exec credential plugin "${hang}" of user "u" did not finish within 300ms (--request-timeout) and was stopped; check that it works without a terminal, or raise --request-timeout`,
    );
  });

  test('without --request-timeout the documented default applies', async () => {
    const { defaultExecTimeoutMs } = await import('../../../src/kube/exec');
    expect(defaultExecTimeoutMs).toBe(5 * 60_000);
  });

  test('finishes when the plugin exits, although a child it left behind holds its stdout', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const leaves = plugin('leaves-child.sh', `sleep 30 &\necho $! > ${pidFile}\nprintf "${token}"\nexit 0`);
    try {
      // Without the fix this waits for the 30 s sleep (and fails on the test's own 10 s limit).
      const cred = await runExecPlugin({ ...v1, command: leaves }, ctx);
      expect(cred.token).toBe('from-plugin');
    } finally {
      const { readFileSync } = await import('node:fs');
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').trim()));
      } catch {
        // already gone
      }
    }
  }, 10_000);

  test('a plugin printing without end is stopped at 4 MiB, in one line', async () => {
    const flood = plugin('flood.sh', 'exec yes aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    const err = (await runExecPlugin({ ...v1, command: flood }, ctx).catch((e: Error) => e)) as Error;
    expect(err.message).toBe(`the exec credential plugin "${flood}" of user "u" printed more than 4 MiB and was stopped; an ExecCredential is a few KB: check the plugin`);
  });
});
