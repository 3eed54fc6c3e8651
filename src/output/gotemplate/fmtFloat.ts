// Go's fmt float formatting (%v %e %f %g %b %x with fmt's flags) for float64 values, on top of the
// strconv digits in ../goFloat.ts.

import { formatFloatAbs } from '../goFloat';
import { type Flags, pad } from './fmtFlags';

/** fmt's '#' on floats: always a decimal point; %g and %x keep zeros up to the precision. */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  let body = num;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '.') {
      hasPoint = true;
      continue;
    }
    if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    // Go counts every character after the first non-zero one, the 'x' of "0x" included.
    if (c !== '0') sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!hasPoint) {
    if (body === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}

/** fmt's fmtFloat: sign, '#', and zero padding after the sign. */
export function fmtFloat(v: number, verb: string, defPrec: number, f: Flags): string {
  const prec = f.prec >= 0 ? f.prec : defPrec;
  const strconvVerb = verb === 'F' ? 'f' : verb;
  let num = formatFloatAbs(v, strconvVerb, prec);
  let sign = v < 0 || Object.is(v, -0) ? '-' : '+';
  if (f.space && sign === '+' && !f.plus) sign = ' ';
  if (!Number.isFinite(v)) {
    if (Number.isNaN(v) && !f.space && !f.plus) return pad(num, { ...f, zero: false });
    return pad(sign + num, { ...f, zero: false });
  }
  if (f.sharp && verb !== 'b') num = sharpFloat(num, strconvVerb, prec);
  if (f.plus || sign !== '+') {
    if (f.zero && !f.minus && f.wid > num.length + 1) return sign + '0'.repeat(f.wid - num.length - 1) + num;
    return pad(sign + num, f);
  }
  return pad(num, f);
}
