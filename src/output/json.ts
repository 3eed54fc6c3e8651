// JSON as kubectl prints it: 4-space indent, object keys sorted (kubectl marshals unstructured maps,
// which Go's encoding/json sorts), and <, >, & escaped as \u003c, \u003e, \u0026 (Go's HTML-safe escaping),
// so `kubectl gs get ... -o json` is byte-for-byte what `kubectl get ... -o json` gives for the same object.

/** A deep copy with object keys in sorted order (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** One value as kubectl's JSON printer writes it, with a trailing newline. */
export function toJson(value: unknown): string {
  return goEscape(JSON.stringify(sortKeys(value), null, 4)) + '\n';
}

/** The same, indented by `indent` spaces on every line but the first, without a trailing newline. */
export function toJsonIndented(value: unknown, indent: string): string {
  return goEscape(JSON.stringify(sortKeys(value), null, 4)).replace(/\n/g, '\n' + indent);
}
