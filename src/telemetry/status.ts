// Whether telemetry is on for this user (and, when asked, this cluster), and which setting decided it.
// Any opt-out beats any opt-in: environment, then the user's setting, then the cluster's.
import type { ClusterSetting } from './clusterSetting';
import { ENV } from './constants';
import { optedOutByEnv } from './envOptOut';
import type { UserSettings } from './settings';

export type DecidedBy =
  | 'environment (KUBECTL_GS_TELEMETRY_OPTOUT)'
  | 'environment (DO_NOT_TRACK)'
  | 'user setting'
  | 'cluster-wide setting'
  | 'default';

export interface Decision {
  enabled: boolean;
  decidedBy: DecidedBy;
}

export function decide(env: NodeJS.ProcessEnv, user: UserSettings, cluster?: ClusterSetting): Decision {
  if (optedOutByEnv(env)) {
    return { enabled: false, decidedBy: env[ENV.optOut] ? 'environment (KUBECTL_GS_TELEMETRY_OPTOUT)' : 'environment (DO_NOT_TRACK)' };
  }
  if (user.enabled === false) return { enabled: false, decidedBy: 'user setting' };
  if (cluster === 'disabled') return { enabled: false, decidedBy: 'cluster-wide setting' };
  if (user.enabled === true) return { enabled: true, decidedBy: 'user setting' };
  if (cluster === 'enabled') return { enabled: true, decidedBy: 'cluster-wide setting' };
  return { enabled: true, decidedBy: 'default' };
}

export const NOT_COLLECTED =
  'host names, user names, IP addresses, server URLs, cluster or context names, namespaces, resource names, ' +
  'arguments, flag values, kubeconfig contents, error messages';
