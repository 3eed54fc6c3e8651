// `kubectl gs update app|cluster` (alias `upgrade`): changes to App and Cluster resources.
import { defineCommand, type CommandGroup } from '../../cli/command';
import * as app from './app';
import * as cluster from './cluster';
import { tableBuilder, tableValues } from './interimWiring';

const appCommand = defineCommand<app.UpdateAppOptions>({
  name: 'app',
  describe: 'Update App CR. (deprecated: currently without replacement)',
  examples: [['$0 update app --name hello-world-app --namespace org-giantswarm --version 0.2.0', 'Update app version']],
  builder: tableBuilder(app.flags),
  options: (argv, global) => app.options(tableValues(app.flags, argv) as unknown as Parameters<typeof app.options>[0], global),
  run: app.run,
});

const clusterCommand = defineCommand<cluster.UpdateClusterOptions>({
  name: 'cluster',
  describe: 'Schedule a cluster update.',
  examples: [
    ['$0 update cluster --name abcd1 --namespace my-org --release-version 16.1.0 --provider aws', 'Update cluster'],
    ['$0 update cluster --name abcd1 --namespace my-org --release-version 16.1.0 --scheduled-time "2022-01-01 10:00" --provider aws', 'Schedule cluster update'],
  ],
  builder: tableBuilder(cluster.flags),
  options: (argv, global) => cluster.options(tableValues(cluster.flags, argv) as unknown as Parameters<typeof cluster.options>[0], global),
  run: cluster.run,
});

export const group: CommandGroup = {
  name: 'update',
  aliases: ['upgrade'],
  describe: 'Update different types of CRs',
  commands: [appCommand, clusterCommand],
};
