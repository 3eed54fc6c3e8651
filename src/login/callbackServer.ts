// The loopback HTTP server the browser is redirected to at the end of an authorization code login (Go's
// pkg/callbackserver with cmd/login's handler): it listens on the --callback-host address (Go's default
// "localhost": here 127.0.0.1 and, when the system has it, ::1 on the same port), on --callback-port or a
// free port, and answers exactly one GET of /oauth/callback, whose URL goes to `handle` (state check and
// code exchange). Other methods get 200 and are ignored, as Go does for the browser's extra requests;
// other paths get Go's ServeMux 404. The redirect URI always names http://localhost, the URI registered
// with the issuer.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ssoCompletePage, ssoFailedPage } from './ssoPages';

export const callbackPath = '/oauth/callback';

export interface CallbackServer {
  port: number;
  redirectUri: string;
  /** Resolves with what `handle` returned for the one callback request; rejects with its error. */
  result: Promise<unknown>;
  close(): void;
}

/**
 * `path` is Go's callback path: /oauth/callback for Dex logins; "/" for direct OIDC logins of workload
 * clusters (Go's handleDirectOIDC), whose redirect URI is http://localhost:<port> and where any path is the
 * callback (Go's ServeMux pattern "/").
 */
export async function startCallbackServer(host: string, port: number, handle: (url: URL) => Promise<unknown>, path = callbackPath): Promise<CallbackServer> {
  const http = require('node:http') as typeof import('node:http');
  const servers: Server[] = [];
  let answered = false;
  let settle!: { resolve(v: unknown): void; reject(e: unknown): void };
  const result = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined); // observed by the caller; never an unhandled rejection
  const close = () => {
    for (const s of servers) {
      s.close();
      s.closeAllConnections();
    }
  };
  let redirectUri = '';
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (path !== '/' && url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
      return;
    }
    if (req.method !== 'GET' || answered) {
      res.writeHead(200).end();
      return;
    }
    answered = true;
    handle(new URL((path === '/' ? redirectUri + url.pathname.replace(/^\/$/, '') : redirectUri) + url.search)).then(
      (value) => {
        res.writeHead(200, { 'content-type': 'text/html', connection: 'close' }).end(ssoCompletePage, () => close());
        settle.resolve(value);
      },
      (err: unknown) => {
        res.writeHead(200, { 'content-type': 'text/html', connection: 'close' }).end(ssoFailedPage, () => close());
        settle.reject(err);
      },
    );
  };
  const listen = (address: string | undefined, p: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = http.createServer(onRequest);
      server.once('error', reject);
      const done = () => {
        server.off('error', reject);
        resolve(server);
      };
      if (address === undefined) server.listen(p, done);
      else server.listen(p, address, done);
    });

  const addresses = host === 'localhost' ? ['127.0.0.1', '::1'] : [host === '' || host === '0.0.0.0' ? undefined : host];
  let boundPort = port;
  for (const [i, address] of addresses.entries()) {
    try {
      const server = await listen(address, boundPort);
      servers.push(server);
      boundPort = (server.address() as { port: number }).port;
    } catch (err) {
      if (i === 0) throw err;
      // ::1 missing (IPv6 off): 127.0.0.1 alone serves http://localhost.
    }
  }
  redirectUri = `http://localhost:${boundPort}${path === '/' ? '' : path}`;
  return { port: boundPort, redirectUri, result, close };
}
