// In a pod without a kubeconfig: the service account, as client-go's in-cluster config.
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConnection } from '../../../src/kube/connection';
import { inClusterConfig, isEmptyConfig } from '../../../src/kube/inCluster';
import { parseKubeconfig } from '../../../src/kube/kubeconfig';

const dir = mkdtempSync(join(tmpdir(), 'kgs-unit-sa-'));
writeFileSync(join(dir, 'token'), 'sa-token\n');
writeFileSync(join(dir, 'ca.crt'), 'CA');
writeFileSync(join(dir, 'namespace'), 'org-acme\n');
const io = { exists: existsSync, read: (p: string) => readFileSync(p, 'utf8') };
const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };

test('a pod: server, CA, token file and namespace from the service account', () => {
  const config = inClusterConfig(env, io, dir)!;
  const c = resolveConnection(config, {});
  expect(c.server.href).toBe('https://10.0.0.1/');
  expect(c.cluster.certificateAuthority).toBe(join(dir, 'ca.crt'));
  expect(c.user.tokenFile).toBe(join(dir, 'token'));
  expect(c.namespace).toBe('org-acme');
  expect(resolveConnection(config, { namespace: 'x', server: 'https://other:6443' })).toMatchObject({ namespace: 'x' });
});

test('IPv6 service host', () => {
  const config = inClusterConfig({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '6443' }, io, dir)!;
  expect(resolveConnection(config, {}).server.host).toBe('[fd00::1]:6443');
});

test('not a pod: no service host, or no token', () => {
  expect(inClusterConfig({}, io, dir)).toBeUndefined();
  expect(inClusterConfig(env, io, join(dir, 'missing'))).toBeUndefined();
});

test('used only when kubeconfig and flags name nothing', () => {
  const empty = parseKubeconfig('', '/x');
  expect(isEmptyConfig(empty, {})).toBe(true);
  expect(isEmptyConfig(empty, { server: 'https://s' })).toBe(false);
  expect(isEmptyConfig(empty, { context: 'c' })).toBe(false);
  expect(isEmptyConfig(parseKubeconfig('current-context: a', '/x'), {})).toBe(false);
});
