// `kubectl gs update app|cluster` (alias `upgrade`): changes to App and Cluster resources.
import type { CommandGroup } from '../../cli/command';
import { definition as app } from './app';
import { definition as cluster } from './cluster';

export const group: CommandGroup = {
  name: 'update',
  aliases: ['upgrade'],
  describe: 'Update different types of CRs',
  commands: [app, cluster],
};
