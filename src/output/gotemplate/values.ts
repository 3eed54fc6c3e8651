// The Go values a kubectl go-template sees, modelled on plain JSON-decoded JS values:
//   undefined      -> an invalid reflect.Value (a missing map key, or nil after a pipeline)
//   null           -> a nil interface{} held in a map or slice (JSON null)
//   string, boolean, object (map[string]interface {}), array ([]interface {})
//   number         -> int64 when integral (kubectl decodes JSON integers as int64), else float64
//   GoNum          -> numbers the template itself makes: literals (int/float64), len, range
//                     indexes (int), bytes from indexing a string (uint8)

import { compareGoStrings } from '../goStrings';

export type GoNumType = 'int' | 'int64' | 'float64' | 'uint8';

export class GoNum {
  constructor(
    readonly n: number,
    readonly type: GoNumType,
  ) {}
}

/** A complex128, which only a literal such as 1+2i can produce. */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

export type GoMap = Record<string, unknown>;

export type Kind = 'invalid' | 'nil' | 'string' | 'bool' | 'int' | 'float' | 'complex' | 'map' | 'slice' | 'other';

const INT64_LIMIT = 2 ** 63;

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT ? 'int' : 'float';
    case 'object':
      if (v === null) return 'nil';
      if (v instanceof GoNum) return v.type === 'float64' ? 'float' : 'int';
      if (v instanceof GoComplex) return 'complex';
      return Array.isArray(v) ? 'slice' : 'map';
  }
  return 'other';
}

/** The Go type name reflect would print for a (non-nil) value. */
export function typeName(v: unknown): string {
  if (v instanceof GoNum) return v.type;
  if (v instanceof GoComplex) return 'complex128';
  switch (kindOf(v)) {
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
  }
  return '<nil>';
}

/** The numeric value of an int or float kind. */
export function numberOf(v: unknown): number {
  return v instanceof GoNum ? v.n : (v as number);
}

/** UTF-8 length, as Go's len() of a string. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Go's truth: false for nil/missing, zero numbers, false, and empty strings, maps and slices. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return numberOf(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      for (const _ in v as GoMap) return true;
      return false;
  }
  return true;
}

/** Map keys in the order Go's fmt and range use (sorted by byte value of the UTF-8 string). */
export function sortedKeys(m: GoMap): string[] {
  const keys = Object.keys(m);
  keys.sort(compareGoStrings);
  return keys;
}
