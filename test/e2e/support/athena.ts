// A loopback stand-in for Athena, Giant Swarm's installation-info GraphQL service (no public build exists).
// It answers what the Go kubectl-gs asks (pkg/installation/info.go, through pkg/graphql): POST <athena>/graphql
// with {"query": "query GetInfo { identity { provider codename } kubernetes { apiUrl authUrl caCert } }"}.
// Queries are parsed and resolved field by field against the schema below, so a client asking for a field
// Athena does not have gets the GraphQL error a real server gives, not a silently invented value.
//
// The Go client derives Athena's address from the login argument (pkg/installation/url.go): for an IP:port
// URL, Athena is that same address, so `kubectl gs login https://127.0.0.1:<athena port>` finds it.
//
//   const athena = await startAthena({ info: { apiUrl: api.serverUrl, authUrl: op.issuer, caCert: ... } });
//   athena.url  (https://127.0.0.1:<port>; trust athena.caFile, e.g. NODE_EXTRA_CA_CERTS)
//   athena.requests  (every request received), athena.setInfo({...}), athena.failWith(503), athena.stop()
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLoopbackPki } from './pki';

/** The installation facts Athena serves. */
export interface AthenaInfo {
  /** identity.provider: capa, capz, aws, ... */
  provider: string;
  /** identity.codename: the installation's name (the Go login names contexts gs-<codename>). */
  codename: string;
  /** kubernetes.apiUrl: the management cluster's API server URL. */
  apiUrl: string;
  /** kubernetes.authUrl: the OIDC issuer (Dex) URL. */
  authUrl: string;
  /** kubernetes.caCert: PEM of the API server's CA. */
  caCert: string;
}

export interface AthenaOptions {
  info?: Partial<AthenaInfo>;
  /** Serve plain HTTP instead of HTTPS (the Go client keeps an http:// scheme of the login argument). */
  plainHttp?: boolean;
}

export interface AthenaRequest {
  method: string;
  path: string;
  /** The parsed JSON body, when it was JSON. */
  body?: { query?: string; variables?: Record<string, unknown>; operationName?: string };
}

export interface Athena {
  /** https://127.0.0.1:<port> (or http:// with plainHttp): the address to log in to; GraphQL at <url>/graphql. */
  url: string;
  /** PEM file of the CA that signed Athena's serving certificate (absent with plainHttp). */
  caFile?: string;
  info: AthenaInfo;
  /** Every request received, oldest first. */
  requests: AthenaRequest[];
  setInfo(info: Partial<AthenaInfo>): void;
  /** Answer every request with this HTTP status (and no GraphQL body) until called with undefined. */
  failWith(status: number | undefined): void;
  stop(): Promise<void>;
}

/** The part of Athena's schema the clients use: type -> field -> (object type name | scalar). */
const schema: Record<string, Record<string, string | null>> = {
  Query: { identity: 'Identity', kubernetes: 'Kubernetes' },
  Identity: { provider: null, codename: null },
  Kubernetes: { apiUrl: null, authUrl: null, caCert: null },
};

interface Selection {
  alias: string;
  name: string;
  children: Selection[];
}

class GraphqlError extends Error {}

/** Parses `query Name { a { b c } d }` (or `{ ... }`) into selections; arguments and directives are refused. */
export function parseQuery(query: string): Selection[] {
  const tokens = query.replace(/#[^\n]*/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*|[{}:()@$!=,]|"(?:[^"\\]|\\.)*"|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) {
      throw new GraphqlError(`Syntax Error: Expected ${expected ?? 'more input'}, found ${t === undefined ? '<EOF>' : `"${t}"`}.`);
    }
    return t;
  };
  const selectionSet = (): Selection[] => {
    take('{');
    const out: Selection[] = [];
    while (peek() !== '}') {
      let name = take();
      let alias = name;
      if (peek() === ':') {
        take(':');
        name = take();
      }
      if (!/^[A-Za-z_]/.test(name)) throw new GraphqlError(`Syntax Error: Unexpected "${name}".`);
      if (peek() === '(' || peek() === '@') throw new GraphqlError(`Unknown argument or directive on field "${name}".`);
      out.push({ alias, name, children: peek() === '{' ? selectionSet() : [] });
      if (peek() === ',') take(',');
    }
    take('}');
    return out;
  };
  if (peek() === 'query') {
    take('query');
    if (peek() !== '{') take(); // operation name
  } else if (peek() !== '{') {
    throw new GraphqlError(`Syntax Error: Unexpected "${peek() ?? '<EOF>'}".`);
  }
  const selections = selectionSet();
  if (i !== tokens.length) throw new GraphqlError(`Syntax Error: Unexpected "${peek()}".`);
  return selections;
}

function resolve(type: string, value: Record<string, unknown>, selections: Selection[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of selections) {
    if (s.name === '__typename') {
      out[s.alias] = type;
      continue;
    }
    const fields = schema[type];
    if (!(s.name in fields)) throw new GraphqlError(`Cannot query field "${s.name}" on type "${type}".`);
    const childType = fields[s.name];
    if (childType && s.children.length === 0) {
      throw new GraphqlError(`Field "${s.name}" of type "${childType}!" must have a selection of subfields.`);
    }
    if (!childType && s.children.length > 0) throw new GraphqlError(`Field "${s.name}" must not have a selection since type "String!" has no subfields.`);
    out[s.alias] = childType ? resolve(childType, value[s.name] as Record<string, unknown>, s.children) : value[s.name];
  }
  return out;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startAthena(options: AthenaOptions = {}): Promise<Athena> {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-athena-'));
  const info: AthenaInfo = {
    provider: 'capa',
    codename: 'e2e',
    apiUrl: 'https://127.0.0.1:1',
    authUrl: 'https://127.0.0.1:1',
    caCert: '',
    ...options.info,
  };
  const requests: AthenaRequest[] = [];
  let failure: number | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const entry: AthenaRequest = { method: req.method ?? '', path: req.url ?? '' };
      try {
        entry.body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // not JSON: answered below
      }
      requests.push(entry);
      if (failure !== undefined) {
        res.writeHead(failure, { 'content-type': 'text/plain' });
        res.end(`athena stand-in: failing with ${failure}\n`);
        return;
      }
      if (entry.path.split('?')[0] !== '/graphql') return answer(res, 404, { errors: [{ message: 'not found' }] });
      if (entry.method !== 'POST') return answer(res, 405, { errors: [{ message: 'GraphQL only supports POST here' }] });
      if (typeof entry.body?.query !== 'string') return answer(res, 400, { errors: [{ message: 'Must provide query string.' }] });
      try {
        const data = resolve('Query', { identity: { provider: info.provider, codename: info.codename }, kubernetes: { apiUrl: info.apiUrl, authUrl: info.authUrl, caCert: info.caCert } }, parseQuery(entry.body.query));
        answer(res, 200, { data });
      } catch (err) {
        if (!(err instanceof GraphqlError)) throw err;
        answer(res, 400, { errors: [{ message: err.message }] });
      }
    });
  };

  let server: Server;
  let caFile: string | undefined;
  if (options.plainHttp) {
    server = createHttpServer(handle);
  } else {
    const pki = makeLoopbackPki(dir, 'athena');
    caFile = pki.caFile;
    server = createHttpsServer({ cert: readFileSync(pki.certFile), key: readFileSync(pki.keyFile) }, handle);
  }
  await new Promise<void>((ready, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopped = false;
  return {
    url: `${options.plainHttp ? 'http' : 'https'}://127.0.0.1:${port}`,
    caFile,
    info,
    requests,
    setInfo: (more) => Object.assign(info, more),
    failWith: (status) => {
      failure = status;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
