// Reading an id token's lifetime without verifying it: the token came from the issuer over TLS and the
// API server verifies it; the client only needs to know whether to use it or renew it.
import { tokenClaims } from '../jwtClaims';

export interface TokenTimes {
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issued at, seconds since the epoch, when present. */
  iat?: number;
}

/** The exp and iat claims of a JWT, or undefined when it is not a JWT with a numeric, non-zero exp. */
export function tokenTimes(token: string | undefined): TokenTimes | undefined {
  if (!token || token.split('.').length !== 3) return undefined;
  // JWTs use base64url; Go's check decodes with the standard alphabet (RawStdEncoding) and so takes a
  // token whose payload holds '-' or '_' for invalid. tokenClaims reads base64url (and the standard alphabet).
  const { exp, iat } = tokenClaims(token);
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp === 0) return undefined;
  return { exp: Math.trunc(exp), iat: typeof iat === 'number' && Number.isFinite(iat) ? Math.trunc(iat) : undefined };
}

/**
 * How long before its expiry a token stops being handed out: Go's five minutes, so that a command started
 * with it does not outlive it. A token that lives five minutes or less gets half its lifetime instead: Go
 * takes such tokens for expired the moment they are issued and renews on every kubectl call, which spends
 * a refresh token per call and defeats the cache.
 */
export function leewaySeconds(times: TokenTimes): number {
  const fiveMinutes = 300;
  if (times.iat === undefined || times.exp - times.iat > 2 * fiveMinutes) return fiveMinutes;
  return Math.min(fiveMinutes, Math.max(0, Math.floor((times.exp - times.iat) / 2)));
}

/** When the token should no longer be used (ms since the epoch), or undefined for a token we cannot read. */
export function usableUntil(token: string | undefined): number | undefined {
  const times = tokenTimes(token);
  return times ? (times.exp - leewaySeconds(times)) * 1000 : undefined;
}

/** Go's oidc.IsValidIDToken, with the leeway above: a JWT that is still usable at `nowMs`. */
export function isUsableIdToken(token: string | undefined, nowMs: number): boolean {
  const until = usableUntil(token);
  return until !== undefined && until > nowMs;
}
