import { completeArgs } from '../../../src/cli/complete';
import { commandTree } from '../../../src/cli/tree';
import { runCli } from '../../../src/cli/run';
import { fakeDeps } from '../../support/fakeDeps';

const complete = (...words: string[]) => completeArgs(commandTree(), words);

describe('shell completion candidates', () => {
  it('offers the commands and groups at the top, and a group\'s commands after it', async () => {
    expect(await complete('')).toEqual(expect.arrayContaining(['get', 'template', 'version', 'completion']));
    expect(await complete('get', 'cl')).toEqual(['cluster-api', 'clusters']);
  });

  it('offers the flags of the command reached, global ones included', async () => {
    const flags = await complete('get', 'clusters', '--');
    expect(flags).toEqual(expect.arrayContaining(['--output', '--template', '--all-namespaces', '--namespace', '--kubeconfig']));
    expect(await complete('get', 'clusters', '--allow')).toEqual(['--allow-missing-template-keys']);
  });

  it('offers kubectl\'s -o values for get, after -o or --output, narrowed by what is typed', async () => {
    const all = await complete('get', 'clusters', '-o', '');
    expect(all).toEqual(['json', 'yaml', 'name', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'go-template', 'go-template-file', 'template', 'templatefile']);
    expect(await complete('get', 'apps', '--output', 'js')).toEqual(['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file']);
    expect(await complete('get', 'clusters', '-A', '-o', 'y')).toEqual(['yaml']);
  });

  it('offers each command its own -o values, and none where a flag takes any value', async () => {
    expect(await complete('version', '-o', '')).toEqual(['json', 'yaml']);
    expect(await complete('telemetry', 'status', '--output', '')).toEqual(['json']);
    expect(await complete('get', 'clusters', '-n', '')).toEqual([]);
  });

  it('offers a positional\'s choices (the shells of completion)', async () => {
    expect(await complete('completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish', 'powershell']));
  });
});

describe('descriptions', () => {
  it('__complete gives commands and flags their help after a tab; __completeNoDesc the values alone', async () => {
    const described = await completeArgs(commandTree(), ['get', 'cl'], true);
    expect(described).toEqual(['cluster-api\tDisplay information about Cluster API CRDs and controllers', 'clusters\tDisplay one or many clusters']);
    expect(await completeArgs(commandTree(), ['get', 'clusters', '--no-h'], true)).toEqual(['--no-headers\tDo not print the table header']);
    const withDesc = fakeDeps();
    await runCli(['__complete', 'get', 'cl'], withDesc);
    expect(withDesc.stdout.text()).toContain('clusters\tDisplay one or many clusters\n');
    const noDesc = fakeDeps();
    await runCli(['__completeNoDesc', 'get', 'cl'], noDesc);
    expect(noDesc.stdout.text()).toBe('cluster-api\nclusters\n:4\n');
  });

  it.each(['bash', 'zsh', 'fish', 'powershell'])('completion %s --no-descriptions asks for values alone', async (shell) => {
    const plain = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['completion', shell], plain)).toBe(0);
    expect(plain.stdout.text()).toContain('kubectl-gs __complete ');
    const bare = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['completion', shell, '--no-descriptions'], bare)).toBe(0);
    expect(bare.stdout.text()).toContain('kubectl-gs __completeNoDesc ');
    expect(bare.stdout.text()).not.toContain('kubectl-gs __complete ');
  });

  it('refuses a shell it has no script for, naming the ones it has', async () => {
    const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
    expect(await runCli(['completion', 'tcsh'], deps)).toBe(1);
    expect(deps.stderr.text()).toMatch(/^error: .*tcsh.*bash.*zsh.*fish.*powershell/);
  });
});
