// What the telemetry commands share: the --cluster-wide flag and reaching the cluster setting.
import type { CommandContext } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { defineFlags } from '../../cli/flagTable';
import type { GlobalOptions } from '../../cli/globalFlags';

export interface ClusterWideOptions {
  clusterWide: boolean;
  global: GlobalOptions;
}

/** Not --cluster: that global flag names the kubeconfig cluster to use, as in kubectl. */
export function clusterWideFlag<const D extends string>(describe: D) {
  return defineFlags({ 'cluster-wide': { type: 'boolean', describe } });
}

export function clusterWideOptions(values: { clusterWide: boolean }, ctx: CommandContext): ClusterWideOptions {
  return { clusterWide: values.clusterWide, global: ctx.global };
}

/** Remembers a cluster's setting in the local cache, so this user's next commands honour it at once. */
export async function cacheClusterSetting(deps: Deps, client: object, setting: 'enabled' | 'disabled'): Promise<void> {
  const { clusterKey, readClusterCache, writeClusterCache } = await import('../../telemetry/clusterFacts');
  const server = (client as { server?: unknown }).server; // (KubeClient.server; checked, since fakes may lack it)
  if (typeof server !== 'string' || !server) return;
  const key = clusterKey(server);
  writeClusterCache(deps.cacheDir(), key, { ...readClusterCache(deps.cacheDir(), key), setting, settingAt: Date.now() });
}
