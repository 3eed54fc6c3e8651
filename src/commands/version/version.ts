// `kubectl gs version`: what was built, from which commit, and what it runs on.
import { buildInfo } from '../../buildInfo';
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import { defineFlags } from '../../cli/flagTable';
import { goArch, goOs } from '../../platform';

export interface VersionOptions {
  output?: string;
}

export interface VersionInfo {
  version: string;
  gitCommit: string;
  buildDate: string;
  nodeVersion: string;
  platform: string;
}

export function versionInfo(): VersionInfo {
  return {
    version: buildInfo.version,
    gitCommit: buildInfo.gitCommit,
    buildDate: buildInfo.buildDate,
    nodeVersion: process.version,
    platform: `${goOs(process.platform)}/${goArch(process.arch)}`,
  };
}

export async function run(options: VersionOptions, deps: Deps): Promise<number> {
  const info = versionInfo();
  switch (options.output ?? '') {
    case '':
      deps.stdout.write(
        `Version:    ${info.version}\nGit commit: ${info.gitCommit}\nBuild date: ${info.buildDate}\n` +
          `Node:       ${info.nodeVersion}\nPlatform:   ${info.platform}\n`,
      );
      return 0;
    case 'json':
      deps.stdout.write(JSON.stringify(info, null, 2) + '\n');
      return 0;
    case 'yaml':
      // Flat string map: quoting every value keeps it valid YAML without a YAML library.
      deps.stdout.write(Object.entries(info).map(([k, v]) => `${k}: ${JSON.stringify(v)}\n`).join(''));
      return 0;
    default:
      throw new UserError(`unknown output format "${options.output}" for version; use one of: json, yaml (or no -o for text)`);
  }
}

export const flags = defineFlags({
  output: { type: 'string', short: 'o', completions: ['json', 'yaml'], describe: 'Output format: json or yaml' },
});

export const definition = defineCommand({
  name: 'version',
  describe: 'Print the version of kubectl gs',
  examples: [['$0 version -o json', 'Print version details as JSON']],
  flags,
  options: (values): VersionOptions => values,
  run,
});
