// `kubectl gs update app --name NAME [--version V] [--suspend-reconciliation]`: sets an App's version
// (after checking the catalog has it) and, for an App that Flux manages, suspends or resumes Flux's
// reconciliation of it. One GET, the version checks, one merge patch, as the Go kubectl-gs does
// (cmd/update/app). Deprecated in Go ("currently without replacement"); the notice is kept.
import { defineCommand, type CommandContext } from '../../cli/command';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { GlobalOptions } from '../../cli/globalFlags';
import type { KubeObject } from '../../kube';
import { printChoice, printFlagDefs, printResult, type PrintValues } from './printFlags';

export const deprecationNotice = 'Command "app" is deprecated, currently without replacement\n';

export const flags = defineFlags({
  name: { type: 'string', describe: 'Name of the app to update' },
  version: { type: 'string', describe: 'Version to update the app to' },
  'suspend-reconciliation': { type: 'boolean', describe: 'Suspend app reconciliation by Flux' },
  ...printFlagDefs,
});

export interface UpdateAppOptions {
  name: string;
  version: string;
  suspendReconciliation: boolean;
  print: PrintValues;
  global: GlobalOptions;
}

export const appType = { group: 'application.giantswarm.io', version: 'v1alpha1', plural: 'apps' } as const;

export async function run(o: UpdateAppOptions, deps: Deps): Promise<number> {
  deps.stderr.write(deprecationNotice);
  if (!o.name) throw new UserError("--name must not be empty; give the name of the App to update (kubectl gs get apps lists them)");
  const choice = printChoice(o.print);
  const { getObject, mergePatch, resourcePath } = await import('../../kube');
  const { planAppPatch } = await import('./appPatch');
  const client = await deps.kube(o.global);
  const namespace = client.namespace;
  const path = resourcePath(appType, namespace, o.name);

  const app = await getObject(client, path);
  if (!app) {
    throw new UserError(`An app with name '${o.name}' cannot be found in the '${namespace}' namespace; give its namespace with -n (kubectl gs get apps -A lists all)`);
  }
  const found = o.version ? await (await import('./appVersion')).findVersion(client, app, o.version) : undefined;
  const plan = planAppPatch(app, found, o.suspendReconciliation);
  // Nothing differs: the Go tool's patch would be "{}", which changes nothing; the object is as it is.
  const updated: KubeObject = Object.keys(plan.patch).length ? await mergePatch(client, path, plan.patch) : app;
  const { goQuote } = await import('../../output/goStrings');
  await printResult(deps.stdout, choice, updated, { kind: 'App', group: appType.group },
    `App ${goQuote(o.name)} in namespace ${goQuote(namespace)} updated with ${plan.state.join(' ')}\n`);
  return 0;
}

export function options(values: FlagValues<typeof flags>, ctx: CommandContext): UpdateAppOptions {
  return {
    name: values.name ?? '',
    version: values.version ?? '',
    suspendReconciliation: values.suspendReconciliation,
    print: { output: values.output, template: values.template, allowMissingTemplateKeys: values.allowMissingTemplateKeys, showManagedFields: values.showManagedFields },
    global: ctx.global,
  };
}

export const definition = defineCommand({
  name: 'app',
  describe: 'Update App CR. (deprecated: currently without replacement)',
  examples: [['$0 update app --name hello-world-app --namespace org-giantswarm --version 0.2.0', 'Update app version']],
  flags,
  options,
  run,
});
