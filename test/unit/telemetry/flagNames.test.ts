// Only names, never values, and only of flags the command or the globals define.
import type { CommandDefinition } from '../../../src/cli/command';
import { usedFlagNames } from '../../../src/telemetry/flagNames';

const def: CommandDefinition<unknown> = {
  name: 'clusters', describe: 'x', options: () => ({}), run: async () => 0,
  builder: (y) =>
    y
      .positional('name', { type: 'string' })
      .option('output', { alias: 'o', type: 'string' })
      .options({ 'all-namespaces': { alias: 'A', type: 'boolean' }, 'show-labels': { type: 'boolean' } })
      .example('x', 'y'),
};

describe('flag names', () => {
  it.each([
    [['--output', 'json'], ['output']],
    [['-ojson'], ['output']],
    [['-o=json', '-A'], ['all-namespaces', 'output']],
    [['--no-show-labels'], ['show-labels']],
    [['--showLabels'], ['show-labels']],
    [['-n', 'my-secret-ns', '--context=secret-ctx', '--token', 'abc'], ['context', 'namespace', 'token']],
    [['--made-up-secret=1', 'positional-secret', '-Z'], []],
    [['--output', 'json', '--', '--context', 'x'], ['output']],
    [['--output', 'json', '--output', 'yaml'], ['output']],
  ])('%j -> %j', (args, want) => {
    expect(usedFlagNames(def, args)).toEqual(want);
  });

  it('survives a builder that needs a real yargs', () => {
    const odd: CommandDefinition<unknown> = { ...def, builder: (y) => { (y as any).getOptions().key.x = 1; return y; } };
    expect(usedFlagNames(odd, ['--context', 'c', '--output', 'j'])).toEqual(['context']);
  });
});
