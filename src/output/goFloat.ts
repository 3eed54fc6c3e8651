// Go's strconv float formatting for float64 values, shared by both template dialects: jsonpath prints a
// float as Go's %v does (goFloatV) and go-template's printf takes every verb (gotemplate/fmtFloat.ts adds
// fmt's flags on top). Digits are exact: fixed precisions round the exact binary value half-to-even as
// strconv does, and the shortest form uses the shortest digits that round-trip, as Go's does.

interface Digits {
  d: string; // significant digits, no leading zeros ("" for zero)
  dp: number; // decimal point position relative to d
}

/** The exact decimal expansion of a finite double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const { mant, exp } = floatBits(x);
  const e = exp - 52;
  let s: string;
  let dp: number;
  if (e >= 0) {
    s = (mant << BigInt(e)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-e)).toString();
    dp = s.length + e;
  }
  s = s.replace(/0+$/, '');
  const lead = s.length - s.replace(/^0+/, '').length;
  return { d: s.slice(lead), dp: dp - lead };
}

/** Rounds to nd significant digits, halves to even (Go's strconv decimal rounding). */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: x.dp };
  if (nd >= x.d.length) return x;
  const c = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (c === 5 && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 5;
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') i--;
    if (i < 0) {
      d = '1';
      dp++;
    } else d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
  }
  return { d: d.replace(/0+$/, ''), dp };
}

function shortestDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const [m, e] = Math.abs(x).toExponential().split('e');
  const d = m.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

const digitAt = (x: Digits, i: number): string => (i >= 0 && i < x.d.length ? x.d[i] : '0');

function fmtE(x: Digits, prec: number, e: string): string {
  let s = digitAt(x, 0);
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) s += digitAt(x, i);
  }
  const exp = x.d.length === 0 ? 0 : x.dp - 1;
  const a = Math.abs(exp);
  return s + e + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

function fmtF(x: Digits, prec: number): string {
  let s = '';
  if (x.dp > 0) for (let i = 0; i < x.dp; i++) s += digitAt(x, i);
  else s = '0';
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) s += digitAt(x, x.dp + i);
  }
  return s;
}

/** The IEEE fields of |v| as strconv sees them: mantissa with the implicit bit, unbiased exponent. */
function floatBits(v: number): { mant: bigint; exp: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (e === 0) exp = 1 - 1023;
  else {
    mant |= 1n << 52n;
    exp = e - 1023;
  }
  return { mant, exp };
}

/** strconv's %b: decimal mantissa "p" binary exponent. */
function fmtB(v: number): string {
  const { mant, exp } = floatBits(v);
  const e = exp - 52;
  return `${mant}p${e >= 0 ? '+' : '-'}${Math.abs(e)}`;
}

const MASK64 = (1n << 64n) - 1n;

/** strconv's %x: 0x1.yyyp±dd, rounded to prec hex digits when 0 <= prec < 15. */
function fmtX(v: number, prec: number, upper: boolean): string {
  let { mant, exp } = floatBits(v);
  if (mant === 0n) exp = 0;
  mant <<= 8n; // leading 1 at bit 60
  const ONE = 1n << 60n;
  while (mant !== 0n && (mant & ONE) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (ONE - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if (mant & (1n << 61n)) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = '0123456789abcdef';
  let s = '0x' + ((mant >> 60n) & 1n).toString();
  mant = (mant << 4n) & MASK64;
  const digit = (): string => {
    const d = hex[Number((mant >> 60n) & 15n)];
    mant = (mant << 4n) & MASK64;
    return d;
  };
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) s += digit();
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) s += digit();
  }
  const a = Math.abs(exp);
  s += 'p' + (exp < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
  return upper ? s.toUpperCase() : s;
}

/** strconv.FormatFloat(|v|, verb, prec, 64), without the sign: verbs b e E f g G x X, prec -1 for the shortest. */
export function formatFloatAbs(v: number, verb: string, prec: number): string {
  const a = Math.abs(v);
  if (!Number.isFinite(a)) return Number.isNaN(a) ? 'NaN' : 'Inf';
  const shortest = prec < 0;
  switch (verb) {
    case 'b':
      return fmtB(a);
    case 'x':
    case 'X':
      return fmtX(a, prec, verb === 'X');
    case 'e':
    case 'E': {
      const d = shortest ? shortestDigits(a) : roundDigits(exactDigits(a), prec + 1);
      return fmtE(d, shortest ? Math.max(d.d.length - 1, 0) : prec, verb);
    }
    case 'f': {
      if (shortest) {
        const d = shortestDigits(a);
        return fmtF(d, Math.max(d.d.length - d.dp, 0));
      }
      const ex = exactDigits(a);
      return fmtF(roundDigits(ex, ex.dp + prec), prec);
    }
    default: {
      // g, G
      let p = prec;
      let d: Digits;
      if (shortest) {
        d = shortestDigits(a);
        p = d.d.length;
      } else {
        if (p === 0) p = 1;
        d = roundDigits(exactDigits(a), p);
      }
      let eprec = p;
      if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      if (d.d.length > 0 && (exp < -4 || exp >= eprec)) {
        if (p > d.d.length) p = d.d.length;
        return fmtE(d, p - 1, verb === 'G' ? 'E' : 'e');
      }
      if (p > d.dp) p = d.d.length;
      return fmtF(d, Math.max(p - d.dp, 0));
    }
  }
}

/** Go's %v of a float64 (strconv 'g', shortest, with its sign): 1e+06, 1.0000005e+06, 1e-05, -0, +Inf. */
export function goFloatV(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return (v < 0 || Object.is(v, -0) ? '-' : '') + formatFloatAbs(v, 'g', -1);
}
