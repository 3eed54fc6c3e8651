import { formatDuration, parseGoTimeDuration, parseRequestTimeout, startTimeout } from '../../../src/kube/duration';
import { UserError } from '../../../src/cli/errors';

describe('--request-timeout (kubectl syntax)', () => {
  test.each([
    [undefined, 0],
    ['0', 0],
    ['5', 5000],
    ['5s', 5000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
    ['2h45m', 9_900_000],
    ['0s', 0],
    // kubectl accepts anything up to Go's longest duration (about 2.56 million hours).
    ['600h', 600 * 3_600_000],
    ['2562047h', 2562047 * 3_600_000],
    ['3000000', 3_000_000_000],
    ['+5', 5000],
    ['+5s', 5000],
  ])('%s -> %d ms', (text, ms) => {
    expect(parseRequestTimeout(text)).toBe(ms);
  });

  test.each(['-5s', '-1m30s', '-0.5h'])('%s is rejected: a timeout cannot be negative', (text) => {
    expect(() => parseRequestTimeout(text)).toThrow(`invalid --request-timeout "${text}": a timeout cannot be negative; use 0 for no timeout`);
  });

  test('longer than Go can hold is rejected, as kubectl does', () => {
    expect(() => parseRequestTimeout('2562048h')).toThrow('invalid --request-timeout "2562048h"');
  });

  test("timers: none for 0, none beyond Node's 2^31-1 ms (it would fire at once), one otherwise", () => {
    expect(startTimeout(0, () => {})).toBeUndefined();
    expect(startTimeout(parseRequestTimeout('600h'), () => {})).toBeUndefined();
    const t = startTimeout(5000, () => {});
    expect(t).toBeDefined();
    clearTimeout(t);
  });

  test.each(['5x', 'abc', '1.5', 's', '1 s', '-3'])('%s is rejected with a one-line hint', (text) => {
    expect(() => parseRequestTimeout(text)).toThrow(UserError);
    expect(() => parseRequestTimeout(text)).toThrow(/invalid --request-timeout ".*": use an integer number of seconds or an integer followed by a time unit \(e\.g\. 1s \| 2m \| 3h\)/);
  });

  test('Go duration units', () => {
    expect(parseGoTimeDuration('1us')).toBeCloseTo(0.001);
    expect(parseGoTimeDuration('1µs')).toBeCloseTo(0.001);
    expect(parseGoTimeDuration('1000000ns')).toBeCloseTo(1);
    expect(parseGoTimeDuration('.5s')).toBe(500);
    expect(parseGoTimeDuration('-2m')).toBe(-120_000);
    expect(parseGoTimeDuration('')).toBeUndefined();
    expect(parseGoTimeDuration('3d')).toBeUndefined();
  });

  test('formats durations like Go for messages', () => {
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(5000)).toBe('5s');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(3_600_000)).toBe('1h0m0s');
  });
});
