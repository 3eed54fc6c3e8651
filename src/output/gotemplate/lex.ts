// Lexer for Go text/template as kubectl's `-o go-template` parses it (delimiters fixed to {{ }}).
// It follows Go's state machine closely because parse error texts ("bad character U+007D '}'",
// "unclosed action", ...) and the positions in execution errors come straight out of it.
// Positions are UTF-16 indices into the template; errors convert them to Go's byte columns.

import { goQuote, isPrintRune } from '../goStrings';

export type TokenType =
  | 'error'
  | 'bool'
  | 'char' // printable ASCII grab bag, e.g. ','
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Token {
  type: TokenType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, TokenType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

export function isKeyword(t: TokenType): boolean {
  return (
    t === 'block' ||
    t === 'break' ||
    t === 'continue' ||
    t === 'dot' ||
    t === 'define' ||
    t === 'else' ||
    t === 'end' ||
    t === 'if' ||
    t === 'nil' ||
    t === 'range' ||
    t === 'template' ||
    t === 'with'
  );
}

const LEFT = '{{';
const RIGHT = '}}';
const EOF = -1;

const isSpace = (r: number): boolean => r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
const ALNUM = /^[\p{L}\p{Nd}_]$/u;
const isAlphaNumeric = (r: number): boolean => r >= 0 && ALNUM.test(String.fromCodePoint(r));

/** Go's %#U: U+007D '}' (the quoted form only for printable runes). */
function goUnicode(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrintRune(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

const hasLeftTrimMarker = (s: string, i: number): boolean => s[i] === '-' && i + 1 < s.length && isSpace(s.charCodeAt(i + 1));
const hasRightTrimMarker = (s: string, i: number): boolean => i + 1 < s.length && isSpace(s.charCodeAt(i)) && s[i + 1] === '-';

/** Lexes the whole template; the token list ends with an 'eof' or an 'error' token. */
export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let done = false;

  const countNl = (a: number, b: number): number => {
    let n = 0;
    for (let i = a; i < b; i++) if (input.charCodeAt(i) === 10) n++;
    return n;
  };
  const next = (): number => {
    if (pos >= input.length) {
      pos = input.length + 1; // remember we hit EOF so backup() is a no-op, as Go's atEOF
      return EOF;
    }
    const r = input.codePointAt(pos)!;
    pos += r > 0xffff ? 2 : 1;
    if (r === 10) line++;
    return r;
  };
  const backup = (): void => {
    if (pos > input.length) {
      pos = input.length;
      return;
    }
    if (pos > 0) {
      const c = input.charCodeAt(pos - 1);
      const w = c >= 0xdc00 && c <= 0xdfff && pos > 1 ? 2 : 1;
      pos -= w;
      if (c === 10) line--;
    }
  };
  const peek = (): number => {
    const atEof = pos > input.length;
    const r = next();
    if (!atEof) backup();
    else pos = input.length + 1;
    return r;
  };
  const fixEof = (): void => {
    if (pos > input.length) pos = input.length;
  };
  const emit = (type: TokenType): void => {
    fixEof();
    tokens.push({ type, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    fixEof();
    line += countNl(start, pos);
    start = pos;
    startLine = line;
  };
  const error = (msg: string): void => {
    tokens.push({ type: 'error', pos: start, val: msg, line: startLine });
    done = true;
  };
  const accept = (valid: string): boolean => {
    const r = next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const r = next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    backup();
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT, pos + 2)) return [true, true];
    if (input.startsWith(RIGHT, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === EOF || isSpace(r)) return true;
    switch (r) {
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return input.startsWith(RIGHT, pos);
  };

  // Text up to the next "{{", trimming trailing spaces if the action starts with "{{- ".
  const lexText = (): boolean => {
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) {
        line += countNl(start, pos);
        emit('text');
      }
      emit('eof');
      done = true;
      return false;
    }
    if (x > pos) {
      pos = x;
      let trim = 0;
      if (hasLeftTrimMarker(input, pos + LEFT.length)) {
        const s = input.slice(start, pos);
        trim = s.length - s.replace(/[ \t\r\n]+$/, '').length;
      }
      pos -= trim;
      line += countNl(start, pos);
      const text = input.slice(start, pos);
      const tok: Token = { type: 'text', pos: start, val: text, line: startLine };
      start = pos;
      startLine = line;
      pos += trim;
      ignore();
      if (text.length > 0) tokens.push(tok);
    }
    return lexLeftDelim();
  };

  // Returns true when inside an action afterwards.
  const lexLeftDelim = (): boolean => {
    pos += LEFT.length;
    const trimSpace = hasLeftTrimMarker(input, pos);
    const afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return lexComment();
    }
    tokens.push({ type: 'leftDelim', pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return true;
  };

  const lexComment = (): boolean => {
    pos += 2;
    const x = input.indexOf('*/', pos);
    if (x < 0) {
      error('unclosed comment');
      return false;
    }
    pos = x + 2;
    const [delim, trimSpace] = atRightDelim();
    if (!delim) {
      error('comment ends before closing delimiter');
      return false;
    }
    line += countNl(start, pos);
    start = pos;
    startLine = line;
    if (trimSpace) pos += 2;
    pos += RIGHT.length;
    if (trimSpace) pos += leftTrimLength(pos);
    ignore();
    return false;
  };

  const leftTrimLength = (at: number): number => {
    let i = at;
    while (i < input.length && isSpace(input.charCodeAt(i))) i++;
    return i - at;
  };

  const lexRightDelim = (): void => {
    const [, trimSpace] = atRightDelim();
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length;
    emit('rightDelim');
    if (trimSpace) {
      pos += leftTrimLength(pos);
      ignore();
    }
  };

  // One token inside an action; returns false when the action ended.
  const lexInsideAction = (): boolean => {
    const [delim] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) {
        lexRightDelim();
        return false;
      }
      error('unclosed left paren');
      return false;
    }
    const r = next();
    if (r === EOF) {
      error('unclosed action');
      return false;
    }
    if (isSpace(r)) {
      backup();
      return lexSpace();
    }
    switch (r) {
      case 0x3d: // =
        emit('assign');
        return true;
      case 0x3a: // :
        if (next() !== 0x3d) {
          error('expected :=');
          return false;
        }
        emit('declare');
        return true;
      case 0x7c:
        emit('pipe');
        return true;
      case 0x22:
        return lexQuote();
      case 0x60:
        return lexRawQuote();
      case 0x24:
        return lexVariable();
      case 0x27:
        return lexChar();
      case 0x28:
        parenDepth++;
        emit('leftParen');
        return true;
      case 0x29:
        parenDepth--;
        if (parenDepth < 0) {
          error('unexpected right paren');
          return false;
        }
        emit('rightParen');
        return true;
    }
    if (r === 0x2e) {
      // ".field", or a number such as ".5"
      if (pos < input.length) {
        const c = input.charCodeAt(pos);
        if (c < 0x30 || c > 0x39) return lexFieldOrVariable('field');
      }
      backup();
      return lexNumber();
    }
    if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      backup();
      return lexNumber();
    }
    if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier();
    }
    if (r <= 0x7f && r >= 0x20 && r < 0x7f) {
      emit('char');
      return true;
    }
    error(`unrecognized character in action: ${goUnicode(r)}`);
    return false;
  };

  // A run of spaces; careful with " -}}", which starts with a space.
  const lexSpace = (): boolean => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      backup();
      if (numSpaces === 1) {
        lexRightDelim();
        return false;
      }
    }
    emit('space');
    return true;
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        error(`bad character ${goUnicode(r)}`);
        return false;
      }
      const kw = Object.prototype.hasOwnProperty.call(KEYWORDS, word) ? KEYWORDS[word] : undefined;
      if (kw) emit(kw);
      else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return true;
    }
  };

  const lexVariable = (): boolean => {
    if (atTerminator()) {
      emit('variable');
      return true;
    }
    return lexFieldOrVariable('variable');
  };

  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    let r: number;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) {
      error(`bad character ${goUnicode(r)}`);
      return false;
    }
    emit(type);
    return true;
  };

  const lexChar = (): boolean => {
    for (;;) {
      const r = next();
      if (r === 0x5c) {
        const r2 = next();
        if (r2 !== EOF && r2 !== 10) continue;
        error('unterminated character constant');
        return false;
      }
      if (r === EOF || r === 10) {
        error('unterminated character constant');
        return false;
      }
      if (r === 0x27) break;
    }
    emit('charConstant');
    return true;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) {
      fixEof();
      error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      return false;
    }
    const sign = peek();
    if (sign === 0x2b || sign === 0x2d) {
      if (!scanNumber() || input[Math.min(pos, input.length) - 1] !== 'i') {
        fixEof();
        error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        return false;
      }
      emit('complex');
      return true;
    }
    emit('number');
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      const r = next();
      if (r === 0x5c) {
        const r2 = next();
        if (r2 !== EOF && r2 !== 10) continue;
        error('unterminated quoted string');
        return false;
      }
      if (r === EOF || r === 10) {
        error('unterminated quoted string');
        return false;
      }
      if (r === 0x22) break;
    }
    emit('string');
    return true;
  };

  const lexRawQuote = (): boolean => {
    for (;;) {
      const r = next();
      if (r === EOF) {
        error('unterminated raw quoted string');
        return false;
      }
      if (r === 0x60) break;
    }
    emit('rawString');
    return true;
  };

  let inside = false;
  while (!done) {
    inside = inside ? lexInsideAction() : lexText();
  }
  return tokens;
}
