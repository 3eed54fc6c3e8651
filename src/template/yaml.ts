// Deterministic YAML for templated manifests: keys sorted at every level (as the Go tool's
// sigs.k8s.io/yaml does), list items not indented under their key, double-quoted strings where quoting
// is needed, no line folding (src/yamlDump.ts). Same input, same bytes: the output diffs well in Git.
import { dumpYaml } from '../yamlDump';

export function toYaml(value: unknown): string {
  return dumpYaml(value);
}

/** Every document prefixed by `---`, as the Go kubectl-gs prints App and ConfigMap manifests. */
export function yamlDocuments(docs: unknown[]): string {
  return docs.map((d) => `---\n${toYaml(d)}`).join('');
}
