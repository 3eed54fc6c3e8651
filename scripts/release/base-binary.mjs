// Files out of npm packages (Node base binaries), fetched with `npm pack` (the npm registry is the only
// network the release needs; npm checks each tarball against the registry's integrity hash) and kept in a
// cache shared by every checkout: ${XDG_CACHE_HOME:-~/.cache}/kubectl-gs-release/<package>-<version>/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kubectl-gs-release');

/** The path of `file` (e.g. bin/node) inside npm package name@version, downloaded once. */
export function packageFile(name, version, file) {
  const dir = join(cacheDir, `${name}-${version}`);
  const target = join(dir, file);
  if (existsSync(target)) return target;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, '.tmp-'));
  try {
    try {
      execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', tmp], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      throw new Error(`npm pack ${name}@${version} failed (${String(err.stderr || err.message).trim().split('\n').pop()}); check the network to the npm registry`);
    }
    execFileSync('sh', ['-c', 'tar xzf *.tgz && rm -f *.tgz'], { cwd: tmp });
    const got = JSON.parse(readFileSync(join(tmp, 'package/package.json'), 'utf8')).version;
    if (got !== version) throw new Error(`${name}: asked for ${version}, npm gave ${got}`);
    if (!existsSync(join(tmp, 'package', file))) throw new Error(`${name}@${version} has no ${file}`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, 'package'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}
