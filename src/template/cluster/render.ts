// Turns a resolved cluster config into its manifests: the `<name>-userconfig` ConfigMap with the chart
// values and the App that installs the cluster chart (plus, for cluster-vsphere before 0.61.0, the
// default-apps-vsphere App and its ConfigMap), all in the organization's namespace.
import { aksSchema, awsSchema, azureSchema, cloudDirectorSchema, eksSchema, vsphereSchema } from '../chartSchemas';
import { appCr, configMap, labels, type ExtraConfig, type Manifest } from '../manifests';
import { validateSchema, type Schema } from '../schema';
import { toYaml } from '../yaml';
import type { ClusterConfig } from './options';
import { clusterValues } from './values';

export function chartSchema(c: Pick<ClusterConfig, 'provider' | 'releaseChart'>): Schema {
  switch (c.provider) {
    case 'capa':
      return awsSchema(c.releaseChart);
    case 'capz':
      return azureSchema(c.releaseChart);
    case 'eks':
      return eksSchema();
    case 'vsphere':
      return vsphereSchema(c.releaseChart);
    case 'cloud-director':
      return cloudDirectorSchema(c.releaseChart);
    case 'aks':
      return aksSchema(c.releaseChart);
  }
}

// Registry credentials the platform keeps for on-premises clusters, merged into the cluster chart's values.
const registryConfig: ExtraConfig = { kind: 'secret', name: 'container-registries-configuration', namespace: 'default', priority: 25 };

export interface RenderedCluster {
  manifests: Manifest[];
  values: Record<string, unknown>;
  /** Problems found by checking the values against the chart's schema (empty when valid). */
  schemaProblems: string[];
}

export function renderCluster(c: ClusterConfig): RenderedCluster {
  const values = clusterValues(c);
  const schemaProblems = validateSchema(values, chartSchema(c));
  const configMapName = `${c.name}-userconfig`;
  const extraLabels: Record<string, string> = { ...c.labels };
  if (c.preventDeletion) extraLabels[labels.preventDeletion] = 'true';
  const onPrem = c.provider === 'vsphere' || c.provider === 'cloud-director';

  const manifests: Manifest[] = [
    configMap(configMapName, c.namespace, toYaml(values), { [labels.cluster]: c.name, ...extraLabels }),
    appCr({
      appName: c.name,
      catalog: c.catalog,
      defaultingEnabled: false,
      inCluster: true,
      name: c.chart,
      namespace: c.namespace,
      version: c.chartVersion,
      userConfigMapName: configMapName,
      userSecretName: c.provider === 'vsphere' ? c.f.vsphereCredentialsSecretName : undefined,
      extraConfigs: onPrem ? [registryConfig] : undefined,
      extraLabels,
    }),
  ];

  if (c.defaultApps) {
    const appName = `${c.name}-default-apps`;
    const defaultAppsValues = toYaml({ clusterName: c.name, organization: c.organization });
    manifests.push(
      configMap(`${appName}-userconfig`, c.namespace, defaultAppsValues, { [labels.cluster]: c.name }),
      appCr({
        appName,
        catalog: c.defaultApps.catalog,
        cluster: c.name,
        defaultingEnabled: false,
        inCluster: true,
        name: 'default-apps-vsphere',
        namespace: c.namespace,
        version: c.defaultApps.version,
        userConfigMapName: `${appName}-userconfig`,
        useClusterValuesConfig: true,
        extraLabels: { [labels.managedBy]: 'cluster' },
      }),
    );
  }
  return { manifests, values, schemaProblems };
}
