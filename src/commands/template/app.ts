// `kubectl gs template app`: an App CR, plus the ConfigMap/Secret holding the user's values files.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { AppFlags } from '../../template/appTemplate';
import { addFlags, readFlags, type FlagSpec } from './flagTable';

/** The command's flags, exported for the fast parser (fastArgs.ts). */
export const flags: FlagSpec[] = [
  { name: 'catalog', kind: 'string', describe: 'Catalog the app is in. (required)' },
  { name: 'name', kind: 'string', describe: 'Name of the app in the catalog. (required)' },
  { name: 'version', kind: 'string', alias: 'app-version', describe: 'App version to install, e.g. 1.2.3. (required)' },
  { name: 'target-namespace', kind: 'string', describe: 'Namespace the app is installed into. (required)' },
  { name: 'cluster-name', kind: 'string', describe: 'Workload cluster the app is installed in. (required unless --in-cluster)' },
  { name: 'organization', kind: 'string', describe: "Organization of the cluster: the App goes to org-<organization> instead of the cluster's namespace." },
  { name: 'in-cluster', kind: 'boolean', describe: 'Install the app in the management cluster itself; the App goes to --target-namespace.' },
  { name: 'app-name', kind: 'string', describe: 'Name of the App CR, if not the app name.' },
  { name: 'catalog-namespace', kind: 'string', describe: 'Namespace of the Catalog CR, if not the default.' },
  { name: 'user-configmap', kind: 'string', describe: 'YAML values file; becomes a ConfigMap referenced as the App\'s user config.' },
  { name: 'user-secret', kind: 'string', describe: 'YAML values file with secrets; becomes a Secret referenced as the App\'s user config.' },
  { name: 'defaulting-enabled', kind: 'boolean', describe: 'Leave out fields the platform defaults (kubeconfig, cluster values). (default true; --no-defaulting-enabled to spell them out)' },
  { name: 'namespace-annotations', kind: 'list', describe: 'Annotations key=value for the target namespace.' },
  { name: 'namespace-labels', kind: 'list', describe: 'Labels key=value for the target namespace.' },
  { name: 'install-timeout', kind: 'string', describe: 'Timeout of the Helm install, e.g. 10m.' },
  { name: 'rollback-timeout', kind: 'string', describe: 'Timeout of the Helm rollback.' },
  { name: 'uninstall-timeout', kind: 'string', describe: 'Timeout of the Helm uninstall.' },
  { name: 'upgrade-timeout', kind: 'string', describe: 'Timeout of the Helm upgrade.' },
  { name: 'prevent-deletion', kind: 'boolean', describe: 'Label the App and its values with giantswarm.io/prevent-deletion.' },
  { name: 'output', kind: 'string', describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
];

export async function run(options: AppFlags, deps: Deps): Promise<number> {
  const [{ Problems }, { renderApp }, { yamlDocuments }, out] = await Promise.all([
    import('../../template/validate'),
    import('../../template/appTemplate'),
    import('../../template/yaml'),
    import('../../template/output'),
  ]);
  const problems = new Problems();
  const manifests = renderApp(options, problems);
  if (!manifests) return out.reportProblems(problems.list, deps);
  return out.emit(yamlDocuments(manifests), options.output, deps);
}

export const definition = defineCommand<AppFlags>({
  name: 'app',
  describe: 'Template an App, with its user values ConfigMap and Secret from files. Works offline.',
  examples: [
    ['$0 template app --catalog giantswarm --name ingress-nginx --version 3.0.0 --cluster-name mycluster --organization acme --target-namespace kube-system', 'An app for a workload cluster'],
    ['$0 template app --catalog giantswarm --name ingress-nginx --version 3.0.0 --cluster-name mycluster --organization acme --target-namespace kube-system --user-configmap values.yaml', 'With user values'],
  ],
  builder: (y) => addFlags(y, flags),
  options: (argv) => {
    const { values, given, problems } = readFlags(argv, flags);
    return {
      ...(values as Partial<AppFlags>),
      appVersion: values.version as string | undefined,
      defaultingEnabled: given.includes('defaulting-enabled') ? (values.defaultingEnabled as boolean) : undefined,
      inCluster: values.inCluster as boolean,
      preventDeletion: values.preventDeletion as boolean,
      namespaceAnnotations: values.namespaceAnnotations as string[],
      namespaceLabels: values.namespaceLabels as string[],
      parseProblems: problems,
    } as AppFlags;
  },
  run,
});
