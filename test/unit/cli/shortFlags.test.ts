import { globalFlags } from '../../../src/cli/globalFlags';
import { parseArgs } from '../../../src/cli/parse';
import { expandShortFlags, switchShorts, valueShorts } from '../../../src/cli/shortFlags';
import { commandTree } from '../../../src/cli/tree';
import type { AnyCommand } from '../../../src/cli/command';
import type { FlagTable } from '../../../src/cli/flagTable';

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
      const options = (parsed as { definition: AnyCommand; argv: Record<string, unknown> });
      expect(options.argv.output).toBe(output);
      expect(options.argv.allNamespaces === true).toBe(all);
    }
  });
});

/** Every short alias a command (or the global flags) declares, with its long name and whether it takes a value. */
function shortFlagsOf(def: AnyCommand): Array<{ letter: string; long: string; takesValue: boolean }> {
  const out = [];
  for (const table of [globalFlags, (def.flags ?? {}) as FlagTable]) {
    for (const [long, flag] of Object.entries(table)) if (flag.short) out.push({ letter: flag.short, long, takesValue: flag.type !== 'boolean' });
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
