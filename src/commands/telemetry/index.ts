// `kubectl gs telemetry status|enable|disable`: see and change the usage telemetry setting.
// These commands are never counted themselves.
import type { CommandGroup } from '../../cli/command';
import { definition as disable } from './disable';
import { definition as enable } from './enable';
import { definition as status } from './status';

export const group: CommandGroup = {
  name: 'telemetry',
  describe: 'Show or change whether kubectl gs sends anonymous usage data (see docs/telemetry.md)',
  examples: [
    ['$0 telemetry status', 'Show whether telemetry is on, which setting decided it, and what is collected'],
    ['$0 telemetry disable', 'Stop sending usage data from this user account'],
    ['$0 telemetry disable --cluster-wide', 'Stop it for everyone who uses the current cluster'],
  ],
  commands: [status, enable, disable],
};
