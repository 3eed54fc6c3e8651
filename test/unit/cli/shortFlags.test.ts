import { globalFlags } from '../../../src/cli/globalFlags';
import { parseArgs } from '../../../src/cli/parse';
import { expandShortFlags, switchShorts, valueShorts } from '../../../src/cli/shortFlags';
import { commandTree } from '../../../src/cli/tree';
import type { CommandDefinition } from '../../../src/cli/command';

describe('expandShortFlags', () => {
  it.each([
    [['-ojson'], ['--output=json']],
    [['-o=yaml'], ['--output=yaml']],
    [['-ojsonpath={.items[*].metadata.name}'], ['--output=jsonpath={.items[*].metadata.name}']],
    [['-o=jsonpath={.a}'], ['--output=jsonpath={.a}']],
    [['-Ao', 'json'], ['-A', '-o', 'json']],
    [['-Aojson'], ['-A', '--output=json']],
    [['-norg-acme'], ['--namespace=org-acme']],
    [['-lapp=x,b!=c'], ['--selector=app=x,b!=c']],
    [['-cmycluster'], ['--cluster-name=mycluster']],
    [['-Ah'], ['-A', '-h']],
  ])('reads %j as kubectl does: %j', (args, expanded) => {
    expect(expandShortFlags(args)).toEqual(expanded);
  });

  it('leaves plain spellings, words, unknown letters and everything after -- alone', () => {
    const args = ['get', 'clusters', '-o', 'json', '-A', '--output=yaml', '-', '-x', '-xyz', '-1', '--', '-ojson'];
    expect(expandShortFlags(args)).toEqual(args);
  });

  it('lets `get clusters -ojson` and `-Ao name` reach the command as -o json and -A -o name', () => {
    for (const [args, output, all] of [
      [['get', 'clusters', '-ojson'], 'json', false],
      [['get', 'clusters', '-Ao', 'name'], 'name', true],
      [['get', 'apps', '-ojsonpath={.items[0].kind}', '-norg-x'], 'jsonpath={.items[0].kind}', false],
    ] as const) {
      const parsed = parseArgs(commandTree(), [...args]);
      expect(parsed.kind).toBe('command');
      const options = (parsed as { definition: CommandDefinition<any>; argv: Record<string, unknown> });
      expect(options.argv.output).toBe(output);
      expect(options.argv.allNamespaces).toBe(all);
    }
  });
});

/** Every short alias a command (or the global flags) declares, with its long name and whether it takes a value. */
function shortFlagsOf(def: CommandDefinition<unknown>): Array<{ letter: string; long: string; takesValue: boolean }> {
  const Yargs = require('yargs/yargs') as typeof import('yargs/yargs');
  const y = Yargs().options(globalFlags);
  def.builder?.(y);
  const o = (y as unknown as { getOptions(): { alias: Record<string, string[]>; boolean: string[] } }).getOptions();
  const out = [];
  for (const [long, aliases] of Object.entries(o.alias)) {
    for (const letter of aliases.filter((a) => a.length === 1)) out.push({ letter, long, takesValue: !o.boolean.includes(long) });
  }
  return out;
}

describe('the short-flag table matches every command', () => {
  const tree = commandTree();
  const commands = [...tree.commands, ...tree.groups.flatMap((g) => g.commands)];

  it.each(commands.map((c) => [c.name, c] as const))('%s: each short letter means the flag the table says', (_, def) => {
    for (const f of shortFlagsOf(def)) {
      if (f.letter === 'h') continue; // --help, added by yargs
      if (f.takesValue) expect({ letter: f.letter, long: valueShorts[f.letter] }).toEqual({ letter: f.letter, long: f.long });
      else expect({ letter: f.letter, isSwitch: switchShorts.has(f.letter) }).toEqual({ letter: f.letter, isSwitch: true });
    }
  });
});
