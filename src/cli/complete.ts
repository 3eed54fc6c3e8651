// Shell completion candidates, worked out from the command tree: subcommands (and aliases) at each
// level, the flags of the command reached (its own and the global ones), and the choices of a flag or
// positional that has them.

import type { CommandDefinition } from './command';
import { globalFlags } from './globalFlags';
import type { CommandTree } from './tree';

interface FlagFacts {
  names: string[];
  booleans: Set<string>;
  choices: Record<string, string[]>;
}

function flagFacts(def: CommandDefinition<any> | undefined): FlagFacts {
  const Yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  const y = Yargs().version(false).options(globalFlags);
  def?.builder?.(y);
  const o = (y as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[]; choices: Record<string, string[]> } }).getOptions();
  return { names: Object.keys(o.key).filter((k) => k !== 'help' && k.length > 1), booleans: new Set(o.boolean), choices: o.choices ?? {} };
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

  const previous = before[before.length - 1];
  if (previous?.startsWith('--') && !previous.includes('=')) {
    const choices = facts.choices[previous.slice(2)];
    if (choices) return choices.filter((c) => c.startsWith(current));
  }
  if (current.startsWith('-')) return facts.names.map((n) => `--${n}`).filter((n) => n.startsWith(current));
  if (!nameAt || (!def && !(group && positionals.length === 1))) {
    return level.filter((c) => !('hidden' in c && c.hidden)).map((c) => c.name).filter((n) => n.startsWith(current));
  }
  if (group && positionals.length === 1) return group.commands.filter((c) => !c.hidden).map((c) => c.name).filter((n) => n.startsWith(current));
  // A positional with choices (e.g. the shell of `completion`).
  const positionalName = def?.positionals?.match(/[<[]([\w-]+)/)?.[1];
  const choices = positionalName ? facts.choices[positionalName] : undefined;
  return (choices ?? []).filter((c) => c.startsWith(current));
}
