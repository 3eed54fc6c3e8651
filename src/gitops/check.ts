// `gitops check`: compares the recorded layers with the structure version this build generates, and
// `--adopt` records the layers of a repository that predates the metadata file. Texts as the Go tool's.
import { statSync } from 'node:fs';
import { UserError } from '../errors';
import { adopt } from './adopt';
import { commitChanges } from './commit';
import {
  loadMetadata,
  mergeMissing,
  metadataDisplayPath,
  metadataFileName,
  newMetadata,
  outdatedLayers,
  renderMetadata,
  sortLayers,
  structureVersion,
  type MetadataLayer,
  type RepositoryMetadata,
} from './metadata';
import { defaultFileMode } from './plan';

export interface CheckResult {
  output: string;
  /** Set when the command fails (after printing output): the one error line. */
  error?: string;
}

/** Go's text/tabwriter with padding 2: every column but the last padded to its widest cell plus two. */
export function tabulate(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] + 2) : cell)).join('') + '\n').join('');
}

function kindCounts(layers: MetadataLayer[]): string {
  const counts = new Map<string, number>();
  for (const l of layers) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  return tabulate([...counts.keys()].sort().map((k) => [`  ${k}`, String(counts.get(k))]));
}

const structureDocs = 'https://github.com/giantswarm/gitops-template/blob/main/docs/repo_structure.md';

export function checkRepository(repo: string, options: { adopt: boolean; dryRun: boolean }): CheckResult {
  let isDir = false;
  try {
    isDir = statSync(repo).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UserError(`${repo} is not a directory; give --local-path the folder of your cloned GitOps repository`);
  const md = loadMetadata(repo);
  if (!md && !options.adopt) {
    throw new UserError(
      `${repo} holds no ${metadataFileName}, so there is nothing to check yet; run \`kubectl gs gitops check --adopt\` to record what the repository already contains`,
    );
  }
  return options.adopt ? adoptRepository(repo, md, options.dryRun) : report(md!);
}

function adoptRepository(repo: string, existing: RepositoryMetadata | undefined, dryRun: boolean): CheckResult {
  const result = adopt(repo);
  const md = existing ?? newMetadata();
  const added = mergeMissing(md, result.metadata.layers);
  if (added.length === 0) {
    return { output: `Nothing to adopt: all ${result.metadata.layers.length} detected layer(s) are already recorded.\n` };
  }
  let out = `Detected ${added.length} layer(s) to record at structure version ${structureVersion}:\n\n`;
  out += kindCounts(added);
  if (result.skipped.length > 0) {
    out += `\nSkipped ${result.skipped.length} directories that do not look like a generated layer:\n`;
    for (const s of result.skipped) out += `  ${s}\n`;
  }
  const body = renderMetadata(md);
  if (dryRun) return { output: `${out}\n${metadataDisplayPath(repo)}\n${body}\n` };
  commitChanges(repo, { mkdirs: [], writes: [{ path: metadataFileName, data: body, mode: defaultFileMode, replaces: existing !== undefined }] });
  out += `\nWrote ${metadataDisplayPath(repo)}\n`;
  out += '\nNote: adoption assumes these layers are current. Drift from before this\npoint is not detectable.\n';
  return { output: out };
}

function report(md: RepositoryMetadata): CheckResult {
  const repoOutdated = md.structureVersion < structureVersion;
  let out = repoOutdated
    ? `repository structure version: ${md.structureVersion} (current: ${structureVersion})\n`
    : `repository structure version: ${md.structureVersion} (up to date)\n`;
  if (md.layers.length === 0) {
    out += '\nNo layers recorded yet.\n';
  } else {
    sortLayers(md);
    const rows = [['LAYER', 'PATH', 'VERSION', 'STATUS']];
    for (const l of md.layers) {
      let status = 'up to date';
      if (l.structureVersion < structureVersion) status = `outdated (current ${structureVersion})`;
      else if (l.structureVersion > structureVersion) status = 'newer than this kubectl-gs';
      rows.push([l.kind, l.path, String(l.structureVersion), status]);
    }
    out += `\n${tabulate(rows)}`;
  }
  const outdated = outdatedLayers(md);
  out += '\n';
  if (outdated.length > 0) out += `${outdated.length} layer(s) out of sync.\n`;
  else if (repoOutdated) out += 'The repository itself is out of sync.\n';
  else if (md.layers.length === 0) out += 'The repository is up to date. Run with --adopt to record the layers it already holds.\n';
  else out += `All ${md.layers.length} layer(s) are up to date.\n`;
  if (outdated.length > 0 || repoOutdated) {
    return {
      output: out,
      error: `the repository was generated with an older repository structure than this kubectl-gs produces (version ${structureVersion}); see ${structureDocs} for what changed`,
    };
  }
  return { output: out };
}
