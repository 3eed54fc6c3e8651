// Answers the commonest cheap invocations without loading yargs (~15-20 ms of a ~45 ms start):
// `--version`, `version [-o json|yaml]`, and `[path...] --help|-h` from help texts rendered by yargs at
// build time (scripts/build.mjs embeds them as __KGS_HELP__). Anything else, or anything unexpected,
// returns undefined and goes through yargs as usual, so behaviour never depends on this file.
import type { ParseResult } from './parse';
import type { CommandTree } from './tree';

declare const __KGS_HELP__: Record<string, string> | undefined;

function embeddedHelp(): Record<string, string> | undefined {
  return typeof __KGS_HELP__ === 'object' ? __KGS_HELP__ : undefined;
}

/** Maps typed names (aliases included) to the canonical command path, or undefined if not a path. */
function canonicalPath(tree: CommandTree, words: string[]): string[] | undefined {
  if (words.length === 0) return [];
  const named = <T extends { name: string; aliases?: string[] }>(list: T[], w: string) =>
    list.find((c) => c.name === w || c.aliases?.includes(w));
  const group = named(tree.groups, words[0]);
  if (group) {
    if (words.length === 1) return [group.name];
    const def = words.length === 2 ? named(group.commands, words[1]) : undefined;
    return def && !def.hidden ? [group.name, def.name] : undefined;
  }
  const def = words.length === 1 ? named(tree.commands, words[0]) : undefined;
  return def && !def.hidden ? [def.name] : undefined;
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

export function fastParse(tree: CommandTree, args: string[], help = embeddedHelp()): ParseResult | undefined {
  if (args.length === 1 && args[0] === '--version') return { kind: 'version' };
  if (args[0] === 'version') {
    const output = versionOutput(args.slice(1));
    const definition = tree.commands.find((c) => c.name === 'version');
    if (output !== false && definition) {
      return { kind: 'command', path: ['version'], definition, argv: { _: ['version'], output } };
    }
  }
  if (!help) return undefined;
  const last = args[args.length - 1];
  const words = args.length === 0 ? [] : last === '--help' || last === '-h' ? args.slice(0, -1) : undefined;
  if (!words || words.some((w) => w.startsWith('-'))) return undefined;
  const path = canonicalPath(tree, words);
  const text = path && help[path.join(' ')];
  return text ? { kind: 'help', text } : undefined;
}
