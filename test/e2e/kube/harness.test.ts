// The shared e2e server works for the real kubectl in every context the harness writes.
import { apiServer, kubectl, kubectlOk } from '../support/env';

describe('e2e kube-apiserver harness', () => {
  test('serves on loopback with the CA it wrote', () => {
    expect(apiServer().serverUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each(['local', 'local-cert', 'local-exec', 'local-exec-beta'])('context %s is an admin', async (context) => {
    const out = await kubectlOk(['--context', context, 'auth', 'can-i', 'create', 'namespaces']);
    expect(out.trim()).toBe('yes');
  });

  test('context local-viewer is forbidden to list namespaces', async () => {
    const r = await kubectl(['--context', 'local-viewer', 'get', 'namespaces']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/forbidden/i);
  });
});
