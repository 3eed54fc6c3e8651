// Kubeconfig loading exactly as kubectl (client-go clientcmd) does it:
// - --kubeconfig names ONE file, which must exist;
// - else KUBECONFIG is a path list (':' separated, ';' on Windows); missing files are skipped; the files
//   are merged so that the first file to define a cluster/user/context name wins, and current-context
//   comes from the first file that sets it;
// - else ~/.kube/config (absent = empty configuration).
// Relative paths in a file (certificate-authority, client-certificate, client-key, tokenFile, and an exec
// command containing a slash) are resolved against the directory of the file that defined them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors';
import { aliasingProblem } from '../yamlAliasing';
import { parseSimpleYaml } from './fastYaml';

export interface ClusterConfig {
  server?: string;
  certificateAuthority?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  disableCompression?: boolean;
  /** The cluster extension "client.authentication.k8s.io/exec": handed to exec plugins with provideClusterInfo. */
  execExtension?: unknown;
}

export interface ExecConfig {
  apiVersion: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  installHint?: string;
  provideClusterInfo: boolean;
  interactiveMode?: string;
}

export interface UserConfig {
  token?: string;
  tokenFile?: string;
  clientCertificate?: string;
  clientCertificateData?: string;
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  as?: string;
  asGroups?: string[];
  asUid?: string;
  asUserExtra?: Record<string, string[]>;
  exec?: ExecConfig;
  authProvider?: { name: string; config: Record<string, string> };
}

export interface ContextConfig {
  cluster?: string;
  user?: string;
  namespace?: string;
}

/** A merged kubeconfig. Each entry remembers the file that defined it (for messages). */
export interface Kubeconfig {
  clusters: Map<string, ClusterConfig & { source: string }>;
  users: Map<string, UserConfig & { source: string }>;
  contexts: Map<string, ContextConfig & { source: string }>;
  currentContext?: string;
  /** The files that were read, in precedence order. */
  files: string[];
}

/** What loading may touch: injectable for unit tests. */
export interface KubeconfigIo {
  exists(path: string): boolean;
  read(path: string): string;
  cwd(): string;
  home(): string;
  delimiter: string;
}

export function realIo(env: NodeJS.ProcessEnv): KubeconfigIo {
  return {
    exists: existsSync,
    read: (p) => readFileSync(p, 'utf8'),
    cwd: () => process.cwd(),
    home: () => env.HOME || env.USERPROFILE || homedir(),
    delimiter,
  };
}

/** The files kubectl would read, in precedence order. */
export function kubeconfigFiles(flag: string | undefined, env: NodeJS.ProcessEnv, io: KubeconfigIo): string[] {
  if (flag) {
    const path = resolve(io.cwd(), flag);
    if (!io.exists(path)) throw new UserError(`the kubeconfig file ${flag} given with --kubeconfig does not exist`);
    return [path];
  }
  if (env.KUBECONFIG) {
    const seen = new Set<string>();
    const files: string[] = [];
    for (const entry of env.KUBECONFIG.split(io.delimiter)) {
      if (!entry) continue;
      const path = resolve(io.cwd(), entry);
      if (seen.has(path)) continue;
      seen.add(path);
      if (io.exists(path)) files.push(path);
    }
    return files;
  }
  const home = join(io.home(), '.kube', 'config');
  return io.exists(home) ? [home] : [];
}

export function loadKubeconfig(flag: string | undefined, env: NodeJS.ProcessEnv, io: KubeconfigIo = realIo(env)): Kubeconfig {
  const merged: Kubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map(), files: [] };
  for (const file of kubeconfigFiles(flag, env, io)) {
    let text: string;
    try {
      text = io.read(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EISDIR') {
        const named = flag ? 'given with --kubeconfig' : env.KUBECONFIG ? 'named in KUBECONFIG' : '(the default)';
        throw new UserError(`the kubeconfig ${file} ${named} is a folder, not a file; name the kubeconfig file itself (e.g. ${join(file, 'config')})`);
      }
      throw new UserError(`cannot read kubeconfig ${file}: ${(err as Error).message}`);
    }
    mergeInto(merged, parseKubeconfig(text, file));
  }
  return merged;
}

function mergeInto(into: Kubeconfig, from: Kubeconfig): void {
  // The first file to define a name wins: later files only add names not seen yet.
  for (const [name, v] of from.clusters) if (!into.clusters.has(name)) into.clusters.set(name, v);
  for (const [name, v] of from.users) if (!into.users.has(name)) into.users.set(name, v);
  for (const [name, v] of from.contexts) if (!into.contexts.has(name)) into.contexts.set(name, v);
  if (!into.currentContext && from.currentContext) into.currentContext = from.currentContext;
  into.files.push(...from.files);
}

function parseDocument(text: string, file: string): unknown {
  // Most kubeconfigs are YAML, but a JSON one (YAML's subset) is read without loading js-yaml.
  const trimmed = text.trimStart();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: YAML flow mappings also start with '{'
    }
  }
  // The YAML kubectl writes is read by a small exact reader; anything else (and every error) by js-yaml.
  const simple = parseSimpleYaml(text);
  if (simple !== undefined) return simple ?? {};
  let doc: unknown;
  try {
    const yaml = require('js-yaml') as typeof import('js-yaml');
    doc = yaml.load(text, { filename: file }) ?? {};
  } catch (err) {
    const reason = (err as { reason?: string; mark?: { line: number } }).reason;
    const line = (err as { mark?: { line: number } }).mark?.line;
    const where = line !== undefined ? ` (line ${line + 1})` : '';
    throw new UserError(`kubeconfig ${file} is not valid YAML${where}: ${reason ?? (err as Error).message.split('\n')[0]}`);
  }
  // Anchors and aliases (which the small reader never accepts) can make a tiny file expand without bound.
  const aliasing = aliasingProblem(doc);
  if (aliasing) throw new UserError(`kubeconfig ${file} is refused: ${aliasing}, as kubectl refuses it; remove the YAML anchors and aliases`);
  return doc;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
const strList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

/** Parses one kubeconfig file, resolving its relative paths against its directory. */
export function parseKubeconfig(text: string, file: string): Kubeconfig {
  const doc = parseDocument(text, file);
  if (!isObject(doc)) throw new UserError(`kubeconfig ${file} is not a kubeconfig: expected a mapping with clusters, users and contexts`);
  const dir = dirname(file);
  const path = (p: string | undefined) => (p && !isAbsolute(p) ? join(dir, p) : p);
  const out: Kubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map(), files: [file] };

  for (const { name, body } of namedEntries(doc.clusters, 'cluster', file)) {
    out.clusters.set(name, {
      source: file,
      server: str(body.server),
      certificateAuthority: path(str(body['certificate-authority'])),
      certificateAuthorityData: str(body['certificate-authority-data']),
      insecureSkipTlsVerify: bool(body['insecure-skip-tls-verify']),
      tlsServerName: str(body['tls-server-name']),
      proxyUrl: str(body['proxy-url']),
      disableCompression: bool(body['disable-compression']),
      execExtension: execExtension(body.extensions),
    });
  }
  for (const { name, body } of namedEntries(doc.users, 'user', file)) {
    out.users.set(name, { source: file, ...parseUser(body, path, name, file) });
  }
  for (const { name, body } of namedEntries(doc.contexts, 'context', file)) {
    out.contexts.set(name, { source: file, cluster: str(body.cluster), user: str(body.user), namespace: str(body.namespace) });
  }
  out.currentContext = str(doc['current-context']);
  return out;
}

function execExtension(extensions: unknown): unknown {
  if (!Array.isArray(extensions)) return undefined;
  const entry = extensions.find((e) => isObject(e) && e.name === 'client.authentication.k8s.io/exec');
  return isObject(entry) ? entry.extension : undefined;
}

function parseUser(body: Raw, path: (p: string | undefined) => string | undefined, name: string, file: string): UserConfig {
  const user: UserConfig = {
    token: str(body.token),
    tokenFile: path(str(body.tokenFile)),
    clientCertificate: path(str(body['client-certificate'])),
    clientCertificateData: str(body['client-certificate-data']),
    clientKey: path(str(body['client-key'])),
    clientKeyData: str(body['client-key-data']),
    username: str(body.username),
    password: str(body.password),
    as: str(body.as),
    asGroups: strList(body['as-groups']),
    asUid: str(body['as-uid']),
  };
  if (isObject(body['as-user-extra'])) {
    user.asUserExtra = {};
    for (const [k, v] of Object.entries(body['as-user-extra'])) user.asUserExtra[k] = strList(v) ?? [];
  }
  if (isObject(body.exec)) {
    const exec = body.exec;
    const command = str(exec.command);
    if (!command) throw new UserError(`kubeconfig ${file}: user "${name}" has an exec credential plugin without a command`);
    user.exec = {
      apiVersion: str(exec.apiVersion) ?? '',
      // A bare name is looked up on PATH; anything with a slash is a path relative to the kubeconfig.
      command: command.includes('/') || command.includes('\\') ? path(command)! : command,
      args: strList(exec.args) ?? [],
      env: (Array.isArray(exec.env) ? exec.env : [])
        .filter(isObject)
        .map((e) => ({ name: str(e.name) ?? '', value: typeof e.value === 'string' ? e.value : String(e.value ?? '') }))
        .filter((e) => e.name !== ''),
      installHint: str(exec.installHint),
      provideClusterInfo: bool(exec.provideClusterInfo) ?? false,
      interactiveMode: str(exec.interactiveMode),
    };
  }
  if (isObject(body['auth-provider'])) {
    const provider = body['auth-provider'];
    const config: Record<string, string> = {};
    if (isObject(provider.config)) for (const [k, v] of Object.entries(provider.config)) if (typeof v === 'string') config[k] = v;
    user.authProvider = { name: str(provider.name) ?? '', config };
  }
  return user;
}

function* namedEntries(list: unknown, field: string, file: string): Generator<{ name: string; body: Raw }> {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) throw new UserError(`kubeconfig ${file}: "${field}s" must be a list`);
  for (const entry of list) {
    if (!isObject(entry)) continue;
    const name = str(entry.name);
    if (!name) continue;
    yield { name, body: isObject(entry[field]) ? entry[field] : {} };
  }
}
