// The command tree: top-level commands and groups. Each group lists its own commands in
// src/commands/<group>/index.ts.
import type { AnyCommand, CommandGroup } from './command';
import { definition as version } from '../commands/version/version';
import { definition as completion } from '../commands/completion/completion';
import { group as telemetry } from '../commands/telemetry';
import { definition as telemetryFlush } from '../commands/telemetry/flush';
import { definition as selfupdate } from '../commands/selfupdate/selfupdate';
import { definition as versionCheck } from '../commands/selfupdate/versionCheck';
import { templateGroup } from '../commands/template';
import { group as get } from '../commands/get';
import { gitopsGroup } from '../commands/gitops';
import { definition as credentialPlugin } from '../commands/credentialplugin/credentialPlugin';
import { definition as login } from '../commands/login/login';
import { group as update } from '../commands/update';
import { group as deploy } from '../commands/deploy';
import { group as validate } from '../commands/validate';

export interface CommandTree {
  commands: AnyCommand[];
  groups: CommandGroup[];
}

export function commandTree(): CommandTree {
  return {
    commands: [login, version, completion, selfupdate, telemetryFlush, versionCheck, credentialPlugin],
    groups: [get, telemetry, templateGroup, gitopsGroup, update, deploy, validate],
  };
}
