// Answers the commonest cheap invocations without loading yargs (~15-20 ms of a ~45 ms start):
// `--version`, `version [-o json|yaml]`, and `[path...] --help|-h` from help texts rendered by yargs at
// build time (scripts/build.mjs embeds them in the executable as the asset help.json, read only when help
// is asked for: as part of the main script, their ~200 KB were parsed by every command). Anything else, or
// anything unexpected, returns undefined and goes through yargs as usual, so behaviour never depends on
// this file.
import { descend, isNamed } from './command';
import type { ParseResult } from './parse';
import type { CommandTree } from './tree';

/** The asset scripts/build.mjs embeds: every help path (space-joined) -> its text. */
export const helpAsset = 'help.json';

type Help = Record<string, string> | undefined;

function embeddedHelp(): Help {
  const sea = require('node:sea') as typeof import('node:sea');
  return sea.isSea() ? (JSON.parse(sea.getAsset(helpAsset, 'utf8')) as Record<string, string>) : undefined;
}

/** Maps typed names (aliases included) to the canonical command path, or undefined if not a path. */
function canonicalPath(tree: CommandTree, words: string[]): string[] | undefined {
  if (words.length === 0) return [];
  const { groups, level } = descend(tree, words);
  const path = groups.map((g) => g.name);
  if (groups.length === words.length) return path;
  const def = words.length === groups.length + 1 ? level.commands.find((c) => isNamed(c, words[groups.length])) : undefined;
  return def && !def.hidden ? [...path, def.name] : undefined;
}

function versionOutput(rest: string[]): string | undefined | false {
  if (rest.length === 0) return undefined;
  if (rest.length === 2 && (rest[0] === '-o' || rest[0] === '--output')) return rest[1];
  if (rest.length === 1) {
    const m = /^(?:-o|--output)=(.*)$/.exec(rest[0]);
    if (m) return m[1];
  }
  return false;
}

export function fastParse(tree: CommandTree, args: string[], readHelp: () => Help = embeddedHelp): ParseResult | undefined {
  if (args.length === 1 && args[0] === '--version') return { kind: 'version' };
  // kubectl runs the credential plugin before every command of a logged-in context: no yargs on that path.
  if (args.length === 1 && args[0] === 'credential-plugin') {
    const definition = tree.commands.find((c) => c.name === 'credential-plugin');
    if (definition) return { kind: 'command', path: ['credential-plugin'], definition, argv: { _: ['credential-plugin'] } };
  }
  if (args[0] === 'version') {
    const output = versionOutput(args.slice(1));
    const definition = tree.commands.find((c) => c.name === 'version');
    if (output !== false && definition) {
      return { kind: 'command', path: ['version'], definition, argv: { _: ['version'], output } };
    }
  }
  const last = args[args.length - 1];
  const words = args.length === 0 ? [] : last === '--help' || last === '-h' ? args.slice(0, -1) : undefined;
  if (!words || words.some((w) => w.startsWith('-'))) return undefined;
  const path = canonicalPath(tree, words);
  const help = path && readHelp();
  const text = help && help[path.join(' ')];
  return text ? { kind: 'help', text } : undefined;
}
