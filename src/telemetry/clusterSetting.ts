// The cluster-wide telemetry setting: ConfigMap kube-system/kubectl-gs-telemetry with data.enabled
// "true" or "false". Stored in the cluster, so one admin's choice applies to everyone who uses it.
import type { KubeClient } from '../kube';
import { CLUSTER_SETTING_NAME, CLUSTER_SETTING_NAMESPACE } from './constants';
import { statusOf } from './kubeErrors';

/** enabled/disabled: what the ConfigMap says; none: no ConfigMap, or this user may not read it. */
export type ClusterSetting = 'enabled' | 'disabled' | 'none';

const path = `/api/v1/namespaces/${CLUSTER_SETTING_NAMESPACE}/configmaps/${CLUSTER_SETTING_NAME}`;
export const clusterSettingLocation = `ConfigMap ${CLUSTER_SETTING_NAMESPACE}/${CLUSTER_SETTING_NAME}`;

/** Reads the setting; throws only when the cluster could not answer (then the setting is unknown). */
export async function readClusterSetting(client: KubeClient): Promise<ClusterSetting> {
  try {
    const cm = await client.get<{ data?: Record<string, string> }>(path);
    const v = (cm.data?.enabled ?? '').trim().toLowerCase();
    if (v === 'false') return 'disabled';
    if (v === 'true') return 'enabled';
    return 'none';
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 403 || status === 401) return 'none';
    throw err;
  }
}

/** Writes the setting (create, or merge-patch if it exists). Throws a one-line UserError when RBAC forbids it. */
export async function writeClusterSetting(client: KubeClient, enabled: boolean): Promise<void> {
  const { UserError } = await import('../cli/errors');
  const data = { enabled: String(enabled) };
  const forbidden = () =>
    new UserError(
      `you may not write the cluster-wide telemetry setting (${clusterSettingLocation}): ask a cluster admin, ` +
        `or run "kubectl gs telemetry ${enabled ? 'enable' : 'disable'}" without --cluster-wide to change it just for you`,
    );
  try {
    await client.request('PATCH', path, { data }, 'application/merge-patch+json');
    return;
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 401) throw forbidden();
    if (status !== 404) throw err;
  }
  try {
    await client.request('POST', `/api/v1/namespaces/${CLUSTER_SETTING_NAMESPACE}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: CLUSTER_SETTING_NAME,
        namespace: CLUSTER_SETTING_NAMESPACE,
        labels: { 'app.kubernetes.io/managed-by': 'kubectl-gs' },
        annotations: { 'kubectl-gs.giantswarm.io/description': 'Usage telemetry of kubectl gs for everyone using this cluster; see "kubectl gs telemetry status".' },
      },
      data,
    });
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 401) throw forbidden();
    throw err;
  }
}
