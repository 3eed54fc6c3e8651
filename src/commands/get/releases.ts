// `kubectl gs get releases [VERSION]`: Giant Swarm releases (release.giantswarm.io Release, cluster-scoped)
// with the versions of their main components.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { TableSpec } from '../../output/printer';
import { defineFlags } from '../../cli/flagTable';
import { clusterScopedGetFlags, getOptions, type GetOptions } from './flags';
import { field, naValue, str } from './labels';

export interface ReleaseOptions extends GetOptions {
  activeOnly: boolean;
}

export const releaseType = { group: 'release.giantswarm.io', version: 'v1alpha1', plural: 'releases', kind: 'Release', namespaced: false } as const;

function versionOf(list: unknown, name: string): string {
  if (!Array.isArray(list)) return naValue;
  const found = list.find((c) => c && typeof c === 'object' && (c as { name?: unknown }).name === name) as { version?: unknown } | undefined;
  return typeof found?.version === 'string' && found.version ? found.version : naValue;
}

export const isActive = (r: KubeObject): boolean => str(r, 'spec', 'state') === 'active';

export function releaseTable(now: Date): TableSpec {
  return {
    headers: ['VERSION', 'STATUS', 'AGE', 'KUBERNETES', 'FLATCAR', 'CILIUM', 'COREDNS', 'OBSERVABILITY BUNDLE', 'SECURITY BUNDLE'],
    row: (r: KubeObject) => {
      const components = field(r, 'spec', 'components');
      const apps = field(r, 'spec', 'apps');
      const state = str(r, 'spec', 'state');
      return [
        r.metadata.name,
        state ? state.toUpperCase() : naValue,
        age(r.metadata.creationTimestamp, now),
        versionOf(components, 'kubernetes'),
        versionOf(components, 'flatcar'),
        versionOf(apps, 'cilium'),
        versionOf(apps, 'coredns'),
        versionOf(apps, 'observability-bundle'),
        versionOf(apps, 'security-bundle'),
      ];
    },
  };
}

export const flags = defineFlags({
  ...clusterScopedGetFlags,
  'active-only': { type: 'boolean', describe: 'Only show active releases' },
});

export async function run(opts: ReleaseOptions, deps: Deps): Promise<number> {
  const engine = await import('./engine');
  return engine.getSimple(deps, opts, releaseType, releaseTable(deps.now()), {
    what: opts.activeOnly ? 'active releases' : 'releases',
    namespaced: false,
  }, opts.activeOnly ? { filter: isActive } : {});
}

export const definition = defineCommand({
  name: 'releases',
  aliases: ['release'],
  positionals: '[name]',
  describe: 'Display one or more releases',
  examples: [
    ['$0 get releases', 'List all releases'],
    ['$0 get releases --active-only', 'List the active releases only'],
    ['$0 get release aws-25.0.0 -o yaml', 'Show one release'],
  ],
  flags,
  options: (values, ctx): ReleaseOptions => ({ ...getOptions(values, ctx), activeOnly: values.activeOnly }),
  run,
});
