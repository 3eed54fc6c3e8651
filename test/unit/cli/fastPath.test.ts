import { fastParse } from '../../../src/cli/fastPath';
import { parseArgs, renderAllHelp } from '../../../src/cli/parse';
import { runCli } from '../../../src/cli/run';
import { commandTree } from '../../../src/cli/tree';
import { fakeDeps } from '../../support/fakeDeps';

// The fast paths answer without yargs; they must answer exactly what yargs would.
describe('fastParse', () => {
  const tree = commandTree();
  const help = renderAllHelp(tree);

  it('has help for the root and every visible command', () => {
    expect(Object.keys(help)).toEqual(expect.arrayContaining(['', 'version', 'completion']));
  });

  it.each(Object.keys(help).map((k) => [k]))('serves the same help as yargs for "%s --help"', (path) => {
    const words = path ? path.split(' ') : [];
    const fast = fastParse(tree, [...words, '--help'], () => help);
    const slow = parseArgs(tree, [...words, '--help']);
    expect(fast).toEqual(slow);
    expect(fast?.kind).toBe('help');
  });

  it('leaves anything with flags or unknown words to yargs', () => {
    expect(fastParse(tree, ['version', '--debug', '--help'], () => help)).toBeUndefined();
    expect(fastParse(tree, ['nope', '--help'], () => help)).toBeUndefined();
    expect(fastParse(tree, ['version', '-o', 'json', 'extra'], () => help)).toBeUndefined();
  });

  it.each([[['version']], [['version', '-o', 'json']], [['version', '--output=yaml']], [['--version']]])(
    'gives the same output for %j with and without the fast path',
    async (args) => {
      const fast = fakeDeps();
      const slowTree = commandTree();
      const viaYargs = fakeDeps();
      expect(await runCli(args, fast, tree)).toBe(0);
      // A path the fast parser does not take (an extra global flag) goes through yargs.
      expect(await runCli([...args, '--disable-version-check'], viaYargs, slowTree)).toBe(0);
      expect(fast.stdout.text()).toBe(viaYargs.stdout.text());
    },
  );
});
