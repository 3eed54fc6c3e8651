// The release feed: a GitHub-compatible releases API (`GET <base>/releases/latest`), its base the
// project's own repository, overridable with KUBECTL_GS_RELEASES_URL (tests, mirrors). HTTP through
// undici's EnvHttpProxyAgent, so HTTPS_PROXY / NO_PROXY apply as for every other request of the tool.
import { buildInfo } from '../buildInfo';

export const DEFAULT_RELEASES_URL = 'https://api.github.com/repos/giantswarm/kubectl-gs';

export interface Release {
  /** The version without its "v" (6.1.0). */
  version: string;
  tag: string;
  /** Asset name -> download URL. */
  assets: Map<string, string>;
}

export function releasesBase(env: NodeJS.ProcessEnv): string {
  return (env.KUBECTL_GS_RELEASES_URL || DEFAULT_RELEASES_URL).replace(/\/+$/, '');
}

type Undici = typeof import('undici');
let undici: Undici | undefined;
let dispatcher: import('undici').Dispatcher | undefined;

/** GET a URL (redirects followed: release assets are served from storage elsewhere), the body bounded. */
export async function httpGet(url: string, opts: { timeoutMs: number; maxBytes: number; accept?: string }): Promise<Buffer> {
  undici ??= (require('../vendor') as typeof import('../vendor')).undici();
  dispatcher ??= new undici.EnvHttpProxyAgent();
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    let res: import('undici').Dispatcher.ResponseData;
    try {
      res = await undici.request(target, {
        dispatcher,
        signal,
        headers: { 'user-agent': `kubectl-gs/${buildInfo.version}`, accept: opts.accept ?? '*/*' },
      });
    } catch (err) {
      throw new Error(`cannot reach ${target.origin} (${signal.aborted ? 'no answer in time' : (err as Error).message})`);
    }
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string' && hop < 10) {
      await res.body.dump();
      target = new URL(location, target);
      continue;
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`${target.origin}${target.pathname} answered HTTP ${res.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > opts.maxBytes) {
          res.body.destroy();
          throw new Error(`${target.pathname} is larger than ${opts.maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if (signal.aborted) throw new Error(`${target.origin} did not send ${target.pathname} in time`);
      throw err;
    }
    return Buffer.concat(chunks);
  }
}

/** The latest release; throws one line when the feed cannot be read or says something else. */
export async function fetchLatestRelease(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Release> {
  const url = `${releasesBase(env)}/releases/latest`;
  const body = await httpGet(url, { timeoutMs, maxBytes: 4 * 1024 * 1024, accept: 'application/vnd.github+json' });
  let json: { tag_name?: unknown; assets?: unknown };
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
  const semver = require('semver') as typeof import('semver');
  const tag = typeof json.tag_name === 'string' ? json.tag_name : '';
  const version = semver.valid(semver.clean(tag) ?? '');
  if (!version) throw new Error(`the latest release at ${url} has no version tag (tag_name "${tag}")`);
  const assets = new Map<string, string>();
  for (const a of Array.isArray(json.assets) ? json.assets : []) {
    if (a && typeof a.name === 'string' && typeof a.browser_download_url === 'string') assets.set(a.name, a.browser_download_url);
  }
  return { version, tag, assets };
}
