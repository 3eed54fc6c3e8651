import { isUsableIdToken, leewaySeconds, tokenTimes, usableUntil } from '../../../src/login/idToken';
import { jwt, tokenAt } from './jwt';

describe('id token lifetime', () => {
  const now = 1_800_000_000;
  it('reads exp and iat from the payload (base64url, which Go misreads)', () => {
    // A payload whose base64url form holds '-' or '_': the claims below encode with both.
    const token = jwt({ exp: now + 3600, iat: now, name: '>>>???~~~' });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(tokenTimes(token)).toEqual({ exp: now + 3600, iat: now });
  });
  it('rejects what is not a JWT with a numeric non-zero exp', () => {
    expect(tokenTimes('')).toBeUndefined();
    expect(tokenTimes('a.b')).toBeUndefined();
    expect(tokenTimes('a.!!!.c')).toBeUndefined();
    expect(tokenTimes(jwt({ exp: 0 }))).toBeUndefined();
    expect(tokenTimes(jwt({ exp: '123' }))).toBeUndefined();
    expect(tokenTimes(jwt({ sub: 'x' }))).toBeUndefined();
  });
  it("keeps Go's five minutes for ordinary tokens", () => {
    const token = tokenAt(now, 3600);
    expect(usableUntil(token)).toBe((now + 3600 - 300) * 1000);
    expect(isUsableIdToken(token, (now + 3600 - 301) * 1000)).toBe(true);
    expect(isUsableIdToken(token, (now + 3600 - 300) * 1000)).toBe(false);
  });
  it('uses half the lifetime for tokens of ten minutes or less, so that they are served at all', () => {
    expect(leewaySeconds({ exp: now + 60, iat: now })).toBe(30);
    expect(leewaySeconds({ exp: now + 600, iat: now })).toBe(300);
    expect(leewaySeconds({ exp: now + 601, iat: now })).toBe(300);
    expect(leewaySeconds({ exp: now + 60 })).toBe(300); // no iat: Go's rule
    expect(isUsableIdToken(tokenAt(now, 60), (now + 10) * 1000)).toBe(true);
    expect(isUsableIdToken(tokenAt(now, 60), (now + 31) * 1000)).toBe(false);
  });
});
