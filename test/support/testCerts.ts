// Certificates for tests against loopback TLS servers, made with the openssl command (node:crypto cannot
// make X.509 certificates): a CA, server certificates it signs for chosen names, and client certificates.
// EC P-256 keys: quick to make. Valid for one day; every test run makes its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pem {
  cert: string;
  key: string;
}

export class TestCa {
  private static made = 0;
  readonly cert: string;
  private constructor(private readonly dir: string, private readonly base: string) {
    this.cert = readFileSync(`${base}.crt`, 'utf8');
  }

  /** A new CA in a fresh temporary folder. */
  static create(name = 'test-ca'): TestCa {
    const dir = mkdtempSync(join(tmpdir(), 'kgs-certs-'));
    const base = join(dir, name);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${name}`,
      '-keyout', `${base}.key`, '-out', `${base}.crt`]);
    return new TestCa(dir, base);
  }

  /** A certificate signed by this CA: subjectAltName e.g. ['DNS:localhost', 'IP:127.0.0.1'] for a server. */
  issue(commonName: string, altNames: string[] = []): Pem {
    const base = join(this.dir, `leaf-${TestCa.made++}`);
    openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${commonName}`,
      '-keyout', `${base}.key`, '-out', `${base}.csr`]);
    const ext = `${base}.ext`;
    writeFileSync(ext, altNames.length ? `subjectAltName=${altNames.join(',')}\n` : 'basicConstraints=CA:FALSE\n');
    openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', `${this.base}.crt`, '-CAkey', `${this.base}.key`, '-CAcreateserial', '-days', '1',
      '-extfile', ext, '-out', `${base}.crt`]);
    return { cert: readFileSync(`${base}.crt`, 'utf8'), key: readFileSync(`${base}.key`, 'utf8') };
  }
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
