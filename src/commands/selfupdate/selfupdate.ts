// `kubectl gs selfupdate` (Go: cmd/selfupdate): replaces this executable with the latest release's, after
// checking the downloaded archive against the release's checksums. An install made by krew is krew's to
// update; a development run under plain node has no executable of its own to replace.
import { buildInfo } from '../../buildInfo';
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import { defineFlags } from '../../cli/flagTable';
import { goArch, goOs } from '../../platform';

export interface SelfupdateOptions {
  dryRun?: boolean;
  /** The executable to replace; undefined when not running as the single executable. */
  executable?: string;
  /** The running version (buildInfo's; tests give their own). */
  currentVersion: string;
  os: string;
  arch: string;
}

export async function run(o: SelfupdateOptions, deps: Deps): Promise<number> {
  const su = await import('../../selfupdate/index');
  if (!o.executable) throw new UserError('selfupdate replaces the kubectl-gs executable, and this is not one (a development run); build or install kubectl-gs');
  if (su.installedByKrew(o.executable)) throw new UserError(`kubectl-gs was installed by krew; update it with "${su.KREW_UPGRADE}"`);
  let release;
  try {
    release = await su.fetchLatestRelease(deps.env, 30_000);
  } catch (err) {
    throw new UserError(`checking for the latest version failed: ${(err as Error).message}`);
  }
  const semver = await import('semver');
  const current = semver.valid(o.currentVersion);
  if (current && !semver.gt(release.version, current)) {
    deps.stdout.write('You are already using the latest version.\n');
    return 0;
  }
  if (o.dryRun) {
    deps.stdout.write(`There's a new version available: ${release.version}.\nPlease update by running "${su.SELFUPDATE}".\n`);
    return 0;
  }
  deps.stdout.write(`Update to ${release.version} has been started.\nFetching latest built binary...\n`);
  const content = await su.fetchVerifiedExecutable(release, o.os, o.arch);
  su.replaceExecutable(o.executable, content);
  // The check's cache now describes an older install: start afresh.
  try {
    su.writeState(deps.cacheDir(), { latest: release.version });
  } catch {
    // only a cache
  }
  deps.stdout.write('Updated successfully.\n');
  return 0;
}

export const flags = defineFlags({
  'dry-run': { type: 'boolean', describe: 'Only check for updates.' },
});

export const definition = defineCommand({
  name: 'selfupdate',
  describe: 'Update to the latest version.',
  examples: [
    ['$0 selfupdate', 'Replace this kubectl-gs with the latest release'],
    ['$0 selfupdate --dry-run', 'Only check whether a newer release exists'],
  ],
  flags,
  options: (values): SelfupdateOptions => ({
    dryRun: values.dryRun,
    executable: (require('node:sea') as typeof import('node:sea')).isSea() ? process.execPath : undefined,
    currentVersion: buildInfo.version,
    os: goOs(process.platform),
    arch: goArch(process.arch),
  }),
  run,
});
