import { pickGlobalOptions } from '../../../src/cli/globalFlags';
import { parseArgs } from '../../../src/cli/parse';
import { commandTree, type CommandTree } from '../../../src/cli/tree';
import { group } from '../../../src/commands/get';

/** The command tree with the get group's fast parser removed: every invocation goes through yargs. */
function yargsOnly(): CommandTree {
  const tree = commandTree();
  return { ...tree, groups: tree.groups.map((g) => (g.name === 'get' ? { ...g, fastParse: undefined } : g)) };
}

/** What run() would receive: the command's options built from argv, global options included. */
function optionsVia(parsed: ReturnType<typeof parseArgs>) {
  if (parsed.kind !== 'command') return { kind: parsed.kind };
  return { command: parsed.path.join(' '), options: parsed.definition.options(parsed.argv, pickGlobalOptions(parsed.argv)) };
}

const accepted: string[][] = [
  ['get', 'clusters'],
  ['get', 'cluster', 'F83ir'],
  ['get', 'clusters', '-A'],
  ['get', 'clusters', '--all-namespaces', '-o', 'json'],
  ['get', 'clusters', '-o', 'yaml', '-n', 'org-acme'],
  ['get', 'clusters', '--output=name', '--namespace=org-acme', '--no-headers'],
  ['get', 'clusters', '12345', '-l', 'a=b,c!=d'],
  ['get', 'clusters', '--selector=a in (x,y)'],
  ['get', 'clusters', '--context', 'local-cert', '--kubeconfig', '/tmp/kc', '--debug'],
  ['get', 'clusters', '--token', 't0k', '--server', 'https://127.0.0.1:6443', '--insecure-skip-tls-verify'],
  ['get', 'clusters', '-s', 'https://h:1', '--request-timeout', '5s', '--as', 'jane', '--disable-version-check'],
  ['get', 'clusters', '--no-headers=false', '--all-namespaces=true'],
  ['get', 'nodepools', '-c', 'f83ir', '-A'],
  ['get', 'nodepool', 'abc', '--cluster-name=x'],
  ['get', 'releases', '--active-only'],
  ['get', 'release', 'aws-25.0.0', '-o', 'yaml', '-A'],
  ['get', 'orgs'],
  ['get', 'org', 'acme', '-o', 'json'],
  ['get', 'organizations', '--no-headers'],
  ['get', 'apps', '-n', 'org-acme'],
  ['get', 'catalog', 'giantswarm', '--max-col-width', '40'],
  ['get', 'catalogs', '--max-col-width=0', '-A'],
  ['get', 'clusters', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'],
  ['get', 'clusters', '-o', 'jsonpath', '--template', '{.items[*].metadata.name}', '--allow-missing-template-keys=false'],
  ['get', 'releases', '--template={{len .items}}', '--show-managed-fields'],
  ['get', 'capi', '--no-headers'],
  ['get', 'cluster-api'],
];

const declined: string[][] = [
  ['get'],
  ['get', 'clusters', '--help'],
  ['get', 'clusters', '-h'],
  ['get', 'clusters', '-A', 'false'],
  ['get', 'clusters', '-ojson'],
  ['get', 'clusters', '-o=json'],
  ['get', 'clusters', '-o'],
  ['get', 'clusters', '-o', '-A'],
  ['get', 'clusters', '-n', 'a', '-n', 'b'],
  ['get', 'clusters', '--as-group', 'g'],
  ['get', 'clusters', '--bogus'],
  ['get', 'clusters', 'a', 'b'],
  ['get', 'clusters', '--', 'a'],
  ['get', 'clusters', '--noHeaders'],
  ['get', 'clusters', '--no-all-namespaces'], // --no-headers exists, so yargs' negation is off for get
  ['get', 'capi', 'name'],
  ['get', 'catalogs', '--max-col-width', 'wide'],
  ['get', 'bogus'],
  ['--context', 'x', 'get', 'clusters'],
];

describe('fast argument parsing for get', () => {
  it.each(accepted.map((a) => [a.join(' '), a] as const))('parses "%s" exactly as yargs does', (_, args) => {
    const fast = parseArgs(commandTree(), args);
    expect(group.fastParse!(args)).toBeDefined();
    expect(optionsVia(fast)).toEqual(optionsVia(parseArgs(yargsOnly(), args)));
    expect(fast.kind).toBe('command');
  });

  it.each(declined.map((a) => [a.join(' '), a] as const))('leaves "%s" to yargs', (_, args) => {
    expect(group.fastParse!(args)).toBeUndefined();
  });

  it.each([
    ['-o=jsonpath={.items[*].metadata.name}', 'jsonpath={.items[*].metadata.name}'],
    ['-ojsonpath={.items[0].kind}', 'jsonpath={.items[0].kind}'],
    ['--output=go-template={{range .items}}{{.metadata.name}} {{end}}', 'go-template={{range .items}}{{.metadata.name}} {{end}}'],
  ])('reads kubectl\'s compact spelling %s as -o %s', (arg, output) => {
    const parsed = optionsVia(parseArgs(commandTree(), ['get', 'apps', arg]));
    expect((parsed as { options: { output: string } }).options.output).toBe(output);
  });
});
