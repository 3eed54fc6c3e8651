// `kubectl gs deploy chart`: deploying to a Giant Swarm management cluster.
import { defineCommand, type CommandGroup } from '../../cli/command';
import { tableBuilder, tableValues } from '../update/interimWiring';
import * as chart from './chart';

const chartCommand = defineCommand<chart.DeployChartOptions>({
  name: 'chart',
  describe: 'Deploy a Helm chart via Flux OCIRepository and HelmRelease.',
  examples: [
    ['$0 deploy chart --chart-name hello-world-app --version 1.2.3 --organization acme --target-cluster mycluster01 --target-namespace hello', 'Deploy a chart with a specific version'],
    ['$0 deploy chart --oci-url-prefix oci://example.com/charts/ --chart-name my-chart --version 2.0.0 --organization acme --target-cluster mycluster01 --target-namespace my-namespace', 'Deploy a chart from a custom registry'],
    ['$0 deploy chart --chart-name hello-world-app --version 1.2.3 --auto-upgrade patch --organization acme --target-cluster mycluster01 --target-namespace hello', 'Deploy with auto-upgrade on patch versions'],
    ['$0 deploy chart --chart-name hello-world-app --organization acme --target-cluster mycluster01 --target-namespace hello --dry-run', 'Server-side dry-run (validate without applying)'],
    ['$0 deploy chart --chart-name hello-world-app --organization acme --target-namespace hello --management-cluster', 'Deploy to the management cluster itself'],
  ],
  builder: tableBuilder(chart.flags),
  options: (argv, global) => chart.options(tableValues(chart.flags, argv) as unknown as Parameters<typeof chart.options>[0], global),
  run: chart.run,
});

export const group: CommandGroup = {
  name: 'deploy',
  describe: 'Deploy resources to a Giant Swarm management cluster',
  commands: [chartCommand],
};
