// `kubectl gs get clusters [NAME]`: Cluster API clusters, with the Giant Swarm labels and annotations
// that say which release, organization and service priority a cluster has.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { TableSpec } from '../../output/printer';
import { getFlags, getOptions, type GetOptions } from './flags';
import { annotation, label, naValue, str } from './labels';

export const clusterTypeBase = { group: 'cluster.x-k8s.io', plural: 'clusters', kind: 'Cluster', namespaced: true } as const;

export function clusterTable(now: Date): TableSpec {
  return {
    headers: ['NAME', 'AGE', 'PHASE', 'RELEASE', 'SERVICE PRIORITY', 'ORGANIZATION', 'DESCRIPTION'],
    row: (c: KubeObject) => {
      const labels = c.metadata.labels ?? {};
      return [
        c.metadata.name,
        age(c.metadata.creationTimestamp, now),
        str(c, 'status', 'phase'),
        labels[label.releaseVersion] ?? '',
        labels[label.servicePriority] || naValue,
        labels[label.organization] ?? '',
        c.metadata.annotations?.[annotation.clusterDescription] || naValue,
      ];
    },
  };
}

export const flags = getFlags;

export async function run(opts: GetOptions, deps: Deps): Promise<number> {
  const engine = await import('./engine');
  const session = await engine.openSession(opts, deps, true);
  // v1beta2 where the server has it, else v1beta1: whatever the server prefers.
  return engine.withPreferredVersion(session, deps, clusterTypeBase, (version) =>
    engine.getSimple(deps, opts, { ...clusterTypeBase, version }, clusterTable(deps.now()), {
      what: 'clusters',
      namespaced: true,
      hint: ['To create a cluster, please check', '', '  kubectl gs template cluster --help'],
    }, {}, session),
  );
}

export const definition = defineCommand({
  name: 'clusters',
  aliases: ['cluster'],
  positionals: '[name]',
  describe: 'Display one or many clusters',
  examples: [
    ['$0 get clusters', 'List the clusters in the current namespace'],
    ['$0 get clusters -A', 'List all clusters you have access to'],
    ['$0 get clusters f83ir -o yaml', 'Show one cluster as YAML'],
  ],
  flags,
  options: getOptions,
  run,
});
