// Mapping of server answers and network failures to one actionable line.
import { UserError } from '../../../src/cli/errors';
import {
  connectTimeoutError,
  errorFromNetwork,
  errorFromResponse,
  groupOfPath,
  KubeApiError,
  KubeUnreachableError,
  notJsonError,
  timeoutError,
  type RequestFacts,
} from '../../../src/kube/errors';

const facts = (path: string, method = 'GET'): RequestFacts => ({
  method,
  path,
  server: new URL('https://api.example.com:6443'),
  contextName: 'mc',
});
const status = (o: object) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', ...o });
const sysErr = (code: string, message = code) => Object.assign(new Error(message), { code });

test('paths to API groups', () => {
  expect(groupOfPath('/api/v1/namespaces/x/configmaps/y')).toEqual({ group: '', version: 'v1', resource: 'configmaps' });
  expect(groupOfPath('/apis/cluster.x-k8s.io/v1beta1/clusters')).toEqual({ group: 'cluster.x-k8s.io', version: 'v1beta1', resource: 'clusters' });
  expect(groupOfPath('/apis/cluster.x-k8s.io/v1beta1/namespaces/org-a/clusters?limit=1')).toMatchObject({ resource: 'clusters' });
  expect(groupOfPath('/version')).toBeUndefined();
});

describe('server answers', () => {
  test('401: credentials rejected, log in again', () => {
    const e = errorFromResponse(facts('/api/v1/pods'), 401, 'application/json', status({ message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
    expect(e).toBeInstanceOf(KubeApiError);
    expect(e).toBeInstanceOf(UserError);
    expect(e.code).toBe(401);
    expect(e.message).toBe(
      "the API server api.example.com:6443 rejected your credentials (401 Unauthorized) (context \"mc\"); they may have expired: log in again with 'kubectl gs login <management-cluster>' to renew them",
    );
  });

  test('403: the verb and resource from the server', () => {
    const message = 'clusters.cluster.x-k8s.io is forbidden: User "jane" cannot list resource "clusters" in API group "cluster.x-k8s.io" in the namespace "org-a"';
    const e = errorFromResponse(facts('/apis/cluster.x-k8s.io/v1beta1/namespaces/org-a/clusters'), 403, 'application/json', status({ message, reason: 'Forbidden', code: 403 }));
    expect(e.reason).toBe('Forbidden');
    expect(e.message).toBe(
      'forbidden: User "jane" cannot list resource "clusters" in API group "cluster.x-k8s.io" in the namespace "org-a" (context "mc"); ask an administrator for this permission or use a context that has it',
    );
  });

  test('404 of a named object keeps the server message', () => {
    const e = errorFromResponse(facts('/apis/cluster.x-k8s.io/v1beta1/namespaces/a/clusters/x'), 404, 'application/json',
      status({ message: 'clusters.cluster.x-k8s.io "x" not found', reason: 'NotFound', details: { name: 'x', group: 'cluster.x-k8s.io', kind: 'clusters' }, code: 404 }));
    expect(e.message).toBe('clusters.cluster.x-k8s.io "x" not found');
    expect(e.reason).toBe('NotFound');
  });

  test('404 of a group the server does not serve: the CRD is missing, maybe a workload cluster', () => {
    const e = errorFromResponse(facts('/apis/application.giantswarm.io/v1alpha1/namespaces/a/apps'), 404, 'text/plain; charset=utf-8', '404 page not found\n');
    expect(e.code).toBe(404);
    expect(e.message).toBe(
      "the API server (context \"mc\") does not serve apps in API group application.giantswarm.io/v1alpha1: the CRD is not installed; you may be talking to a workload cluster rather than a management cluster: switch with 'kubectl config use-context NAME'",
    );
  });

  test('404 of something else', () => {
    expect(errorFromResponse(facts('/healthz/x'), 404, 'text/plain', '404 page not found').message).toBe('not found: /healthz/x');
  });

  test('409 and 422 pass the server message through, on one line', () => {
    const e = errorFromResponse(facts('/api/v1/namespaces', 'POST'), 422, 'application/json', status({ message: 'Namespace "A" is invalid:\n metadata.name: Invalid value', reason: 'Invalid', code: 422 }));
    expect(e.message).toBe('Namespace "A" is invalid: metadata.name: Invalid value');
    expect(e.reason).toBe('Invalid');
  });

  test('5xx names the server', () => {
    const e = errorFromResponse(facts('/version'), 503, 'text/plain', 'service unavailable');
    expect(e.message).toBe('the API server api.example.com:6443 failed (503): service unavailable');
  });

  test('non-JSON success and timeouts', () => {
    expect(notJsonError(facts('/version'), 200, 'text/html').message).toBe(
      'the server at api.example.com:6443 did not answer GET /version with JSON (HTTP 200, text/html); check that --server or the kubeconfig points at a Kubernetes API server',
    );
    expect(timeoutError(facts('/version'), 5000).message).toBe(
      'the API server api.example.com:6443 did not answer GET /version within 5s (--request-timeout); check that it is reachable or raise --request-timeout',
    );
  });
});

describe('network failures', () => {
  test.each([
    ['ECONNREFUSED', "cannot reach the API server at api.example.com:6443 (connection refused) (context \"mc\"); check the server address, or make sure your context points at a management cluster: log in with 'kubectl gs login <management-cluster>'"],
    ['EHOSTUNREACH', 'cannot reach the API server at api.example.com:6443 (host unreachable)'],
    ['ENOTFOUND', 'cannot reach the API server at api.example.com:6443: the host name api.example.com does not resolve'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "the API server's certificate at api.example.com:6443 is signed by an unknown authority (context \"mc\"); name its CA with --certificate-authority"],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'signed by an unknown authority'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'or skip the check with --insecure-skip-tls-verify (insecure)'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "the API server's certificate is not valid for api.example.com"],
    ['CERT_HAS_EXPIRED', 'has expired'],
  ])('%s', (code, expected) => {
    const e = errorFromNetwork(facts('/version'), sysErr(code, `${code}\nsecond line`));
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toContain(expected);
    expect(e.message).not.toContain('\n');
  });

  test('hostname mismatch names --tls-server-name and the name that was checked', () => {
    const e = errorFromNetwork(facts('/version'), sysErr('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'internal.example');
    expect(e.message).toContain('not valid for internal.example');
    expect(e.message).toContain('--tls-server-name');
  });

  test('no answer at all (refused, unreachable, not resolving, connect timeout) is KubeUnreachableError; TLS and odd failures are not', () => {
    for (const code of ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN']) {
      expect(errorFromNetwork(facts('/version'), sysErr(code))).toBeInstanceOf(KubeUnreachableError);
    }
    expect(connectTimeoutError(facts('/version'), 5000)).toBeInstanceOf(KubeUnreachableError);
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'EPROTO', 'EWEIRD']) {
      expect(errorFromNetwork(facts('/version'), sysErr(code))).not.toBeInstanceOf(KubeUnreachableError);
    }
    expect(errorFromResponse(facts('/version'), 401, 'application/json', status({ code: 401 }))).not.toBeInstanceOf(KubeUnreachableError);
  });

  test('anything else keeps its code', () => {
    expect(errorFromNetwork(facts('/version'), sysErr('EWEIRD', 'weird thing')).message).toBe('request to the API server at api.example.com:6443 failed: weird thing (EWEIRD)');
  });
});
