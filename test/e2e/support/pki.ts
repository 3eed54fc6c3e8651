// A throwaway CA and a serving certificate for loopback (127.0.0.1, ::1, localhost), made with the openssl CLI,
// for the e2e servers that are not kube-apiserver (OpenID provider, Athena stand-in).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl } from './apiserver';

export interface LoopbackPki {
  /** PEM of the CA (what clients are told to trust). */
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** Writes <name>-ca.crt, <name>.crt and <name>.key (and scratch files) into dir. */
export function makeLoopbackPki(dir: string, name: string): LoopbackPki {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', `/CN=kgs-e2e-${name}-ca`, '-keyout', `${name}-ca.key`, '-out', `${name}-ca.crt`], dir);
  writeFileSync(join(dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=kgs-e2e-${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`], dir);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${name}-ca.crt`, '-CAkey', `${name}-ca.key`, '-CAcreateserial', '-days', '7', '-extfile', `${name}.ext`, '-out', `${name}.crt`], dir);
  return { caFile: join(dir, `${name}-ca.crt`), certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`) };
}
