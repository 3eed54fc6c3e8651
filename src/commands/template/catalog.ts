// `kubectl gs template catalog`: a Catalog CR, plus a ConfigMap/Secret with values for its apps.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import type { CatalogFlags } from '../../template/catalogTemplate';
import { addFlags, readFlags, type FlagSpec } from './flagTable';

/** The command's flags, exported for the fast parser (fastArgs.ts). */
export const flags: FlagSpec[] = [
  { name: 'name', kind: 'string', describe: 'Catalog name. (required)' },
  { name: 'target-namespace', kind: 'string', describe: 'Namespace of the Catalog. (required)' },
  { name: 'url', kind: 'array', describe: 'Catalog repository URL; repeat for mirrors. (required)' },
  { name: 'type', kind: 'array', alias: 'url-type', describe: 'Repository type per --url: helm or oci. (default "helm")' },
  { name: 'description', kind: 'string', describe: 'Catalog description. (required)' },
  { name: 'logo', kind: 'string', describe: 'Catalog logo URL. (required)' },
  { name: 'visibility', kind: 'string', describe: 'Visibility label: whether the catalog appears in the web UI. (default "public")' },
  { name: 'configmap', kind: 'string', describe: "YAML values file for the catalog's apps; becomes a ConfigMap." },
  { name: 'secret', kind: 'string', describe: "YAML values file with secrets for the catalog's apps; becomes a Secret." },
  { name: 'output', kind: 'string', describe: 'Write the manifests to this file (replaced atomically) instead of stdout.' },
];

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

export const definition = defineCommand<CatalogFlags>({
  name: 'catalog',
  describe: 'Template a Catalog, with its values ConfigMap and Secret from files. Works offline.',
  examples: [
    ['$0 template catalog --name my-catalog --target-namespace org-acme --url https://acme.github.io/my-catalog/ --description "Our apps" --logo https://acme.example/logo.png', 'A Helm catalog'],
  ],
  builder: (y) => addFlags(y, flags),
  options: (argv) => {
    const { values, problems } = readFlags(argv, flags);
    return { ...(values as Partial<CatalogFlags>), url: values.url as string[], type: values.type as string[], parseProblems: problems } as CatalogFlags;
  },
  run,
});
