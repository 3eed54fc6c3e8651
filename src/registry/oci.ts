// A read-only OCI distribution client (what the Go kubectl-gs uses regclient for): list a repository's
// tags, check one tag, read a manifest's annotations. Credentials, in regclient's order: the username and
// password given, else the Docker config (~/.docker/config.json "auths"), else anonymous. A registry that
// answers 401 says how to authenticate (WWW-Authenticate): Basic, or Bearer with a token from its realm.
// Registries on loopback addresses are spoken to over plain HTTP, as Docker treats 127.0.0.0/8 as an
// insecure registry; every other registry over HTTPS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';
import { httpRequest, type HttpAnswer } from './http';

export interface RegistryCredentials {
  username?: string;
  password?: string;
}

/** The manifest media types a chart may be stored with (OCI image manifest; Docker's v2 for old pushes). */
const manifestAccept = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export class OciClient {
  private authorization?: string;

  constructor(
    /** host[:port] */
    readonly registry: string,
    private readonly credentials: RegistryCredentials = {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private base(): string {
    return `${isLoopbackHost(this.registry) ? 'http' : 'https'}://${this.registry}/v2/`;
  }

  /** All tags of a repository, following the Link header's pages. */
  async listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    let next: string | undefined = `${this.base()}${repository}/tags/list`;
    while (next) {
      const res = await this.send(next, 'GET', repository, {});
      if (res.status === 404) throw new UserError(`repository ${this.registry}/${repository} does not exist in the registry; check --oci-url-prefix and --chart-name`);
      this.check(res, `listing the tags of ${this.registry}/${repository}`);
      const page = parseJson(res, `the tag list of ${this.registry}/${repository}`) as { tags?: unknown };
      if (page.tags !== null && page.tags !== undefined && !Array.isArray(page.tags)) {
        throw new UserError(`the registry ${this.registry} sent a tag list that is not one (no "tags" array); is ${this.registry} an OCI registry?`);
      }
      for (const t of (page.tags as unknown[] | null | undefined) ?? []) if (typeof t === 'string') tags.push(t);
      next = nextLink(res, next);
    }
    return tags;
  }

  /** Whether the tag exists (HEAD of its manifest). */
  async tagExists(repository: string, tag: string): Promise<boolean> {
    checkTag(tag);
    const res = await this.send(`${this.base()}${repository}/manifests/${tag}`, 'HEAD', repository, { Accept: manifestAccept });
    if (res.status === 404) return false;
    this.check(res, `checking tag ${tag} of ${this.registry}/${repository}`);
    return true;
  }

  /** The annotations of the tag's manifest ({} when it has none). */
  async manifestAnnotations(repository: string, tag: string): Promise<Record<string, string>> {
    checkTag(tag);
    const res = await this.send(`${this.base()}${repository}/manifests/${tag}`, 'GET', repository, { Accept: manifestAccept });
    if (res.status === 404) throw new UserError(`tag ${tag} does not exist in ${this.registry}/${repository}`);
    this.check(res, `fetching the manifest of ${this.registry}/${repository}:${tag}`);
    const manifest = parseJson(res, `the manifest of ${this.registry}/${repository}:${tag}`) as { annotations?: unknown };
    const out: Record<string, string> = {};
    if (manifest.annotations && typeof manifest.annotations === 'object') {
      for (const [k, v] of Object.entries(manifest.annotations)) if (typeof v === 'string') out[k] = v;
    }
    return out;
  }

  private check(res: HttpAnswer, what: string): void {
    if (res.status >= 200 && res.status < 300) return;
    if (res.status === 401 || res.status === 403) {
      throw new UserError(
        `the registry ${this.registry} refused access (${res.status}) when ${what}; give --registry-username with the password in KUBECTL_GS_REGISTRY_PASSWORD, or log in with docker login`,
      );
    }
    throw new UserError(`the registry ${this.registry} failed (${res.status}) when ${what}; try again later`);
  }

  /** One request, answering a 401 challenge once with the credentials at hand. */
  private async send(url: string, method: 'GET' | 'HEAD', repository: string, headers: Record<string, string>): Promise<HttpAnswer> {
    const withAuth = () => (this.authorization ? { ...headers, Authorization: this.authorization } : headers);
    let res = await httpRequest(url, { method, headers: withAuth() });
    if (res.status !== 401) return res;
    const challenge = headerOf(res, 'www-authenticate');
    const authorization = await this.answer(challenge, repository);
    if (!authorization || authorization === this.authorization) return res;
    this.authorization = authorization;
    res = await httpRequest(url, { method, headers: withAuth() });
    return res;
  }

  private userPass(): { username: string; password: string } | undefined {
    const { username, password } = this.credentials;
    if (username && password) return { username, password };
    return dockerConfigCredentials(this.registry, this.env);
  }

  private async answer(challenge: string, repository: string): Promise<string | undefined> {
    const scheme = challenge.split(/\s+/)[0]?.toLowerCase();
    const creds = this.userPass();
    if (scheme === 'basic') return creds ? basic(creds.username, creds.password) : undefined;
    if (scheme !== 'bearer') return undefined;
    const params = challengeParams(challenge);
    if (!params.realm) return undefined;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', params.scope ?? `repository:${repository}:pull`);
    const res = await httpRequest(tokenUrl.toString(), { headers: creds ? { Authorization: basic(creds.username, creds.password) } : {} });
    if (res.status === 401 || res.status === 403) return undefined;
    if (res.status < 200 || res.status >= 300) throw new UserError(`the registry's token service ${tokenUrl.host} failed (${res.status}); try again later`);
    const body = parseJson(res, `the token from ${tokenUrl.host}`) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    return token ? `Bearer ${token}` : undefined;
  }
}

function checkTag(tag: string): void {
  if (tag === '' || /[/:@]/.test(tag)) throw new UserError(`invalid tag "${tag}"`);
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function headerOf(res: HttpAnswer, name: string): string {
  const v = res.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** realm="...",service="...",scope="..." */
export function challengeParams(challenge: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(\w+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (let m = re.exec(challenge); m; m = re.exec(challenge)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

function nextLink(res: HttpAnswer, current: string): string | undefined {
  const link = headerOf(res, 'link');
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
  return m ? new URL(m[1]!, current).toString() : undefined;
}

function parseJson(res: HttpAnswer, what: string): unknown {
  try {
    const v = JSON.parse(res.body.toString('utf8')) as unknown;
    if (v && typeof v === 'object') return v;
  } catch {
    // reported below
  }
  throw new UserError(`${what} is not JSON; is this an OCI registry?`);
}

/** The Docker config's credentials for a registry ("auths"."host".auth, base64 "user:pass"); helpers are not run. */
export function dockerConfigCredentials(registry: string, env: NodeJS.ProcessEnv): { username: string; password: string } | undefined {
  const dir = env.DOCKER_CONFIG || (env.HOME ? join(env.HOME, '.docker') : undefined);
  if (!dir) return undefined;
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as typeof config;
  } catch {
    return undefined;
  }
  const entry = config.auths?.[registry] ?? config.auths?.[`https://${registry}`] ?? config.auths?.[`http://${registry}`];
  if (!entry) return undefined;
  if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } : undefined;
}

/** oci://host/path/name:tag -> registry, repository, tag. */
export function parseOciReference(url: string): { registry: string; repository: string; tag: string } {
  const rest = url.replace(/^oci:\/\//, '');
  const slash = rest.indexOf('/');
  const colon = rest.lastIndexOf(':');
  if (slash < 0 || colon < slash) throw new UserError(`"${url}" is not an OCI reference (oci://host/repository:tag)`);
  return { registry: rest.slice(0, slash), repository: rest.slice(slash + 1, colon), tag: rest.slice(colon + 1) };
}

/** Whether oci://host/repository:tag exists (anonymous or Docker config credentials). */
export async function ociTagExists(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const ref = parseOciReference(url);
  return new OciClient(ref.registry, {}, env).tagExists(ref.repository, ref.tag);
}
