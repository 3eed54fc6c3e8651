// Parsing only: yargs turns argv into either help text, a parse error, or the selected command with its
// parsed flags. Running the command happens outside yargs (src/cli/run.ts), so errors, exit codes,
// output streams and telemetry are handled in one place.
import type { Argv, Options } from 'yargs';
import { positionalNames, type AnyCommand, type CommandGroup } from './command';
import { fastParseCommand } from './fastCommand';
import { describeFlag, parserConfig, type FlagTable } from './flagTable';
import { commandWords, globalFlags } from './globalFlags';
import { fastParse } from './fastPath';
import { expandShortFlags } from './shortFlags';
import { closestNames } from './suggest';
import type { CommandTree } from './tree';

export const rootDescription = `Your user-friendly kubectl plugin for Giant Swarm platform clusters built on Cluster API.

Run "kubectl gs <command> --help" for a command's flags and examples.`;

/** Thrown by a command's handler once it is selected; not an error (see addCommand). */
const commandSelected = new Error('command selected');

export type ParseResult =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | { kind: 'command'; path: string[]; definition: AnyCommand; argv: Record<string, unknown> };

function addExamples(y: Argv, examples: Array<[string, string]> | undefined): void {
  for (const [cmd, text] of examples ?? []) y.example(cmd, text);
}

/**
 * Declares a flag table to yargs with the configuration the fast path gives yargs-parser (parserConfig),
 * so both read an argument list the same way. No defaults: readValues applies them, and help shows them
 * in the description as cobra does.
 */
function addFlags(y: Argv, table: FlagTable): void {
  const config = parserConfig([table]);
  for (const [name, def] of Object.entries(table)) {
    const aliases = config.alias[name];
    const opt: Options = {
      type: def.type === 'boolean' ? 'boolean' : 'string',
      describe: describeFlag(def),
      hidden: def.hidden || def.deprecated !== undefined,
      ...(aliases ? { alias: aliases } : {}),
      ...(config.narg[name] ? { nargs: config.narg[name] } : {}),
      ...(def.group ? { group: def.group } : {}),
    };
    y.option(name, opt);
  }
}

function addCommand(y: Argv, prefix: string[], def: AnyCommand, select: (r: ParseResult) => void): void {
  const usage = def.positionals ? `${def.name} ${def.positionals}` : def.name;
  y.command(
    [usage, ...(def.aliases ?? [])],
    (def.hidden ? false : def.describe) as string,
    (cy) => {
      // A string, always: names such as "12345" must not turn into numbers.
      for (const name of positionalNames(def)) {
        const choices = def.positionalChoices?.[name];
        cy.positional(name, { type: 'string', ...(choices ? { choices: [...choices] } : {}) });
      }
      if (def.flags) addFlags(cy, def.flags);
      cy.parserConfiguration(parserConfig([globalFlags, def.flags ?? {}]).configuration);
      addExamples(cy, def.examples);
      return cy.usage(`$0 ${[...prefix, usage].join(' ')}\n\n${def.describe}`);
    },
    (argv) => {
      select({ kind: 'command', path: [...prefix, def.name], definition: def, argv });
      // yargs renders the command's whole help text after a handler returns (for later showHelp calls),
      // 10-20 ms for a command with many flags. Validation has run by now; leaving here skips that work.
      throw commandSelected;
    },
  );
}

function addGroup(y: Argv, group: CommandGroup, select: (r: ParseResult) => void, helpFor: (args: string[]) => void): void {
  y.command(
    [group.name, ...(group.aliases ?? [])],
    group.describe,
    (gy) => {
      for (const def of group.commands) addCommand(gy, [group.name], def, select);
      addExamples(gy, group.examples);
      return gy.usage(`$0 ${group.name} <command>\n\n${group.describe}`);
    },
    // A group on its own prints its help, as cobra does for a command with subcommands and no Run.
    () => helpFor([group.name]),
  );
}

function buildParser(tree: CommandTree, select: (r: ParseResult) => void, helpFor: (args: string[]) => void): Argv {
  // Required here, not imported at the top: yargs costs ~15 ms to load, and the fast paths in
  // src/cli/fastPath.ts answer --help, --version and `version` without it.
  const Yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  const y = Yargs()
    .scriptName('kubectl gs')
    .usage(`$0 <command> [flags]\n\n${rootDescription}`)
    .version(false)
    .help('help')
    .alias('help', 'h')
    .strict()
    .recommendCommands()
    .showHelpOnFail(false)
    .exitProcess(false)
    .wrap(100)
    .parserConfiguration(parserConfig([globalFlags]).configuration);
  addFlags(y, globalFlags);
  for (const def of tree.commands) addCommand(y, [], def, select);
  for (const group of tree.groups) addGroup(y, group, select, helpFor);
  // --version belongs to the root alone, as in cobra: `template app --version 1.2.3` means the app's version.
  y.command(
    '$0',
    false,
    (ry) => ry.option('version', { type: 'boolean', describe: 'Print the version of kubectl gs' }),
    (argv) => (argv.version ? select({ kind: 'version' }) : helpFor([])),
  );
  return y;
}

export function parseArgs(tree: CommandTree, rawArgs: string[]): ParseResult {
  return parseExpandedArgs(tree, expandShortFlags(rawArgs));
}

/** parseArgs for arguments already through expandShortFlags (runCli expands them once for all its uses). */
export function parseExpandedArgs(tree: CommandTree, args: string[]): ParseResult {
  const fast = fastParse(tree, args);
  if (fast) return fast;
  const command = fastParseCommand(tree, args);
  return command ? { kind: 'command', ...command } : parseWithYargs(tree, args);
}

function parseWithYargs(tree: CommandTree, args: string[]): ParseResult {
  let selected: ParseResult | undefined;
  let helpArgs: string[] | undefined;
  let failure: string | undefined;
  let output = '';
  const parser = buildParser(tree, (r) => (selected = r), (a) => (helpArgs = a));
  try {
    parser.parse(args, {}, (err, _argv, out) => {
      if (err && err !== commandSelected) failure = err.message;
      output = out;
    });
  } catch (err) {
    if (err !== commandSelected) throw err;
  }
  if (failure !== undefined) return { kind: 'error', message: explainUnknownCommand(tree, args) ?? explainMissingValue(failure) ?? explainUnknownFlag(failure, args) };
  if (helpArgs) return parseWithYargs(tree, [...helpArgs, '--help']);
  if (selected) return selected;
  // yargs handled --help itself: the text is in `output`.
  return { kind: 'help', text: output };
}

/**
 * yargs reports a mistyped command as an unknown argument; say it as cobra and kubectl do, with the
 * closest valid command ("did you mean").
 */
function explainUnknownCommand(tree: CommandTree, args: string[]): string | undefined {
  const words = commandWords(args);
  if (words.length === 0) return undefined;
  const top = [...tree.commands.filter((c) => !c.hidden), ...tree.groups];
  const group = tree.groups.find((g) => g.name === words[0] || g.aliases?.includes(words[0]));
  if (!group && !tree.commands.some((c) => named(c, words[0]))) return unknown(words[0], 'kubectl gs', top);
  if (!group || words.length < 2) return undefined;
  // A command flag's value before the command (`get -o json clustrs`) also looks like a word: the
  // command is there if any word names one, and the typo is the word closest to a command name.
  const rest = words.slice(1);
  if (rest.some((w) => group.commands.some((c) => named(c, w)))) return undefined;
  const visible = group.commands.filter((c) => !c.hidden);
  const typo = rest.find((w) => closestNames(w, visible.flatMap((c) => [c.name, ...(c.aliases ?? [])])).length > 0) ?? rest[0];
  return unknown(typo, `kubectl gs ${group.name}`, visible);
}

function named(c: { name: string; aliases?: string[] }, word: string): boolean {
  return c.name === word || (c.aliases ?? []).includes(word);
}

/** Suggests commands by their canonical names, whether the typo was close to the name or to an alias. */
function unknown(word: string, parent: string, commands: Array<{ name: string; aliases?: string[] }>): string {
  const close = closestNames(word, commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
  const canonical = [...new Set(close.map((n) => commands.find((c) => named(c, n))!.name))];
  const hint = canonical.length ? `; did you mean ${canonical.map((c) => `"${c}"`).join(' or ')}?` : '';
  return `unknown command "${word}" for "${parent}"${hint}`;
}

/** yargs says "Not enough arguments following: context"; kubectl says "flag needs an argument: --context". */
function explainMissingValue(message: string): string | undefined {
  const m = /^Not enough arguments following: (.+)$/.exec(message.trim());
  if (!m) return undefined;
  // yargs names the flag as typed: a short letter, or a long name.
  return `flag needs an argument: ${m[1].length === 1 ? '-' : '--'}${m[1]}`;
}

/** yargs says "Unknown argument(s): foo"; for a flag, say it as kubectl does: "unknown flag: --foo". */
function explainUnknownFlag(message: string, args: string[]): string {
  const m = /^Unknown arguments?: (.+)$/.exec(message.trim());
  if (!m) return message;
  const typed = new Set<string>();
  for (const name of m[1].split(', ')) {
    // yargs also lists the camelCase twin of each name, and reads --no-x as a negated x.
    if (/[A-Z]/.test(name)) continue;
    const flag = args.find((a) => [`--${name}`, `--no-${name}`, `-${name}`].includes(a.split('=')[0]));
    if (!flag) return message;
    typed.add(flag.split('=')[0]);
  }
  return `unknown flag: ${[...typed].join(', ')}`;
}


/** Every command path that has help: the root, each group, each visible command. */
export function helpPaths(tree: CommandTree): string[][] {
  const paths: string[][] = [[]];
  for (const def of tree.commands) if (!def.hidden) paths.push([def.name]);
  for (const group of tree.groups) {
    paths.push([group.name]);
    for (const def of group.commands) if (!def.hidden) paths.push([group.name, def.name]);
  }
  return paths;
}

/** The help text of every command path, as yargs renders it; the build embeds this (see fastPath.ts). */
export function renderAllHelp(tree: CommandTree): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of helpPaths(tree)) {
    const result = parseWithYargs(tree, [...path, '--help']);
    if (result.kind === 'help') out[path.join(' ')] = result.text;
  }
  return out;
}
