// One table per command: typed values with defaults, kubectl's errors for a missing or wrong value, the
// same parse on the fast path (yargs-parser) and through yargs, deprecation notices.
import { defineCommand, type AnyCommand } from '../../../src/cli/command';
import { camel, defineFlags, describeFlag, readValues, type FlagValues } from '../../../src/cli/flagTable';
import { globalFlags } from '../../../src/cli/globalFlags';
import { fastParseCommand } from '../../../src/cli/fastCommand';
import { parseArgs } from '../../../src/cli/parse';
import { runCli } from '../../../src/cli/run';
import { commandTree, type CommandTree } from '../../../src/cli/tree';
import { fakeDeps } from '../../support/fakeDeps';

const flags = defineFlags({
  name: { type: 'string', describe: 'x' },
  size: { type: 'number', default: 3, describe: 'x' },
  label: { type: 'list', describe: 'x' },
  url: { type: 'array', describe: 'x' },
  enabled: { type: 'boolean', default: true, describe: 'x' },
  mode: { type: 'string', choices: ['a', 'b'], default: 'a', describe: 'x' },
  old: { type: 'string', deprecated: 'use --name instead', describe: 'x' },
});

describe('readValues', () => {
  it('types every value and applies defaults only to flags not given', () => {
    const { values, given } = readValues(flags, { name: ['x', 'y'], label: ['a,b', ' c ,'], url: ['u1,u2', 'u3'] });
    const typed: FlagValues<typeof flags> = values;
    expect(typed).toEqual({ name: 'y', size: 3, label: ['a', 'b', 'c'], url: ['u1,u2', 'u3'], enabled: true, mode: 'a', old: undefined });
    expect([...given].sort()).toEqual(['label', 'name', 'url']);
  });

  it('reads a switch given false, and a number given as text', () => {
    expect(readValues(flags, { enabled: false, size: '12' }).values).toMatchObject({ enabled: false, size: 12 });
  });

  it.each([
    [{ size: 'ten' }, 'invalid argument "ten" for "--size" flag: must be a whole number'],
    [{ size: '1.5' }, 'invalid argument "1.5" for "--size" flag: must be a whole number'],
    [{ mode: 'c' }, 'invalid argument "c" for "--mode" flag: must be one of: a, b'],
  ])('rejects %j in cobra\'s words', (argv, message) => {
    expect(() => readValues(flags, argv)).toThrow(message);
  });

  it('shows a default in help as cobra does, and leaves out false and empty ones', () => {
    expect(describeFlag(flags.size)).toBe('x (default 3)');
    expect(describeFlag(flags.mode)).toBe('x One of: a, b. (default "a")');
    expect(describeFlag(flags.label)).toBe('x');
    expect(describeFlag({ type: 'boolean', describe: 'y' })).toBe('y');
  });
});

function treeWith(def: AnyCommand): { tree: CommandTree; ran: unknown[] } {
  const ran: unknown[] = [];
  const tree = commandTree();
  tree.commands.push({ ...def, run: async (o: unknown) => (ran.push(o), 0) });
  return { tree, ran };
}

const probe = defineCommand({
  name: 'probe', describe: 'x', positionals: '[thing]', flags,
  options: (values, ctx) => ({ ...values, thing: ctx.positionals[0], context: ctx.global.context, given: [...ctx.given].sort() }),
  run: async () => 0,
});

describe('a value-taking flag given last with no value', () => {
  const valueFlags = [
    ...Object.entries(globalFlags).filter(([, f]) => f.type !== 'boolean').map(([n]) => `--${n}`),
    '-n', '-s', '--name', '--size', '--label', '--url',
  ];
  it.each(valueFlags)('%s: one line, exit 1, nothing run', async (flag) => {
    const { tree, ran } = treeWith(probe);
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['probe', '--enabled', flag], deps, tree)).toBe(1);
    expect(deps.stderr.text()).toMatch(new RegExp(`^error: flag needs an argument: ${flag}; see 'kubectl gs probe --help'\\n$`));
    expect(ran).toEqual([]);
  });

  it.each([
    [['get', 'clusters', '-A', '--context']],
    [['telemetry', 'disable', '--cluster-wide', '--context']],
    [['template', 'organization', '--name']],
  ])('the real commands refuse %j too', async (args) => {
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(args, deps)).toBe(1);
    expect(deps.stderr.text()).toMatch(/^error: flag needs an argument: --(context|name); see /);
    expect(deps.stdout.text()).toBe('');
  });
});

describe('the fast path', () => {
  const { tree } = treeWith(probe);
  it.each([
    [['probe', 'it', '--name', 'n', '--size=4', '--label', 'a,b', '--label', 'c', '--no-enabled']],
    [['--context', 'ctx', 'probe', '--url', 'u', '--url', 'v', 'it']],
    [['probe', '-n', 'ns', '--mode', 'b', '--enabled=false']],
    [['probe', '12345']],
  ])('parses %j as yargs does', (args) => {
    const fast = fastParseCommand(tree, args);
    expect(fast).toBeDefined();
    // parseArgs with a flag yargs alone reads (--help is never fast) would differ; compare what both
    // make of the same words through the values the command gets.
    const slow = parseArgs(tree, [...args, '--debug']);
    expect(slow.kind).toBe('command');
    const read = (argv: Record<string, unknown>) => ({ ...readValues(flags, argv).values, thing: argv.thing, context: argv.context, namespace: argv.namespace });
    expect(read(fast!.argv)).toEqual(read((slow as { argv: Record<string, unknown> }).argv));
  });

  it.each([
    [['probe', '--bogus']],
    [['probe', 'a', 'b']],
    [['probe', '--help']],
    [['probe', '--name']],
    [['nosuch']],
  ])('leaves %j to yargs', (args) => {
    expect(fastParseCommand(tree, args)).toBeUndefined();
  });

  it('keeps a numeric positional a string', () => {
    expect(fastParseCommand(tree, ['probe', '007'])!.argv.thing).toBe('007');
  });
});

describe('options() gets the typed values, positionals, globals and what was given', () => {
  it('runs the command with them', async () => {
    const { tree, ran } = treeWith(probe);
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['probe', 'it', '--context', 'c1', '--size', '7', '--label=x,y'], deps, tree)).toBe(0);
    expect(ran).toEqual([expect.objectContaining({ thing: 'it', context: 'c1', size: 7, label: ['x', 'y'], enabled: true, given: ['label', 'size'] })]);
  });

  it('says a deprecated flag is deprecated, in cobra\'s words, and still uses it', async () => {
    const { tree, ran } = treeWith(probe);
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['probe', '--old', 'v'], deps, tree)).toBe(0);
    expect(deps.stderr.text()).toBe('Flag --old has been deprecated, use --name instead\n');
    expect(ran).toEqual([expect.objectContaining({ old: 'v' })]);
  });

  it('reports a bad number as one line, exit 1, nothing run', async () => {
    const { tree, ran } = treeWith(probe);
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['probe', '--size', 'big'], deps, tree)).toBe(1);
    expect(deps.stderr.text()).toBe('error: invalid argument "big" for "--size" flag: must be a whole number\n');
    expect(ran).toEqual([]);
  });
});

describe('camel', () => {
  // yargs-parser's camel-case twin of a flag name, as a regular expression writes it; camel() is a loop.
  const byRegex = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

  it('turns flag names into the keys yargs-parser adds', () => {
    expect(camel('control-plane-instance-type')).toBe('controlPlaneInstanceType');
    expect(camel('output')).toBe('output');
    expect(camel('no-headers')).toBe('noHeaders');
  });

  it('agrees with the regular expression on awkward names', () => {
    const names = ['a--b', '-a', 'a-', 'a-B', 'x-1', '--', 'a--b-c', 'é-a', 'a-b-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) names.push(Array.from({ length: Math.floor(next() * 9) }, () => 'ab-Z1-'[Math.floor(next() * 6)]).join(''));
    for (const name of names) expect(camel(name)).toBe(byRegex(name));
  });
});
