// `kubectl gs template app`: an App CR, plus the ConfigMap/Secret holding the user's values files.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { AppFlags } from '../../template/appTemplate';
import { defineFlags } from '../../cli/flagTable';

export const flags = defineFlags({
  catalog: { type: 'string', describe: 'Catalog the app is in. (required)' },
  name: { type: 'string', describe: 'Name of the app in the catalog. (required)' },
  version: { type: 'string', aliases: ['app-version'], describe: 'App version to install, e.g. 1.2.3. (required)' },
  'target-namespace': { type: 'string', describe: 'Namespace the app is installed into. (required)' },
  'cluster-name': { type: 'string', describe: 'Workload cluster the app is installed in. (required unless --in-cluster)' },
  organization: { type: 'string', describe: "Organization of the cluster: the App goes to org-<organization> instead of the cluster's namespace." },
  'in-cluster': { type: 'boolean', describe: 'Install the app in the management cluster itself; the App goes to --target-namespace.' },
  'app-name': { type: 'string', describe: 'Name of the App CR, if not the app name.' },
  'catalog-namespace': { type: 'string', describe: 'Namespace of the Catalog CR, if not the default.' },
  'user-configmap': { type: 'string', describe: 'YAML values file; becomes a ConfigMap referenced as the App\'s user config.' },
  'user-secret': { type: 'string', describe: 'YAML values file with secrets; becomes a Secret referenced as the App\'s user config.' },
  'defaulting-enabled': { type: 'boolean', default: true, describe: 'Leave out fields the platform defaults (kubeconfig, cluster values); --no-defaulting-enabled spells them out.' },
  'namespace-annotations': { type: 'list', describe: 'Annotations key=value for the target namespace.' },
  'namespace-labels': { type: 'list', describe: 'Labels key=value for the target namespace.' },
  'install-timeout': { type: 'string', describe: 'Timeout of the Helm install, e.g. 10m.' },
  'rollback-timeout': { type: 'string', describe: 'Timeout of the Helm rollback.' },
  'uninstall-timeout': { type: 'string', describe: 'Timeout of the Helm uninstall.' },
  'upgrade-timeout': { type: 'string', describe: 'Timeout of the Helm upgrade.' },
  'prevent-deletion': { type: 'boolean', describe: 'Label the App and its values with giantswarm.io/prevent-deletion.' },
  output: { type: 'string', describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
});

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

export const definition = defineCommand({
  name: 'app',
  describe: 'Template an App, with its user values ConfigMap and Secret from files. Works offline.',
  examples: [
    ['$0 template app --catalog giantswarm --name ingress-nginx --version 3.0.0 --cluster-name mycluster --organization acme --target-namespace kube-system', 'An app for a workload cluster'],
    ['$0 template app --catalog giantswarm --name ingress-nginx --version 3.0.0 --cluster-name mycluster --organization acme --target-namespace kube-system --user-configmap values.yaml', 'With user values'],
  ],
  flags,
  options: (values): AppFlags => values,
  run,
});
