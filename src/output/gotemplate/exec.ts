// Executes a parsed go-template over JSON-decoded data, following text/template's exec.go: the
// same evaluation order, the same variable scoping, and the same "current node" bookkeeping so that
// errors read `template: output:1:7: executing "output" at <.spec.x.y>: map has no entry for key "x"`.
// Values are the caller's objects, read in place (no copies), so one compiled template can run over
// thousands of objects.

import { formatValue } from './fmt';
import { BUILTINS, FuncError, type GoFunc, type ParamType } from './funcs';
import { goQuote } from '../goStrings';
import type {
  AnyNode,
  ArgNode,
  ChainNode,
  CommandNode,
  ControlNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes';
import { nodeString } from './nodes';
import { byteLength, GoComplex, GoNum, type GoMap, isTrue, kindOf, sortedKeys, typeName } from './values';

/** An execution error; `message` is Go's full error text. */
export class TemplateExecError extends Error {}

interface Variable {
  name: string;
  value: unknown;
  /** Whether the value is typed interface{} (read from a map or slice) rather than concrete. */
  iface: boolean;
}

/** Marks "no value piped in" (Go's missingVal). */
const MISSING: unique symbol = Symbol('missing');
/** The value piped into a command from the previous one, or MISSING. */
type Final = unknown;

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
type Flow = typeof NORMAL | typeof BREAK | typeof CONTINUE;

const hasOwn = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

const MAX_EXEC_DEPTH = 100000;

export interface ExecContext {
  /** The whole template text (for line:column in errors). */
  text: string;
  /** The top-level template's name ("output" in kubectl). */
  name: string;
  defined: ReadonlyMap<string, ListNode>;
  missingKeyError: boolean;
}

class State {
  out = '';
  node: AnyNode | null = null;
  vars: Variable[];
  tmplName: string;
  depth = 0;

  constructor(
    private readonly ctx: ExecContext,
    data: unknown,
  ) {
    this.vars = [{ name: '$', value: data, iface: false }];
    this.tmplName = ctx.name;
  }

  // --- errors -------------------------------------------------------------------------------

  errorf(msg: string): never {
    const name = goQuote(this.tmplName);
    if (this.node === null) throw new TemplateExecError(`template: ${this.tmplName}: ${msg}`);
    const pos = this.node.pos;
    const before = this.ctx.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + countNewlines(before);
    const col = byteLength(nl < 0 ? before : before.slice(nl + 1));
    const context = nodeString(this.node);
    throw new TemplateExecError(`template: ${this.ctx.name}:${line}:${col}: executing ${name} at <${context}>: ${msg}`);
  }

  // --- variables ----------------------------------------------------------------------------

  private varLookup(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ------------------------------------------------------------------------------

  walk(dot: unknown, dotIface: boolean, node: Node): Flow {
    this.node = node;
    switch (node.kind) {
      case 'action': {
        const val = this.evalPipeline(dot, dotIface, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.node = node;
          this.out += val === undefined ? '<no value>' : formatValue(val);
        }
        return NORMAL;
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, dotIface, node);
      case 'list':
        for (const n of node.nodes) {
          const flow = this.walk(dot, dotIface, n);
          if (flow !== NORMAL) return flow;
        }
        return NORMAL;
      case 'range':
        this.walkRange(dot, dotIface, node);
        return NORMAL;
      case 'template':
        this.walkTemplate(dot, dotIface, node);
        return NORMAL;
      case 'text':
        this.out += node.text;
        return NORMAL;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
    }
  }

  private walkIfOrWith(dot: unknown, dotIface: boolean, node: ControlNode): Flow {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, node.pipe);
      if (isTrue(val)) {
        return node.kind === 'with' ? this.walk(val, false, node.list) : this.walk(dot, dotIface, node.list);
      }
      if (node.elseList) return this.walk(dot, dotIface, node.elseList);
      return NORMAL;
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, dotIface: boolean, r: ControlNode): void {
    this.node = r;
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotIface, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      // Returns false to stop the loop ({{break}}).
      const oneIteration = (index: unknown, elem: unknown): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
            else this.setVar(decl[0].ident[0], elem, true);
          } else this.setTopVar(1, elem, true);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, true);
          else this.setTopVar(2, index, false);
        }
        try {
          return this.walk(elem, true, r.list) !== BREAK;
        } finally {
          this.vars.length = mark;
        }
      };
      switch (kindOf(val)) {
        case 'slice': {
          const a = val as unknown[];
          if (a.length === 0) break;
          for (let i = 0; i < a.length; i++) {
            const e = a[i];
            if (!oneIteration(new GoNum(i, 'int'), e === undefined ? null : e)) break;
          }
          return;
        }
        case 'map': {
          const m = val as GoMap;
          const keys = sortedKeys(m);
          if (keys.length === 0) break;
          for (const k of keys) {
            const e = m[k];
            if (!oneIteration(k, e === undefined ? null : e)) break;
          }
          return;
        }
        case 'invalid':
        case 'nil':
          break; // a nil or missing value ranges like an empty map
        default:
          this.errorf(`range can't iterate over ${formatValue(val)}`);
      }
      if (r.elseList) this.walk(dot, dotIface, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: unknown, dotIface: boolean, t: TemplateNode): void {
    this.node = t;
    const tmpl = this.ctx.defined.get(t.name);
    if (!tmpl) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, dotIface, t.pipe);
    const savedVars = this.vars;
    const savedName = this.tmplName;
    this.vars = [{ name: '$', value: newDot, iface: false }];
    this.tmplName = t.name;
    this.depth++;
    try {
      this.walk(newDot, false, tmpl);
    } finally {
      this.depth--;
      this.vars = savedVars;
      this.tmplName = savedName;
    }
  }

  private setVar(name: string, value: unknown, iface: boolean): void {
    const v = this.varLookup(name);
    v.value = value;
    v.iface = iface;
  }

  private setTopVar(n: number, value: unknown, iface: boolean): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
  }

  // --- evaluation ---------------------------------------------------------------------------

  /** A pipeline's value; declared variables are pushed (callers pop them at the enclosing end). */
  evalPipeline(dot: unknown, dotIface: boolean, pipe: PipeNode | null): unknown {
    if (!pipe) return undefined;
    this.node = pipe;
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, dotIface, cmd, value);
      // A nil interface{} result digs down to no value at all.
      if (value === null) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value, false);
      else this.vars.push({ name: v.ident[0], value, iface: false });
    }
    return value;
  }

  private notAFunction(args: ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0])}`);
    }
  }

  private evalCommand(dot: unknown, dotIface: boolean, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(dot, dotIface, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, dotIface, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, dotIface, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, dotIface, first);
      case 'variable':
        return this.evalVariableNode(first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  /** A number literal with no type context: float64 if written like a float, else int. */
  private idealConstant(n: NumberNode): GoNum | GoComplex {
    this.node = n;
    if (n.isComplex) return new GoComplex(n.re, n.im);
    const isHex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    const isRune = n.text.startsWith("'");
    if (n.isFloat && !isHex && !isRune && /[.eEpP]/.test(n.text)) return new GoNum(n.float, 'float64');
    if (n.isInt) return new GoNum(n.int, 'int');
    this.errorf(`${n.text} overflows int`);
  }

  private evalFieldNode(dot: unknown, dotIface: boolean, field: FieldNode, args: ArgNode[] | null, final: Final): unknown {
    this.node = field;
    return this.evalFieldChain(dot, dotIface, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, dotIface: boolean, chain: ChainNode, args: ArgNode[] | null, final: Final): unknown {
    this.node = chain;
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const base = this.evalArg(dot, dotIface, 'untyped', chain.node);
    return this.evalFieldChain(base, false, chain.field, args, final);
  }

  private evalVariableNode(
    variable: VariableNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = variable;
    const v = this.varLookup(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return v.value;
    }
    return this.evalFieldChain(v.value, v.iface, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    receiver: unknown,
    receiverIface: boolean,
    ident: string[],
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    const n = ident.length;
    let r = receiver;
    let iface = receiverIface;
    for (let i = 0; i < n - 1; i++) {
      r = this.evalField(ident[i], null, MISSING, r, iface);
      iface = true; // map elements are interface{}
    }
    return this.evalField(ident[n - 1], args, final, r, iface);
  }

  private evalField(fieldName: string, args: ArgNode[] | null, final: Final, receiver: unknown, iface: boolean): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const typ = iface ? 'interface {}' : typeName(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (kindOf(receiver) === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m = receiver as GoMap;
      if (hasOwn(m, fieldName)) {
        const v = m[fieldName];
        if (v !== undefined) return v;
      }
      if (this.ctx.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalFunction(
    dot: unknown,
    dotIface: boolean,
    node: IdentifierNode,
    cmd: AnyNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = node;
    const fn = BUILTINS.get(node.ident);
    if (!fn) this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, dotIface, fn, cmd, node.ident, args, final);
  }

  private evalCall(
    dot: unknown,
    dotIface: boolean,
    fn: GoFunc,
    node: AnyNode,
    name: string,
    allArgs: ArgNode[] | null,
    final: Final,
  ): unknown {
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length - 1;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
      }
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    // and/or evaluate their arguments only until the result is known.
    if (name === 'and' || name === 'or') {
      let v: unknown = undefined;
      for (const a of args) {
        v = this.evalArg(dot, dotIface, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: unknown[] = [];
    const variadicType = fn.params[fn.params.length - 1];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, dotIface, fn.params[i], args[i]));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, dotIface, variadicType, args[i]));
    if (final !== MISSING) {
      const t = fn.variadic && numIn - 1 >= numFixed ? variadicType : fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.node = node;
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  private validateType(value: unknown, type: ParamType | 'untyped'): unknown {
    if (type === 'untyped') return value;
    if (value === undefined) {
      if (type === 'any') return null;
      if (type === 'value') return undefined;
      this.errorf('invalid value; expected string');
    }
    if (type === 'string' && typeof value !== 'string') {
      this.errorf(`wrong type for value; expected string; got ${value === null ? 'interface {}' : typeName(value)}`);
    }
    if (type === 'any' && value === null) return null;
    return value;
  }

  /** Evaluates an argument for a parameter of the given type ('untyped': a chain's base, Go's nil type). */
  private evalArg(dot: unknown, dotIface: boolean, type: ParamType | 'untyped', n: ArgNode): unknown {
    this.node = n;
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, type);
      case 'nil':
        // A reflect.Value parameter gets the zero Value (no value); an interface{} one gets nil.
        if (type === 'value') return undefined;
        if (type !== 'string') return null;
        this.errorf('cannot assign nil to string');
      case 'field':
        return this.validateType(this.evalFieldNode(dot, dotIface, n, [n], MISSING), type);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, null, MISSING), type);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, dotIface, n), type);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, dotIface, n, n, null, MISSING), type);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, dotIface, n, null, MISSING), type);
    }
    if (type === 'string') {
      if (n.kind === 'string') return n.text;
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Runs the template; on failure throws TemplateExecError (the output written so far is dropped). */
export function execute(root: ListNode, ctx: ExecContext, data: unknown): string {
  const state = new State(ctx, data);
  try {
    state.walk(data, false, root);
  } catch (e) {
    // e.g. runaway {{template}} recursion exhausting the JS stack before Go's depth limit
    if (e instanceof RangeError) throw new TemplateExecError(`template: ${ctx.name}: ${e.message}`);
    throw e;
  }
  return state.out;
}
