// Parses the common `kubectl gs get <resource> [name] [flags]` invocations without yargs (yargs costs
// ~15 ms and ~5 MB per run, a tenth of a `get`). It handles only the plain forms: `get` first, then the
// resource, then at most one name and flags it knows (the command's own and the global connection flags)
// as --flag value, --flag=value, -f value or a boolean switch. Anything else (help, --, unknown or
// repeated flags, array flags, -abc clusters, a value that looks like a flag) returns undefined and goes
// through yargs, which also produces every error message. test/unit/get/fastArgs.test.ts checks that both
// parsers agree on what this one accepts.
import type { CommandDefinition } from '../../cli/command';
import { negationAllowed, readFlag } from '../../cli/fastFlags';
import { camel, globalFlags } from '../../cli/globalFlags';
import type { FlagSpec } from './flags';

export interface FastCommand {
  definition: CommandDefinition<any>;
  flags: FlagSpec[];
  /** Whether the command takes a [name] positional. */
  takesName: boolean;
}

export interface FastParsed {
  definition: CommandDefinition<any>;
  argv: Record<string, unknown>;
}

type Kind = 'boolean' | 'string' | 'number';

interface Known {
  name: string;
  kind: Kind;
}


/** The global flags yargs would parse the same simple way (array flags, such as --as-group, excluded). */
function globalTable(): { long: Map<string, Known>; short: Map<string, Known> } {
  const long = new Map<string, Known>();
  const short = new Map<string, Known>();
  for (const [name, opt] of Object.entries(globalFlags)) {
    if (opt.type !== 'string' && opt.type !== 'boolean') continue;
    const known = { name, kind: opt.type as Kind };
    long.set(name, known);
    for (const alias of ([] as string[]).concat((opt.alias as string | string[] | undefined) ?? [])) {
      (alias.length === 1 ? short : long).set(alias, known);
    }
  }
  return { long, short };
}

export function fastParseGet(commands: FastCommand[], args: string[]): (FastParsed & { path: string[] }) | undefined {
  if (args[0] !== 'get' || args.length < 2) return undefined;
  const cmd = commands.find((c) => c.definition.name === args[1] || c.definition.aliases?.includes(args[1]));
  if (!cmd) return undefined;
  const { long, short } = globalTable();
  for (const f of cmd.flags) {
    const known = { name: f.name, kind: f.type };
    if (long.has(f.name) || (f.alias && short.has(f.alias))) return undefined; // a clash yargs would settle
    long.set(f.name, known);
    if (f.alias) short.set(f.alias, known);
  }
  const values = new Map<string, unknown>();
  const positionals: string[] = [];
  const negation = negationAllowed(cmd.flags.map((f) => f.name));
  for (let i = 2; i < args.length; i++) {
    const read = readFlag(args, i, long, short, (k) => k.kind === 'boolean', negation);
    if (read === 'positional') {
      positionals.push(args[i]);
      continue;
    }
    if (!read || values.has(read.known.name)) return undefined;
    i = read.last;
    let value: unknown = read.value;
    if (read.known.kind === 'number') {
      if (!/^\d+$/.test(read.value as string)) return undefined;
      value = Number(read.value);
    }
    values.set(read.known.name, value);
  }
  if (positionals.length > (cmd.takesName ? 1 : 0)) return undefined;

  // The argv yargs would hand over: camel-cased keys, defaults filled in.
  const argv: Record<string, unknown> = { _: ['get', args[1]] };
  for (const f of cmd.flags) if (f.default !== undefined) argv[camel(f.name)] = f.default;
  for (const [name, value] of values) argv[camel(name)] = value;
  if (cmd.takesName && positionals.length) argv.name = positionals[0];
  return { path: ['get', cmd.definition.name], definition: cmd.definition, argv };
}
