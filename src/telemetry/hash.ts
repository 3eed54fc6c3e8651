// SHA-256 (hex) from node:crypto, which is loaded on the first hash, not at start-up: with warm caches
// a command hashes nothing (the user hash and cluster facts come from the cache), and a command that
// talks to a cluster has loaded node:crypto for TLS anyway. Measured in docs/telemetry.md.
export function sha256Hex(text: string): string {
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
}
