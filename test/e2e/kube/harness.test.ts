// The shared e2e server, in every context the harness writes, reached by kubectl gs through the real
// kubectl: each auth mode (bearer token, client certificate, exec plugin v1 and v1beta1) lists, and a user
// without RBAC grants gets one line saying it is forbidden.
import { apiServer, kubectl, kubectlGs } from '../support/env';
import { clusterApiCrdFiles, clusterApiCrdNames, installCrdFiles, organizationCrdFile } from '../support/objects';

// The upstream Organization and Cluster API CRDs (crds/*/README.md) the tests list, whichever suite runs first.
beforeAll(async () => {
  await installCrdFiles([organizationCrdFile, ...clusterApiCrdFiles], ['organizations.security.giantswarm.io', ...clusterApiCrdNames]);
});

describe('e2e kube-apiserver harness, through kubectl gs', () => {
  test('serves on loopback with the CA it wrote', () => {
    expect(apiServer().serverUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each(['local', 'local-cert', 'local-exec', 'local-exec-beta'])('context %s lists organizations with kubectl gs', async (context) => {
    const gs = await kubectlGs(['--context', context, 'get', 'organizations', '-o', 'json']);
    expect(gs.stderr).toBe('');
    expect(gs.code).toBe(0);
    expect(JSON.parse(gs.stdout)).toMatchObject({ kind: 'List' });
    // The same answer as kubectl's own, so the context really is the server's admin.
    const own = await kubectl(['--context', context, 'auth', 'can-i', 'list', 'organizations.security.giantswarm.io']);
    expect(own.stdout.trim()).toBe('yes');
  });

  test('context local-viewer is forbidden: one line, non-zero', async () => {
    const gs = await kubectlGs(['--context', 'local-viewer', 'get', 'clusters', '-A']);
    expect(gs.code).not.toBe(0);
    expect(gs.stderr).toMatch(/^error: [^\n]*forbidden[^\n]*\n$/i);
  });
});
