// The command tree: top-level commands and groups. Each group lists its own commands in
// src/commands/<group>/index.ts.
import type { AnyCommand, CommandGroup } from './command';
import { definition as version } from '../commands/version/version';
import { definition as completion } from '../commands/completion/completion';
import { group as telemetry } from '../commands/telemetry';
import { definition as telemetryFlush } from '../commands/telemetry/flush';
import { templateGroup } from '../commands/template';
import { group as get } from '../commands/get';

export interface CommandTree {
  commands: AnyCommand[];
  groups: CommandGroup[];
}

export function commandTree(): CommandTree {
  return {
    commands: [version, completion, telemetryFlush],
    groups: [get, telemetry, templateGroup],
  };
}
