// Go's fmt (Sprint, Sprintln, Sprintf) for the values a go-template handles: what `{{.x}}`, print,
// printf and println write. Maps print as map[k:v ...] with sorted keys, slices as [a b c], nil as
// <nil>, float64 as %g with the shortest digits, and wrong verbs as %!d(string=x), as Go does.

import { fmtFloat } from './fmtFloat';
import { type Flags, noFlags, pad, truncate } from './fmtFlags';
import { goQuote, goQuoteAscii, isPrintRune } from '../goStrings';
import { type GoComplex, type GoMap, kindOf, numberOf, sortedKeys, typeName } from './values';

// --- integers --------------------------------------------------------------------------------

function fmtInteger(n: number, base: number, verb: string, f: Flags): string {
  const big = BigInt(n);
  const neg = big < 0n;
  let digits = (neg ? -big : big).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let prec = -1;
  if (f.prec >= 0) {
    prec = f.prec;
    if (prec === 0 && big === 0n) return pad('', { ...f, zero: false });
  } else if (f.zero && !f.minus && f.wid >= 0) {
    prec = f.wid;
    if (neg || f.plus || f.space) prec--;
  }
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  if (f.sharp) {
    if (base === 2) digits = '0b' + digits;
    else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
    else if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  const sign = neg ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad(sign + digits, { ...f, zero: false });
}

function quoteRune(r: number, ascii: boolean): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  const ch = String.fromCodePoint(r);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  const q = ascii ? goQuoteAscii(ch) : goQuote(ch);
  return "'" + q.slice(1, -1) + "'";
}

// --- printer ---------------------------------------------------------------------------------

class Printer {
  out = '';

  badVerb(verb: string, arg: unknown, f: Flags): void {
    this.out += '%!' + verb + '(';
    if (arg === undefined || arg === null) this.out += '<nil>';
    else {
      this.out += typeName(arg) + '=';
      this.printArg(arg, 'v', f);
    }
    this.out += ')';
  }

  printArg(arg: unknown, verb: string, f: Flags): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.out += pad('<nil>', f);
      else this.badVerb(verb, arg, f);
      return;
    }
    if (verb === 'T') {
      this.out += pad(truncate(typeName(arg), f), f);
      return;
    }
    this.printValue(arg, verb, f, 0);
  }

  printValue(v: unknown, verb: string, f: Flags, depth: number): void {
    switch (kindOf(v)) {
      case 'invalid':
      case 'nil':
        // a nil interface inside a map or slice
        if (depth === 0) this.printArg(v, verb, f);
        else this.out += f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.out += pad(v ? 'true' : 'false', f);
        else this.badVerb(verb, v, f);
        return;
      case 'float': {
        const n = numberOf(v);
        switch (verb) {
          case 'v':
            this.out += fmtFloat(n, 'g', -1, f);
            return;
          case 'b':
          case 'g':
          case 'G':
          case 'x':
          case 'X':
            this.out += fmtFloat(n, verb, -1, f);
            return;
          case 'f':
          case 'F':
          case 'e':
          case 'E':
            this.out += fmtFloat(n, verb, 6, f);
            return;
        }
        this.badVerb(verb, v, f);
        return;
      }
      case 'complex': {
        // fmt's fmtComplex: (real imaginary i), the imaginary part always signed
        const c = v as GoComplex;
        if (!'vbgGxXfFeE'.includes(verb)) {
          this.badVerb(verb, v, f);
          return;
        }
        const fv = verb === 'v' ? 'g' : verb;
        const def = 'fFeE'.includes(verb) ? 6 : -1;
        this.out += '(' + fmtFloat(c.re, fv, def, f) + fmtFloat(c.im, fv, def, { ...f, plus: true }) + 'i)';
        return;
      }
      case 'int': {
        const n = numberOf(v);
        switch (verb) {
          case 'v':
          case 'd':
            if (f.wid < 0 && f.prec < 0 && !f.plus && !f.space && !f.sharp) this.out += String(n);
            else this.out += fmtInteger(n, 10, verb, f);
            return;
          case 'b':
            this.out += fmtInteger(n, 2, verb, f);
            return;
          case 'o':
          case 'O':
            this.out += fmtInteger(n, 8, verb, f);
            return;
          case 'x':
          case 'X':
            this.out += fmtInteger(n, 16, verb, f);
            return;
          case 'c':
            this.out += pad(String.fromCodePoint(n >= 0 && n <= 0x10ffff ? n : 0xfffd), f);
            return;
          case 'q':
            this.out += pad(quoteRune(n, f.plus), f);
            return;
          case 'U': {
            const u = BigInt.asUintN(64, BigInt(n));
            let s = 'U+' + u.toString(16).toUpperCase().padStart(Math.max(4, f.prec), '0');
            if (f.sharp && n >= 0 && n <= 0x10ffff && isPrintRune(n)) s += " '" + String.fromCodePoint(n) + "'";
            this.out += pad(s, { ...f, zero: false });
            return;
          }
        }
        this.badVerb(verb, v, f);
        return;
      }
      case 'string':
        this.fmtString(v as string, verb, f);
        return;
      case 'map': {
        const m = v as GoMap;
        this.out += f.sharpV ? 'map[string]interface {}{' : 'map[';
        let first = true;
        for (const k of sortedKeys(m)) {
          if (!first) this.out += f.sharpV ? ', ' : ' ';
          first = false;
          this.printValue(k, verb, f, depth + 1);
          this.out += ':';
          const e = m[k];
          this.printValue(e === undefined ? null : e, verb, f, depth + 1);
        }
        this.out += f.sharpV ? '}' : ']';
        return;
      }
      case 'slice': {
        const a = v as unknown[];
        this.out += f.sharpV ? '[]interface {}{' : '[';
        for (let i = 0; i < a.length; i++) {
          if (i > 0) this.out += f.sharpV ? ', ' : ' ';
          const e = a[i];
          this.printValue(e === undefined ? null : e, verb, f, depth + 1);
        }
        this.out += f.sharpV ? '}' : ']';
        return;
      }
    }
    this.out += pad(String(v), f);
  }

  fmtString(s: string, verb: string, f: Flags): void {
    switch (verb) {
      case 'v':
        if (f.sharpV) this.out += pad(goQuote(truncate(s, f)), f);
        else this.out += f.wid < 0 && f.prec < 0 ? s : pad(truncate(s, f), f);
        return;
      case 's':
        this.out += f.wid < 0 && f.prec < 0 ? s : pad(truncate(s, f), f);
        return;
      case 'x':
      case 'X': {
        let bytes = [...Buffer.from(s, 'utf8')];
        if (f.prec >= 0 && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
        let hex = '';
        bytes.forEach((b, i) => {
          if (f.space && i > 0) hex += ' ';
          if (f.sharp && (f.space || i === 0)) hex += verb === 'x' ? '0x' : '0X';
          const h = b.toString(16).padStart(2, '0');
          hex += verb === 'X' ? h.toUpperCase() : h;
        });
        this.out += pad(hex, f);
        return;
      }
      case 'q': {
        const t = truncate(s, f);
        if (f.sharp && canBackquote(t)) this.out += pad('`' + t + '`', f);
        else this.out += pad(f.plus ? goQuoteAscii(t) : goQuote(t), f);
        return;
      }
    }
    this.badVerb(verb, s, f);
  }
}


function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === '`' || ch === '\ufeff') return false;
    if (r < 0x20 && ch !== '\t') return false;
    if (r === 0x7f) return false;
  }
  return true;
}

// --- entry points ----------------------------------------------------------------------------

/** fmt.Sprint(v) of one value: how `{{.x}}` prints a non-missing value. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  const p = new Printer();
  p.printArg(v, 'v', noFlags());
  return p.out;
}

const isStringArg = (a: unknown): boolean => typeof a === 'string';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((a, i) => {
    const isStr = isStringArg(a);
    if (i > 0 && !isStr && !prevString) p.out += ' ';
    p.printArg(a, 'v', noFlags());
    prevString = isStr;
  });
  return p.out;
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.out += ' ';
    p.printArg(a, 'v', noFlags());
  });
  return p.out + '\n';
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  const end = format.length;
  let i = 0;
  const parseNum = (): number => {
    let n = -1;
    while (i < end && format[i] >= '0' && format[i] <= '9') {
      n = (n < 0 ? 0 : n * 10) + (format.charCodeAt(i) - 48);
      i++;
    }
    return n;
  };
  const argIndex = (): boolean => {
    // [n] explicit argument index
    if (format[i] !== '[') return false;
    const close = format.indexOf(']', i);
    if (close < 0) return false;
    const n = Number(format.slice(i + 1, close));
    reordered = true;
    i = close + 1;
    if (Number.isInteger(n) && n >= 1 && n <= args.length) {
      argNum = n - 1;
      return true;
    }
    argNum = args.length; // bad index: treated as missing
    return true;
  };
  const intArg = (): number | null => {
    if (argNum >= args.length) return null;
    const a = args[argNum++];
    const k = kindOf(a);
    return k === 'int' ? numberOf(a) : null;
  };
  while (i < end) {
    const next = format.indexOf('%', i);
    if (next < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, next);
    i = next + 1;
    const f = noFlags();
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    argIndex();
    if (format[i] === '*') {
      i++;
      const w = intArg();
      if (w === null) p.out += '%!(BADWIDTH)';
      else {
        f.wid = Math.abs(w);
        if (w < 0) {
          f.minus = true;
          f.zero = false;
        }
      }
    } else f.wid = parseNum();
    if (format[i] === '.') {
      i++;
      argIndex();
      if (format[i] === '*') {
        i++;
        const pr = intArg();
        if (pr === null || pr < 0) {
          if (pr === null) p.out += '%!(BADPREC)';
          f.prec = -1;
        } else f.prec = pr;
      } else {
        const n = parseNum();
        f.prec = n < 0 ? 0 : n;
      }
    }
    argIndex();
    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      p.out += '%';
      continue;
    }
    if (argNum >= args.length) {
      p.out += '%!' + verb + '(MISSING)';
      continue;
    }
    if (verb === 'v') {
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    p.printArg(args[argNum++], verb, f);
  }
  if (!reordered && argNum < args.length) {
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((a, j) => {
      if (j > 0) p.out += ', ';
      if (a === undefined || a === null) p.out += '<nil>';
      else {
        p.out += typeName(a) + '=';
        p.printArg(a, 'v', noFlags());
      }
    });
    p.out += ')';
  }
  return p.out;
}
