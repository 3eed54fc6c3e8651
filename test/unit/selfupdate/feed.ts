// A loopback release feed (GitHub's releases API shape) serving one small fake release: a .tar.gz made
// by the release's own archive writer, holding a `kubectl-gs` script, and its checksums.txt.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tarGz } from '../../../scripts/release/tar-gz.mjs';

export interface FakeFeed {
  url: string;
  /** Requests seen, by path. */
  requests: string[];
  close(): Promise<void>;
}

export interface FeedOptions {
  version: string;
  os?: string;
  arch?: string;
  /** The executable the archive holds. */
  content?: string;
  /** checksums.txt names another sum for the archive. */
  badChecksum?: boolean;
  /** Never answers /releases/latest. */
  hang?: boolean;
}

export const NEW_EXECUTABLE = '#!/bin/sh\necho new kubectl-gs\n';

export async function startFeed(o: FeedOptions): Promise<FakeFeed> {
  const name = `kubectl-gs-v${o.version}-${o.os ?? 'linux'}-${o.arch ?? 'amd64'}.tar.gz`;
  const archive: Buffer = tarGz([{ name: 'kubectl-gs', mode: 0o755, data: Buffer.from(o.content ?? NEW_EXECUTABLE) }], 1_700_000_000);
  const sum = createHash('sha256').update(o.badChecksum ? Buffer.from('something else') : archive).digest('hex');
  const checksums = `${sum}  ${name}\n${'0'.repeat(64)}  kubectl-gs-v${o.version}-plan9-amd64.tar.gz\n`;
  const requests: string[] = [];
  const hanging: import('node:http').ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/releases/latest') {
      if (o.hang) return void hanging.push(res);
      res.setHeader('content-type', 'application/json');
      return void res.end(JSON.stringify({
        tag_name: `v${o.version}`,
        assets: [
          { name, browser_download_url: `${base}/download/${name}` },
          { name: 'checksums.txt', browser_download_url: `${base}/download/checksums.txt` },
        ],
      }));
    }
    if (req.url === `/download/${name}`) {
      // As GitHub does: the asset URL redirects to storage elsewhere.
      res.writeHead(302, { location: `${base}/storage/${name}` });
      return void res.end();
    }
    if (req.url === `/storage/${name}`) return void res.end(archive);
    if (req.url === '/download/checksums.txt') return void res.end(checksums);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
