// `kubectl gs deploy chart`: deploying to a Giant Swarm management cluster.
import type { CommandGroup } from '../../cli/command';
import { definition as chart } from './chart';

export const group: CommandGroup = {
  name: 'deploy',
  describe: 'Deploy resources to a Giant Swarm management cluster',
  commands: [chart],
};
