// `kubectl gs validate apps`: checks of what runs on the management cluster.
import type { CommandGroup } from '../../cli/command';
import { definition as apps } from './apps';

export const group: CommandGroup = {
  name: 'validate',
  describe: 'Validate App CRs against a spec',
  commands: [apps],
};
