// Only names, never values, and only of flags the command or the globals define.
import { defineFlags } from '../../../src/cli/flagTable';
import { globalFlags } from '../../../src/cli/globalFlags';
import { usedFlagNames } from '../../../src/cli/usedFlags';

const flags = defineFlags({
  output: { type: 'string', short: 'o', describe: 'x' },
  'all-namespaces': { type: 'boolean', short: 'A', describe: 'x' },
  'show-labels': { type: 'boolean', describe: 'x' },
  version: { type: 'string', aliases: ['app-version'], describe: 'x' },
});

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
    [['--app-version=1.0.0'], ['version']],
  ])('%j -> %j', (args, want) => {
    expect(usedFlagNames([globalFlags, flags], args)).toEqual(want);
  });
});
