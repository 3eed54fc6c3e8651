// Asking the user on a terminal: a y/N question (anything but y/yes is no, as in the Go tool) and a
// password read without echo. Only called when standard input is a terminal.
import type { OutputStream } from '../../cli/deps';

export interface Prompter {
  /** Whether standard input is a terminal (questions are only asked there). */
  interactive: boolean;
  /** Writes the question and returns the line typed (without the newline), or undefined at end of input. */
  ask(question: string, hidden?: boolean): Promise<string | undefined>;
}

/** The process's own terminal. */
export function terminalPrompter(stderr: OutputStream): Prompter {
  const tty = require('node:tty') as typeof import('node:tty');
  return {
    interactive: tty.isatty(0),
    ask: (question, hidden) => readLine(stderr, question, hidden === true),
  };
}

/** Typed-ahead input past the line a question took (a user may answer several questions at once). */
let pending = '';

function readLine(stderr: OutputStream, question: string, hidden: boolean): Promise<string | undefined> {
  stderr.write(question);
  const stdin = process.stdin;
  const raw = hidden && typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode(true);
  return new Promise((resolve) => {
    let line = '';
    const done = (value: string | undefined, rest: string) => {
      pending = rest;
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      if (hidden) stderr.write('\n');
      resolve(value);
    };
    const onEnd = () => done(line === '' ? undefined : line, '');
    const take = (text: string): boolean => {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        // After a carriage return, a line feed belongs to the same end of line.
        const rest = () => {
          const r = chars.slice(i + 1).join('');
          return ch === '\r' && r.startsWith('\n') ? r.slice(1) : r;
        };
        if (ch === '\n' || ch === '\r') {
          done(line, rest());
          return true;
        }
        // Ctrl-C or Ctrl-D in raw mode: no answer.
        if (raw && (ch === '\u0003' || ch === '\u0004')) {
          done(undefined, '');
          return true;
        }
        if (raw && (ch === '\u007f' || ch === '\b')) line = line.slice(0, -1);
        else line += ch;
      }
      return false;
    };
    const onData = (chunk: Buffer) => void take(chunk.toString('utf8'));
    const buffered = pending;
    pending = '';
    if (take(buffered)) return;
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}

/** Go's AskConfirmation: "<prompt> [y/N]: ", yes only for y or yes. */
export async function confirm(p: Prompter, prompt: string): Promise<boolean> {
  const answer = await p.ask(`${prompt} [y/N]: `);
  const a = (answer ?? '').trim().toLowerCase();
  return a === 'y' || a === 'yes';
}
