// The shape of one command module (src/commands/<group>/<name>.ts): a yargs definition plus run().
// Modules must stay cheap to load: heavy code (the Kubernetes client, telemetry) is imported lazily
// inside run() or reached through deps, so `--help` and `version` never pay for it.
import type { Argv } from 'yargs';
import type { Deps } from './deps';
import type { GlobalOptions } from './globalFlags';

export interface CommandDefinition<O> {
  /** Canonical name, used in the command path (`kubectl gs get clusters`) and in telemetry. */
  name: string;
  aliases?: string[];
  /** Positional arguments in yargs notation, e.g. `[name]` or `<shell>`. */
  positionals?: string;
  describe: string;
  examples?: Array<[string, string]>;
  /** Hidden commands are left out of help and never counted by telemetry. */
  hidden?: boolean;
  /** False for commands telemetry must not count (help, completion, telemetry itself). Default true. */
  counted?: boolean;
  /** Adds the command's own flags and positionals. */
  builder?: (y: Argv) => Argv;
  /**
   * Values shell completion offers for a flag (by long name) whose values are an open set, so not a yargs
   * `choices` list that parsing would enforce: e.g. -o, which also takes jsonpath=TEMPLATE.
   */
  completions?: Record<string, string[]>;
  /** Turns parsed argv into the command's options. */
  options: (argv: Record<string, unknown>, global: GlobalOptions) => O;
  run: (options: O, deps: Deps) => Promise<number>;
}

export interface CommandGroup {
  name: string;
  aliases?: string[];
  describe: string;
  examples?: Array<[string, string]>;
  commands: Array<CommandDefinition<any>>;
  /**
   * Optional: parses the group's common invocations without yargs (see src/commands/get/fastArgs.ts);
   * returns undefined for anything it does not handle, which then goes through yargs.
   */
  fastParse?: (args: string[]) => { path: string[]; definition: CommandDefinition<any>; argv: Record<string, unknown> } | undefined;
}

/** Helps a module declare its definition with run() typed against its own options. */
export function defineCommand<O>(def: CommandDefinition<O>): CommandDefinition<O> {
  return def;
}
