// The template fast parser must build exactly the options yargs builds, or leave the arguments to yargs.
import { pickGlobalOptions } from '../../../src/cli/globalFlags';
import { parseArgs } from '../../../src/cli/parse';
import { commandTree, type CommandTree } from '../../../src/cli/tree';
import { templateGroup } from '../../../src/commands/template';
import * as app from '../../../src/commands/template/app';
import * as catalog from '../../../src/commands/template/catalog';
import * as cluster from '../../../src/commands/template/cluster';
import * as organization from '../../../src/commands/template/organization';
import { goldenCases } from './cases';

/** The command tree with the template group's fast parser removed: every invocation goes through yargs. */
function yargsOnly(): CommandTree {
  const tree = commandTree();
  return { ...tree, groups: tree.groups.map((g) => (g.name === 'template' ? { ...g, fastParse: undefined } : g)) };
}

/** What run() would receive: the command's options and the global options, both built from argv. */
function optionsVia(parsed: ReturnType<typeof parseArgs>) {
  if (parsed.kind !== 'command') return { kind: parsed.kind };
  const global = pickGlobalOptions(parsed.argv);
  return { command: parsed.path.join(' '), options: parsed.definition.options(parsed.argv, global), global };
}

/** Every flag of a command given once: a value for each valued flag, the switch for each boolean. */
function everyFlag(command: string, flags: Array<{ name: string; kind: string }>): string[] {
  const args = ['template', command];
  for (const f of flags) {
    if (f.kind === 'boolean') args.push(`--${f.name}`);
    else if (f.kind === 'number') args.push(`--${f.name}`, '7');
    else if (f.kind === 'list') args.push(`--${f.name}`, `${f.name}-a,${f.name}-b`);
    else args.push(`--${f.name}`, `${f.name}-value`);
  }
  return args;
}

const accepted: string[][] = [
  ['template', 'organization'],
  // yargs' negation of a switch: --no-x is x=false.
  ['template', 'organization', '--no-debug'],
  ['template', 'app', '--name', 'a', '--namespace', 'n', '--catalog', 'c', '--app-version', '1.0.0', '--no-defaulting-enabled'],
  ['template', 'organization', '--debug', '--no-debug'],
  ['template', 'organization', '--name', 'acme'],
  ['template', 'org', '--name=acme', '--output', '/tmp/org.yaml'],
  ['template', 'organization', '--name', 'acme', '--name', 'other'],
  ['template', 'organization', '--name', 'Bad_Name'],
  ['template', 'organization', '--name', 'acme', '--debug'],
  ['template', 'organization', '--name', 'acme', '--debug=false', '--disable-version-check=true'],
  ['template', 'organization', '--name', 'acme', '--debug', '--debug'],
  ['template', 'organization', '--name', 'acme', '--debug', '--debug=false'],
  ['template', 'organization', '--name', 'acme', '--debug=false', '--debug'],
  ['template', 'organization', '--name', 'acme', '-n', 'org-acme', '--context', 'c', '--kubeconfig=/tmp/kc'],
  ['template', 'organization', '--name', 'acme', '-s', 'https://127.0.0.1:6443', '--token', 't', '--insecure-skip-tls-verify'],
  ['template', 'organization', '--name', 'acme', '--request-timeout', '5s', '--as', 'jane', '--as-uid', 'u1', '--cache-dir', '/tmp/c'],
  ['template', 'organization', '--name', 'acme', '--namespace', 'a', '-n', 'b'],
  ['template', 'organization', '--name=-dash-first'],
  ['template', 'organization', '--name=a=b'],
  ['template', 'organization', '--name', 'true'],
  ['template', 'organization', '--name', '123'],
  ['template', 'cluster', '--provider', 'capa', '--name', 'c1', '--organization', 'acme'],
  ['template', 'cluster', '--provider', 'capa', '--name', 'c1', '--organization', 'acme', '--release', '31.1.0'],
  ['template', 'cluster', '--provider=capz', '--name=c1', '--organization=acme', '--release=31.1.0', '--region=westeurope'],
  ['template', 'cluster', '--label', 'a=b', '--label', 'c=d,e=f', '--label=g=h'],
  ['template', 'cluster', '--machine-pool-min-size', '2', '--machine-pool-max-size=5'],
  ['template', 'cluster', '--machine-pool-min-size', 'two'],
  ['template', 'cluster', '--machine-pool-min-size', '1', '--machine-pool-min-size', '3'],
  ['template', 'cluster', '--machine-pool-min-size=-1'],
  ['template', 'cluster', '--control-plane-az', 'a,b', '--control-plane-az', 'c'],
  ['template', 'cluster', '--control-plane-load-balancer-ingress-allow-cidr-block', '1.2.3.4/32,5.6.7.8/32'],
  ['template', 'cluster', '--control-plane-load-balancer-ingress-allow-cidr-block', '1.2.3.4/32', '--control-plane-load-balancer-ingress-allow-cidr-block', '5.6.7.8/32'],
  ['template', 'cluster', '--no-proxy', 'example.com', '--cloud-director-no-proxy=a,b'],
  ['template', 'cluster', '--prevent-deletion', '--prevent-deletion=false'],
  ['template', 'cluster', '--prevent-deletion=true', '--cluster', 'kc-cluster', '--user', 'u'],
  ['template', 'cluster', '--oidc-issuer-url', 'https://dex.example.com', '--oidc-client-id', 'k8s'],
  ['template', 'app', '--catalog', 'giantswarm', '--name', 'ingress-nginx', '--version', '3.0.0', '--cluster-name', 'c1', '--organization', 'acme', '--target-namespace', 'kube-system'],
  ['template', 'app', '--app-version', '3.0.0'],
  ['template', 'app', '--version=3.0.0', '--app-version', '3.1.0'],
  ['template', 'app', '--in-cluster', '--defaulting-enabled', '--prevent-deletion'],
  ['template', 'app', '--defaulting-enabled=false', '--in-cluster=true'],
  ['template', 'app', '--namespace-labels', 'a=b,c=d', '--namespace-labels', 'e=f', '--namespace-annotations=x=y'],
  ['template', 'app', '--install-timeout', '10m', '--rollback-timeout=1m', '--uninstall-timeout', '2m', '--upgrade-timeout', '3m'],
  ['template', 'app', '--user-configmap', 'values.yaml', '--user-secret', 'secret.yaml', '-n', 'org-acme'],
  ['template', 'catalog', '--name', 'my-catalog', '--target-namespace', 'org-acme', '--url', 'https://a.example/', '--description', 'Our apps', '--logo', 'https://a.example/l.png'],
  ['template', 'catalog', '--url', 'https://a.example/', '--url', 'oci://b.example/c', '--type', 'helm', '--url-type', 'oci'],
  ['template', 'catalog', '--url=https://a.example/,https://b.example/', '--type=helm'],
  ['template', 'catalog', '--visibility', 'internal', '--configmap', 'c.yaml', '--secret', 's.yaml'],
  everyFlag('app', app.flags),
  everyFlag('catalog', catalog.flags),
  everyFlag('cluster', cluster.flags),
  everyFlag('organization', organization.flags),
];

const declined: string[][] = [
  ['template', 'organization', '--no-debug', 'true'], // yargs reads the true as the negation's value
  ['template', 'organization', '--no-debug=true'],
  ['template', 'organization', '--no-name', 'x'], // --name is not a switch
  ['template', 'cluster', '--no-prevent-deletion'], // cluster has --no-proxy, so yargs' negation is off there
  ['template'],
  ['template', 'bogus'],
  ['template', 'organization', '--help'],
  ['template', 'organization', '-h'],
  ['template', 'organization', '--version'],
  ['template', 'organization', 'acme'],
  ['template', 'organization', '--name', 'acme', 'extra'],
  ['template', 'organization', '--', '--name', 'acme'],
  ['template', 'organization', '--name', 'acme', '--bogus'],
  ['template', 'organization', '--name'],
  ['template', 'organization', '--name', ''],
  ['template', 'organization', '--name='],
  ['template', 'organization', '--name', '-acme'],
  ['template', 'organization', '--name', '--output'],
  ['template', 'organization', '--Name', 'acme'],
  ['template', 'organization', '--debug', 'false'],
  ['template', 'organization', '--debug', 'true'],
  ['template', 'organization', '--debug=yes'],
  ['template', 'organization', '--as-group', 'g'],
  ['template', 'organization', '-nx'],
  ['template', 'organization', '-n=x'],
  ['template', 'organization', '-'],
  ['template', 'organization', '-x', 'y'],
  ['template', 'app', '--in-cluster', 'false'],
  ['template', 'app', '--targetNamespace', 'x'],
  ['template', 'cluster', '--machine-pool-min-size', '-1'],
  ['template', 'cluster', '--help'],
  ['--debug', 'template', 'organization', '--name', 'acme'],
];

describe('fast argument parsing for template', () => {
  it.each(accepted.map((a) => [a.join(' '), a] as const))('parses "%s" exactly as yargs does', (_, args) => {
    expect(templateGroup.fastParse!(args)).toBeDefined();
    const fast = parseArgs(commandTree(), args);
    expect(fast.kind).toBe('command');
    expect(optionsVia(fast)).toEqual(optionsVia(parseArgs(yargsOnly(), args)));
  });

  it.each(declined.map((a) => [a.join(' '), a] as const))('leaves "%s" to yargs', (_, args) => {
    expect(templateGroup.fastParse!(args)).toBeUndefined();
  });

  // The option sets the golden files render: whichever parser takes them, the options are yargs'.
  it.each(goldenCases.map((c) => [c.name, ['template', ...c.args]] as [string, string[]]))('golden case %s gives the same options', (_, args) => {
    expect(optionsVia(parseArgs(commandTree(), args))).toEqual(optionsVia(parseArgs(yargsOnly(), args)));
  });

  it('takes every golden case without yargs', () => {
    expect(goldenCases.filter((c) => !templateGroup.fastParse!(['template', ...c.args])).map((c) => c.name)).toEqual([]);
  });
});
