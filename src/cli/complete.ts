// Shell completion candidates, worked out from the command tree: subcommands (and aliases) at each
// level, the flags of the command reached (its own and the global ones), and the choices of a flag or
// positional that has them.

import type { AnyCommand } from './command';
import type { FlagTable } from './flagTable';
import { globalFlags } from './globalFlags';
import type { CommandTree } from './tree';

interface FlagFacts {
  names: string[];
  /** Help text of each flag, by long name (shown beside the candidate by zsh, fish and PowerShell). */
  help: Record<string, string>;
  /** The values to offer for a flag, by long name: its choices, else its completions. */
  values: Record<string, readonly string[]>;
  /** Short letter -> long name. */
  longName: Record<string, string>;
}

function flagFacts(def: AnyCommand | undefined): FlagFacts {
  const facts: FlagFacts = { names: [], help: {}, values: { ...def?.positionalChoices }, longName: {} };
  for (const table of [globalFlags, (def?.flags ?? {}) as FlagTable]) {
    for (const [name, flag] of Object.entries(table)) {
      if (flag.short) facts.longName[flag.short] = name;
      const values = flag.choices ?? flag.completions;
      if (values) facts.values[name] = values;
      if (!flag.hidden && flag.deprecated === undefined) {
        facts.names.push(name);
        facts.help[name] = flag.describe;
      }
    }
  }
  return facts;
}

/** Cobra's candidate line: the value, then a tab and a one-line description when there is one. */
function withDescription(value: string, description: string | undefined): string {
  const line = description?.split(/(?<=\.)\s|\n/)[0].replace(/\t/g, ' ');
  return line ? `${value}\t${line}` : value;
}

/**
 * Candidates for the last word. With descriptions (`__complete`, as kubectl asks for them), commands and
 * flags carry their help's first sentence after a tab; `__completeNoDesc` (completion --no-descriptions)
 * gets the values alone.
 */
export async function completeArgs(tree: CommandTree, words: string[], descriptions = false): Promise<string[]> {
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
  const described = (value: string, text: string | undefined) => (descriptions ? withDescription(value, text) : value);
  const commands = (list: Array<{ name: string; describe: string; hidden?: boolean }>) =>
    list.filter((c) => !c.hidden && c.name.startsWith(current)).map((c) => described(c.name, c.describe));
  if (current.startsWith('-')) return facts.names.filter((n) => `--${n}`.startsWith(current)).map((n) => described(`--${n}`, facts.help[n]));
  if (!nameAt || (!def && !(group && positionals.length === 1))) return commands(level);
  if (group && positionals.length === 1) return commands(group.commands);
  // A positional with choices (e.g. the shell of `completion`).
  const positionalName = def?.positionals?.match(/[<[]([\w-]+)/)?.[1];
  const choices = positionalName ? facts.values[positionalName] : undefined;
  return (choices ?? []).filter((c) => c.startsWith(current));
}
