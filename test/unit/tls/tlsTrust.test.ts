// Real handshakes against two loopback TLS servers with self-signed certificates A and B: each context
// trusts what it was made to trust, whatever the process defaults became afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, connect, type SecureContext, type Server } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secureContextFor } from '../../../src/tlsTrust';
import { TestCa } from '../../support/testCerts';

function selfSigned(dir: string, name: string): { cert: string; key: string } {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${name}`,
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { stdio: 'ignore' });
  return { cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
}

function listen(identity: { cert: string; key: string }): Promise<{ server: Server; port: number }> {
  const server = createServer(identity, (socket) => socket.end());
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/** 'trusted', or the verification error code of a handshake with this context. */
function handshake(port: number, secureContext: SecureContext): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', secureContext });
    socket.once('secureConnect', () => {
      socket.destroy();
      resolve('trusted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

let a: { cert: string; key: string };
let b: { cert: string; key: string };
let servers: Array<{ server: Server; port: number }>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-tls-'));
  a = selfSigned(dir, 'server-a');
  b = selfSigned(dir, 'server-b');
  servers = [await listen(a), await listen(b)];
});

afterAll(() => {
  for (const s of servers) s.server.close();
});

// NODE_EXTRA_CA_CERTS set (only this module's view of the environment): the route through the defaults.
const costly = { NODE_EXTRA_CA_CERTS: '/nonexistent/extra.pem' };

describe.each([
  ['through the process defaults (costly root store)', costly],
  ['the ordinary way (cheap root store)', {}],
])('secureContextFor, %s', (_, env) => {
  it('trusts its own CA and nothing else, whatever contexts are made later', async () => {
    const [sa, sb] = servers;
    const trustsA = secureContextFor({ ca: [a.cert] }, env);
    const trustsB = secureContextFor({ ca: [Buffer.from(b.cert)] }, env);
    const publicRoots = secureContextFor({}, env);
    expect(await handshake(sa.port, trustsA)).toBe('trusted');
    expect(await handshake(sb.port, trustsA)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await handshake(sb.port, trustsB)).toBe('trusted');
    expect(await handshake(sa.port, trustsB)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    // Node's own roots again: neither private CA is trusted.
    expect(await handshake(sa.port, publicRoots)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await handshake(sb.port, publicRoots)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('makes a context that trusts nothing from a CA that is not a certificate', async () => {
    const garbage = secureContextFor({ ca: ['not a certificate'] }, env);
    expect(await handshake(servers[0].port, garbage)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});

// A CA-signed server that asks for a client certificate signed by another CA: the context carries the
// client identity on both routes, and trusting the server's CA (not the leaf) is enough.
describe.each([
  ['through the process defaults (costly root store)', costly],
  ['the ordinary way (cheap root store)', {}],
])('secureContextFor with a client certificate, %s', (_, env) => {
  let serverCa: TestCa;
  let clientCa: TestCa;
  let alice: { cert: string; key: string };
  let server: Server;
  let port: number;

  beforeAll(async () => {
    serverCa = TestCa.create('server-ca');
    clientCa = TestCa.create('client-ca');
    alice = clientCa.issue('alice');
    server = createServer({ ...serverCa.issue('localhost', ['DNS:localhost']), requestCert: true, rejectUnauthorized: true, ca: [clientCa.cert] }, (socket) =>
      socket.end(`client ${socket.getPeerCertificate().subject?.CN}`),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => server.close());

  it('presents the client certificate and trusts the CA that signed the server', async () => {
    // With TLS 1.3 the server checks the client's certificate after the client is done: read its verdict.
    const context = secureContextFor({ ca: [serverCa.cert], cert: alice.cert, key: alice.key }, env);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', secureContext: context });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c));
      socket.once('end', () => resolve(text));
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    expect(answer).toBe('client alice');
  });

  it('trusts nothing else: the client CA does not vouch for the server', async () => {
    expect(await handshake(port, secureContextFor({ ca: [clientCa.cert], cert: alice.cert, key: alice.key }, env))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});
