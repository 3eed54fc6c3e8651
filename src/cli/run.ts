// Runs one invocation: parse, run the selected command, report errors as one line, and wrap the run in
// usage telemetry. Returns the exit code; the entry point (src/main.ts) exits with it.
import { buildInfo } from '../buildInfo';
import type { CommandDefinition } from './command';
import type { Deps } from './deps';
import { describeError, UserError } from './errors';
import { commandWords, pickGlobalOptions, type GlobalOptions } from './globalFlags';
import { optedOutByEnv } from '../telemetry/index';
import { completeArgs } from './complete';
import { parseExpandedArgs } from './parse';
import { expandShortFlags } from './shortFlags';
import { commandTree, type CommandTree } from './tree';

export async function runCli(rawArgs: string[], deps: Deps, tree: CommandTree = commandTree()): Promise<number> {
  if (rawArgs[0] === '__complete') return complete(tree, rawArgs.slice(1), deps);
  // -ojson, -Ao ... as kubectl reads them, once, for parsing, telemetry's flag names and the usage hint.
  const args = expandShortFlags(rawArgs);
  const debug = args.includes('--debug');
  const parsed = parseExpandedArgs(tree, args);
  switch (parsed.kind) {
    case 'help':
      deps.stdout.write(parsed.text.endsWith('\n') ? parsed.text : parsed.text + '\n');
      return 0;
    case 'version':
      deps.stdout.write(`kubectl gs version ${buildInfo.version}\n`);
      return 0;
    case 'error':
      deps.stderr.write(`error: ${oneLine(parsed.message)}${parsed.message.includes('did you mean') ? '' : usageHint(tree, args)}\n`);
      return 1;
  }
  const global = pickGlobalOptions(parsed.argv);
  const telemetry = await startTelemetry(parsed.path, parsed.definition, args, deps);
  const code = await runCommand(parsed.definition, parsed.argv, global, telemetry ? telemetry.wrapDeps(deps) : deps, debug);
  await telemetry?.finish(code);
  return code;
}

async function runCommand(definition: CommandDefinition<unknown>, argv: Record<string, unknown>, global: GlobalOptions, deps: Deps, debug: boolean): Promise<number> {
  try {
    const options = definition.options(argv, global);
    return await definition.run(options, deps);
  } catch (err) {
    deps.stderr.write(`error: ${oneLine(describeError(err))}\n`);
    if (debug && err instanceof Error && err.stack) deps.stderr.write(err.stack + '\n');
    return err instanceof UserError ? err.exitCode : 1;
  }
}

/**
 * Usage telemetry (docs/telemetry.md): one signal per counted command, fire-and-forget. Its code is
 * loaded only here, and not at all for uncounted commands or when the environment opts out.
 */
async function startTelemetry(path: string[], definition: CommandDefinition<unknown>, args: string[], deps: Deps) {
  if (definition.counted === false || definition.hidden || optedOutByEnv(deps.env)) return undefined;
  try {
    const { startSession } = await import('../telemetry/index');
    return startSession({ path, definition, args, deps });
  } catch {
    return undefined;
  }
}

/**
 * Where to read about the command the user was typing: "; see 'kubectl gs get clusters --help'". Only
 * words that name a command count (by its canonical name): a mistyped one must not become a help page
 * that does not exist.
 */
function usageHint(tree: CommandTree, args: string[]): string {
  const [first, ...rest] = commandWords(args);
  const is = (c: { name: string; aliases?: string[]; hidden?: boolean }, word: string | undefined) =>
    !c.hidden && word !== undefined && (c.name === word || (c.aliases ?? []).includes(word));
  const path: string[] = [];
  const group = tree.groups.find((g) => is(g, first));
  // In a group, the command is the next word, or a later one when a command flag's value came first.
  const command = group
    ? (group.commands.find((c) => is(c, rest[0])) ?? group.commands.find((c) => rest.some((w) => is(c, w))))
    : tree.commands.find((c) => is(c, first));
  if (group) path.push(group.name);
  if (command) path.push(command.name);
  return `; see 'kubectl gs ${[...path, '--help'].join(' ')}'`;
}

// yargs joins "Unknown argument" and "Did you mean" with a newline; users get them on one line.
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Cobra's completion protocol, which kubectl (>= 1.26) uses with `kubectl_complete-gs __complete ...`:
 * candidates one per line, then ":4" (ShellCompDirectiveNoFileComp).
 */
async function complete(tree: CommandTree, words: string[], deps: Deps): Promise<number> {
  const candidates = await completeArgs(tree, words.length ? words : ['']);
  deps.stdout.write(candidates.map((c) => c + '\n').join('') + ':4\n');
  return 0;
}
