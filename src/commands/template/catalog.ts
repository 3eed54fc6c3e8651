// `kubectl gs template catalog`: a Catalog CR, plus a ConfigMap/Secret with values for its apps.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { CatalogFlags } from '../../template/catalogTemplate';
import { defineFlags } from '../../cli/flagTable';

export const flags = defineFlags({
  name: { type: 'string', describe: 'Catalog name. (required)' },
  'target-namespace': { type: 'string', describe: 'Namespace of the Catalog. (required)' },
  url: { type: 'array', describe: 'Catalog repository URL; repeat for mirrors. (required)' },
  type: { type: 'array', aliases: ['url-type'], describe: 'Repository type per --url: helm or oci. (default "helm")' },
  description: { type: 'string', describe: 'Catalog description. (required)' },
  logo: { type: 'string', describe: 'Catalog logo URL. (required)' },
  visibility: { type: 'string', describe: 'Visibility label: whether the catalog appears in the web UI. (default "public")' },
  configmap: { type: 'string', describe: "YAML values file for the catalog's apps; becomes a ConfigMap." },
  secret: { type: 'string', describe: "YAML values file with secrets for the catalog's apps; becomes a Secret." },
  output: { type: 'string', describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
});

export async function run(options: CatalogFlags, deps: Deps): Promise<number> {
  const [{ Problems }, { renderCatalog }, { yamlDocuments }, out] = await Promise.all([
    import('../../template/validate'),
    import('../../template/catalogTemplate'),
    import('../../template/yaml'),
    import('../../template/output'),
  ]);
  const problems = new Problems();
  const manifests = renderCatalog(options, problems);
  if (!manifests) return out.reportProblems(problems.list, deps);
  return out.emit(yamlDocuments(manifests), options.output, deps);
}

export const definition = defineCommand({
  name: 'catalog',
  describe: 'Template a Catalog, with its values ConfigMap and Secret from files. Works offline.',
  examples: [
    ['$0 template catalog --name my-catalog --target-namespace org-acme --url https://acme.github.io/my-catalog/ --description "Our apps" --logo https://acme.example/logo.png', 'A Helm catalog'],
  ],
  flags,
  options: (values): CatalogFlags => values,
  run,
});
