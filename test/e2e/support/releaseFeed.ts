// A loopback release feed in the shape of GitHub's releases API, serving the folder that `npm run release`
// wrote (the archives, checksums.txt, plugin.yaml) as one release: GET <repo>/releases/latest lists the
// folder's files as assets; an asset's download URL redirects to storage elsewhere, as GitHub's does.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface ReleaseFeed {
  /** What KUBECTL_GS_RELEASES_URL is set to (the repository's API base). */
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface ReleaseFeedOptions {
  /** The release's output folder (npm run release --out). */
  dir: string;
  /** Its version, without the "v". */
  version: string;
  /** Rewrites checksums.txt as served (a feed whose checksums do not match its archives). */
  checksums?: (text: string) => string;
}

const REPO = '/repos/giantswarm/kubectl-gs';

export async function startReleaseFeed(o: ReleaseFeedOptions): Promise<ReleaseFeed> {
  const files = readdirSync(o.dir).sort();
  const tag = `v${o.version}`;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (path === `${REPO}/releases/latest`) {
      res.setHeader('content-type', 'application/json');
      return void res.end(JSON.stringify({
        tag_name: tag,
        name: tag,
        assets: files.map((name) => ({ name, browser_download_url: `${base}/giantswarm/kubectl-gs/releases/download/${tag}/${name}` })),
      }));
    }
    const download = /^\/giantswarm\/kubectl-gs\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path);
    if (download && download[1] === tag && files.includes(download[2])) {
      res.writeHead(302, { location: `${base}/storage/${download[2]}` });
      return void res.end();
    }
    const stored = /^\/storage\/([^/]+)$/.exec(path);
    if (stored && files.includes(stored[1])) {
      const file = join(o.dir, stored[1]);
      if (stored[1] === 'checksums.txt' && o.checksums) return void res.end(o.checksums(readFileSync(file, 'utf8')));
      res.setHeader('content-type', 'application/octet-stream');
      return void createReadStream(file).pipe(res);
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${REPO}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
