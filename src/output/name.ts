// `-o name` as kubectl prints it: <kind>.<group>/<name> in lower case ("cluster.cluster.x-k8s.io/abc"),
// or <kind>/<name> for the core group.
import type { KubeObject } from '../kube';

export function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function resourceName(obj: KubeObject, fallback: { kind: string; group: string }): string {
  const kind = (obj.kind || fallback.kind).toLowerCase();
  const group = obj.apiVersion ? groupOf(obj.apiVersion) : fallback.group;
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata.name}\n`;
}
