// The shape of one command module (src/commands/<group>/<name>.ts): its flag table, options() that turns
// the typed flag values into what run() needs, and run(). Modules must stay cheap to load: heavy code
// (the Kubernetes client, telemetry) is imported lazily inside run() or reached through deps, so `--help`
// and `version` never pay for it.
import type { Deps } from './deps';
import type { FlagTable, FlagValues } from './flagTable';
import type { GlobalOptions } from './globalFlags';

/** What options() gets besides the command's own flag values. */
export interface CommandContext {
  global: GlobalOptions;
  /** The positional arguments after the command's path (`get clusters NAME` -> [NAME]). */
  positionals: string[];
  /** Long names of the command's flags the user typed (defaults are not "given"). */
  given: ReadonlySet<string>;
}

export interface CommandDefinition<F extends FlagTable = FlagTable, O = unknown> {
  /** Canonical name, used in the command path (`kubectl gs get clusters`) and in telemetry. */
  name: string;
  aliases?: string[];
  /** Positional arguments in yargs notation, e.g. `[name]` or `<shell>`; at most one of each. */
  positionals?: string;
  /** Values a positional takes, by its name in `positionals` (checked, and offered by completion). */
  positionalChoices?: Record<string, readonly string[]>;
  describe: string;
  examples?: Array<[string, string]>;
  /** Hidden commands are left out of help and never counted by telemetry. */
  hidden?: boolean;
  /** False for commands telemetry must not count (help, completion, telemetry itself). Default true. */
  counted?: boolean;
  /** The command's own flags (src/cli/flagTable.ts). */
  flags?: F;
  /** Turns the typed flag values and positionals into the command's options; may throw a UserError. */
  options: (values: FlagValues<F>, ctx: CommandContext) => O;
  run: (options: O, deps: Deps) => Promise<number>;
}

/** Any command, whatever its flags and options (the tree holds them side by side). */
export type AnyCommand = CommandDefinition<any, any>;

export interface CommandGroup {
  name: string;
  aliases?: string[];
  describe: string;
  examples?: Array<[string, string]>;
  commands: AnyCommand[];
}

/** Declares a command with options() typed by its own flag table and run() by options()' result. */
export function defineCommand<const F extends FlagTable, O>(def: CommandDefinition<F, O>): CommandDefinition<F, O> {
  return def;
}

/** The names in a positionals spec: `<shell>` -> [shell], `[name]` -> [name]. */
export function positionalNames(def: AnyCommand): string[] {
  return (def.positionals ?? '').match(/[\w-]+/g) ?? [];
}
