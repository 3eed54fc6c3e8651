// `kubectl gs get apps [NAME]`: Giant Swarm App resources (application.giantswarm.io) and how their last
// deployment went. Deprecated in the Go kubectl-gs ("currently without replacement"); kept, with its notice.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { TableSpec } from '../../output/printer';
import { getFlags, getOptions, type GetOptions } from './flags';
import { field, str } from './labels';

export const appType = { group: 'application.giantswarm.io', version: 'v1alpha1', plural: 'apps', kind: 'App', namespaced: true } as const;

export function appTable(now: Date): TableSpec {
  return {
    headers: ['NAME', 'VERSION', 'LAST DEPLOYED', 'STATUS', 'NOTES'],
    row: (a: KubeObject) => [
      a.metadata.name,
      str(a, 'status', 'version'),
      age(field(a, 'status', 'release', 'lastDeployed'), now),
      str(a, 'status', 'release', 'status'),
      str(a, 'status', 'release', 'reason'),
    ],
  };
}

export const flags = getFlags;

export async function run(opts: GetOptions, deps: Deps): Promise<number> {
  deps.stderr.write('Command "apps" is deprecated, currently without replacement\n');
  const engine = await import('./engine');
  return engine.getSimple(deps, opts, appType, appTable(deps.now()), {
    what: 'apps',
    namespaced: true,
    hint: ['To create an app, please check', '', '  kubectl gs template app --help'],
  });
}

export const definition = defineCommand({
  name: 'apps',
  aliases: ['app'],
  positionals: '[name]',
  describe: 'Display one or many apps (deprecated, currently without replacement)',
  examples: [
    ['$0 get apps', 'List the apps in the current namespace'],
    ['$0 get app coredns -n org-acme', 'Show one app'],
  ],
  flags,
  options: getOptions,
  run,
});
