import { execCredentialJson, requestedApiVersion, rfc3339Seconds } from '../../../src/login/execCredential';

describe('ExecCredential output', () => {
  it('answers v1beta1 unless kubectl asks for v1', () => {
    expect(requestedApiVersion({})).toBe('client.authentication.k8s.io/v1beta1');
    expect(requestedApiVersion({ KUBERNETES_EXEC_INFO: '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","spec":{"interactive":false}}' })).toBe('client.authentication.k8s.io/v1beta1');
    expect(requestedApiVersion({ KUBERNETES_EXEC_INFO: '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":true}}' })).toBe('client.authentication.k8s.io/v1');
    expect(requestedApiVersion({ KUBERNETES_EXEC_INFO: 'not json' })).toBe('client.authentication.k8s.io/v1beta1');
  });
  it("is Go's encoder output: two-space indent, status with expirationTimestamp then token, newline", () => {
    const text = execCredentialJson('TOKEN', Date.UTC(2026, 11, 7, 21, 7, 7, 999), 'client.authentication.k8s.io/v1beta1');
    expect(text).toBe(
      '{\n  "apiVersion": "client.authentication.k8s.io/v1beta1",\n  "kind": "ExecCredential",\n  "status": {\n    "expirationTimestamp": "2026-12-07T21:07:07Z",\n    "token": "TOKEN"\n  }\n}\n',
    );
    expect(JSON.parse(execCredentialJson('T', undefined, 'client.authentication.k8s.io/v1')).status).toEqual({ token: 'T' });
  });
  it('formats metav1.Time in UTC to the second', () => {
    expect(rfc3339Seconds(Date.UTC(2030, 0, 2, 3, 4, 5, 6))).toBe('2030-01-02T03:04:05Z');
  });
});
