// A command tree with a stand-in `get clusters`: it asks deps.kube() for a client, lists once and prints a
// table, so telemetry follows the cluster it talks to exactly as for the real command.
import { commandTree } from '../../../../src/cli/tree';

export function treeWithClusterCommand() {
  const tree = commandTree();
  tree.groups.push({
    name: 'get', describe: 'x',
    commands: [{
      name: 'clusters', describe: 'x', options: () => ({}),
      run: async (_o: unknown, deps) => {
        const client = await deps.kube({});
        await client.get('/apis/cluster.x-k8s.io/v1beta1/clusters');
        deps.stdout.write('NAME\nsecret-cluster\n');
        return 0;
      },
    }],
  });
  return tree;
}
