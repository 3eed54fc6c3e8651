// `kubectl gs get ...`: display Giant Swarm and Cluster API resources.
import type { CommandGroup } from '../../cli/command';
import { definition as apps } from './apps';
import { definition as catalogs } from './catalogs';
import { definition as clusterApi } from './clusterApi';
import { definition as clusters } from './clusters';
import { definition as nodepools } from './nodepools';
import { definition as organizations } from './organizations';
import { definition as releases } from './releases';

export const group: CommandGroup = {
  name: 'get',
  describe: 'Get various types of resources',
  examples: [
    ['$0 get clusters -A', 'List all clusters you have access to'],
    ['$0 get nodepools -c f83ir', 'List the node pools of one cluster'],
  ],
  commands: [apps, catalogs, clusterApi, clusters, nodepools, releases, organizations],
};
