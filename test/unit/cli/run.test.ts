import { runCli } from '../../../src/cli/run';
import { commandTree } from '../../../src/cli/tree';
import { fakeDeps } from '../../support/fakeDeps';

describe('runCli', () => {
  it('prints root help on stdout with exit 0 when given no command', async () => {
    const deps = fakeDeps();
    expect(await runCli([], deps)).toBe(0);
    expect(deps.stdout.text()).toContain('kubectl gs <command>');
    expect(deps.stderr.text()).toBe('');
  });

  it.each([['--help'], ['-h'], ['version', '--help']])('prints help for %s and exits 0', async (...args) => {
    const deps = fakeDeps();
    expect(await runCli(args, deps)).toBe(0);
    expect(deps.stdout.text()).toMatch(/^kubectl gs/);
  });

  it('suggests the closest command for a typo, on one line, exit 1', async () => {
    const deps = fakeDeps();
    expect(await runCli(['verison'], deps)).toBe(1);
    expect(deps.stderr.text()).toBe('error: unknown command "verison" for "kubectl gs"; did you mean "version"?\n');
    expect(deps.stdout.text()).toBe('');
  });

  it('names an unknown flag the way kubectl does', async () => {
    const deps = fakeDeps();
    expect(await runCli(['version', '--frobnicate=1'], deps)).toBe(1);
    expect(deps.stderr.text()).toBe("error: unknown flag: --frobnicate; see 'kubectl gs version --help'\n");
  });

  it('prints "kubectl gs version <v>" for --version', async () => {
    const deps = fakeDeps();
    expect(await runCli(['--version'], deps)).toBe(0);
    expect(deps.stdout.text()).toBe('kubectl gs version 0.0.0-dev\n');
  });

  it('accepts every kubectl connection flag on any command', async () => {
    const deps = fakeDeps();
    const flags = ['--kubeconfig', '/x', '--context', 'c', '-n', 'ns', '--cluster', 'cl', '--user', 'u', '-s', 'https://h',
      '--token', 't', '--as', 'a', '--as-group', 'g', '--request-timeout', '5s', '--insecure-skip-tls-verify',
      '--certificate-authority', 'ca', '--client-certificate', 'cc', '--client-key', 'ck', '--debug', '--disable-version-check'];
    expect(await runCli(['version', ...flags], deps)).toBe(0);
    expect(deps.stderr.text()).toBe('');
  });

  it('shows a failing command as one line, and its stack only with --debug', async () => {
    const tree = commandTree();
    tree.commands.push({
      name: 'boom', describe: 'fails', options: () => ({}),
      run: async () => { throw new Error('it broke\nsecond line'); },
    });
    const quiet = fakeDeps();
    expect(await runCli(['boom'], quiet, tree)).toBe(1);
    expect(quiet.stderr.text()).toBe('error: it broke\n');
    const loud = fakeDeps();
    expect(await runCli(['boom', '--debug'], loud, tree)).toBe(1);
    expect(loud.stderr.text()).toMatch(/^error: it broke\nError: it broke\nsecond line\n\s+at /);
  });
});

describe('unknown flags', () => {
  it.each([['--bogus-flag'], ['--no-such-flag'], ['--bogus=3']])('names %s as typed', async (flag) => {
    const deps = fakeDeps();
    expect(await runCli(['version', flag], deps)).toBe(1);
    expect(deps.stderr.text()).toBe(`error: unknown flag: ${flag.split('=')[0]}; see 'kubectl gs version --help'\n`);
  });
});

describe('did you mean', () => {
  it('suggests a command once, by its canonical name, also when the typo is closer to an alias', async () => {
    const deps = fakeDeps();
    expect(await runCli(['get', 'clustrs'], deps)).toBe(1);
    expect(deps.stderr.text()).toBe('error: unknown command "clustrs" for "kubectl gs get"; did you mean "clusters"?\n');
    const viaAlias = fakeDeps();
    expect(await runCli(['get', 'nodepol'], viaAlias)).toBe(1);
    expect(viaAlias.stderr.text()).toBe('error: unknown command "nodepol" for "kubectl gs get"; did you mean "nodepools"?\n');
  });

  it.each([
    [['get', '-n', 'foo', 'clustrs'], 'clustrs', 'kubectl gs get', 'clusters'],
    [['--context', 'dev', 'gett', 'clusters'], 'gett', 'kubectl gs', 'get'],
    [['get', '--namespace=foo', '-o', 'json', 'clustrs'], 'clustrs', 'kubectl gs get', 'clusters'],
    [['get', '--insecure-skip-tls-verify', 'clustrs'], 'clustrs', 'kubectl gs get', 'clusters'],
  ])('does not take a flag value for the mistyped command: %j', async (args, typo, parent, suggestion) => {
    const deps = fakeDeps();
    expect(await runCli(args, deps)).toBe(1);
    expect(deps.stderr.text()).toBe(`error: unknown command "${typo}" for "${parent}"; did you mean "${suggestion}"?\n`);
  });

  it('reports an unknown flag, not the value of -n, when the command is right', async () => {
    const deps = fakeDeps();
    expect(await runCli(['get', '-n', 'foo', 'clusters', '--bogus'], deps)).toBe(1);
    expect(deps.stderr.text()).toBe("error: unknown flag: --bogus; see 'kubectl gs get clusters --help'\n");
  });

  it.each([
    [['logout'], 'kubectl gs --help'], // a command this tool does not have: no help page for it
    [['get', 'cluster', '--bogus'], 'kubectl gs get clusters --help'], // by the alias, named canonically
    [['get', '-o', 'json', 'orgs', '--bogus'], 'kubectl gs get organizations --help'],
    [['template', 'nosuch'], 'kubectl gs template --help'],
  ])('points %j at a help page that exists', async (args, help) => {
    const deps = fakeDeps();
    expect(await runCli(args, deps)).toBe(1);
    expect(deps.stderr.text()).toMatch(/^error: [^\n]+\n$/);
    expect(deps.stderr.text().endsWith(`; see '${help}'\n`)).toBe(true);
  });
});
