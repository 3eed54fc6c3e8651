// `template app`: validates the flags and renders the App plus the ConfigMap/Secret made from the
// user's values files, named and placed as the Go kubectl-gs does.
import { parseGoDuration, formatTimeout } from './duration';
import { appCr, appCrNamespace, configMap, labels, secret, type Manifest } from './manifests';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  checkOrganization,
  checkSemver,
  parseAnnotations,
  parseLabels,
  Problems,
  required,
} from './validate';
import { readValuesFile } from './valuesFile';

export interface AppFlags {
  appName?: string;
  catalog?: string;
  catalogNamespace?: string;
  name?: string;
  targetNamespace?: string;
  clusterName?: string;
  organization?: string;
  defaultingEnabled: boolean;
  inCluster: boolean;
  installTimeout?: string;
  rollbackTimeout?: string;
  uninstallTimeout?: string;
  upgradeTimeout?: string;
  userConfigmap?: string;
  userSecret?: string;
  version?: string;
  namespaceAnnotations: string[];
  namespaceLabels: string[];
  preventDeletion: boolean;
  output?: string;
}

export function renderApp(f: AppFlags, p: Problems): Manifest[] | undefined {
  p.add(required('catalog', f.catalog, 'the catalog the app is in, e.g. --catalog giantswarm'));
  if (f.catalog) p.add(checkDnsSubdomain('catalog', f.catalog));
  if (f.catalogNamespace) p.add(checkDnsLabel('catalog-namespace', f.catalogNamespace));
  p.add(required('name', f.name, "the app's name in the catalog, e.g. --name ingress-nginx"));
  if (f.name) p.add(checkDnsSubdomain('name', f.name));
  if (f.appName) p.add(checkDnsSubdomain('app-name', f.appName));
  p.add(required('target-namespace', f.targetNamespace, 'the namespace the app is installed into, e.g. --target-namespace kube-system'));
  if (f.targetNamespace) p.add(checkDnsLabel('target-namespace', f.targetNamespace));
  if (!f.inCluster) {
    p.add(required('cluster-name', f.clusterName, 'the workload cluster the app goes to (or use --in-cluster for the management cluster)'));
  }
  if (f.clusterName) p.add(checkDnsLabel('cluster-name', f.clusterName));
  if (f.organization) p.add(checkOrganization('organization', f.organization));
  p.add(required('version', f.version, 'the app version to install, e.g. --version 1.2.3'));
  if (f.version) p.add(checkSemver('version', f.version.replace(/^v/, '')));
  const namespaceLabels = parseLabels('namespace-labels', f.namespaceLabels, p, { reserved: false });
  const namespaceAnnotations = parseAnnotations('namespace-annotations', f.namespaceAnnotations, p);
  const timeouts: Record<string, string> = {};
  for (const [step, value] of [['install', f.installTimeout], ['rollback', f.rollbackTimeout], ['uninstall', f.uninstallTimeout], ['upgrade', f.upgradeTimeout]] as const) {
    if (value === undefined) continue;
    const ms = parseGoDuration(value);
    if (ms === undefined || ms <= 0) p.add(`--${step}-timeout "${value}" is not a duration; use e.g. 90s, 10m or 1h`);
    else timeouts[step] = formatTimeout(ms);
  }
  const userValues = f.userConfigmap !== undefined ? readValuesFile('user-configmap', f.userConfigmap, p) : undefined;
  const userSecret = f.userSecret !== undefined ? readValuesFile('user-secret', f.userSecret, p) : undefined;
  if (!p.empty) return undefined;

  const appName = f.appName || f.name!;
  const cluster = f.inCluster ? f.clusterName : f.clusterName!;
  const where = { inCluster: f.inCluster, namespace: f.targetNamespace!, organization: f.organization, cluster };
  const namespace = appCrNamespace(where);
  const assetName = f.inCluster ? `${appName}-userconfig` : `${appName}-userconfig-${cluster}`;
  const extraLabels: Record<string, string> = f.preventDeletion ? { [labels.preventDeletion]: 'true' } : {};
  const manifests: Manifest[] = [];
  if (userValues) manifests.push(configMap(assetName, namespace, userValues.text, extraLabels));
  if (userSecret) manifests.push(secret(assetName, namespace, userSecret.bytes, extraLabels));
  manifests.push(
    appCr({
      appName,
      catalog: f.catalog!,
      catalogNamespace: f.catalogNamespace,
      cluster,
      defaultingEnabled: f.defaultingEnabled,
      inCluster: f.inCluster,
      name: f.name!,
      namespace: f.targetNamespace!,
      organization: f.organization,
      version: f.version!.replace(/^v/, ''),
      userConfigMapName: userValues ? assetName : undefined,
      userSecretName: userSecret ? assetName : undefined,
      extraLabels,
      namespaceAnnotations,
      namespaceLabels,
      timeouts,
    }),
  );
  return manifests;
}
