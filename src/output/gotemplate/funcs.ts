// The functions a kubectl go-template can call: text/template's builtins plus the two kubectl
// registers (cli-runtime pkg/printers/template.go: `exists` and `base64decode`). Errors thrown as
// FuncError become "error calling NAME: MESSAGE", as Go wraps a function's returned error.

import { sprint, sprintf, sprintln } from './fmt';
import { compareGoStrings, isPrintRune } from '../goStrings';
import { byteLength, type GoComplex, GoNum, type GoMap, isTrue, kindOf, numberOf, typeName } from './values';

export class FuncError extends Error {}

/**
 * How an argument is converted before the call, after Go's evalArg/validateType:
 *  value  - a reflect.Value parameter: a JSON null (nil interface) stays null, a missing value stays undefined
 *  any    - an interface{} parameter: both become nil (null)
 *  string - a string parameter: anything else is a type error
 */
export type ParamType = 'value' | 'any' | 'string';

export interface GoFunc {
  /** Fixed parameters; when variadic, the last entry is the type of the variadic part. */
  params: ParamType[];
  variadic: boolean;
  call(args: unknown[]): unknown;
}

const hasOwn = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** indirectInterface: a nil interface is no value at all. */
const deref = (v: unknown): unknown => (v === null ? undefined : v);

// --- index / slice / len ---------------------------------------------------------------------

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int') throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = numberOf(index);
  if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
  return x;
}

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

function stringByte(s: string, i: number): number {
  return isAscii(s) ? s.charCodeAt(i) : Buffer.from(s, 'utf8')[i];
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  let v = deref(item);
  if (v === undefined) throw new FuncError('index of untyped nil');
  for (const raw of indexes) {
    const idx = deref(raw);
    if (v === null) throw new FuncError('index of nil pointer');
    switch (kindOf(v)) {
      case 'slice': {
        const a = v as unknown[];
        const x = indexArg(idx, a.length);
        if (x === a.length) throw new FuncError('reflect: slice index out of range');
        const e = a[x];
        v = e === undefined ? null : e;
        break;
      }
      case 'string': {
        const s = v as string;
        const n = byteLength(s);
        const x = indexArg(idx, n);
        if (x === n) throw new FuncError('reflect: string index out of range');
        v = new GoNum(stringByte(s, x), 'uint8');
        break;
      }
      case 'map': {
        if (idx === undefined) throw new FuncError('value is nil; should be of type string');
        if (typeof idx !== 'string') throw new FuncError(`value has type ${typeName(idx)}; should be string`);
        const m = v as GoMap;
        v = hasOwn(m, idx) && m[idx] !== undefined ? m[idx] : null;
        break;
      }
      default:
        throw new FuncError(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

/**
 * Capacity of a slice, which bounds slice indexes. Go's JSON decoder builds arrays by appending, so
 * a decoded array of length n has capacity n rounded up to a power of two (for n <= 256; beyond that
 * Go's growth steps are approximated by n). Slices made by `slice` keep their remaining capacity.
 */
const sliceCaps = new WeakMap<unknown[], number>();
function capOf(a: unknown[]): number {
  const known = sliceCaps.get(a);
  if (known !== undefined) return known;
  const n = a.length;
  if (n === 0 || n > 256) return n;
  let c = 1;
  while (c < n) c *= 2;
  return c;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  const v = deref(item);
  if (v === undefined) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(v);
  let len: number;
  let cap: number;
  if (k === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = cap = byteLength(v as string);
  } else if (k === 'slice') {
    len = (v as unknown[]).length;
    cap = capOf(v as unknown[]);
  } else throw new FuncError(`can't slice item of type ${typeName(v)}`);
  const idx = [0, len, cap];
  indexes.forEach((x, i) => (idx[i] = indexArg(deref(x), cap)));
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'slice') {
    const a = v as unknown[];
    // Elements between len and cap do not exist in JS; Go would expose nils there.
    const out = a.slice(idx[0], idx[1]);
    while (out.length < idx[1] - idx[0]) out.push(null);
    sliceCaps.set(out, (indexes.length === 3 ? idx[2] : cap) - idx[0]);
    return out;
  }
  const s = v as string;
  return isAscii(s) ? s.slice(idx[0], idx[1]) : Buffer.from(s, 'utf8').subarray(idx[0], idx[1]).toString('utf8');
}

function length(item: unknown): GoNum {
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) throw new FuncError('len of nil pointer');
  switch (kindOf(item)) {
    case 'string':
      return new GoNum(byteLength(item as string), 'int');
    case 'slice':
      return new GoNum((item as unknown[]).length, 'int');
    case 'map':
      return new GoNum(Object.keys(item as GoMap).length, 'int');
  }
  throw new FuncError(`len of type ${typeName(item)}`);
}

// --- comparison ------------------------------------------------------------------------------

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  if (v instanceof GoNum && v.type === 'uint8') return 'uint';
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'complex' || k === 'string' ? k : 'invalid';
}

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';
const errNoComparison = 'missing argument for comparison';

/** Value equality for two values of the same basic kind. */
function basicEqual(k: BasicKind, a: unknown, b: unknown): boolean {
  if (k === 'int' || k === 'uint' || k === 'float') return numberOf(a) === numberOf(b);
  if (k === 'complex') return (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
  return a === b;
}

const vFormat = (v: unknown, verb: 's' | 'v'): string => sprintf('%' + verb, [v]);

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  const a1 = deref(arg1);
  if (arg2.length === 0) throw new FuncError(errNoComparison);
  const k1 = basicKind(a1);
  for (const raw of arg2) {
    const a = deref(raw);
    const k2 = basicKind(a);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) truth = numberOf(a1) === numberOf(a);
      else if (a1 !== undefined && a !== undefined) throw new FuncError(errBadComparison);
    } else if (k1 !== 'invalid') {
      truth = basicEqual(k1, a1, a);
    } else {
      // nil, maps and slices: only comparisons with nil are possible
      const t1 = kindOf(a1);
      const t2 = kindOf(a);
      if (t1 !== 'invalid' && t2 !== 'invalid' && t1 !== t2) {
        throw new FuncError(
          `non-comparable types ${vFormat(a1, 's')}: ${typeName(a1)}, ${typeName(a)}: ${vFormat(a, 'v')}`,
        );
      }
      if (a1 === undefined || a === undefined) truth = a1 === a;
      else throw new FuncError(`non-comparable type ${vFormat(a, 's')}: ${typeName(a)}`);
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const a1 = deref(arg1);
  const k1 = basicKind(a1);
  if (k1 === 'invalid') throw new FuncError(errBadComparisonType);
  const a2 = deref(arg2);
  const k2 = basicKind(a2);
  if (k2 === 'invalid') throw new FuncError(errBadComparisonType);
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numberOf(a1) < numberOf(a2);
    throw new FuncError(errBadComparison);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError(errBadComparisonType);
    case 'string':
      return compareGoStrings(a1 as string, a2 as string) < 0;
    default:
      return numberOf(a1) < numberOf(a2);
  }
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

// --- escaping --------------------------------------------------------------------------------

/** html/js/urlquery format their arguments like print, except that a nil prints as <no value>. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) =>
    c === '"' ? '&#34;' : c === "'" ? '&#39;' : c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\ufffd',
  );
}

const JS_SIMPLE: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (JS_SIMPLE[ch]) out += JS_SIMPLE[ch];
    else if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80 || isPrintRune(r)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// --- kubectl's extras ------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString with Go's error positions ("illegal base64 data at input byte N"). */
function base64decode(src: string): string {
  const input = src; // positions count UTF-16 units; they equal Go's byte offsets for ASCII input
  const out: number[] = [];
  const corrupt = (n: number): never => {
    throw new FuncError(`base64 decode failed: illegal base64 data at input byte ${n}`);
  };
  let si = 0;
  for (;;) {
    const q: number[] = [];
    let j = 0;
    let padded = false;
    while (j < 4) {
      if (si === input.length) {
        if (j === 0) return Buffer.from(out).toString('utf8');
        corrupt(si - j);
      }
      const c = input[si++];
      if (c === '\n' || c === '\r') continue;
      if (c === '=') {
        if (j === 0 || j === 1) corrupt(si - 1);
        if (j === 2) {
          while (si < input.length && (input[si] === '\n' || input[si] === '\r')) si++;
          if (si === input.length) corrupt(input.length);
          if (input[si] !== '=') corrupt(si - 1);
          si++;
        }
        while (si < input.length && (input[si] === '\n' || input[si] === '\r')) si++;
        if (si < input.length) corrupt(si);
        padded = true;
        break;
      }
      const d = B64.indexOf(c);
      if (d < 0) corrupt(si - 1);
      q.push(d);
      j++;
    }
    const n = q.length;
    const val = ((q[0] ?? 0) << 18) | ((q[1] ?? 0) << 12) | ((q[2] ?? 0) << 6) | (q[3] ?? 0);
    if (n >= 2) out.push((val >> 16) & 0xff);
    if (n >= 3) out.push((val >> 8) & 0xff);
    if (n >= 4) out.push(val & 0xff);
    if (padded) return Buffer.from(out).toString('utf8');
  }
}

/** kubectl's `exists ITEM KEY...`: whether indexing with the keys reaches a non-nil value. */
function exists(item: unknown, ...indices: unknown[]): boolean {
  // A nil ITEM is an invalid reflect.Value: true without keys (nothing to index), false with keys.
  if (item === null || item === undefined) return indices.length === 0;
  let v: unknown = item;
  for (const i of indices) {
    if (v === null) return false;
    switch (kindOf(v)) {
      case 'slice':
      case 'string': {
        if (kindOf(i) !== 'int') return false;
        const x = numberOf(i);
        const len = typeof v === 'string' ? byteLength(v) : (v as unknown[]).length;
        if (x < 0 || x >= len) return false;
        v = typeof v === 'string' ? new GoNum(stringByte(v, x), 'uint8') : ((v as unknown[])[x] ?? null);
        break;
      }
      case 'map': {
        const key = i === null || i === undefined ? '' : i;
        if (typeof key !== 'string') return false;
        const m = v as GoMap;
        v = hasOwn(m, key) && m[key] !== undefined ? m[key] : null;
        break;
      }
      default:
        return false;
    }
  }
  return v !== null;
}

// --- the table -------------------------------------------------------------------------------

const fixed = (params: ParamType[], call: (args: unknown[]) => unknown): GoFunc => ({ params, variadic: false, call });
const variadic = (params: ParamType[], call: (args: unknown[]) => unknown): GoFunc => ({ params, variadic: true, call });

export const BUILTINS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  // and/or short-circuit in exec; the call here is only used for arity checks.
  ['and', variadic(['value', 'value'], (a) => a[a.length - 1])],
  ['or', variadic(['value', 'value'], (a) => a[a.length - 1])],
  ['not', fixed(['value'], (a) => !isTrue(a[0]))],
  ['len', fixed(['value'], (a) => length(a[0]))],
  ['index', variadic(['value', 'value'], (a) => index(a[0], ...a.slice(1)))],
  ['slice', variadic(['value', 'value'], (a) => slice(a[0], ...a.slice(1)))],
  ['eq', variadic(['value', 'value'], (a) => eq(a[0], ...a.slice(1)))],
  ['ne', fixed(['value', 'value'], (a) => !eq(a[0], a[1]))],
  ['lt', fixed(['value', 'value'], (a) => lt(a[0], a[1]))],
  ['le', fixed(['value', 'value'], (a) => le(a[0], a[1]))],
  ['gt', fixed(['value', 'value'], (a) => !le(a[0], a[1]))],
  ['ge', fixed(['value', 'value'], (a) => !lt(a[0], a[1]))],
  ['print', variadic(['any'], (a) => sprint(a))],
  ['printf', variadic(['string', 'any'], (a) => sprintf(a[0] as string, a.slice(1)))],
  ['println', variadic(['any'], (a) => sprintln(a))],
  ['html', variadic(['any'], (a) => htmlEscape(evalArgs(a)))],
  ['js', variadic(['any'], (a) => jsEscape(evalArgs(a)))],
  ['urlquery', variadic(['any'], (a) => queryEscape(evalArgs(a)))],
  [
    'call',
    variadic(['value', 'value'], (a) => {
      const fn = deref(a[0]);
      if (fn === undefined) throw new FuncError('call of nil');
      throw new FuncError(`non-function of type ${typeName(fn)}`);
    }),
  ],
  // kubectl's additions
  ['exists', variadic(['any', 'any'], (a) => exists(a[0], ...a.slice(1)))],
  ['base64decode', fixed(['string'], (a) => base64decode(a[0] as string))],
]);

export const FUNC_NAMES: ReadonlySet<string> = new Set(BUILTINS.keys());
