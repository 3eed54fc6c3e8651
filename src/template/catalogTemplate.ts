// `template catalog`: validates the flags and renders the Catalog CR plus the ConfigMap/Secret made
// from the given values files, as the Go kubectl-gs does, except that the values' object name suffix
// is derived from the catalog's namespace and name instead of being random, so output is repeatable.
import { configMap, labels, secret, type Manifest } from './manifests';
import { checkDnsLabel, checkOneOf, checkUrl, Problems, required } from './validate';
import { readValuesFile } from './valuesFile';

export interface CatalogFlags {
  name?: string;
  targetNamespace?: string;
  description?: string;
  logo?: string;
  url: string[];
  type: string[];
  visibility?: string;
  configmap?: string;
  secret?: string;
  output?: string;
}

// The Go tool's name alphabet (no 1 and l, to avoid confusion).
const nameChars = '023456789abcdefghijkmnopqrstuvwxyz';

export function catalogValuesSuffix(namespace: string, name: string): string {
  // node:crypto loaded here, not with the template room: see atomicWrite.ts.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const digest = createHash('sha256').update(`${namespace}/${name}`).digest();
  let suffix = nameChars[digest[0] % 24 + 10]; // starts with a letter, as generated Go names do
  for (let i = 1; i < 10; i++) suffix += nameChars[digest[i] % nameChars.length];
  return suffix;
}

export function renderCatalog(f: CatalogFlags, p: Problems): Manifest[] | undefined {
  p.add(required('name', f.name, 'the catalog name, e.g. --name my-catalog'));
  if (f.name) p.add(checkDnsLabel('name', f.name, 52));
  p.add(required('target-namespace', f.targetNamespace, 'the namespace of the Catalog, e.g. --target-namespace org-acme'));
  if (f.targetNamespace) p.add(checkDnsLabel('target-namespace', f.targetNamespace));
  p.add(required('description', f.description, 'a short description of the catalog'));
  p.add(required('logo', f.logo, 'the URL of the catalog logo image'));
  if (f.logo) p.add(checkUrl('logo', f.logo, ['https', 'http']));
  // Without --type every URL is a Helm repository.
  const types = f.type.length > 0 ? f.type : f.url.map(() => 'helm');
  if (f.url.length === 0) p.add('--url is required: give the catalog repository URL, e.g. https://example.github.io/my-catalog/ (repeat for mirrors)');
  for (const t of types) p.add(checkOneOf('type', t, ['helm', 'oci']));
  if (f.url.length > 0 && f.url.length !== types.length) {
    p.add(`--url is given ${f.url.length} times and --type ${types.length} times; give one --type per --url, in the same order`);
  } else {
    f.url.forEach((u, i) => p.add(checkUrl('url', u, types[i] === 'oci' ? ['oci'] : ['https', 'http'])));
  }
  if (f.visibility !== undefined && f.visibility !== '') p.add(checkDnsLabel('visibility', f.visibility));
  const values = f.configmap !== undefined ? readValuesFile('configmap', f.configmap, p) : undefined;
  const secretValues = f.secret !== undefined ? readValuesFile('secret', f.secret, p) : undefined;
  if (!p.empty) return undefined;

  const name = f.name!;
  const namespace = f.targetNamespace!;
  const valuesName = `${name}-${catalogValuesSuffix(namespace, name)}`;
  // One entry per URL (the last --type given for a repeated URL wins), in the order given.
  const repositories = new Map<string, string>();
  f.url.forEach((u, i) => repositories.set(u, types[i]));
  const repoList = [...repositories].map(([URL, type]) => ({ URL, type }));
  const visibility = f.visibility ?? 'public';

  const manifests: Manifest[] = [];
  if (values) manifests.push(configMap(valuesName, namespace, values.text));
  if (secretValues) manifests.push(secret(valuesName, namespace, secretValues.bytes));
  const spec: Record<string, unknown> = {
    description: f.description,
    logoURL: f.logo,
    repositories: repoList,
    storage: repoList[0],
    title: name,
  };
  if (values || secretValues) {
    spec.config = {
      ...(values ? { configMap: { name: valuesName, namespace } } : {}),
      ...(secretValues ? { secret: { name: valuesName, namespace } } : {}),
    };
  }
  manifests.push({
    apiVersion: 'application.giantswarm.io/v1alpha1',
    kind: 'Catalog',
    metadata: { name, namespace, ...(visibility ? { labels: { [labels.catalogVisibility]: visibility } } : {}) },
    spec,
  });
  return manifests;
}
