// A real OCI registry on loopback for the end-to-end tests: Debian's docker-registry package (the CNCF
// distribution registry), installed here with apt-get when the machine lacks it (CI machines are fresh),
// one process per registry with its own storage directory and free port, optionally with htpasswd basic
// auth. Charts are pushed through the OCI distribution API with Helm's media types, as `helm push` does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from './apiserver';

const registryBin = '/usr/bin/docker-registry';

/** The binary, installed from Debian's package if missing (the machine's tests run as root). */
export function ensureDockerRegistry(): string {
  if (existsSync(registryBin)) return registryBin;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'docker-registry'], { env, encoding: 'utf8' });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8' });
    r = install();
  }
  if (r.status !== 0 || !existsSync(registryBin)) throw new Error(`apt-get install docker-registry failed: ${r.stderr}`);
  return registryBin;
}

export interface Registry {
  /** 127.0.0.1:<port> */
  host: string;
  /** Basic auth, when the registry requires it. */
  auth?: { username: string; password: string };
  stop(): Promise<void>;
}

function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

export async function startRegistry(auth?: { username: string; password: string }): Promise<Registry> {
  const bin = ensureDockerRegistry();
  const dir = mkdtempSync(join(tmpdir(), 'kgs-registry-'));
  const port = await freePort();
  const config = [
    'version: 0.1',
    'log:', '  level: warn',
    'storage:', '  filesystem:', `    rootdirectory: ${join(dir, 'data')}`, '  delete:', '    enabled: true',
    'http:', `  addr: 127.0.0.1:${port}`,
  ];
  if (auth) {
    const bcrypt = require('bcryptjs') as typeof import('bcryptjs');
    writeFileSync(join(dir, 'htpasswd'), `${auth.username}:${bcrypt.hashSync(auth.password, 4)}\n`);
    config.push('auth:', '  htpasswd:', '    realm: kgs-e2e', `    path: ${join(dir, 'htpasswd')}`);
  }
  writeFileSync(join(dir, 'config.yml'), config.join('\n') + '\n');
  const log = openSync(join(dir, 'registry.log'), 'a');
  let child: ChildProcess;
  try {
    child = spawn(bin, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const stop = async () => {
    process.removeListener('exit', kill);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const s = await status(`http://127.0.0.1:${port}/v2/`);
    if (s === 200 || s === 401) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      const text = existsSync(join(dir, 'registry.log')) ? readFileSync(join(dir, 'registry.log'), 'utf8') : '';
      await stop();
      throw new Error(`docker-registry did not start: ${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host: `127.0.0.1:${port}`, auth, stop };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A minimal but real chart archive (Chart.yaml, values.yaml, values.schema.json when given) as a tar.gz. */
export function chartArchive(name: string, version: string, schema?: object): Buffer {
  const files: Array<[string, string]> = [
    [`${name}/Chart.yaml`, `apiVersion: v2\nname: ${name}\nversion: ${version}\n`],
    [`${name}/values.yaml`, 'replicas: 1\n'],
  ];
  if (schema) files.push([`${name}/values.schema.json`, JSON.stringify(schema)]);
  const blocks: Buffer[] = [];
  for (const [path, text] of files) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(path, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/**
 * Pushes a chart as `helm push` stores it: config blob (application/vnd.cncf.helm.config.v1+json), the
 * archive as the one layer (application/vnd.cncf.helm.chart.content.v1.tar+gzip), an OCI image manifest
 * with the given annotations, tagged `version`.
 */
export async function pushChart(reg: Registry, repository: string, version: string, opts: { annotations?: Record<string, string>; archive?: Buffer } = {}): Promise<void> {
  const base = `http://${reg.host}/v2/${repository}`;
  const auth: Record<string, string> = reg.auth ? { Authorization: `Basic ${Buffer.from(`${reg.auth.username}:${reg.auth.password}`).toString('base64')}` } : {};
  const name = repository.split('/').pop()!;
  const config = Buffer.from(JSON.stringify({ name, version, apiVersion: 'v2' }));
  const layer = opts.archive ?? chartArchive(name, version);
  for (const blob of [config, layer]) {
    const start = await send(`${base}/blobs/uploads/`, 'POST', auth);
    if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${start.body}`);
    const location = new URL(String(start.headers.location), `http://${reg.host}`);
    location.searchParams.set('digest', sha256(blob));
    const put = await send(location.toString(), 'PUT', { ...auth, 'Content-Type': 'application/octet-stream' }, blob);
    if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${put.body}`);
  }
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: sha256(config), size: config.length },
    layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
    annotations: { 'org.opencontainers.image.title': name, 'org.opencontainers.image.version': version, ...opts.annotations },
  }));
  const put = await send(`${base}/manifests/${version}`, 'PUT', { ...auth, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, manifest);
  if (put.status !== 201) throw new Error(`manifest upload: ${put.status} ${put.body}`);
}
