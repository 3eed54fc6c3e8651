// Parses a plain command invocation with yargs-parser alone (the parser inside yargs; ~2 ms to load
// against ~15 ms for yargs and the command tree's declarations). It is fed the same configuration that
// src/cli/parse.ts gives yargs (parserConfig of the global and the command's flag tables), so a result it
// returns is the one yargs would return. Whatever it is not sure of (help, an unknown flag or word, a
// missing value, too many positionals) returns undefined and goes through yargs, which also words every
// error.
import { descend, isNamed, positionalNames, type AnyCommand } from './command';
import { camel, parserConfig, type FlagTable } from './flagTable';
import { commandWords, globalFlags } from './globalFlags';
import type { CommandTree } from './tree';

export interface CommandParse {
  path: string[];
  definition: AnyCommand;
  argv: Record<string, unknown>;
}

/** The command that the first words name, with its canonical path; undefined when they name none. */
export function findCommand(tree: CommandTree, words: string[]): { path: string[]; definition: AnyCommand; depth: number } | undefined {
  // The last of a name wins, as in yargs, where a later registration replaces an earlier one.
  const { groups, level } = descend(tree, words);
  const definition = level.commands.findLast((c) => isNamed(c, words[groups.length]));
  return definition && { path: [...groups.map((g) => g.name), definition.name], definition, depth: groups.length + 1 };
}

export function fastParseCommand(tree: CommandTree, args: string[]): CommandParse | undefined {
  if (args.includes('--help') || args.includes('-h') || args.includes('--')) return undefined;
  const words = commandWords(args);
  const found = findCommand(tree, words);
  if (!found) return undefined;
  const { definition, depth } = found;
  const tables: FlagTable[] = [globalFlags, definition.flags ?? {}];
  const config = parserConfig(tables);
  const parser = require('yargs-parser') as typeof import('yargs-parser');
  const parsed = parser.detailed(args, config);
  if (parsed.error) return undefined;
  const argv = parsed.argv as Record<string, unknown>;

  // Every key must be a declared name (or its camelCase twin, which yargs-parser adds).
  const known = new Set<string>(['_', '--', '$0']);
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      for (const n of [name, ...(def.aliases ?? [])]) known.add(n).add(camel(n));
      if (def.short) known.add(def.short);
    }
  }
  if (Object.keys(argv).some((k) => !known.has(k))) return undefined;

  // The path words first (flags may stand between them), then at most the declared positionals.
  const positionals = (argv._ as Array<string | number>).map(String);
  const names = positionalNames(definition);
  const rest = positionals.slice(depth);
  if (positionals.slice(0, depth).some((w, i) => w !== words[i])) return undefined;
  if (rest.length > names.length) return undefined;
  if (/<[\w-]+>/.test(definition.positionals ?? '') && rest.length < (definition.positionals!.match(/<[\w-]+>/g) ?? []).length) return undefined;
  for (const [i, name] of names.entries()) {
    const choices = definition.positionalChoices?.[name];
    if (rest[i] !== undefined && choices && !choices.includes(rest[i])) return undefined;
  }
  // Where yargs puts them: under their names.
  for (const [i, name] of names.entries()) if (rest[i] !== undefined) argv[name] = rest[i];
  return { path: found.path, definition, argv };
}
