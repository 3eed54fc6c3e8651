// Shell completion candidates, worked out from the command tree: subcommands (and aliases) at each
// level, the flags of the command reached (its own and the global ones), and the choices of a flag or
// positional that has them.

import type { CommandDefinition } from './command';
import { globalFlags } from './globalFlags';
import type { CommandTree } from './tree';

interface FlagFacts {
  names: string[];
  booleans: Set<string>;
  /** The values to offer for a flag, by long name: yargs choices, else the command's completions. */
  values: Record<string, string[]>;
  /** Short alias -> long name. */
  longName: Record<string, string>;
}

function flagFacts(def: CommandDefinition<any> | undefined): FlagFacts {
  const Yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  const y = Yargs().version(false).options(globalFlags);
  def?.builder?.(y);
  type Options = { key: Record<string, unknown>; boolean: string[]; choices: Record<string, string[]>; alias: Record<string, string[]> };
  const o = (y as unknown as { getOptions(): Options }).getOptions();
  const longName: Record<string, string> = {};
  for (const [long, aliases] of Object.entries(o.alias ?? {})) for (const a of aliases) if (a.length === 1) longName[a] = long;
  return {
    names: Object.keys(o.key).filter((k) => k !== 'help' && k.length > 1),
    booleans: new Set(o.boolean),
    values: { ...def?.completions, ...o.choices },
    longName,
  };
}

export async function completeArgs(tree: CommandTree, words: string[]): Promise<string[]> {
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const positionals: string[] = [];
  let skipValue = false;
  for (const w of before) {
    if (skipValue) { skipValue = false; continue; }
    if (w.startsWith('-')) { skipValue = !w.includes('=') && !w.startsWith('--no-'); continue; }
    positionals.push(w);
  }
  const group = tree.groups.find((g) => g.name === positionals[0] || g.aliases?.includes(positionals[0]));
  const level = group ? group.commands : [...tree.commands, ...tree.groups.map((g) => ({ ...g, commands: undefined }))];
  const nameAt = group ? positionals[1] : positionals[0];
  const def = (group ? group.commands : tree.commands).find((c) => c.name === nameAt || c.aliases?.includes(nameAt));
  const facts = flagFacts(def);

  // The value of the flag just before: --output <TAB> or -o <TAB>.
  const previous = before[before.length - 1];
  const flag = previous?.startsWith('--') && !previous.includes('=') ? previous.slice(2) : /^-[A-Za-z]$/.test(previous ?? '') ? facts.longName[previous[1]] : undefined;
  const values = flag ? facts.values[flag] : undefined;
  if (values) return values.filter((c) => c.startsWith(current));
  if (current.startsWith('-')) return facts.names.map((n) => `--${n}`).filter((n) => n.startsWith(current));
  if (!nameAt || (!def && !(group && positionals.length === 1))) {
    return level.filter((c) => !('hidden' in c && c.hidden)).map((c) => c.name).filter((n) => n.startsWith(current));
  }
  if (group && positionals.length === 1) return group.commands.filter((c) => !c.hidden).map((c) => c.name).filter((n) => n.startsWith(current));
  // A positional with choices (e.g. the shell of `completion`).
  const positionalName = def?.positionals?.match(/[<[]([\w-]+)/)?.[1];
  const choices = positionalName ? facts.values[positionalName] : undefined;
  return (choices ?? []).filter((c) => c.startsWith(current));
}
