// --request-timeout as kubectl reads it (client-go clientcmd.ParseTimeout): a plain non-negative integer
// is seconds; otherwise a Go duration ("300ms", "5s", "1m30s", "1.5h"); "0" means no timeout.
import { UserError } from '../errors';

const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const invalid = (value: string) =>
  new UserError(
    `invalid --request-timeout "${value}": use an integer number of seconds or an integer followed by a time unit (e.g. 1s | 2m | 3h); 0 means no timeout`,
  );

/** All of Go's time.ParseDuration (sign, fractions, ns to h), in milliseconds (fractions kept); undefined when
 *  the syntax is wrong. template's parseHelmTimeoutDuration is the App CRD's smaller unsigned subset. */
export function parseGoTimeDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  // µ and μ escaped: one non-ASCII character in a regular expression (esbuild escapes strings, not
  // these) makes V8 hold the whole bundle as a two-byte string (see scripts/build.mjs).
  const part = /^(\d*)(?:\.(\d*))?([a-z\u00b5\u03bc]+)/;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return undefined;
    const factor = unitMs[m[3]!];
    if (factor === undefined) return undefined;
    const value = Number(`${m[1] || '0'}.${m[2] || '0'}`);
    total += value * factor;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** Go's longest time.Duration (2^63-1 ns) in ms: kubectl refuses anything longer. */
const longestGoDurationMs = 9_223_372_036_854.775;

/** The request timeout in milliseconds; 0 means none. Throws UserError on a bad or negative value. */
export function parseRequestTimeout(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  // A plain integer (strconv.ParseInt, so "+5" too) is seconds; anything else a Go duration.
  const ms = /^\+?\d+$/.test(value) ? Number(value) * 1000 : parseGoTimeDuration(value);
  if (ms !== undefined && ms < 0) {
    throw new UserError(`invalid --request-timeout "${value}": a timeout cannot be negative; use 0 for no timeout`);
  }
  if (ms === undefined || ms > longestGoDurationMs) throw invalid(value);
  return ms;
}

/**
 * Node's timers hold at most 2^31-1 ms (24.8 days); a longer delay fires at once. A timeout that long
 * (kubectl accepts --request-timeout 600h and more) is, for one command, no limit at all.
 */
const longestTimerMs = 2 ** 31 - 1;

/** setTimeout for a timeout in ms: none for 0 (no timeout) or for one longer than Node's timers hold. */
export function startTimeout(ms: number, onTimeout: () => void): NodeJS.Timeout | undefined {
  if (!(ms > 0) || ms > longestTimerMs) return undefined;
  return setTimeout(onTimeout, ms);
}

/** Renders milliseconds the way Go prints a duration ("5s", "1m30s", "500ms"), for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}
