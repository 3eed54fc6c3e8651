import Yargs from 'yargs/yargs';
import { globalFlagNames } from '../../../src/cli/globalFlags';
import { commandTree } from '../../../src/cli/tree';
import type { CommandDefinition } from '../../../src/cli/command';

// kubectl passes its connection flags through to plugins, so a command flag with the same name or short
// alias as a global one would silently change their meaning. The Go kubectl-gs has the same test.
function commandFlagNames(def: CommandDefinition<any>): string[] {
  const y = Yargs().version(false).help(false);
  def.builder?.(y);
  const o = (y as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  const positionals = new Set((def.positionals ?? '').match(/[\w-]+/g) ?? []);
  const names = new Set<string>(Object.keys(o.key));
  for (const [k, aliases] of Object.entries(o.alias)) [k, ...aliases].forEach((n) => names.add(n));
  return [...names].filter((n) => !positionals.has(n) && !/[A-Z]/.test(n));
}

function everyCommand(): Array<[string, CommandDefinition<any>]> {
  const tree = commandTree();
  return [
    ...tree.commands.map((c) => [c.name, c] as [string, CommandDefinition<any>]),
    ...tree.groups.flatMap((g) => g.commands.map((c) => [`${g.name} ${c.name}`, c] as [string, CommandDefinition<any>])),
  ];
}

describe('command flags', () => {
  const globals = globalFlagNames();

  it('knows kubectl\'s connection flags', () => {
    for (const f of ['kubeconfig', 'context', 'namespace', 'n', 'cluster', 'user', 'server', 's', 'token', 'as', 'as-group',
      'request-timeout', 'insecure-skip-tls-verify', 'certificate-authority', 'client-certificate', 'client-key', 'debug',
      'disable-version-check']) {
      expect(globals).toContain(f);
    }
  });

  it.each(everyCommand())('"%s" shadows no global flag', (_path, def) => {
    const shadowing = commandFlagNames(def).filter((n) => globals.has(n) || n === 'help' || n === 'h');
    expect(shadowing).toEqual([]);
  });
});

describe('commandFlagNames', () => {
  it('sees a flag and its short alias, so the shadowing check can fail', () => {
    const def: CommandDefinition<object> = {
      name: 'x', describe: 'x', options: () => ({}), run: async () => 0,
      builder: (y) => y.option('target-namespace', { alias: 'n', type: 'string' }),
    };
    expect(commandFlagNames(def)).toEqual(expect.arrayContaining(['target-namespace', 'n']));
  });
});
