// Deterministic YAML for templated manifests: keys sorted at every level (as the Go tool's
// sigs.k8s.io/yaml does), list items not indented under their key, double-quoted strings where quoting
// is needed, no line folding. Same input, same bytes: the output diffs well in Git.
import { dump } from 'js-yaml';

export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, noArrayIndent: true, lineWidth: -1, quotingType: '"', noRefs: true });
}

/** Every document prefixed by `---`, as the Go kubectl-gs prints App and ConfigMap manifests. */
export function yamlDocuments(docs: unknown[]): string {
  return docs.map((d) => `---\n${toYaml(d)}`).join('');
}
