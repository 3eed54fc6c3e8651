// `kubectl gs update cluster --name NAME --release-version V [--scheduled-time T] [--provider P]`: upgrades a
// workload cluster to a release now, or schedules the upgrade (cmd/update/cluster in the Go kubectl-gs; what
// is written per kind of cluster is in clusterPlan.ts). Before anything is written, the target release must
// exist as a Release CR: a typo in the version leaves the cluster as it was.
import { defineCommand, type CommandContext } from '../../cli/command';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { GlobalOptions } from '../../cli/globalFlags';
import type { KubeObject } from '../../kube';
import { printChoice, printFlagDefs, printResult, type PrintValues } from './printFlags';

export const flags = defineFlags({
  name: { type: 'string', describe: 'Name of the cluster to update.' },
  'release-version': {
    type: 'string',
    describe: 'Update the cluster to a release version. The release version must be higher than the current release version.',
  },
  'scheduled-time': { type: 'string', describe: "Optionally: Scheduled time when cluster should be updated. Format: 'YYYY-MM-DD HH:MM' (UTC)." },
  provider: {
    type: 'string',
    describe: 'Name of the provider. Tells which Release CR (<provider>-<version>) the release version names; by default the cluster\'s infrastructure kind tells.',
  },
  ...printFlagDefs,
});

export interface UpdateClusterOptions {
  name: string;
  releaseVersion: string;
  scheduledTime: string;
  provider: string;
  print: PrintValues;
  global: GlobalOptions;
}

const capiGroup = 'cluster.x-k8s.io';
const releaseType = { group: 'release.giantswarm.io', version: 'v1alpha1', plural: 'releases' } as const;
const configMapType = { group: '', version: 'v1', plural: 'configmaps' } as const;

export async function run(o: UpdateClusterOptions, deps: Deps): Promise<number> {
  if (!o.name) throw new UserError('--name must not be empty; give the name of the cluster to update (kubectl gs get clusters lists them)');
  if (!o.releaseVersion) throw new UserError('--release-version must not be empty; give the release to update to (kubectl gs get releases lists them)');
  const plan = await import('./clusterPlan');
  const target = plan.targetVersion(o.releaseVersion);
  const schedule = o.scheduledTime ? plan.parseScheduledTime(o.scheduledTime) : undefined;
  if (o.provider) plan.releasePrefixOfProvider(o.provider);
  const choice = printChoice(o.print);

  const kube = await import('../../kube');
  const client = await deps.kube(o.global);
  const namespace = client.namespace;
  const { getCapiCluster } = await import('./capiCluster');
  const cluster = await getCapiCluster(client, deps, namespace, o.name);
  if (!cluster) throw new UserError(`Cluster with name '${o.name}' cannot be found in the '${namespace}' namespace; give its namespace with -n (kubectl gs get clusters -A lists all)`);

  const release = plan.releaseName(cluster.obj, target, o.provider || undefined);
  if (!(await kube.getObject(client, kube.resourcePath(releaseType, undefined, release)))) {
    throw new UserError(`release "${release}" does not exist; nothing was changed (kubectl gs get releases lists the releases)`);
  }

  let written: KubeObject;
  let message: string;
  if (schedule) {
    written = await kube.jsonPatch(client, cluster.path, plan.schedulePatch(cluster.obj, target, schedule));
    const tz = deps.env.TZ || undefined;
    message = `An upgrade of cluster ${o.name} to release ${target} has been scheduled for\n\n    ${plan.rfc1123(schedule.time, false)}, (${plan.rfc1123(schedule.time, true, tz)})\n`;
  } else if (plan.isCapiCluster(cluster.obj)) {
    const current = cluster.obj.metadata.labels?.[plan.releaseVersionLabel] ?? '';
    if (!current) throw new UserError(`Release version not found in cluster '${o.name}' (no ${plan.releaseVersionLabel} label); nothing was changed`);
    const cmName = `${o.name}-userconfig`;
    const cmPath = kube.resourcePath(configMapType, cluster.obj.metadata.namespace ?? namespace, cmName);
    const cm = await kube.getObject<KubeObject & { data?: Record<string, string> }>(client, cmPath);
    if (!cm) throw new UserError(`ConfigMap "${cmName}" not found in namespace "${namespace}": it holds the cluster's release version; nothing was changed`);
    const values = cm.data?.values ?? '';
    const upgraded = plan.upgradedValues(values, current, target);
    if (upgraded === values && current !== target) {
      throw new UserError(`the values of ConfigMap "${cmName}" hold no "version: ${current}" to change; nothing was changed (set the release version there by hand)`);
    }
    // PUT with the resourceVersion just read, as Go's Update: a concurrent change makes it fail, not vanish.
    written = await kube.replaceObject(client, cmPath, { ...cm, data: { ...cm.data, values: upgraded } });
    message = `Cluster '${o.name}' is updated to release version '${target}'\n\n`;
  } else {
    written = await kube.jsonPatch(client, cluster.path, plan.releaseLabelPatch(cluster.obj, target));
    message = `Cluster '${o.name}' is updated to release version '${target}'\n\n`;
  }
  const isConfigMap = written.kind === 'ConfigMap';
  await printResult(deps.stdout, choice, written, { kind: isConfigMap ? 'ConfigMap' : 'Cluster', group: isConfigMap ? '' : capiGroup }, message);
  return 0;
}

export function options(values: FlagValues<typeof flags>, ctx: CommandContext): UpdateClusterOptions {
  return {
    name: values.name ?? '',
    releaseVersion: values.releaseVersion ?? '',
    scheduledTime: values.scheduledTime ?? '',
    provider: values.provider ?? '',
    print: { output: values.output, template: values.template, allowMissingTemplateKeys: values.allowMissingTemplateKeys, showManagedFields: values.showManagedFields },
    global: ctx.global,
  };
}

export const definition = defineCommand({
  name: 'cluster',
  describe: 'Schedule a cluster update.',
  examples: [
    ['$0 update cluster --name abcd1 --namespace my-org --release-version 16.1.0 --provider aws', 'Update cluster'],
    ['$0 update cluster --name abcd1 --namespace my-org --release-version 16.1.0 --scheduled-time "2022-01-01 10:00" --provider aws', 'Schedule cluster update'],
  ],
  flags,
  options,
  run,
});
