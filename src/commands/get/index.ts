// `kubectl gs get ...`: display Giant Swarm and Cluster API resources.
import type { CommandGroup } from '../../cli/command';
import * as apps from './apps';
import * as catalogs from './catalogs';
import * as clusterApi from './clusterApi';
import * as clusters from './clusters';
import { fastParseGet, type FastCommand } from './fastArgs';
import * as nodepools from './nodepools';
import * as organizations from './organizations';
import * as releases from './releases';
import { getFormats } from '../../output/outputChoice';

const modules = [apps, catalogs, clusterApi, clusters, nodepools, releases, organizations];
// Shell completion offers the -o values where a command takes -o, named as kubectl offers them
// (`jsonpath`, not `jsonpath=`: a completed word ends with a space).
const outputCompletions = { output: getFormats };
const definitions = modules.map((m) => (m.flags.some((f) => f.name === 'output') ? { ...m.definition, completions: outputCompletions } : m.definition));
const fastCommands: FastCommand[] = modules.map((m, i) => ({ definition: definitions[i], flags: m.flags, takesName: !!m.definition.positionals }));

export const group: CommandGroup = {
  name: 'get',
  describe: 'Get various types of resources',
  examples: [
    ['$0 get clusters -A', 'List all clusters you have access to'],
    ['$0 get nodepools -c f83ir', 'List the node pools of one cluster'],
  ],
  commands: definitions,
  fastParse: (args) => fastParseGet(fastCommands, args),
};
