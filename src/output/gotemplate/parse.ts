// Parser for Go text/template: the grammar of text/template/parse (Go 1.23, as built into
// kubectl 1.32) written from its documented behaviour. Error texts and the line they report follow
// Go's, because kubectl prints them verbatim: `template: output:1: unexpected "}" in command`.

import { isKeyword, lex, type Token } from './lex';
import { goQuote } from '../goStrings';
import type {
  ArgNode,
  CommandNode,
  ControlNode,
  DelimNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeString } from './nodes';
import { unquoteChar, unquoteString } from '../goStrings';

/** A parse error; `message` is Go's full error text. */
export class TemplateParseError extends Error {}

export interface ParsedTemplate {
  root: ListNode;
  /** Templates from {{define}} and {{block}}, by name. */
  defined: Map<string, ListNode>;
}

/** Go's item.String(), as used in "unexpected %s in %s". */
function tokenString(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'error') return t.val;
  if (isKeyword(t.type)) return `<${t.val}>`;
  const chars = [...t.val];
  if (chars.length > 10) return goQuote(chars.slice(0, 10).join('')) + '...';
  return goQuote(t.val);
}

class Parser {
  private i = 0;
  /** Highest token index fetched so far: Go reports the line of the most recently lexed token. */
  private lastFetched = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  readonly defined = new Map<string, ListNode>();

  constructor(
    private readonly tokens: Token[],
    private readonly name: string,
    private readonly funcs: ReadonlySet<string>,
  ) {}

  // --- token stream -------------------------------------------------------------------------

  private next(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    if (this.i > this.lastFetched) this.lastFetched = this.i;
    this.i++;
    return t;
  }
  private backup(n = 1): void {
    this.i -= n;
  }
  private peek(): Token {
    const t = this.next();
    this.backup();
    return t;
  }
  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }
  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors -------------------------------------------------------------------------------

  private errorf(msg: string): never {
    const tok = this.tokens[Math.min(this.lastFetched, this.tokens.length - 1)];
    throw new TemplateParseError(`template: ${this.name}:${tok.line}: ${msg}`);
  }
  private unexpected(t: Token, context: string): never {
    if (t.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(t.val + extra);
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`);
  }
  private expect(type: Token['type'], context: string): Token {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }

  // --- grammar ------------------------------------------------------------------------------

  parse(): ListNode {
    const root: ListNode = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const start = this.i;
        this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition();
          continue;
        }
        this.i = start;
      }
      const n = this.textOrAction();
      if (isDelim(n)) this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const saved = this.vars;
    this.vars = ['$'];
    const nameTok = this.nextNonSpace();
    if (nameTok.type !== 'string' && nameTok.type !== 'rawString') this.unexpected(nameTok, context);
    const name = this.unquote(nameTok);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.addTemplate(name, list);
    this.vars = saved;
  }

  private addTemplate(name: string, list: ListNode): void {
    const existing = this.defined.get(name);
    if (existing === undefined || isEmptyTree(existing)) this.defined.set(name, list);
    else if (!isEmptyTree(list)) this.errorf(`template: multiple definition of template ${goQuote(name)}`);
  }

  private itemList(): [ListNode, DelimNode] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (isDelim(n)) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node | DelimNode {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'text':
        return { kind: 'text', pos: t.pos, text: t.val };
      case 'leftDelim': {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(t, 'input');
    }
  }

  private action(): Node | DelimNode {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(t);
      case 'else':
        return this.elseControl();
      case 'end':
        return { kind: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
        return this.control('if');
      case 'range':
        return this.control('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.control('with');
    }
    this.backup();
    const first = this.peek();
    return { kind: 'action', pos: first.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private loopControl(t: Token): Node {
    const word = t.type as 'break' | 'continue';
    const after = this.nextNonSpace();
    if (after.type !== 'rightDelim') this.unexpected(after, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { kind: word, pos: t.pos };
  }

  private elseControl(): DelimNode {
    // "{{else if" / "{{else with" are handled by the enclosing control; leave the keyword pending.
    const peek = this.peekNonSpace();
    if (peek.type === 'if' || peek.type === 'with') return { kind: 'else', pos: peek.pos };
    const t = this.expect('rightDelim', 'else');
    return { kind: 'else', pos: t.pos };
  }

  private control(kind: 'if' | 'with' | 'range'): ControlNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, 'rightDelim');
      if (kind === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (kind === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.kind === 'else') {
        if (kind === 'if' && this.peek().type === 'if') {
          this.next();
          elseList = { kind: 'list', pos: next.pos, nodes: [this.control('if')] };
        } else if (kind === 'with' && this.peek().type === 'with') {
          this.next();
          elseList = { kind: 'list', pos: next.pos, nodes: [this.control('with')] };
        } else {
          [elseList, next] = this.itemList();
          if (next.kind !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { kind, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.addTemplate(name, list);
    this.vars = saved;
    return { kind: 'template', pos: t.pos, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: t.pos, name, pipe };
  }

  private templateName(t: Token, context: string): string {
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    return this.unquote(t);
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const pipe: PipeNode = { kind: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    // Declarations: "$x :=", "$x =", and for range "$i, $e :=".
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      const vIndex = this.i;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ kind: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ kind: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else {
        // Not a declaration: push the variable (and the space after it) back.
        this.i = vIndex;
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const k = pipe.cmds[i].args[0].kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup();
      else if (t.type !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { kind: 'chain', pos, node, field: fields };
    }
  }

  private term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { kind: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { kind: 'dot', pos: t.pos };
      case 'nil':
        return { kind: 'nil', pos: t.pos };
      case 'variable':
        return this.useVar(t);
      case 'field':
        return { kind: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(t);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { kind: 'string', pos: t.pos, quoted: t.val, text: this.unquote(t) } satisfies StringNode;
    }
    this.backup();
    return null;
  }

  private useVar(t: Token): VariableNode {
    const ident = t.val.split('.');
    if (!this.vars.includes(ident[0])) this.errorf(`undefined variable ${goQuote(ident[0])}`);
    return { kind: 'variable', pos: t.pos, ident };
  }

  private unquote(t: Token): string {
    if (t.type === 'rawString') return t.val.slice(1, -1).replace(/\r/g, '');
    const s = unquoteString(t.val);
    if (s === null) this.errorf('invalid syntax');
    return s;
  }

  private number(t: Token): NumberNode {
    const n: NumberNode = {
      kind: 'number',
      pos: t.pos,
      text: t.val,
      isInt: false,
      isFloat: false,
      isComplex: false,
      int: 0,
      float: 0,
      re: 0,
      im: 0,
    };
    if (t.type === 'complex' || (t.type === 'number' && t.val.endsWith('i'))) {
      const c = parseComplex(t.val);
      if (c === null) {
        // Go scans "a+bi" with fmt.Sscan, whose error this is; a bad "bi" fails as any number would.
        this.errorf(t.type === 'complex' ? 'syntax error scanning complex number' : `illegal number syntax: ${goQuote(t.val)}`);
      }
      n.isComplex = true;
      [n.re, n.im] = c;
      // Go's simplifyComplex: a zero imaginary part also makes the constant usable as a float/int.
      if (n.im === 0) {
        n.isFloat = true;
        n.float = n.re;
        if (Number.isInteger(n.re) && Math.abs(n.re) < 2 ** 63) {
          n.isInt = true;
          n.int = n.re;
        }
      }
      return n;
    }
    if (t.type === 'charConstant') {
      const r = unquoteChar(t.val);
      if (r === null) this.errorf(`malformed character constant: ${t.val}`);
      n.isInt = n.isFloat = true;
      n.int = n.float = r;
      return n;
    }
    const text = t.val;
    const int = parseGoInt(text);
    if (int !== null) {
      n.isInt = n.isFloat = true;
      n.int = n.float = int;
      return n;
    }
    const f = parseGoFloat(text);
    if (f === null) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
    n.isFloat = true;
    n.float = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
      n.isInt = true;
      n.int = f;
    }
    return n;
  }
}

/** strconv.ParseInt(text, 0, 64) (base prefixes, underscores, leading-0 octal); null if invalid. */
function parseGoInt(text: string): number | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return null;
  let body = m[2];
  if (/__|_$/.test(body)) return null;
  let base = 10;
  if (/^0[xX]/.test(body)) (base = 16), (body = body.slice(2));
  else if (/^0[bB]/.test(body)) (base = 2), (body = body.slice(2));
  else if (/^0[oO]/.test(body)) (base = 8), (body = body.slice(2));
  else if (body.length > 1 && body[0] === '0') (base = 8), (body = body.slice(1));
  body = body.replace(/^_/, '').replace(/_/g, '');
  if (body === '') return base === 8 && m[2] === '0' ? 0 : null;
  const big = BigInt((base === 16 ? '0x' : base === 2 ? '0b' : base === 8 ? '0o' : '') + body);
  const v = m[1] === '-' ? -big : big;
  if (v > 9223372036854775807n || v < -9223372036854775808n) return null;
  return Number(v);
}

/** A complex literal: "2i", "1+2i", "1.5e3-0.5i"; [real, imaginary] or null. */
function parseComplex(text: string): [number, number] | null {
  const body = text.slice(0, -1);
  let split = -1;
  for (let i = body.length - 1; i > 0; i--) {
    if ((body[i] === '+' || body[i] === '-') && !/[eEpP]/.test(body[i - 1])) {
      split = i;
      break;
    }
  }
  const num = (s: string): number | null => parseGoInt(s) ?? parseGoFloat(s);
  if (split < 0) {
    const im = num(body);
    return im === null ? null : [0, im];
  }
  const re = num(body.slice(0, split));
  const im = num(body.slice(split));
  return re === null || im === null ? null : [re, im];
}

/** strconv.ParseFloat for decimal and hexadecimal (0x1.8p3) forms; null if invalid. */
function parseGoFloat(text: string): number | null {
  const t = text.replace(/_/g, '');
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (hex && (hex[2] || hex[3])) {
    const mant = parseInt((hex[2] || '0') + hex[3], 16) / 16 ** hex[3].length;
    const f = mant * 2 ** Number(hex[4]);
    return hex[1] === '-' ? -f : f;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const f = Number(t);
  return Number.isFinite(f) ? f : null;
}

function isDelim(n: Node | DelimNode): n is DelimNode {
  return n.kind === 'end' || n.kind === 'else';
}

function isEmptyTree(list: ListNode): boolean {
  return list.nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

/** Parses `text` as the template named `name`; throws TemplateParseError. */
export function parseTemplate(text: string, name: string, funcs: ReadonlySet<string>): ParsedTemplate {
  const p = new Parser(lex(text), name, funcs);
  const root = p.parse();
  return { root, defined: p.defined };
}
