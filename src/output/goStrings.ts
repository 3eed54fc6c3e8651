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
