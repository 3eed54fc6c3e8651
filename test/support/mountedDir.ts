// Real file-system faults for tests, without root: a script runs in its own user and mount namespace
// (`unshare -rm`, util-linux) where a folder is a fresh tmpfs of a few KB, so a write really fails with
// ENOSPC, or read-only, so it really fails with EROFS. Nothing outside the namespace is touched.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/** Whether this machine lets an unprivileged process mount a tmpfs in a namespace of its own. */
export const canMount: boolean =
  process.platform === 'linux' && spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=4k tmpfs /tmp'], { stdio: 'ignore' }).status === 0;

export interface MountedRun {
  /** Where the tmpfs was mounted (inside the namespace; an empty folder outside it). */
  mountedDir: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Bundles `source` (TypeScript; import paths relative to the repository root) and runs it twice under
 * node inside the namespace, with the mounted folder as argv[2] and the phase as argv[3]: "prepare" on
 * the fresh tmpfs, then "run", after the tmpfs was made read-only if asked. "$MNT" in a value of
 * opts.env stands for the mounted folder.
 */
export function runWithMountedDir(source: string, opts: { sizeKb: number; readOnly?: boolean; env?: Record<string, string> }): Promise<MountedRun> {
  const work = mkdtempSync(join(tmpdir(), 'kgs-mounted-'));
  const dir = join(work, 'mnt');
  mkdirSync(dir);
  const script = join(work, 'script.cjs');
  buildSync({
    stdin: { contents: source, resolveDir: resolve(__dirname, '../..'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node24', outfile: script, logLevel: 'silent',
  });
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const node = q(process.execPath);
  const shell = [
    `mount -t tmpfs -o size=${opts.sizeKb}k,mode=0700 tmpfs ${q(dir)}`,
    `${node} ${q(script)} ${q(dir)} prepare`,
    ...(opts.readOnly ? [`mount -o remount,ro ${q(dir)}`] : []),
    `exec ${node} ${q(script)} ${q(dir)} run`,
  ].join(' && ');
  return new Promise((res, rej) => {
    const env = Object.fromEntries(Object.entries(opts.env ?? {}).map(([k, v]) => [k, v.replace('$MNT', dir)]));
    const child = spawn('unshare', ['-rm', 'sh', '-c', shell], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', rej);
    child.on('exit', (code) => res({ mountedDir: dir, code, stdout, stderr }));
  });
}
