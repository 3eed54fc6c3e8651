import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cacheFiles, cacheKey } from '../../../src/login/cacheFile';

// Go (pkg/credentialcache/cache.go):
//   hash := sha256.Sum256([]byte(fmt.Sprintf("%s:%s", issuerURL, clientID)))
//   filepath.Join(cacheDir(), fmt.Sprintf("token-%x.json", hash[:16]))
// The steps below are Go's, written out: sha256 of the bytes, keep 16 of 32 bytes, %x = lower-case hex of each byte.
function goFileKey(issuer: string, clientId: string): string {
  const sum = createHash('sha256').update(Buffer.from(`${issuer}:${clientId}`, 'utf8')).digest();
  expect(sum.length).toBe(32);
  const first16 = [...sum.subarray(0, 16)];
  return first16.map((b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
}

describe('token cache file names (shared with the Go kubectl-gs)', () => {
  const cases: Array<[string, string]> = [
    ['https://dex.g8s.test.eu-west-1.aws.gigantic.io', 'zQiFLUnrTFQwrybYzeY53hWWfhOKWRAU'],
    ['https://login.example.com/tenant-id/v2.0', 'my-client'],
    ['https://127.0.0.1:8443', 'kubectl-gs-e2e'],
    ['https://issuer.test/ünïcode', 'client:with:colons'],
  ];
  it.each(cases)('%s + %s', (issuer, clientId) => {
    const key = cacheKey(issuer, clientId);
    expect(key).toBe(goFileKey(issuer, clientId));
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs when either part differs, and the separator is a colon between them', () => {
    expect(cacheKey('https://a', 'b')).not.toBe(cacheKey('https://a', 'c'));
    expect(cacheKey('https://a:b', 'c')).toBe(goFileKey('https://a:b', 'c'));
    expect(cacheKey('https://a', 'b:c')).toBe(cacheKey('https://a:b', 'c')); // Go's scheme has the same ambiguity
  });

  it('lives in $HOME/.kube/.kubectl-gs/cache with .json and .lock names', () => {
    const files = cacheFiles('https://issuer.test', 'cid', { HOME: '/home/someone' });
    const key = goFileKey('https://issuer.test', 'cid');
    expect(files.dir).toBe(join('/home/someone', '.kube', '.kubectl-gs', 'cache'));
    expect(files.json).toBe(join(files.dir, `token-${key}.json`));
    expect(files.lock).toBe(join(files.dir, `token-${key}.lock`));
  });
});
