// `kubectl gs telemetry enable [--cluster-wide]`
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { cacheClusterSetting, clusterWideFlag, clusterWideOptions, type ClusterWideOptions } from './shared';

export async function run(options: ClusterWideOptions, deps: Deps): Promise<number> {
  if (options.clusterWide) {
    const { writeClusterSetting, clusterSettingLocation } = await import('../../telemetry/clusterSetting');
    const client = await deps.kube(options.global);
    await writeClusterSetting(client, true);
    await cacheClusterSetting(deps, client, 'enabled');
    deps.stdout.write(`Telemetry is allowed for everyone using this cluster (${clusterSettingLocation}); a user's or environment opt-out still wins.\n`);
    return 0;
  }
  const { readUserSettings, writeUserSettings, settingsFile } = await import('../../telemetry/settings');
  const current = readUserSettings(deps.configDir());
  // Enabling on purpose is consent: no first-run notice needed after this.
  writeUserSettings(deps.configDir(), { ...current, enabled: true, noticeShownAt: current.noticeShownAt ?? deps.now().toISOString() });
  deps.stdout.write(`Telemetry enabled for this user (${settingsFile(deps.configDir())}).\n`);
  const { optedOutByEnv } = await import('../../telemetry/envOptOut');
  if (optedOutByEnv(deps.env)) deps.stdout.write('Note: KUBECTL_GS_TELEMETRY_OPTOUT or DO_NOT_TRACK is set in your environment, and it still turns telemetry off.\n');
  return 0;
}

export const definition = defineCommand({
  name: 'enable',
  describe: 'Allow sending anonymous usage data (for you, or with --cluster-wide for everyone using the cluster)',
  counted: false,
  examples: [
    ['$0 telemetry enable', 'Send anonymous usage data again from this user account'],
    ['$0 telemetry enable --cluster-wide', 'Remove the cluster-wide opt-out of the current cluster'],
  ],
  flags: clusterWideFlag('Store the setting in the cluster (ConfigMap kube-system/kubectl-gs-telemetry), for everyone who uses it'),
  options: clusterWideOptions,
  run,
});
