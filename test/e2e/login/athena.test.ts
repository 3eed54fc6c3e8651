// The Athena stand-in answers the Go client's one query (pkg/installation/info.go) exactly, over TLS with its
// own CA, and refuses what Athena would refuse.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { infoQuery } from '../../../src/login/athena';
import { startAthena, type Athena } from '../support/athena';

// The query as the client sends it: byte for byte the Go source's infoQuery (pkg/installation/info.go).
const goInfoQuery = infoQuery;

let athena: Athena;
beforeAll(async () => {
  athena = await startAthena({
    info: { provider: 'capa', codename: 'gauss', apiUrl: 'https://127.0.0.1:6443', authUrl: 'https://127.0.0.1:5556', caCert: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n' },
  });
});
afterAll(() => athena?.stop());

function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolvePost, reject) => {
    const req = request(`${athena.url}${path}`, { method: 'POST', ca: readFileSync(athena.caFile!), headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // plain text answer
        }
        resolvePost({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

it('answers the Go client\'s GetInfo query with the installation\'s facts', async () => {
  // The Go client encodes {"query": ...} and omits empty variables.
  const r = await post('/graphql', JSON.stringify({ query: goInfoQuery }));
  expect(r).toEqual({
    status: 200,
    json: {
      data: {
        identity: { provider: 'capa', codename: 'gauss' },
        kubernetes: { apiUrl: 'https://127.0.0.1:6443', authUrl: 'https://127.0.0.1:5556', caCert: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n' },
      },
    },
  });
  expect(athena.requests.at(-1)).toEqual({ method: 'POST', path: '/graphql', body: { query: goInfoQuery } });
});

it('returns only the fields asked for, under their aliases', async () => {
  const r = await post('/graphql', JSON.stringify({ query: '{ kubernetes { url: apiUrl } identity { codename } }' }));
  expect(r.json).toEqual({ data: { kubernetes: { url: 'https://127.0.0.1:6443' }, identity: { codename: 'gauss' } } });
});

it('refuses a field Athena does not have, as a GraphQL server does', async () => {
  const r = await post('/graphql', JSON.stringify({ query: '{ kubernetes { apiUrl oidcIssuer } }' }));
  expect(r).toEqual({ status: 400, json: { errors: [{ message: 'Cannot query field "oidcIssuer" on type "Kubernetes".' }] } });
});

it('can be made to fail (an outage) and changed between tests', async () => {
  athena.failWith(503);
  expect((await post('/graphql', JSON.stringify({ query: goInfoQuery }))).status).toBe(503);
  athena.failWith(undefined);
  athena.setInfo({ codename: 'other' });
  expect((await post('/graphql', JSON.stringify({ query: '{ identity { codename } }' }))).json).toEqual({ data: { identity: { codename: 'other' } } });
});
