// `gitops add ...` is a group within a group: parsed (fast path and yargs alike), completed, helped and
// hinted at through both levels, with the Go tool's aliases.
import { completeArgs } from '../../../src/cli/complete';
import { fastParseCommand } from '../../../src/cli/fastCommand';
import { helpPaths, parseArgs } from '../../../src/cli/parse';
import { runCli } from '../../../src/cli/run';
import { commandTree } from '../../../src/cli/tree';
import { fakeDeps } from '../../support/fakeDeps';

const tree = commandTree();

describe('gitops in the command tree', () => {
  it('parses a three-word path by canonical name and by alias, flags typed and defaulted', () => {
    for (const words of [['gitops', 'add', 'management-cluster'], ['gitops', 'add', 'mc']]) {
      const r = parseArgs(tree, [...words, '--name', 'demomc', '--repository-name', 'gitops-demo', '--gen-master-key']);
      expect(r.kind).toBe('command');
      if (r.kind !== 'command') return;
      expect(r.path).toEqual(['gitops', 'add', 'management-cluster']);
      expect(r.argv).toMatchObject({ name: 'demomc', 'repository-name': 'gitops-demo', 'gen-master-key': true });
    }
  });

  it('the fast parser (no yargs) reads a gitops invocation', () => {
    const args = ['gitops', 'add', 'wc', '--name', 'w', '--management-cluster', 'm', '--organization', 'o', '--repository-name', 'r', '--skip-mapi', '--local-path', '/tmp/x'];
    const fast = fastParseCommand(tree, args);
    expect(fast?.path).toEqual(['gitops', 'add', 'workload-cluster']);
    expect(fast?.argv).toMatchObject({ name: 'w', 'skip-mapi': true, 'local-path': '/tmp/x' });
  });

  it('has help for gitops, gitops add and each command', () => {
    const paths = helpPaths(tree).map((p) => p.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['gitops', 'gitops add', 'gitops init', 'gitops check', 'gitops add management-cluster', 'gitops add encryption', 'gitops add base']));
  });

  it('completes both levels and the flags of the command reached', async () => {
    expect(await completeArgs(tree, ['gitops', ''])).toEqual(['check', 'init', 'add']);
    expect(await completeArgs(tree, ['gitops', 'add', 'a'])).toEqual(['app', 'automatic-update']);
    expect(await completeArgs(tree, ['gitops', 'add', 'mc', '--gen'])).toEqual(['--gen-master-key']);
  });

  it('an unknown command in gitops add is named with its parent and the closest command', async () => {
    const deps = fakeDeps();
    const code = await runCli(['gitops', 'add', 'organisation', '--name', 'x'], deps);
    expect(code).toBe(1);
    expect(deps.stderr.text()).toMatch(/^error: unknown command "organisation" for "kubectl gs gitops add"; did you mean "organization"\?/);
  });

  it('runs a gitops command end to end through runCli: a flag error is one line', async () => {
    const deps = fakeDeps();
    const code = await runCli(['gitops', 'add', 'base', '--provider', 'aws', '--local-path', '/nonexistent'], deps);
    expect(code).toBe(1);
    expect(deps.stderr.text()).toBe('error: --provider must be one of: capa, capz, vsphere\n');
  });
});
