// Template text -> node tree, following the grammar of k8s.io/client-go/util/jsonpath (parser.go) as
// kubectl uses it for `-o jsonpath=`. The tree is deliberately as flat as kubectl's: `{range}` and
// `{end}` are plain identifiers inside an action and only the evaluator pairs them up, so templates
// kubectl accepts (an unclosed range, a stray end) parse here too and fail, or not, at the same point.

import { isPrintRune, unquoteString } from '../goStrings';

/** One bound of a slice `[start:end:step]`; `derived` marks the end kubectl infers for `[i]` (i + 1). */
export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

export interface ListNode {
  kind: 'list';
  nodes: Node[];
}

export type Node =
  | ListNode
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'array'; params: readonly [SliceParam, SliceParam, SliceParam] }
  | { kind: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'union'; branches: ListNode[] }
  | { kind: 'identifier'; name: string };

/** A template kubectl would refuse; `reason` is kubectl's text after "error parsing jsonpath T, ". */
export class JsonPathSyntaxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JsonPathSyntaxError';
  }
}


const letterOrDigit = /^[\p{L}\p{Nd}_]$/u;
const unicodeDigit = /^\p{Nd}$/u;
const dictKey = /^'([^']*)'$/;
const sliceSyntax = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
// Go regexp: "." matches anything but a newline (none can occur here), hence the s flag.
const filterSyntax = /^([^!<>=]+)([!<>=]+)(.+?)$/s;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Parses a whole template: text outside `{…}` becomes text nodes, each action a list node. */
export function parseTemplate(text: string): ListNode {
  return new Parser(text).parse();
}

// Some constructs (unions, quoted keys, filter operands) are parsed by kubectl as a fresh template
// "{" + piece + "}" whose first action is kept; doing the same keeps the odd cases identical.
function parseAction(piece: string): ListNode {
  return parseTemplate(`{${piece}}`).nodes[0] as ListNode;
}

/** Go's "%#U": U+0041 'A', or just U+0009 when the character is not printable. */
function goCharName(ch: string): string {
  const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return isPrintRune(ch.codePointAt(0)!) ? `U+${hex} '${ch}'` : `U+${hex}`;
}

function isTerminator(ch: string): boolean {
  switch (ch) {
    case '':
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '.':
    case ',':
    case '[':
    case ']':
    case '$':
    case '@':
    case '{':
    case '}':
      return true;
    default:
      return false;
  }
}

/** Go's strconv.Atoi: optional sign, ASCII digits, within int64. */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const big = BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return undefined;
  return Number(big);
}

/** Go's strconv.ParseFloat for the characters parseNumber collects (sign, digits, dots). */
function goParseFloat(s: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return undefined;
  return Number(s);
}

class Parser {
  private pos = 0;
  // Start of the text not yet consumed into a node (Go's p.start).
  private start = 0;
  private readonly root: ListNode = { kind: 'list', nodes: [] };

  constructor(private readonly input: string) {}

  parse(): ListNode {
    const { input } = this;
    for (;;) {
      const open = input.indexOf('{', this.pos);
      if (open < 0) break;
      if (open > this.start) this.root.nodes.push({ kind: 'text', text: input.slice(this.start, open) });
      this.pos = open + 1;
      this.start = this.pos;
      const action: ListNode = { kind: 'list', nodes: [] };
      this.root.nodes.push(action);
      this.parseInsideAction(action);
    }
    if (input.length > this.start) this.root.nodes.push({ kind: 'text', text: input.slice(this.start) });
    return this.root;
  }

  /** The next character (a whole code point), or '' at the end. */
  private next(): string {
    if (this.pos >= this.input.length) return '';
    const cp = this.input.codePointAt(this.pos) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    return ch;
  }

  private peek(): string {
    if (this.pos >= this.input.length) return '';
    return String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
  }

  private consume(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  /** Tokens of one action until its closing brace; returns with pos just after the brace. */
  private parseInsideAction(cur: ListNode): void {
    const { input } = this;
    for (;;) {
      if (input.startsWith('}', this.pos)) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (input.startsWith('[?(', this.pos)) {
        this.parseFilter(cur);
        continue;
      }
      if (input.startsWith('..', this.pos)) {
        this.parseRecursive(cur);
        continue;
      }
      const ch = this.next();
      if (ch === '' || ch === '\r' || ch === '\n') throw new JsonPathSyntaxError('unclosed action');
      if (ch === ' ' || ch === '@' || ch === '$') {
        // Spaces separate nothing and @/$ name the current object, which is the input anyway.
        this.consume();
      } else if (ch === '[') {
        this.parseArray(cur);
      } else if (ch === '"' || ch === "'") {
        this.parseQuote(cur, ch);
      } else if (ch === '.') {
        this.parseField(cur);
      } else if (ch === '+' || ch === '-' || unicodeDigit.test(ch)) {
        this.pos -= ch.length;
        this.parseNumber(cur);
      } else if (letterOrDigit.test(ch)) {
        this.pos -= ch.length;
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathSyntaxError(`unrecognized character in action: ${goCharName(ch)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const ch = this.next();
      if (isTerminator(ch)) {
        this.pos -= ch.length;
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ kind: 'bool', value: value === 'true' });
    else cur.nodes.push({ kind: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.kind === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ kind: 'recursive' });
    // `..name` is a descent followed by the field name, without a dot of its own.
    if (letterOrDigit.test(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === '+' || first === '-') this.next();
    for (;;) {
      const ch = this.next();
      if (ch !== '.' && !unicodeDigit.test(ch)) {
        this.pos -= ch.length;
        break;
      }
    }
    const value = this.consume();
    const asInt = goAtoi(value);
    if (asInt !== undefined) {
      cur.nodes.push({ kind: 'int', value: asInt });
      return;
    }
    const asFloat = goParseFloat(value);
    if (asFloat !== undefined) {
      cur.nodes.push({ kind: 'float', value: asFloat });
      return;
    }
    throw new JsonPathSyntaxError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const ch = this.next();
      if (ch === '' || ch === '\n') throw new JsonPathSyntaxError('unterminated array');
      if (ch === ']') break;
    }
    const raw = this.consume();
    let text = raw.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      // Each member is parsed as its own `[member]`, so `['a','b']` and `[0, 2]` both work.
      const branches = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ kind: 'union', branches });
      return;
    }

    const key = dictKey.exec(text);
    if (key) {
      // kubectl reads ['k'] as .k, so a dot inside the quotes still splits the path.
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }

    const slice = sliceSyntax.exec(text);
    if (!slice) throw new JsonPathSyntaxError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let piece = slice[i + 1] ?? '';
      if (piece === '') {
        if (i === 1) {
          // `[i]` is the slice [i:i+1]; a negative i is resolved against the length later.
          params.push({ known: true, value: (params[0]?.value ?? 0) + 1, derived: true });
        } else {
          params.push({ known: false, value: 0, derived: false });
        }
        continue;
      }
      if (i > 0) piece = piece.slice(1);
      if (i > 0 && piece === '') {
        params.push({ known: false, value: 0, derived: false });
        continue;
      }
      const value = goAtoi(piece);
      if (value === undefined) throw new JsonPathSyntaxError(`array index ${piece} is not a number`);
      params.push({ known: true, value, derived: false });
    }
    cur.nodes.push({ kind: 'array', params: [params[0]!, params[1]!, params[2]!] });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    // A ')' only closes the filter outside a quoted operand; kubectl tracks one quoted string.
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const ch = this.next();
      if (ch === '' || ch === '\n') throw new JsonPathSyntaxError('unterminated filter');
      if (ch === '"' || ch === "'") {
        if (!begin) {
          begin = true;
          pair = ch;
        } else if (ch === pair && this.input[this.pos - 2] !== '\\') {
          end = true;
        }
      } else if (ch === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new JsonPathSyntaxError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const match = filterSyntax.exec(text);
    if (!match) {
      cur.nodes.push({ kind: 'filter', left: parseAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' });
      return;
    }
    const left = parseAction(match[1]!);
    const right = parseAction(match[3]!);
    cur.nodes.push({ kind: 'filter', left, right, operator: match[2]! });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const ch = this.next();
      if (ch === '' || ch === '\n') throw new JsonPathSyntaxError('unterminated quoted string');
      // A quote right after a backslash does not close the string (even after an escaped backslash).
      if (ch === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    // kubectl takes '...' as a string too (its UnquoteExtend).
    const text = unquoteString(value, `"'`);
    if (text === null) throw new JsonPathSyntaxError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ kind: 'text', text });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const ch = this.next();
      if (ch === '\\') {
        this.next();
      } else if (isTerminator(ch)) {
        this.pos -= ch.length;
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ kind: 'wildcard' });
    // Backslashes only protect the next character (`a\.b` is the key "a.b"), so all of them go.
    else cur.nodes.push({ kind: 'field', name: value.replaceAll('\\', '') });
  }
}
