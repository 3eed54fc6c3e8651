// The Kubernetes objects the template commands print: the App CR (application.giantswarm.io/v1alpha1)
// and the ConfigMap/Secret that carry its values, shaped as the Go kubectl-gs emits them.

export const labels = {
  appOperatorVersion: 'app-operator.giantswarm.io/version',
  cluster: 'giantswarm.io/cluster',
  managedBy: 'giantswarm.io/managed-by',
  preventDeletion: 'giantswarm.io/prevent-deletion',
  catalogVisibility: 'application.giantswarm.io/catalog-visibility',
} as const;

export type Manifest = Record<string, unknown>;

export function organizationNamespace(organization: string): string {
  return `org-${organization}`;
}

function withLabels(metadata: Record<string, unknown>, labelSet: Record<string, string> | undefined): Record<string, unknown> {
  return labelSet && Object.keys(labelSet).length > 0 ? { ...metadata, labels: labelSet } : metadata;
}

export function configMap(name: string, namespace: string, values: string, labelSet?: Record<string, string>): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: withLabels({ name, namespace }, labelSet),
    data: { values },
  };
}

/** Secret values are stored base64-encoded under data.values, as the Go tool does. */
export function secret(name: string, namespace: string, values: Buffer, labelSet?: Record<string, string>): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: withLabels({ name, namespace }, labelSet),
    data: { values: values.toString('base64') },
  };
}

export interface ExtraConfig {
  kind: 'configMap' | 'secret';
  name: string;
  namespace: string;
  priority: number;
}

export interface AppConfig {
  /** metadata.name of the App CR. */
  appName: string;
  catalog: string;
  catalogNamespace?: string;
  /** The workload cluster the app goes to (not used for in-cluster apps except as a label). */
  cluster?: string;
  defaultingEnabled: boolean;
  inCluster: boolean;
  /** The chart's name in the catalog. */
  name: string;
  /** The target namespace the chart is installed into. */
  namespace: string;
  organization?: string;
  version: string;
  userConfigMapName?: string;
  userSecretName?: string;
  extraConfigs?: ExtraConfig[];
  extraLabels?: Record<string, string>;
  namespaceAnnotations?: Record<string, string>;
  namespaceLabels?: Record<string, string>;
  useClusterValuesConfig?: boolean;
  timeouts?: { install?: string; rollback?: string; uninstall?: string; upgrade?: string };
}

/** Where the App CR lives: the target namespace (in-cluster), the organization's, or the cluster's. */
export function appCrNamespace(c: Pick<AppConfig, 'inCluster' | 'namespace' | 'organization' | 'cluster'>): string {
  if (c.inCluster) return c.namespace;
  if (c.organization) return organizationNamespace(c.organization);
  return c.cluster ?? '';
}

/**
 * The App CR. Field presence follows the Go tool: an in-cluster App is labelled for app-operator 0.0.0
 * and carries explicit (empty) config and kubeConfig references; an App with defaulting enabled leaves
 * those out for the platform to fill; with defaulting disabled the cluster's kubeconfig and
 * cluster-values references are spelled out.
 */
export function appCr(c: AppConfig): Manifest {
  const crNamespace = appCrNamespace(c);
  const appLabels: Record<string, string> = {};
  if (c.inCluster) {
    appLabels[labels.appOperatorVersion] = '0.0.0';
    if (c.cluster) appLabels[labels.cluster] = c.cluster;
  } else if (c.organization) {
    appLabels[labels.cluster] = c.cluster ?? '';
  }
  Object.assign(appLabels, c.extraLabels ?? {});

  const ref = (name = '', namespace = '') => ({ name, namespace });
  let useClusterValues = c.useClusterValuesConfig ?? false;
  let kubeConfig: Record<string, unknown> = { context: { name: '' }, inCluster: c.inCluster, secret: ref() };
  if (!c.defaultingEnabled && !c.inCluster) {
    useClusterValues = true;
    kubeConfig = {
      context: { name: `${c.cluster}-kubeconfig` },
      inCluster: false,
      secret: ref(`${c.cluster}-kubeconfig`, crNamespace),
    };
  }

  const spec: Record<string, unknown> = {
    catalog: c.catalog,
    name: c.name,
    namespace: c.namespace,
    version: c.version,
  };
  if (c.catalogNamespace) spec.catalogNamespace = c.catalogNamespace;
  if (c.defaultingEnabled) {
    spec.kubeConfig = { inCluster: c.inCluster };
  } else {
    spec.kubeConfig = kubeConfig;
    spec.config = {
      configMap: useClusterValues ? ref(`${c.cluster}-cluster-values`, crNamespace) : ref(),
      secret: ref(),
    };
  }
  if (c.extraConfigs && c.extraConfigs.length > 0) spec.extraConfigs = c.extraConfigs;
  const userConfig: Record<string, unknown> = {};
  if (c.userConfigMapName) userConfig.configMap = ref(c.userConfigMapName, crNamespace);
  if (c.userSecretName) userConfig.secret = ref(c.userSecretName, crNamespace);
  if (Object.keys(userConfig).length > 0) spec.userConfig = userConfig;
  const nsAnnotations = c.namespaceAnnotations ?? {};
  const nsLabels = c.namespaceLabels ?? {};
  if (Object.keys(nsAnnotations).length > 0 || Object.keys(nsLabels).length > 0) {
    spec.namespaceConfig = {
      ...(Object.keys(nsAnnotations).length > 0 ? { annotations: nsAnnotations } : {}),
      ...(Object.keys(nsLabels).length > 0 ? { labels: nsLabels } : {}),
    };
  }
  for (const step of ['install', 'rollback', 'uninstall', 'upgrade'] as const) {
    const timeout = c.timeouts?.[step];
    if (timeout) spec[step] = { timeout };
  }

  return {
    apiVersion: 'application.giantswarm.io/v1alpha1',
    kind: 'App',
    metadata: withLabels({ name: c.appName, namespace: crNamespace }, appLabels),
    spec,
  };
}
