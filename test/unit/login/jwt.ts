// Unsigned JWTs for tests: only the claims matter to the client side (the API server verifies signatures).
export function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** A token issued at `iatSec` that lives `lifetimeSec`. */
export function tokenAt(iatSec: number, lifetimeSec: number, extra: Record<string, unknown> = {}): string {
  return jwt({ iss: 'https://issuer.test', sub: 'u1', iat: iatSec, exp: iatSec + lifetimeSec, ...extra });
}
