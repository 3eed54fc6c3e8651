// A workload-cluster client certificate signed with the cluster's own CA, as the Go kubectl-gs makes one for
// Cluster API clusters (cmd/login/clientcert.go generateCredential): the CA comes from the <cluster>-ca Secret
// on the management cluster (tls.crt, tls.key), a fresh RSA-2048 key, CN <prefix>.<cluster>.<base domain>,
// O = the requested groups (Kubernetes reads them as the user's groups), valid from now for the TTL.
import { UserError } from '../errors';
import { parseGoTimeDuration } from '../kube/duration';
import {
  bitString,
  boolean,
  children,
  directoryString,
  explicit,
  integer,
  nullValue,
  octetString,
  oid,
  readElement,
  sequence,
  setOf,
  time,
  tlv,
} from './clientCertDer';

export interface ClientCertRequest {
  clusterName: string;
  /** The installation's base domain (Go's clusterBasePath). */
  clusterBasePath: string;
  /** Subject organizations: the Kubernetes groups of the certificate's user. */
  groups: string[];
  /** Go duration, e.g. "1h" (the --certificate-ttl default). */
  ttl: string;
  /** The CN's first label; Go uses the serial number when empty. */
  cnPrefix?: string;
  /** For tests; default now. */
  now?: Date;
}

/** The Secret data Go builds (credentialKeyCertCA/CRT/Key): PEM text. */
export interface ClientCredential {
  ca: string;
  crt: string;
  key: string;
}

const oids = {
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

/** The parts of the CA certificate a child certificate copies: its subject (as the issuer) and key id. */
function caFacts(caDer: Buffer): { subject: Buffer; subjectKeyId?: Buffer } {
  const [tbs] = children(readElement(caDer).content);
  if (!tbs) throw new Error('empty certificate');
  const fields = children(tbs.content);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional (v1)
  const subject = fields[offset + 4];
  if (!subject) throw new Error('certificate without subject');
  let subjectKeyId: Buffer | undefined;
  const extensions = fields.find((f) => f.tag === 0xa3);
  if (extensions) {
    for (const ext of children(children(extensions.content)[0]?.content ?? Buffer.alloc(0))) {
      const [id, ...rest] = children(ext.content);
      if (id?.raw.equals(oid(oids.subjectKeyId))) {
        const value = rest[rest.length - 1];
        if (value) subjectKeyId = readElement(value.content).content;
      }
    }
  }
  return { subject: subject.raw, subjectKeyId };
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** A random serial in [0, 2^63-1), as Go's rand.Int(rand.Reader, MaxInt64). */
function randomSerial(): bigint {
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(8).readBigUInt64BE() % ((1n << 63n) - 1n);
}

function pemBody(pem: string, what: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new UserError(`the workload cluster's ${what} holds no PEM certificate; check the <cluster>-ca Secret on the management cluster`);
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/** Issues a client certificate signed by the CA (PEM certificate and RSA private key). */
export function generateClientCredential(caCertPem: string, caKeyPem: string, request: ClientCertRequest): ClientCredential {
  const crypto = require('node:crypto') as typeof import('node:crypto');
  const ttlMs = parseGoTimeDuration(request.ttl);
  if (ttlMs === undefined) throw new UserError(`invalid --certificate-ttl "${request.ttl}": use a duration such as 1h, 30m or 8h`);

  let caKey: import('node:crypto').KeyObject;
  try {
    caKey = crypto.createPrivateKey(caKeyPem);
  } catch {
    throw new UserError("the workload cluster's CA key (tls.key of the <cluster>-ca Secret) is not a PEM private key");
  }
  if (caKey.asymmetricKeyType !== 'rsa') throw new UserError("the workload cluster's CA key is not an RSA key; only RSA CAs are supported, as in the Go kubectl-gs");
  let ca: ReturnType<typeof caFacts>;
  try {
    ca = caFacts(pemBody(caCertPem, 'CA certificate (tls.crt)'));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError("the workload cluster's CA certificate (tls.crt of the <cluster>-ca Secret) cannot be parsed");
  }

  const serial = randomSerial();
  const now = request.now ?? new Date();
  const commonName = `${request.cnPrefix || serial.toString()}.${request.clusterName}.${request.clusterBasePath}`;
  // Go's pkix.Name: all organizations in one RDN, then the common name.
  const subject = sequence(
    ...(request.groups.length ? [setOf(...request.groups.map((g) => sequence(oid(oids.organization), directoryString(g))))] : []),
    setOf(sequence(oid(oids.commonName), directoryString(commonName))),
  );
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signatureAlgorithm = sequence(oid(oids.sha256WithRsa), nullValue());
  // digitalSignature | keyEncipherment | keyAgreement: bits 0, 2, 4 -> 0xa8, 3 unused bits.
  const keyUsage = tlv(0x03, Buffer.from([3, 0xa8]));
  const extensions = [
    extension(oids.keyUsage, true, keyUsage),
    extension(oids.extKeyUsage, false, sequence(oid(oids.clientAuth), oid(oids.serverAuth))),
    ...(ca.subjectKeyId ? [extension(oids.authorityKeyId, false, sequence(tlv(0x80, ca.subjectKeyId)))] : []),
  ];
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(serial),
    signatureAlgorithm,
    ca.subject,
    sequence(time(now), time(new Date(now.getTime() + ttlMs))),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions)),
  );
  const signature = crypto.sign('sha256', tbs, caKey);
  const der = sequence(tbs, signatureAlgorithm, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g)!;
  return {
    ca: caCertPem,
    crt: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  };
}
