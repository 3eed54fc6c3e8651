// `kubectl gs telemetry disable [--cluster-wide]`
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { clusterWideFlag, clusterWideOptions, storeClusterSetting, type ClusterWideOptions } from './shared';

export async function run(options: ClusterWideOptions, deps: Deps): Promise<number> {
  if (options.clusterWide) {
    const location = await storeClusterSetting(deps, options, false);
    deps.stdout.write(`Telemetry disabled for everyone using this cluster (${location}).\n`);
    return 0;
  }
  const { readUserSettings, writeUserSettings, settingsFile, Spool, spoolDir } = await import('../../telemetry/index');
  // Signals still waiting to be sent are deleted first: opting out means nothing more leaves this machine,
  // even when the setting below cannot be saved (a read-only config folder).
  new Spool(spoolDir(deps.cacheDir())).clear();
  writeUserSettings(deps.configDir(), { ...readUserSettings(deps.configDir()), enabled: false });
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
