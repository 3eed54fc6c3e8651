// A small reader for the YAML that `kubectl config ...` and cloud CLIs write (the shape of
// `kubectl config view --raw`), so that reading a kubeconfig does not load and run js-yaml (~4 ms).
//
// Contract: parseSimpleYaml returns EXACTLY what js-yaml 4.1.1's load() (default schema) returns for the
// document, or undefined when it is not sure; the caller then falls back to js-yaml, which also produces
// every error message. Anything outside the subset below is "not sure":
// - block mappings with plain keys, block sequences (`- ` items, also at their parent key's indentation,
//   also nested on one line: `- - a`, `- key: v`), one scalar per line;
// - plain scalars on one line, resolved like js-yaml's core types (null, bool, simple ints and floats,
//   .inf/.nan) and otherwise strings when no implicit type can match them;
// - single-quoted ('' escape) and double-quoted (js-yaml's escapes) strings on one line; `{}` and `[]`;
// - full-line comments, ` #` comments after a value, a first line `---`.
// Everything else (tabs, CR, BOM, control characters, anchors, aliases, tags, block scalars, other flow
// collections, multi-line scalars, quoted or complex keys, duplicate keys, `<<`, further documents,
// timestamps and numbers in forms not reproduced here) bails out.

/** Thrown (a plain object: no stack to capture) when the document leaves the subset. */
const NOT_SURE = { notSure: true };
function notSure(): never {
  throw NOT_SURE;
}

// Characters js-yaml rejects or treats specially, plus tab and CR (indentation and line-break rules
// we do not reproduce) and the Unicode line separators: any of them means "not sure".
const UNUSUAL_CHARACTER =
  /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;

/** The parsed document, or undefined when the text is outside the subset (ask js-yaml). */
export function parseSimpleYaml(text: string): unknown | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (err) {
    if (err === NOT_SURE) return undefined;
    throw err;
  }
}

class Reader {
  /** Content lines only (no blank or comment lines). */
  private readonly lines: string[] = [];
  /** Column where each line's node starts; an item's content after `- ` becomes a node at its own column. */
  private readonly indents: number[] = [];
  /** Deepest indentation of the comment lines that follow each content line (-1: none). */
  private readonly commentIndentAfter: number[] = [];
  private pos = 0;
  /** Where the last quoted scalar ended (index after its closing quote). */
  private quoteEnd = 0;

  constructor(text: string) {
    const raw = text.split('\n');
    let sawStart = false;
    for (const line of raw) {
      let i = 0;
      while (line.charCodeAt(i) === SPACE) i++;
      if (i === line.length) continue;
      if (line.charCodeAt(i) === HASH) {
        const last = this.lines.length - 1;
        if (last >= 0 && this.commentIndentAfter[last]! < i) this.commentIndentAfter[last] = i;
        continue;
      }
      if (i === 0 && (line.startsWith('---') || line.startsWith('...'))) {
        // Only a lone `---` opening the document; markers elsewhere start or end documents.
        if (line === '---' && !sawStart && this.lines.length === 0) {
          sawStart = true;
          continue;
        }
        notSure();
      }
      this.lines.push(line);
      this.indents.push(i);
      this.commentIndentAfter.push(-1);
    }
  }

  document(): unknown | undefined {
    // An empty document is null or undefined depending on markers: leave it to js-yaml.
    if (this.lines.length === 0) return undefined;
    const value = this.node(-1);
    if (this.pos !== this.lines.length) notSure();
    return value;
  }

  /** The node starting at the current line; `parent` is the indentation of the collection holding it. */
  private node(parent: number): unknown {
    const line = this.lines[this.pos]!;
    const start = this.indents[this.pos]!;
    const first = line.charCodeAt(start);
    if (first === DASH && isSpaceOrEnd(line, start + 1)) return this.sequence(start);
    if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
      // A quoted scalar alone (a quoted key bails in restIsComment: `:` follows the quote).
      const value = this.quoted(line, start);
      this.restIsComment(line, this.quoteEnd);
      this.pos++;
      this.scalarEnded(parent);
      return value;
    }
    const sep = keySeparator(line, start);
    const hash = line.indexOf(' #', start);
    if (sep !== -1 && (hash === -1 || sep < hash)) return this.mapping(start);
    const value = plainValue(line, start, hash);
    this.pos++;
    this.scalarEnded(parent);
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const { lines, indents } = this;
    while (this.pos < lines.length && indents[this.pos] === indent) {
      const line = lines[this.pos]!;
      const sep = keySeparator(line, indent);
      const hash = line.indexOf(' #', indent);
      if (sep === -1 || (hash !== -1 && hash < sep)) notSure();
      const key = mappingKey(line, indent, sep);
      if (Object.hasOwn(result, key)) notSure(); // js-yaml throws "duplicated mapping key"
      let at = sep + 1;
      while (line.charCodeAt(at) === SPACE) at++;
      if (at >= line.length || line.charCodeAt(at) === HASH) {
        // `key:` alone: the value is on the next lines (deeper, or a list at the key's indentation), else null.
        this.pos++;
        const next = this.pos < lines.length ? indents[this.pos]! : -1;
        result[key] = next > indent || (next === indent && this.atSequenceEntry()) ? this.node(indent) : null;
      } else {
        const first = line.charCodeAt(at);
        let value: unknown;
        if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
          value = this.quoted(line, at);
          this.restIsComment(line, this.quoteEnd);
        } else {
          value = plainValue(line, at, hash);
        }
        result[key] = value;
        this.pos++;
        this.scalarEnded(indent);
      }
    }
    if (this.pos < lines.length && indents[this.pos]! > indent) notSure();
    return result;
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    const { lines, indents } = this;
    while (this.pos < lines.length && indents[this.pos] === indent) {
      // A key at the list's indentation ends it: the list was that mapping's value (else the caller bails).
      if (!this.atSequenceEntry()) break;
      const line = lines[this.pos]!;
      let at = indent + 1;
      while (line.charCodeAt(at) === SPACE) at++;
      if (at >= line.length || line.charCodeAt(at) === HASH) {
        this.pos++;
        const next = this.pos < lines.length ? indents[this.pos]! : -1;
        // js-yaml takes a less indented `- ` right after an empty entry as this list's next entry.
        if (next >= 0 && next < indent && this.atSequenceEntry()) notSure();
        result.push(next > indent ? this.node(indent) : null);
      } else {
        // The entry's content is a node starting at its own column (`- key: v` opens a mapping there).
        indents[this.pos] = at;
        result.push(this.node(indent));
      }
    }
    if (this.pos < lines.length && indents[this.pos]! > indent) notSure();
    return result;
  }

  private atSequenceEntry(): boolean {
    const line = this.lines[this.pos]!;
    const start = this.indents[this.pos]!;
    return line.charCodeAt(start) === DASH && isSpaceOrEnd(line, start + 1);
  }

  /** After a one-line scalar: a deeper line (or comment) would continue it or be an error: not sure. */
  private scalarEnded(parent: number): void {
    if (this.commentIndentAfter[this.pos - 1]! > parent) notSure();
    if (this.pos < this.lines.length && this.indents[this.pos]! > parent) notSure();
  }

  /** Only spaces, or spaces and a comment, may follow a quoted scalar. */
  private restIsComment(line: string, from: number): void {
    let at = from;
    while (line.charCodeAt(at) === SPACE) at++;
    if (at === line.length) return;
    if (at > from && line.charCodeAt(at) === HASH) return;
    notSure();
  }

  private quoted(line: string, start: number): string {
    return line.charCodeAt(start) === SINGLE_QUOTE ? this.singleQuoted(line, start) : this.doubleQuoted(line, start);
  }

  private singleQuoted(line: string, start: number): string {
    let out = '';
    let from = start + 1;
    for (;;) {
      const quote = line.indexOf("'", from);
      if (quote === -1) notSure(); // continues on the next line
      if (line.charCodeAt(quote + 1) === SINGLE_QUOTE) {
        out += line.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      this.quoteEnd = quote + 1;
      return out + line.slice(from, quote);
    }
  }

  private doubleQuoted(line: string, start: number): string {
    let out = '';
    let from = start + 1;
    let at = from;
    while (at < line.length) {
      const c = line.charCodeAt(at);
      if (c === DOUBLE_QUOTE) {
        this.quoteEnd = at + 1;
        return out + line.slice(from, at);
      }
      if (c !== 0x5c /* \ */) {
        at++;
        continue;
      }
      out += line.slice(from, at);
      const e = line.charCodeAt(at + 1);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        at += 2;
      } else {
        const digits = e === 0x78 /* x */ ? 2 : e === 0x75 /* u */ ? 4 : e === 0x55 /* U */ ? 8 : 0;
        if (digits === 0) notSure(); // unknown escape, or `\` at the end of the line (a line continuation)
        let code = 0;
        for (let k = 0; k < digits; k++) {
          const h = hexValue(line.charCodeAt(at + 2 + k));
          if (h < 0) notSure();
          code = code * 16 + h;
        }
        if (code > 0x10ffff) notSure();
        out += String.fromCodePoint(code);
        at += 2 + digits;
      }
      from = at;
    }
    return notSure(); // continues on the next line
  }
}

// js-yaml's one-character escapes in double-quoted strings (a tab after `\` is excluded: tabs bail).
const SIMPLE_ESCAPES: Record<number, string> = {
  0x30: '\x00',
  0x61: '\x07',
  0x62: '\x08',
  0x74: '\x09',
  0x6e: '\x0A',
  0x76: '\x0B',
  0x66: '\x0C',
  0x72: '\x0D',
  0x65: '\x1B',
  0x20: ' ',
  0x22: '"',
  0x2f: '/',
  0x5c: '\\',
  0x4e: '\x85',
  0x5f: '\xA0',
  0x4c: '\u2028',
  0x50: '\u2029',
};

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function isSpaceOrEnd(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === SPACE;
}

/** Where `key:` ends: the first `: `, else a `:` ending the line; -1 if none. */
function keySeparator(line: string, from: number): number {
  const sep = line.indexOf(': ', from);
  if (sep !== -1) return sep;
  return line.charCodeAt(line.length - 1) === COLON ? line.length - 1 : -1;
}

function mappingKey(line: string, start: number, sep: number): string {
  if (sep === start || line.charCodeAt(sep - 1) === SPACE) notSure(); // `: v`, `key : v`
  const text = line.slice(start, sep);
  const first = text.charCodeAt(0);
  // `-`, `?` and `:` may start plain scalars, but keys starting with them are not worth the risk.
  if (first === DASH || first === 0x3f /* ? */ || first === COLON || STARTS_NON_PLAIN[first]) notSure();
  for (let i = 1; i < text.length; i++) if (FLOW_INDICATOR[text.charCodeAt(i)]) notSure();
  const key = String(resolvePlain(text)); // js-yaml turns every key into a string: `1:` is "1", `null:` is "null"
  if (key === '__proto__') notSure();
  return key;
}

/** A plain scalar (or `{}` / `[]`) starting at `start`, ending at the comment `hash` or the line end. */
function plainValue(line: string, start: number, hash: number): unknown {
  let end = hash === -1 ? line.length : hash;
  while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
  const text = line.slice(start, end);
  const first = text.charCodeAt(0);
  if (first === 0x7b /* { */ && text === '{}') return {};
  if (first === 0x5b /* [ */ && text === '[]') return [];
  if (first === 0x3f /* ? */ || first === COLON || STARTS_NON_PLAIN[first]) notSure();
  if (first === DASH && isSpaceOrEnd(text, 1)) notSure(); // `key: - a` (a sequence entry where it is not allowed)
  // `a: b: c` and `a: b:` are errors in js-yaml.
  if (text.indexOf(': ') !== -1 || text.charCodeAt(text.length - 1) === COLON) notSure();
  return resolvePlain(text);
}

// Characters that cannot start a plain scalar (indicators), as js-yaml's readPlainScalar checks.
const STARTS_NON_PLAIN = charTable(',[]{}#&*!|>\'"%@`');
const FLOW_INDICATOR = charTable(',[]{}');

function charTable(chars: string): boolean[] {
  const table: boolean[] = [];
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = true;
  return table;
}

/**
 * The value js-yaml's default schema gives a plain scalar: null, bool, int, float, timestamp and merge are
 * tried in that order. Strings that one of them could match are only accepted in the simple forms below.
 */
function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  if (text.length <= 5) {
    switch (text) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
      case '.inf':
      case '.Inf':
      case '.INF':
      case '+.inf':
      case '+.Inf':
      case '+.INF':
        return Number.POSITIVE_INFINITY;
      case '-.inf':
      case '-.Inf':
      case '-.INF':
        return Number.NEGATIVE_INFINITY;
      case '.nan':
      case '.NaN':
      case '.NAN':
        return Number.NaN;
      case '<<':
        notSure(); // the merge key
    }
  }
  if (isDigit(first)) return resolveNumeric(text, 1, 0);
  if (first === DASH || first === 0x2b /* + */) {
    const second = text.charCodeAt(1);
    if (isDigit(second)) return resolveNumeric(text, first === DASH ? -1 : 1, 1);
    // A sign then `.`, `_`: forms of floats/ints (or not) we do not reproduce; anything else is a string.
    if (second === 0x2e /* . */ || second === 0x5f /* _ */) notSure();
    return text;
  }
  if (first === 0x2e /* . */) {
    // `.5`, `._5`, `.5e3` are floats; `.kube/config`, `./ca.crt` are strings (.inf/.nan handled above).
    const second = text.charCodeAt(1);
    if (isDigit(second) || second === 0x5f /* _ */) notSure();
    return text;
  }
  return text;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `text` from `from` starts with a digit: a simple int or float, a string no type can match, or not sure. */
function resolveNumeric(text: string, sign: number, from: number): unknown {
  const len = text.length;
  let i = from;
  while (i < len && isDigit(text.charCodeAt(i))) i++;
  if (i === len) {
    // Decimal ints without leading zeros and exact in a double; js-yaml gives 0 (never -0) for `-0`.
    if (text.charCodeAt(from) === 0x30) {
      if (len - from === 1) return 0;
      notSure();
    }
    if (len - from > 15) notSure();
    return sign * parseInt(text.slice(from), 10);
  }
  // Floats: digits [. digits*] [e [sign] digits], with a `.` or an exponent (js-yaml: sign * parseFloat).
  let j = i;
  let isFloat = false;
  if (text.charCodeAt(j) === 0x2e /* . */) {
    isFloat = true;
    j++;
    while (j < len && isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    let k = j + 1;
    const s = text.charCodeAt(k);
    if (s === 0x2b || s === DASH) k++;
    const digitsFrom = k;
    while (k < len && isDigit(text.charCodeAt(k))) k++;
    if (k > digitsFrom) {
      isFloat = true;
      j = k;
    }
  }
  if (isFloat && j === len) return sign * parseFloat(text.slice(from));
  // Ints (0x, 0o, 0b, `_`), floats and timestamps only use these characters: a string with any
  // other character is a string for every type; otherwise we are not sure.
  for (let k = from; k < len; k++) {
    if (!NUMERIC_OR_TIMESTAMP[text.charCodeAt(k)]) return text;
  }
  return notSure();
}

const NUMERIC_OR_TIMESTAMP = charTable('0123456789abcdefABCDEFxXoOtTzZ_.+-: ');
