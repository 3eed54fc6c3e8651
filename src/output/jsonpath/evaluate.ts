// Node tree + data -> output text, with the behaviour of k8s.io/client-go/util/jsonpath (jsonpath.go)
// on the map[string]interface{} data kubectl hands it. The data is JSON as JavaScript parsed it; Go's
// types are recovered where they show: a JSON integer is an int64 and any other number a float64
// (JSON.parse cannot tell 1.0 from 1, so 1.0 counts as an integer here), and literals written in the
// template keep their own Go type (GoFloat) because kubectl compares int and float as incompatible.
// Nothing is copied: results are references into the data.

import { goFloatV } from '../goFloat';
import { compareGoStrings } from '../goStrings';
import type { ListNode, Node, SliceParam } from './parse';

/** A float literal from the template (`{1.0}`, `[?(@.x>1.5)]`), a Go float64 whatever its value. */
class GoFloat {
  constructor(readonly value: number) {}
}

/** A byte of a string, which kubectl yields when `*` or `..` walks into a string (Go uint8). */
class GoByte {
  constructor(readonly value: number) {}
}

/** A value as the evaluator sees it; `undefined` stands for Go's invalid reflect.Value. */
type Value = unknown;

/**
 * An evaluation failure. `partial` is what the failing Go function returned next to its error:
 * an existence filter `[?(@.x[9])]` ignores the error and keeps the element when that is non-empty.
 */
export class JsonPathEvalError extends Error {
  constructor(
    readonly reason: string,
    readonly partial: readonly Value[],
  ) {
    super(reason);
    this.name = 'JsonPathEvalError';
  }
}

const INT64_LIMIT = 2 ** 63;

function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT;
}

function isMap(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat) && !(v instanceof GoByte);
}

/** Go's type name of a value, as kubectl's "… is not array or slice" shows it. */
function goTypeName(v: Value): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isInt64(v) ? 'int64' : 'float64';
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof GoByte) return 'uint8';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

/** Runs a compiled template against one data value; throws JsonPathEvalError. */
export function evaluate(root: ListNode, data: unknown, allowMissingKeys: boolean, asJson = false): string {
  const run = new Run(root.nodes, allowMissingKeys, asJson);
  // Go's reflect.ValueOf(nil) is the invalid value, the same thing a missing result is.
  run.findResults(0, data === null ? undefined : data, true);
  return run.out;
}

class Run {
  out = '';
  // kubectl's range bookkeeping: `range` raises beginRange, the loop raises inRange while it runs
  // the following nodes per item, and `end` raises endRange to stop that run at the end node.
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;

  constructor(
    private readonly nodes: readonly Node[],
    private readonly allowMissingKeys: boolean,
    /** -o jsonpath-as-json: each result list printed as one indented JSON array (kubectl's EnableJSONOutput). */
    private readonly asJson: boolean,
  ) {}

  /** Evaluates nodes[start…] against `value` up to the `end` that closes the current range. */
  findResults(start: number, value: Value, print: boolean): void {
    const { nodes } = this;
    const cur = [value];
    for (let i = start; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        return;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const item of results) this.findResults(i + 1, item, print);
        } else {
          // kubectl still walks the body once (on no value, printing nothing) to find its end;
          // that walk can fail, e.g. with "x is not found" when keys must exist.
          this.findResults(i + 1, undefined, false);
        }
        this.inRange--;
        // Resume after the end node met last; kubectl looks for it only after the range node.
        if (this.lastEnd > i) i = this.lastEnd;
        continue;
      }
      if (print) this.print(results);
    }
  }

  private print(results: readonly Value[]): void {
    if (this.asJson) {
      this.out += goJsonIndent(results) + '\n';
      return;
    }
    for (let i = 0; i < results.length; i++) {
      if (i > 0) this.out += ' ';
      const v = results[i];
      this.out += Array.isArray(v) || isMap(v) ? goJson(v) : goText(v);
    }
  }

  private walk(input: readonly Value[], node: Node): readonly Value[] {
    switch (node.kind) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return evalWildcard(input);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.branches);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: readonly Value[], list: ListNode): readonly Value[] {
    let cur = input;
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: readonly Value[], name: string): readonly Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathEvalError('not in range, nothing to end', []);
    }
    throw new JsonPathEvalError(`unrecognized identifier ${name}`, input);
  }

  private evalField(input: readonly Value[], name: string): readonly Value[] {
    if (input.length === 0) return input;
    const results: Value[] = [];
    for (const v of input) {
      if (isMap(v) && Object.hasOwn(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathEvalError(`${name} is not found`, results);
    return results;
  }

  private evalArray(input: readonly Value[], params: readonly [SliceParam, SliceParam, SliceParam]): readonly Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (v === null) continue;
      if (v === undefined) throw new JsonPathEvalError('reflect: call of reflect.Value.Type on zero Value', input);
      if (!Array.isArray(v)) throw new JsonPathEvalError(`${goTypeName(v)} is not array or slice`, input);
      const length = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += length;
      let end = params[1].known ? params[1].value : length;
      if (end < 0 || (end === 0 && params[1].derived)) end += length;
      // kubectl stops at the first empty selection and drops the remaining inputs with it, so
      // `.items[*].tags[*]` prints nothing when the first item has no tags. Kept for fidelity.
      if (start === end) return results;
      if (start >= length || start < 0) {
        throw new JsonPathEvalError(`array index out of bounds: index ${start}, length ${length}`, input);
      }
      if (end > length || end < 0) {
        throw new JsonPathEvalError(`array index out of bounds: index ${end - 1}, length ${length}`, input);
      }
      if (start > end) throw new JsonPathEvalError(`starting index ${start} is greater than ending index ${end}`, input);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathEvalError('step must be > 0', input);
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) results.push(v[i]);
    }
    return results;
  }

  private evalUnion(input: readonly Value[], branches: readonly ListNode[]): readonly Value[] {
    const results: Value[] = [];
    for (const branch of branches) {
      let part: readonly Value[];
      try {
        part = this.evalList(input, branch);
      } catch (e) {
        if (e instanceof JsonPathEvalError) throw new JsonPathEvalError(e.reason, input);
        throw e;
      }
      for (const v of part) results.push(v);
    }
    return results;
  }

  private evalFilter(input: readonly Value[], node: Extract<Node, { kind: 'filter' }>): readonly Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) {
        throw new JsonPathEvalError(`${goValue(v)} is not array or slice and cannot be filtered`, input);
      }
      for (const element of v) {
        const one = [element];
        if (node.operator === 'exists') {
          // Errors do not count here; what the failing step returned decides (see JsonPathEvalError).
          let lefts: readonly Value[];
          try {
            lefts = this.evalList(one, node.left);
          } catch (e) {
            if (!(e instanceof JsonPathEvalError)) throw e;
            lefts = e.partial;
          }
          if (lefts.length > 0) results.push(element);
          continue;
        }
        const left = this.operand(input, one, node.left);
        if (left === NONE) continue;
        const right = this.operand(input, one, node.right);
        if (right === NONE) continue;
        let pass: boolean;
        try {
          pass = compare(node.operator, left, right);
        } catch (e) {
          if (e instanceof ComparisonError) throw new JsonPathEvalError(e.message, results);
          throw e;
        }
        if (pass) results.push(element);
      }
    }
    return results;
  }

  /** The single value a filter side yields for one element, or NONE when it yields nothing. */
  private operand(input: readonly Value[], one: readonly Value[], side: ListNode): Value {
    let values: readonly Value[];
    try {
      values = this.evalList(one, side);
    } catch (e) {
      if (e instanceof JsonPathEvalError) throw new JsonPathEvalError(e.reason, input);
      throw e;
    }
    if (values.length === 0) return NONE;
    if (values.length > 1) throw new JsonPathEvalError('can only compare one element at a time', input);
    return values[0];
  }
}

const NONE = Symbol('none');

function evalWildcard(input: readonly Value[]): readonly Value[] {
  const results: Value[] = [];
  for (const v of input) pushChildren(v, results);
  return results;
}

/** Appends what `*` yields for v: map values (in the data's key order; Go's is random), elements, bytes. */
function pushChildren(v: Value, into: Value[]): void {
  if (Array.isArray(v)) {
    for (const e of v) into.push(e);
  } else if (typeof v === 'string') {
    for (const b of utf8.encode(v)) into.push(new GoByte(b));
  } else if (isMap(v)) {
    for (const key in v) if (Object.hasOwn(v, key) && v[key] !== undefined) into.push(v[key]);
  }
}

const utf8 = new TextEncoder();

/**
 * `..`: every value below (and including) the input that has children of its own, parents first.
 * Scalars are never yielded, non-empty strings are (their children are bytes); the following step
 * picks from these, so `..name` finds every "name" key.
 */
function evalRecursive(input: readonly Value[]): readonly Value[] {
  const results: Value[] = [];
  const visit = (v: Value): void => {
    if (typeof v === 'string') {
      if (v.length > 0) results.push(v);
    } else if (Array.isArray(v)) {
      if (v.length === 0) return;
      results.push(v);
      for (const e of v) visit(e);
    } else if (isMap(v)) {
      let first = true;
      for (const key in v) {
        if (!Object.hasOwn(v, key) || v[key] === undefined) continue;
        if (first) {
          results.push(v);
          first = false;
        }
        visit(v[key]);
      }
    }
  };
  for (const v of input) visit(v);
  return results;
}

// ---- comparisons (Go text/template's eq/lt rules as forked into client-go) ----

class ComparisonError extends Error {}

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Value): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt64(v) ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoByte) return 'uint';
  throw new ComparisonError('invalid type for comparison');
}

function numberOf(v: Value): number {
  return v instanceof GoFloat || v instanceof GoByte ? v.value : (v as number);
}

function equal(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    // Signed and unsigned integers compare by value; every other mix is an error.
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numberOf(a) === numberOf(b);
    throw new ComparisonError('incompatible types for comparison');
  }
  if (ka === 'string' || ka === 'bool') return a === b;
  return numberOf(a) === numberOf(b);
}

function less(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numberOf(a) < numberOf(b);
    throw new ComparisonError('incompatible types for comparison');
  }
  if (ka === 'bool') throw new ComparisonError('invalid type for comparison');
  if (ka === 'string') return compareGoStrings(a as string, b as string) < 0;
  return numberOf(a) < numberOf(b);
}

function compare(operator: string, a: Value, b: Value): boolean {
  switch (operator) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return less(a, b);
    case '<=':
      return less(a, b) || equal(a, b);
    case '>':
      return !(less(a, b) || equal(a, b));
    case '>=':
      return !less(a, b);
    default:
      throw new ComparisonError(`unrecognized filter operator ${operator}`);
  }
}

// ---- printing values as kubectl does ----

/** A scalar as kubectl prints it (fmt.Fprint): strings raw, numbers as Go's int64/float64, null as "null". */
function goText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return isInt64(v) ? String(v) : goFloatV(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (v === undefined) return '<no value>';
  if (v instanceof GoFloat) return goFloatV(v.value);
  if (v instanceof GoByte) return String(v.value);
  return goValue(v);
}

/** Go's %v (used in "… cannot be filtered"): map[k:v …] with sorted keys, [a b], <nil>. */
function goValue(v: Value): string {
  if (v === null) return '<nil>';
  if (v === undefined) return '<invalid reflect.Value>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) {
    const keys = sortedKeys(v);
    return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  }
  return goText(v);
}

function sortedKeys(m: Record<string, Value>): string[] {
  const keys: string[] = [];
  for (const key in m) if (Object.hasOwn(m, key) && m[key] !== undefined) keys.push(key);
  return keys.sort(compareGoStrings);
}

/** Go's encoding/json Marshal: sorted keys, no spaces, HTML-safe string escapes. */
function goJson(v: Value): string {
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoFloat || v instanceof GoByte) return String(v.value);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i > 0 ? ',' : '') + goJson(v[i]);
    return s + ']';
  }
  const m = v as Record<string, Value>;
  let s = '{';
  let first = true;
  for (const key of sortedKeys(m)) {
    s += (first ? '' : ',') + goJsonString(key) + ':' + goJson(m[key]);
    first = false;
  }
  return s + '}';
}

/** Go's json.MarshalIndent(v, "", "    "): goJson's text laid out one element per line. */
function goJsonIndent(v: Value, pad = ''): string {
  const inner = pad + '    ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((e) => inner + goJsonIndent(e, inner)).join(',\n') + '\n' + pad + ']';
  }
  if (isMap(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map((k) => inner + goJsonString(k) + ': ' + goJsonIndent(v[k], inner)).join(',\n') + '\n' + pad + '}';
  }
  return goJson(v);
}

const jsonNeedsEscape = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/;
const jsonShortEscapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function goJsonString(s: string): string {
  if (!jsonNeedsEscape.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const short = jsonShortEscapes[ch];
    if (short !== undefined) out += short;
    else if (ch < ' ' || ch === '<' || ch === '>' || ch === '&' || ch === '\u2028' || ch === '\u2029') {
      out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    } else if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') {
      // A lone surrogate is not valid UTF-8; Go writes the replacement character for invalid bytes.
      out += '\\ufffd';
    } else out += ch;
  }
  return out + '"';
}
