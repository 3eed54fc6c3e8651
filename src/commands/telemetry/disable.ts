// `kubectl gs telemetry disable [--cluster-wide]`
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { cacheClusterSetting, clusterWideFlag, clusterWideOptions, type ClusterWideOptions } from './shared';

export async function run(options: ClusterWideOptions, deps: Deps): Promise<number> {
  if (options.clusterWide) {
    const { writeClusterSetting, clusterSettingLocation } = await import('../../telemetry/clusterSetting');
    const client = await deps.kube(options.global);
    await writeClusterSetting(client, false);
    await cacheClusterSetting(deps, client, 'disabled');
    deps.stdout.write(`Telemetry disabled for everyone using this cluster (${clusterSettingLocation}).\n`);
    return 0;
  }
  const { readUserSettings, writeUserSettings, settingsFile } = await import('../../telemetry/settings');
  const { Spool, spoolDir } = await import('../../telemetry/spool');
  writeUserSettings(deps.configDir(), { ...readUserSettings(deps.configDir()), enabled: false });
  // Signals still waiting to be sent are deleted: opting out means nothing more leaves this machine.
  new Spool(spoolDir(deps.cacheDir())).clear();
  deps.stdout.write(`Telemetry disabled for this user (${settingsFile(deps.configDir())}); unsent signals deleted.\n`);
  return 0;
}

export const definition = defineCommand({
  name: 'disable',
  describe: 'Stop sending anonymous usage data (for you, or with --cluster-wide for everyone using the cluster)',
  counted: false,
  examples: [
    ['$0 telemetry disable', 'Stop sending usage data from this user account'],
    ['$0 telemetry disable --cluster-wide', 'Stop it for everyone who uses the current cluster'],
  ],
  flags: clusterWideFlag('Store the setting in the cluster (ConfigMap kube-system/kubectl-gs-telemetry), for everyone who uses it'),
  options: clusterWideOptions,
  run,
});
