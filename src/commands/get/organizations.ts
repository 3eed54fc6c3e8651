// `kubectl gs get organizations [NAME]`: Giant Swarm organizations (security.giantswarm.io Organization,
// cluster-scoped) and the namespace that belongs to each.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { KubeClient, KubeObject } from '../../kube/client';
import { age } from '../../output/age';
import type { TableSpec } from '../../output/printer';
import { clusterScopedGetFlags, getOptions, type GetOptions } from './flags';
import { str } from './labels';

export const organizationType = { group: 'security.giantswarm.io', version: 'v1alpha1', plural: 'organizations', kind: 'Organization', namespaced: false } as const;

export function organizationTable(now: Date): TableSpec {
  return {
    headers: ['NAME', 'ORG NAMESPACE', 'AGE'],
    row: (o: KubeObject) => [o.metadata.name, str(o, 'status', 'namespace'), age(o.metadata.creationTimestamp, now)],
  };
}

interface ResourceRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/**
 * The organizations a user may read one by one although not list: the names in their RBAC rules (what
 * the API server reports in a SelfSubjectRulesReview), as the Go kubectl-gs does for non-admin users.
 */
export async function permittedOrganizationNames(client: KubeClient): Promise<string[]> {
  const review = await client.request<{ status?: { resourceRules?: ResourceRule[] } }>('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectRulesReview',
    spec: { namespace: 'default' },
  });
  const any = (list: string[] | undefined, value: string) => !!list && (list.includes(value) || list.includes('*'));
  const names = new Set<string>();
  for (const rule of review.status?.resourceRules ?? []) {
    if (any(rule.verbs, 'get') && any(rule.resources, 'organizations') && any(rule.apiGroups, organizationType.group)) {
      for (const n of rule.resourceNames ?? []) names.add(n);
    }
  }
  return [...names].sort();
}

export const flags = clusterScopedGetFlags;

export async function run(opts: GetOptions, deps: Deps): Promise<number> {
  const engine = await import('./engine');
  const { isForbidden } = await import('./errors');
  const session = await engine.openSession(opts, deps, false);
  const table = organizationTable(deps.now());
  const nf = {
    what: 'organizations',
    namespaced: false,
    hint: [
      'No resources of type organizations.security.giantswarm.io available. To create one, please check',
      '',
      '  https://docs.giantswarm.io/use-the-api/management-api/crd/organizations.security.giantswarm.io/',
    ],
  };
  try {
    return await engine.getSimple(deps, opts, organizationType, table, nf, {}, session);
  } catch (err) {
    if (opts.name || !isForbidden(err)) throw err;
  }
  // Not allowed to list: show the organizations this user may get by name.
  const names = await permittedOrganizationNames(session.client);
  if (names.length === 0) throw new (await import('../../cli/errors')).UserError(
    'you may not list organizations (403 Forbidden), and your RBAC rules name none you may get; ask an admin for access',
  );
  const { ListPrinter } = await import('../../output/printer');
  const printer = new ListPrinter(deps.stdout, engine.printOptions(organizationType, session.scope, opts, table));
  for (const name of names) {
    const org = await engine.fetchObject(session.client, organizationType, undefined, name);
    if (org) await printer.page([{ ...org, apiVersion: org.apiVersion ?? 'security.giantswarm.io/v1alpha1', kind: org.kind ?? 'Organization' }]);
  }
  await printer.end();
  if (printer.count === 0 && session.scope.format === 'table') deps.stderr.write(engine.noneFoundMessage(nf, session.scope, opts));
  return 0;
}

export const definition = defineCommand({
  name: 'organizations',
  aliases: ['organization', 'orgs', 'org'],
  positionals: '[name]',
  describe: 'Display one or many organizations',
  examples: [
    ['$0 get organizations', 'List all organizations you have access to'],
    ['$0 get org acme -o yaml', 'Show one organization'],
  ],
  flags,
  options: getOptions,
  run,
});
