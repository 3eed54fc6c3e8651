// The one line every error becomes: URL credentials never reach it.
import { describeError, redactUrlCredentials, UserError } from '../../src/errors';

test('user names and passwords in URLs are hidden, everything else is kept', () => {
  expect(redactUrlCredentials('proxy-url "socks5://alice:PASSWORD@proxy:1080" is not supported')).toBe('proxy-url "socks5://xxxxx@proxy:1080" is not supported');
  expect(redactUrlCredentials('see https://TOKEN@github.com/x and http://u:p@[::1]:8080/a?b=c')).toBe('see https://xxxxx@github.com/x and http://xxxxx@[::1]:8080/a?b=c');
  expect(redactUrlCredentials('mail alice@example.com about https://example.com/@user')).toBe('mail alice@example.com about https://example.com/@user');
});

test('describeError: the first line, redacted, for any thrown value', () => {
  expect(describeError(new UserError('cannot reach http://bob:hunter2@h:1\nstack'))).toBe('cannot reach http://xxxxx@h:1');
  expect(describeError(new Error('fetch https://x:y@h failed'))).toBe('fetch https://xxxxx@h failed');
  expect(describeError('plain')).toBe('plain');
});
