// `kubectl gs telemetry status [-o json] [--cluster-wide]`
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import type { GlobalOptions } from '../../cli/globalFlags';
import { defineFlags } from '../../cli/flagTable';
import { clusterWideFlag } from './shared';

export interface StatusOptions {
  output?: string;
  clusterWide: boolean;
  global: GlobalOptions;
}

export async function run(options: StatusOptions, deps: Deps): Promise<number> {
  const output = options.output ?? '';
  if (output !== '' && output !== 'json') throw new UserError(`unknown output format "${output}" for telemetry status; use json (or no -o for text)`);
  const { readUserSettings, settingsFile } = await import('../../telemetry/settings');
  const { decide, NOT_COLLECTED } = await import('../../telemetry/status');
  const { COLLECTED } = await import('../../telemetry/constants');
  const { endpointOf } = await import('../../telemetry/session');
  const { resolveUserHash } = await import('../../telemetry/userHash');
  const { Spool, spoolDir } = await import('../../telemetry/spool');
  let cluster: 'enabled' | 'disabled' | 'none' | undefined;
  if (options.clusterWide) {
    const { readClusterSetting } = await import('../../telemetry/clusterSetting');
    cluster = await readClusterSetting(await deps.kube(options.global));
  }
  const user = readUserSettings(deps.configDir());
  const decision = decide(deps.env, user, cluster);
  const status = {
    enabled: decision.enabled,
    decidedBy: decision.decidedBy,
    firstRunNoticeShown: Boolean(user.noticeShownAt) || user.enabled === true,
    userSetting: user.enabled === undefined ? 'none' : user.enabled ? 'enabled' : 'disabled',
    ...(cluster ? { clusterWideSetting: cluster } : {}),
    userHash: await resolveUserHash(deps.env, deps.cacheDir()),
    endpoint: endpointOf(deps.env),
    settingsFile: settingsFile(deps.configDir()),
    unsentSignals: new Spool(spoolDir(deps.cacheDir())).pending().length,
    collected: COLLECTED,
    notCollected: NOT_COLLECTED,
  };
  if (output === 'json') {
    deps.stdout.write(JSON.stringify(status, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `Telemetry:      ${status.enabled ? 'on' : 'off'}`,
    `Decided by:     ${status.decidedBy}`,
    `User setting:   ${status.userSetting} (${status.settingsFile})`,
    ...(cluster ? [`Cluster-wide:   ${cluster} (ConfigMap kube-system/kubectl-gs-telemetry)`] : []),
    `User hash:      ${status.userHash}`,
    `Endpoint:       ${status.endpoint}`,
    `Unsent signals: ${status.unsentSignals}`,
  ];
  if (status.enabled && !status.firstRunNoticeShown) lines.push('First run:      the next command prints a notice and sends nothing');
  lines.push('Collected:', ...COLLECTED.map((c) => `  - ${c}`), `Never collected: ${NOT_COLLECTED}.`);
  lines.push('Opt out: "kubectl gs telemetry disable", KUBECTL_GS_TELEMETRY_OPTOUT=1 or DO_NOT_TRACK=1; for a whole cluster: "kubectl gs telemetry disable --cluster-wide".');
  deps.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export const flags = defineFlags({
  output: { type: 'string', short: 'o', completions: ['json'], describe: 'Output format: json (or no -o for text)' },
  ...clusterWideFlag('Also read the cluster-wide setting of the current cluster'),
});

export const definition = defineCommand({
  name: 'status',
  describe: 'Show whether usage telemetry is on, which setting decided it, the user hash, the endpoint and what is collected',
  counted: false,
  examples: [
    ['$0 telemetry status', 'Show the telemetry status'],
    ['$0 telemetry status -o json', 'The same as JSON'],
    ['$0 telemetry status --cluster-wide', 'Also read the cluster-wide setting of the current cluster'],
  ],
  flags,
  options: (values, ctx): StatusOptions => ({ ...values, global: ctx.global }),
  run,
});
