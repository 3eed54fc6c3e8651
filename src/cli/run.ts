// Runs one invocation: parse, run the selected command, report errors as one line, and wrap the run in
// usage telemetry. Returns the exit code; the entry point (src/main.ts) exits with it.
import { buildInfo } from '../buildInfo';
import { descend, positionalNames, type AnyCommand } from './command';
import type { Deps } from './deps';
import { describeError, UserError } from './errors';
import { readValues } from './flagTable';
import { commandWords, globalFlags } from './globalFlags';
import { optedOutByEnv } from '../telemetry/index';
import { completeArgs } from './complete';
import { parseExpandedArgs } from './parse';
import { expandShortFlags } from './shortFlags';
import { commandTree, type CommandTree } from './tree';
import { usedFlagNames } from './usedFlags';

export async function runCli(rawArgs: string[], deps: Deps, tree: CommandTree = commandTree()): Promise<number> {
  if (rawArgs[0] === '__complete' || rawArgs[0] === '__completeNoDesc') return complete(tree, rawArgs.slice(1), deps, rawArgs[0] === '__complete');
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
  const { definition } = parsed;
  const flags = usedFlagNames([globalFlags, definition.flags ?? {}], args);
  const telemetry = await startTelemetry(parsed.path, definition, flags, deps);
  const code = await runCommand(definition, parsed.argv, flags, telemetry ? telemetry.wrapDeps(deps) : deps, debug);
  await telemetry?.finish(code);
  if (definition.counted !== false && !definition.hidden && definition.name !== 'selfupdate') versionCheck(parsed.argv, deps);
  return code;
}

/**
 * The daily version check (src/selfupdate/check.ts): synchronous, never throws, never waits for the
 * network (a detached helper does that), so the command's time and exit code are its own. Not after
 * selfupdate, as in the Go kubectl-gs.
 */
function versionCheck(argv: Record<string, unknown>, deps: Deps): void {
  try {
    const flagOff = readValues(globalFlags, argv).values.disableVersionCheck === true;
    const { versionCheckAfterCommand } = require('../selfupdate/index') as typeof import('../selfupdate/index');
    // The executable's path is asked for only when a notice is printed (node:sea costs a module load).
    versionCheckAfterCommand(deps, { flagOff, executable: () => deps.self?.().command ?? process.execPath });
  } catch {
    // a check that cannot run is skipped
  }
}

/** kubectl's Complete / Validate / Run: typed values from the tables, the command's options, its run. */
async function runCommand(definition: AnyCommand, argv: Record<string, unknown>, used: string[], deps: Deps, debug: boolean): Promise<number> {
  try {
    const global = readValues(globalFlags, argv).values;
    const { values, given } = readValues(definition.flags ?? {}, argv);
    for (const name of used) {
      const message = definition.flags?.[name]?.deprecated;
      if (message) deps.stderr.write(`Flag --${name} has been deprecated, ${message}\n`);
    }
    const positionals = positionalNames(definition).map((n) => argv[n]).filter((v) => v !== undefined).map(String);
    const options = definition.options(values, { global, positionals, given });
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
async function startTelemetry(path: string[], definition: AnyCommand, flags: string[], deps: Deps) {
  if (definition.counted === false || definition.hidden || optedOutByEnv(deps.env)) return undefined;
  try {
    const { startSession } = await import('../telemetry/index');
    return startSession({ path, flags, deps });
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
  const words = commandWords(args);
  const is = (c: { name: string; aliases?: string[]; hidden?: boolean }, word: string | undefined) =>
    !c.hidden && word !== undefined && (c.name === word || (c.aliases ?? []).includes(word));
  const { groups, level } = descend(tree, words);
  const rest = words.slice(groups.length);
  const path: string[] = groups.map((g) => g.name);
  // In a group, the command is the next word, or a later one when a command flag's value came first.
  const command = groups.length > 0
    ? (level.commands.find((c) => is(c, rest[0])) ?? level.commands.find((c) => rest.some((w) => is(c, w))))
    : tree.commands.find((c) => is(c, rest[0]));
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
async function complete(tree: CommandTree, words: string[], deps: Deps, descriptions: boolean): Promise<number> {
  const candidates = await completeArgs(tree, words.length ? words : [''], descriptions);
  deps.stdout.write(candidates.map((c) => c + '\n').join('') + ':4\n');
  return 0;
}
