import { completeArgs } from '../../../src/cli/complete';
import { commandTree } from '../../../src/cli/tree';

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
