// Parses the plain `kubectl gs template <command> [flags]` invocations without yargs. Loading yargs and
// declaring the ~80 flags of `template cluster` costs ~30 ms, more than the rest of the run. Only the
// plain forms are handled: `template`, the command (or an alias), then flags the command or the global
// connection flags declare, as --flag value, --flag=value, -x value or a boolean switch (--flag,
// --flag=true|false, --no-flag where yargs takes it). A repeated valued flag collects its values into an array and a repeated
// switch keeps its last value, as yargs does. Anything else (help, positionals, --, unknown flags, -abc
// clusters, a value that looks like a flag, an empty value, `--switch false` as two words) returns
// undefined and goes through yargs, which also produces every error message.
// test/unit/template/fastArgs.test.ts checks that both parsers build the same options from what this
// one accepts.
import type { CommandDefinition } from '../../cli/command';
import { negationAllowed, readFlag } from '../../cli/fastFlags';
import { camel, globalFlags } from '../../cli/globalFlags';
import type { FlagSpec } from './flagTable';

export interface FastTemplateCommand {
  definition: CommandDefinition<any>;
  flags: FlagSpec[];
}

export interface FastTemplateParsed {
  path: string[];
  definition: CommandDefinition<any>;
  argv: Record<string, unknown>;
}

interface Known {
  /** The flag's declared name: the key commands read (dashed) and, camel-cased, pickGlobalOptions. */
  name: string;
  boolean: boolean;
  /** Every other name yargs also sets in argv (the declared aliases). */
  aliases: string[];
}

function aliasesOf(alias: unknown): string[] {
  return ([] as string[]).concat((alias as string | string[] | undefined) ?? []);
}

/** Long and short names of the flags this parser knows, or undefined on a clash yargs would settle. */
function flagTable(specs: FlagSpec[]): { long: Map<string, Known>; short: Map<string, Known> } | undefined {
  const long = new Map<string, Known>();
  const short = new Map<string, Known>();
  const add = (known: Known): boolean => {
    for (const n of [known.name, ...known.aliases]) {
      const table = n.length === 1 ? short : long;
      if (table.has(n)) return false;
      table.set(n, known);
    }
    return true;
  };
  for (const [name, opt] of Object.entries(globalFlags)) {
    // Array globals (--as-group) are left to yargs.
    if (opt.type !== 'string' && opt.type !== 'boolean') continue;
    if (!add({ name, boolean: opt.type === 'boolean', aliases: aliasesOf(opt.alias) })) return undefined;
  }
  for (const s of specs) {
    // Every kind but boolean is declared to yargs as a string (see flagTable.ts), so it parses as one.
    if (!add({ name: s.name, boolean: s.kind === 'boolean', aliases: aliasesOf(s.alias) })) return undefined;
  }
  return { long, short };
}

export function fastParseTemplate(commands: FastTemplateCommand[], args: string[]): FastTemplateParsed | undefined {
  if (args[0] !== 'template' || args.length < 2) return undefined;
  const cmd = commands.find((c) => c.definition.name === args[1] || c.definition.aliases?.includes(args[1]));
  if (!cmd) return undefined;
  const table = flagTable(cmd.flags);
  if (!table) return undefined;
  const values = new Map<Known, unknown[]>();
  const negation = negationAllowed(cmd.flags.map((f) => f.name));
  for (let i = 2; i < args.length; i++) {
    // A declared name (or a switch's --no- negation) only: camelCase spellings are unknown here, and
    // positionals (or `-`) are not taken.
    const read = readFlag(args, i, table.long, table.short, (k) => k.boolean, negation);
    if (!read || read === 'positional') return undefined;
    i = read.last;
    // yargs keeps the last of a repeated switch and collects the values of a repeated valued flag.
    const seen = values.get(read.known);
    if (seen && !read.known.boolean) seen.push(read.value);
    else values.set(read.known, [read.value]);
  }

  // The argv yargs would hand over: each flag under its name, its aliases and their camelCase forms;
  // one value as itself, a repeated flag as the array of its values.
  const name = cmd.definition.name;
  const argv: Record<string, unknown> = { _: ['template', name] };
  for (const [known, list] of values) {
    const value = list.length === 1 ? list[0] : list;
    for (const key of [known.name, ...known.aliases]) {
      argv[key] = value;
      argv[camel(key)] = value;
    }
  }
  return { path: ['template', name], definition: cmd.definition, argv };
}
