// Certificates issued by generateClientCredential are checked by OpenSSL and Node's X.509 parser: signed by
// the CA, chained to it, the subject Go writes, the validity asked for, Go's key usages.
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClientCredential } from '../../../src/login/clientCert';
import { UserError } from '../../../src/cli/errors';

let dir: string;
function openssl(args: string[], input?: string): string {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', input });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kgs-clientcert-'));
  // A CA as Cluster API makes one (PKCS#1 key, subject key id), and one without a key id (v1-style).
  openssl(['genrsa', '-traditional', '-out', 'ca.key', '2048']);
  openssl(['req', '-x509', '-key', 'ca.key', '-days', '2', '-subj', '/CN=kubernetes', '-out', 'ca.crt']);
  openssl(['req', '-x509', '-key', 'ca.key', '-days', '2', '-subj', '/O=Giant Swarm/CN=plain', '-addext', 'subjectKeyIdentifier=none', '-out', 'plain-ca.crt']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function issue(caFile: string, extra: Partial<Parameters<typeof generateClientCredential>[2]> = {}) {
  return generateClientCredential(readFileSync(join(dir, caFile), 'utf8'), readFileSync(join(dir, 'ca.key'), 'utf8'), {
    clusterName: 'abc12',
    clusterBasePath: 'gauss.example.io',
    groups: ['system:masters', 'dev team'],
    ttl: '90m',
    now: new Date('2030-01-02T03:04:05Z'),
    ...extra,
  });
}

it('signs a client certificate that OpenSSL verifies against the CA for client auth', () => {
  const cred = issue('ca.crt', { now: new Date() });
  writeFileSync(join(dir, 'client.crt'), cred.crt);
  expect(openssl(['verify', '-CAfile', 'ca.crt', '-purpose', 'sslclient', 'client.crt']).trim()).toBe('client.crt: OK');
  expect(cred.ca).toBe(readFileSync(join(dir, 'ca.crt'), 'utf8'));
  // The key is PKCS#1 ("RSA PRIVATE KEY"), as Go writes it, and belongs to the certificate.
  expect(cred.key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  const cert = new X509Certificate(cred.crt);
  expect(cert.checkPrivateKey(createPrivateKey(cred.key))).toBe(true);
});

it('writes Go\'s subject, validity, key usages and authority key id', () => {
  const cred = issue('ca.crt', { cnPrefix: 'alice' });
  const cert = new X509Certificate(cred.crt);
  const ca = new X509Certificate(readFileSync(join(dir, 'ca.crt')));
  expect(cert.verify(ca.publicKey)).toBe(true);
  expect(cert.issuer).toBe(ca.subject);
  // Go puts all organizations into one (multi-valued) RDN.
  expect(cert.subject.split('\n')).toEqual(['O=dev team + O=system:masters', 'CN=alice.abc12.gauss.example.io']);
  expect(new Date(cert.validFrom).toISOString()).toBe('2030-01-02T03:04:05.000Z');
  expect(new Date(cert.validTo).toISOString()).toBe('2030-01-02T04:34:05.000Z');
  expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']);
  const text = openssl(['x509', '-noout', '-text'], cred.crt);
  expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment, Key Agreement/);
  expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
  const caKeyId = /Subject Key Identifier:\s+([0-9A-F:]+)/.exec(openssl(['x509', '-noout', '-text', '-in', 'ca.crt']))![1];
  expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s+(keyid:)?${caKeyId}`));
  expect(text).not.toContain('Subject Key Identifier');
});

it('uses the serial number as the CN prefix when none is given, and copies a CA without key id', () => {
  const cert = new X509Certificate(issue('plain-ca.crt').crt);
  const serial = BigInt(`0x${cert.serialNumber}`);
  expect(cert.subject).toContain(`CN=${serial.toString()}.abc12.gauss.example.io`);
  expect(cert.issuer.split('\n').sort()).toEqual(['CN=plain', 'O=Giant Swarm']);
  expect(serial < 2n ** 63n).toBe(true);
  expect(openssl(['x509', '-noout', '-text'], issue('plain-ca.crt').crt)).not.toContain('Authority Key Identifier');
});

it('refuses a bad TTL and a CA Secret without a certificate, in one line', () => {
  expect(() => issue('ca.crt', { ttl: '1 hour' })).toThrow(new UserError('invalid --certificate-ttl "1 hour": use a duration such as 1h, 30m or 8h'));
  expect(() => generateClientCredential('', readFileSync(join(dir, 'ca.key'), 'utf8'), { clusterName: 'x', clusterBasePath: 'y', groups: [], ttl: '1h' })).toThrow(/holds no PEM certificate/);
  expect(() => generateClientCredential(readFileSync(join(dir, 'ca.crt'), 'utf8'), 'nope', { clusterName: 'x', clusterBasePath: 'y', groups: [], ttl: '1h' })).toThrow(/is not a PEM private key/);
});
