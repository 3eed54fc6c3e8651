// Test repositories for the gitops commands: a temporary Git-like folder, the commands called through
// run() with the Go tool's defaults, and a dump of the whole tree (paths, modes, contents) for golden
// files and before/after checksums.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as runInit } from '../../../src/commands/gitops/init';
import { run as runCheck, type CheckOptions } from '../../../src/commands/gitops/check';
import { run as runMc, type ManagementClusterOptions } from '../../../src/commands/gitops/add/managementCluster';
import { run as runOrg, type OrganizationOptions } from '../../../src/commands/gitops/add/organization';
import { run as runWc, type WorkloadClusterOptions } from '../../../src/commands/gitops/add/workloadCluster';
import { run as runApp, type AppOptions } from '../../../src/commands/gitops/add/app';
import { run as runUpdate, type AutomaticUpdateOptions } from '../../../src/commands/gitops/add/automaticUpdate';
import { run as runBase, type BaseOptions } from '../../../src/commands/gitops/add/base';
import { run as runEnc, type EncryptionOptions } from '../../../src/commands/gitops/add/encryption';
import { UserError } from '../../../src/cli/errors';
import { fakeDeps } from '../../support/fakeDeps';

export function newRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'kgs-gitops-'));
  mkdirSync(join(repo, '.git', 'hooks'), { recursive: true });
  return repo;
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The error line the CLI would print (without "error: "), when the command failed. */
  error?: string;
}

async function call<O>(run: (o: O, d: ReturnType<typeof fakeDeps>) => Promise<number>, o: O): Promise<Outcome> {
  const deps = fakeDeps();
  try {
    const code = await run(o, deps);
    return { code, stdout: deps.stdout.text(), stderr: deps.stderr.text() };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return { code: err.exitCode, stdout: deps.stdout.text(), stderr: deps.stderr.text(), error: err.message };
  }
}

type Common = { localPath: string; dryRun?: boolean };

export const gitops = {
  init: (o: Common) => call(runInit, { dryRun: false, ...o }),
  check: (o: Common & Partial<CheckOptions>) => call(runCheck, { dryRun: false, adopt: false, ...o }),
  mc: (o: Common & Partial<ManagementClusterOptions>) => call(runMc, { dryRun: false, genMasterKey: false, ...o }),
  org: (o: Common & Partial<OrganizationOptions>) => call(runOrg, { dryRun: false, ...o }),
  wc: (o: Common & Partial<WorkloadClusterOptions>) => call(runWc, { dryRun: false, skipMapi: false, ...o }),
  app: (o: Common & Partial<AppOptions>) => call(runApp, { dryRun: false, skipMapi: false, ...o }),
  update: (o: Common & Partial<AutomaticUpdateOptions>) => call(runUpdate, { dryRun: false, skipMapi: false, ...o }),
  base: (o: Common & Partial<BaseOptions>) => call(runBase, { dryRun: false, ...o }),
  enc: (o: Common & Partial<EncryptionOptions>) => call(runEnc, { dryRun: false, generate: true, target: 'secrets/', ...o }),
};

/** Every entry under root (not .git), sorted: directories end in '/', files carry their mode and text. */
export function dumpTree(root: string): string {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      if (p === '.git') continue;
      const s = statSync(join(root, p));
      if (s.isDirectory()) {
        out.push(`${p}/ (${(s.mode & 0o777).toString(8)})`);
        walk(p);
      } else {
        out.push(`== ${p} (${(s.mode & 0o777).toString(8)})\n${readFileSync(join(root, p), 'utf8')}`);
      }
    }
  };
  walk('');
  return out.join('\n') + '\n';
}

/** A checksum of everything under root, .git included: names, modes and contents. */
export function treeChecksum(root: string): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      const s = statSync(join(root, p));
      h.update(`${p}\0${s.mode}\0`);
      if (s.isDirectory()) walk(p);
      else h.update(readFileSync(join(root, p)));
    }
  };
  walk('');
  return h.digest('hex');
}

/** Key material varies run to run: fingerprints and armored blocks are replaced for golden files. */
export function maskKeys(text: string, fingerprints: string[]): string {
  let out = text;
  for (const f of fingerprints) out = out.split(f).join('<FINGERPRINT>');
  // a --dry-run makes a key of its own, which is never written: any fingerprint-shaped value is masked
  out = out.replace(/\b[0-9a-f]{40}\b/g, '<FINGERPRINT>');
  out = out.replace(/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g, '<PGP $1 KEY>');
  out = out.replace(/(\.asc: )[A-Za-z0-9+/=]{40,}/g, '$1<BASE64 PRIVATE KEY>');
  return out;
}

/** The fingerprints of the keys in .sops.keys directories under root. */
export function fingerprintsIn(root: string): string[] {
  const found = new Set<string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const p = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, p)).isDirectory()) walk(p);
      const m = /\.([0-9a-f]{40})\.asc$/.exec(name);
      if (m) found.add(m[1]);
    }
  };
  walk('');
  return [...found];
}
