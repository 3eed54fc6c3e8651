// `kubectl gs get ...`: display Giant Swarm and Cluster API resources.
import type { CommandGroup } from '../../cli/command';
import * as apps from './apps';
import * as catalogs from './catalogs';
import * as clusterApi from './clusterApi';
import * as clusters from './clusters';
import * as nodepools from './nodepools';
import * as organizations from './organizations';
import * as releases from './releases';

export const group: CommandGroup = {
  name: 'get',
  describe: 'Get various types of resources',
  examples: [
    ['$0 get clusters -A', 'List all clusters you have access to'],
    ['$0 get nodepools -c f83ir', 'List the node pools of one cluster'],
  ],
  commands: [apps, catalogs, clusterApi, clusters, nodepools, releases, organizations].map((m) => m.definition),
};
