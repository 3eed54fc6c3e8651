// Go's strconv.Unquote / UnquoteChar for template string and character literals.
// "\x.." and octal escapes produce bytes (Go strings are bytes), so the result is built as UTF-8
// and decoded at the end; an invalid sequence becomes U+FFFD (Go would keep the raw byte).

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** Decodes one escape or rune at s[i]; returns [bytes, nextIndex] or null on bad syntax. */
function decodeOne(s: string, i: number, quote: string): [number[], number] | null {
  const c = s[i];
  if (c !== '\\') {
    const r = s.codePointAt(i)!;
    if (c === quote || c === '\n') return null;
    return [utf8(r), i + (r > 0xffff ? 2 : 1)];
  }
  const e = s[i + 1];
  if (e === undefined) return null;
  if (e in SIMPLE) return [[SIMPLE[e]], i + 2];
  if (e === quote) return [[quote.charCodeAt(0)], i + 2];
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = s.slice(i + 2, i + 2 + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return null;
    const v = parseInt(hex, 16);
    if (e === 'x') return [[v], i + 2 + n];
    if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) return null;
    return [utf8(v), i + 2 + n];
  }
  if (e >= '0' && e <= '7') {
    const oct = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(oct)) return null;
    const v = parseInt(oct, 8);
    if (v > 255) return null;
    return [[v], i + 4];
  }
  return null;
}

function utf8(r: number): number[] {
  return [...Buffer.from(String.fromCodePoint(r), 'utf8')];
}

/** Unquotes a "..." literal; null on invalid syntax. */
export function unquoteString(quoted: string): string | null {
  if (quoted.length < 2 || quoted[0] !== '"' || quoted[quoted.length - 1] !== '"') return null;
  const body = quoted.slice(1, -1);
  if (!body.includes('\\')) return body.includes('"') || body.includes('\n') ? null : body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const d = decodeOne(body, i, '"');
    if (!d) return null;
    bytes.push(...d[0]);
    i = d[1];
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The rune value of a '...' literal; null if malformed. */
export function unquoteChar(quoted: string): number | null {
  if (quoted.length < 3 || quoted[0] !== "'" || quoted[quoted.length - 1] !== "'") return null;
  const body = quoted.slice(1, -1);
  const d = decodeOne(body, 0, "'");
  if (!d || d[1] !== body.length) return null;
  const bytes = d[0];
  return bytes.length === 1 ? bytes[0] : Buffer.from(bytes).toString('utf8').codePointAt(0)!;
}
