// `kubectl gs get nodepools [NAME]`: the node pools of Cluster API clusters, i.e. MachineDeployments and
// MachinePools, optionally only those of one cluster (-c).
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { RowOrder, TableSpec } from '../../output/printer';
import { defineFlags } from '../../cli/flagTable';
import { getFlags, getOptions, type GetOptions } from './flags';
import { annotation, int, label, naValue, str } from './labels';

export interface NodePoolOptions extends GetOptions {
  clusterName?: string;
}

const base = { group: 'cluster.x-k8s.io', namespaced: true } as const;
export const machineDeploymentBase = { ...base, plural: 'machinedeployments', kind: 'MachineDeployment' } as const;
export const machinePoolBase = { ...base, plural: 'machinepools', kind: 'MachinePool' } as const;

/** The cluster a node pool belongs to: the Giant Swarm label, else Cluster API's own. */
export function clusterOf(np: KubeObject): string {
  const labels = np.metadata.labels ?? {};
  return labels[label.cluster] || labels[label.capiClusterName] || str(np, 'spec', 'clusterName');
}

/** The autoscaler's min/max when set; otherwise what the Go kubectl-gs shows for each kind. */
function minMax(np: KubeObject): string {
  const a = np.metadata.annotations ?? {};
  const min = a[annotation.autoscalerMinSize];
  const max = a[annotation.autoscalerMaxSize];
  if (min && max) return `${min}/${max}`;
  // A MachineDeployment without autoscaling has a fixed size: its replicas.
  return np.kind === 'MachinePool' ? naValue : String(int(np, 'status', 'replicas'));
}

export function nodePoolTable(now: Date): TableSpec {
  return {
    headers: ['NAME', 'CLUSTER NAME', 'AGE', 'PHASE', 'NODES MIN/MAX', 'NODES DESIRED', 'NODES READY', 'DESCRIPTION'],
    row: (np: KubeObject) => {
      const description = np.metadata.annotations?.[np.kind === 'MachinePool' ? annotation.machinePoolName : annotation.machineDeploymentName];
      return [
        np.metadata.name,
        clusterOf(np),
        age(np.metadata.creationTimestamp, now),
        str(np, 'status', 'phase') || naValue,
        minMax(np),
        String(int(np, 'status', 'replicas')),
        String(int(np, 'status', 'readyReplicas')),
        description || naValue,
      ];
    },
  };
}

const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The table's row order, as the Go kubectl-gs prints it: it sorts twice with Go's (unstable) sort.Slice,
 * descending, first by each MachineDeployment's cluster ("" for a MachinePool), then by each MachinePool's
 * cluster ("" for a MachineDeployment). Done as one stable sort on (MachinePool cluster, MachineDeployment
 * cluster): MachinePools first by cluster Z-A, then MachineDeployments by cluster Z-A, then pools without
 * a cluster; ties keep the server's order (Go leaves them to chance beyond 12 rows). The cluster is the one
 * the CLUSTER NAME column shows (Go reads only the giantswarm.io/cluster label for both; ours falls back to
 * Cluster API's label), so the rows are in the order of what users see.
 */
export const nodePoolRowOrder: RowOrder<[string, string]> = {
  key: (np) => (np.kind === 'MachinePool' ? [clusterOf(np), ''] : ['', clusterOf(np)]),
  compare: (a, b) => descending(a[0], b[0]) || descending(a[1], b[1]),
};

/** The label selector: -l and -c together. */
export function nodePoolSelector(selector: string | undefined, clusterName: string | undefined): string | undefined {
  const parts = [selector, clusterName ? `${label.capiClusterName}=${clusterName}` : undefined].filter(Boolean);
  return parts.length ? parts.join(',') : undefined;
}

export const flags = defineFlags({
  ...getFlags,
  'cluster-name': { type: 'string', short: 'c', describe: 'Only show node pools of the cluster with this name' },
});

export async function run(opts: NodePoolOptions, deps: Deps): Promise<number> {
  const engine = await import('./engine');
  const session = await engine.openSession(opts, deps, true);
  return engine.withPreferredVersion(session, deps, machineDeploymentBase, (version) => list(engine, session, version, opts, deps));
}

async function list(engine: typeof import('./engine'), session: import('./engine').Session, version: string, opts: NodePoolOptions, deps: Deps): Promise<number> {
  const { ListPrinter } = await import('../../output/printer');
  const { client, scope } = session;
  const md = { ...machineDeploymentBase, version };
  const mp = { ...machinePoolBase, version };
  const po = engine.printOptions(md, scope, opts, nodePoolTable(deps.now()));
  const selector = nodePoolSelector(opts.selector, opts.clusterName);

  if (opts.name && scope.namespace !== undefined) {
    let obj = await engine.fetchObject(client, md, scope.namespace, opts.name);
    // MachinePools are optional in Cluster API: a server without them simply has none.
    if (!obj) {
      obj = await engine.fetchObject(client, mp, scope.namespace, opts.name).catch((err: unknown) => {
        if (err instanceof engine.NotServedError) return undefined;
        throw err;
      });
    }
    if (obj && opts.clusterName && obj.metadata.labels?.[label.capiClusterName] !== opts.clusterName) obj = undefined;
    if (!obj) throw new (await import('../../cli/errors')).UserError(notFoundLine(opts.name, scope.namespace));
    await engine.printOne(deps, obj, obj.kind === 'MachinePool' ? mp : md, opts.name, scope.namespace, po);
    return 0;
  }

  // Only the table is sorted (so it waits for both lists); json/yaml/name stream in the server's order, as Go prints them.
  const printer = new ListPrinter(deps.stdout, { ...po, rowOrder: nodePoolRowOrder });
  const fieldSelector = opts.name ? `metadata.name=${opts.name}` : undefined;
  await engine.streamList(client, md, scope.namespace, printer, { selector, fieldSelector });
  await engine.streamList(client, mp, scope.namespace, printer, { selector, fieldSelector, optional: true });
  if (opts.name && printer.count === 0) throw new (await import('../../cli/errors')).UserError(notFoundLine(opts.name, undefined));
  await printer.end();
  if (printer.count === 0 && scope.format === 'table') {
    const what = opts.clusterName ? `node pools of cluster "${opts.clusterName}"` : 'node pools';
    deps.stderr.write(engine.noneFoundMessage({ what, namespaced: true }, scope, opts));
  }
  return 0;
}

function notFoundLine(name: string, namespace: string | undefined): string {
  return namespace === undefined
    ? `node pool "${name}" not found (no MachineDeployment or MachinePool of that name)`
    : `node pool "${name}" not found in namespace "${namespace}" (no MachineDeployment or MachinePool of that name); add -A to look in all namespaces`;
}

export const definition = defineCommand({
  name: 'nodepools',
  aliases: ['nodepool'],
  positionals: '[name]',
  describe: 'Display one or many node pools',
  examples: [
    ['$0 get nodepools', 'List the node pools in the current namespace'],
    ['$0 get nodepools -A -c f83ir', 'List the node pools of cluster f83ir, in any namespace'],
    ['$0 get nodepool 3f01a', 'Show one node pool'],
  ],
  flags,
  options: (values, ctx): NodePoolOptions => ({ ...getOptions(values, ctx), clusterName: values.clusterName || undefined }),
  run,
});
