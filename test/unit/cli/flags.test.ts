import { globalFlagNames } from '../../../src/cli/globalFlags';
import { commandTree } from '../../../src/cli/tree';
import type { AnyCommand } from '../../../src/cli/command';
import { defineFlags, namesOf, type FlagTable } from '../../../src/cli/flagTable';

// kubectl passes its connection flags through to plugins, so a command flag with the same name or short
// alias as a global one would silently change their meaning. The Go kubectl-gs has the same test.
function commandFlagNames(def: AnyCommand): string[] {
  return [...namesOf((def.flags ?? {}) as FlagTable).keys()];
}

function everyCommand(): Array<[string, AnyCommand]> {
  const tree = commandTree();
  return [
    ...tree.commands.map((c) => [c.name, c] as [string, AnyCommand]),
    ...tree.groups.flatMap((g) => g.commands.map((c) => [`${g.name} ${c.name}`, c] as [string, AnyCommand])),
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
    const def: AnyCommand = {
      name: 'x', describe: 'x', options: () => ({}), run: async () => 0,
      flags: defineFlags({ 'target-namespace': { type: 'string', short: 'n', describe: 'x' } }),
    };
    expect(commandFlagNames(def)).toEqual(expect.arrayContaining(['target-namespace', 'n']));
  });
});
