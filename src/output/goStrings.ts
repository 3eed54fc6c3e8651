// Go's string rules that both template engines (jsonpath, go-template) print by: strconv.Quote and
// QuoteToASCII (for %q and wherever Go's error texts quote something, e.g. kubectl's
// `error executing template "..."`), unicode.IsPrint, and Go's string order (UTF-8 bytes).

const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrintRune(r: number): boolean {
  if (r >= 0x20 && r < 0x7f) return true;
  if (r < 0x80) return false;
  return PRINT.test(String.fromCodePoint(r));
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** strconv.Quote: printable Unicode kept, everything else escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    const e = ESCAPES[ch];
    if (e) out += e;
    else if (isPrintRune(r)) out += ch;
    else if (r < 0x20 || r === 0x7f) out += '\\x' + r.toString(16).padStart(2, '0');
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd'; // a lone surrogate is not valid UTF-8
    else if (r <= 0xffff) out += '\\u' + r.toString(16).padStart(4, '0');
    else out += '\\U' + r.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** strconv.QuoteToASCII (%+q): like goQuote, with every non-ASCII rune escaped. */
export function goQuoteAscii(s: string): string {
  let out = '';
  for (const ch of goQuote(s)) {
    const r = ch.codePointAt(0)!;
    if (r < 0x80) out += ch;
    else if (r <= 0xffff) out += '\\u' + r.toString(16).padStart(4, '0');
    else out += '\\U' + r.toString(16).padStart(8, '0');
  }
  return out;
}

/** Orders strings as Go does (by UTF-8 bytes, i.e. by code point), not by UTF-16 code units. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

// ---- Go's strconv.Unquote / UnquoteChar for string and character literals ----
// "\x.." and octal escapes produce bytes (Go strings are bytes), so the result is built as UTF-8 and
// decoded at the end; an invalid sequence becomes U+FFFD (Go would keep the raw byte).

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

/**
 * Unquotes a "..." literal (and, with quotes = `"'`, a '...' one as a string too: kubectl's jsonpath
 * takes both); null on invalid syntax, where Go's strconv.Unquote reports it.
 */
export function unquoteString(quoted: string, quotes = '"'): string | null {
  const quote = quoted[0];
  if (quoted.length < 2 || !quotes.includes(quote) || quoted[quoted.length - 1] !== quote) return null;
  const body = quoted.slice(1, -1);
  if (!body.includes('\\')) return body.includes(quote) || body.includes('\n') ? null : body;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const d = decodeOne(body, i, quote);
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
