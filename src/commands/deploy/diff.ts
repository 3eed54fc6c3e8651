// What `deploy chart` shows before changing an object that exists: a unified diff (3 lines of context,
// difflib's hunk headers, as the Go tool prints with go-difflib) between the object as it is and as it will
// be. "Will be" is the server's own answer to a dry-run of the apply, so server defaults and fields other
// managers own never show up as changes; a second identical deploy has no diff at all. Secret data is never
// shown: values are replaced by a note saying whether they change.
import type { KubeObject } from '../../kube';
import { toYaml } from '../../output/yaml';

/** The object without what the server maintains (status, managedFields, resourceVersion, ...). */
export function comparable(obj: KubeObject): Record<string, unknown> {
  const { status: _status, ...rest } = obj as KubeObject & { status?: unknown };
  const metadata: Record<string, unknown> = { ...obj.metadata };
  for (const k of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink']) delete metadata[k];
  const annotations = { ...((metadata.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  if (metadata.labels && Object.keys(metadata.labels as object).length === 0) delete metadata.labels;
  return { ...rest, metadata };
}

/** Secret values replaced by notes, both sides, so the diff says which keys change but never what they hold. */
export function redactSecrets(existing: Record<string, unknown>, desired: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  if (existing.kind !== 'Secret' && desired.kind !== 'Secret') return [existing, desired];
  const a = (existing.data as Record<string, string> | undefined) ?? {};
  const b = (desired.data as Record<string, string> | undefined) ?? {};
  const redact = (own: Record<string, string>, other: Record<string, string>) =>
    Object.fromEntries(Object.keys(own).map((k) => [k, own[k] === other[k] ? '(redacted, unchanged)' : '(redacted)']));
  const out = (o: Record<string, unknown>, data: Record<string, string>) => ('data' in o ? { ...o, data } : o);
  return [out(existing, redact(a, b)), out(desired, Object.fromEntries(Object.entries(redact(b, a)).map(([k, v]) => [k, v === '(redacted)' ? '(redacted, changed)' : v])))];
}

/** The unified diff of the two objects' YAML, or "" when they are the same. */
export function diffObjects(label: string, existing: KubeObject, desired: KubeObject): string {
  const [a, b] = redactSecrets(comparable(existing), comparable(desired));
  return unifiedDiff(toYaml(a), toYaml(b), `${label} (existing)`, `${label} (desired)`);
}

type Op = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number];

/** Line opcodes from a longest common subsequence (the objects are small: O(n*m) is fine). */
function opcodes(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  const push = (tag: Op[0], i1: number, i2: number, j1: number, j2: number) => {
    const last = ops[ops.length - 1];
    if (last && last[0] === tag) {
      last[2] = i2;
      last[4] = j2;
    } else if (last && tag !== 'equal' && last[0] !== 'equal') {
      last[0] = 'replace';
      last[2] = i2;
      last[4] = j2;
    } else ops.push([tag, i1, i2, j1, j2]);
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) push('equal', i, ++i, j, ++j);
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('insert', i, i, j, ++j);
    else push('delete', i, ++i, j, j);
  }
  return ops;
}

/** difflib's range: "start,count", "start" for one line, "start-1,0" for none. */
function range(start: number, stop: number): string {
  const length = stop - start;
  if (length === 1) return `${start + 1}`;
  return `${length === 0 ? start : start + 1},${length}`;
}

export function unifiedDiff(aText: string, bText: string, fromFile: string, toFile: string, context = 3): string {
  const a = aText.split(/(?<=\n)/);
  const b = bText.split(/(?<=\n)/);
  const codes = opcodes(a, b);
  if (codes.every((c) => c[0] === 'equal')) return '';
  // Group as difflib's get_grouped_opcodes: trim equal runs to `context` lines, split on long ones.
  if (codes[0]![0] === 'equal') codes[0] = ['equal', Math.max(codes[0]![1], codes[0]![2] - context), codes[0]![2], Math.max(codes[0]![3], codes[0]![4] - context), codes[0]![4]];
  const lastIdx = codes.length - 1;
  if (codes[lastIdx]![0] === 'equal') codes[lastIdx] = ['equal', codes[lastIdx]![1], Math.min(codes[lastIdx]![2], codes[lastIdx]![1] + context), codes[lastIdx]![3], Math.min(codes[lastIdx]![4], codes[lastIdx]![3] + context)];
  const groups: Op[][] = [];
  let group: Op[] = [];
  for (const [tag, i1, i2, j1, j2] of codes) {
    if (tag === 'equal' && i2 - i1 > 2 * context) {
      group.push(['equal', i1, Math.min(i2, i1 + context), j1, Math.min(j2, j1 + context)]);
      groups.push(group);
      group = [];
      group.push(['equal', Math.max(i1, i2 - context), i2, Math.max(j1, j2 - context), j2]);
    } else group.push([tag, i1, i2, j1, j2]);
  }
  if (group.length && !(group.length === 1 && group[0]![0] === 'equal')) groups.push(group);
  let out = `--- ${fromFile}\n+++ ${toFile}\n`;
  for (const g of groups) {
    const first = g[0]!;
    const last = g[g.length - 1]!;
    out += `@@ -${range(first[1], last[2])} +${range(first[3], last[4])} @@\n`;
    for (const [tag, i1, i2, j1, j2] of g) {
      if (tag === 'equal') for (const line of a.slice(i1, i2)) out += ` ${line}`;
      if (tag === 'replace' || tag === 'delete') for (const line of a.slice(i1, i2)) out += `-${line}`;
      if (tag === 'replace' || tag === 'insert') for (const line of b.slice(j1, j2)) out += `+${line}`;
    }
  }
  return out;
}
