// Real signals for spool tests: built by buildSignal, as the tool builds them, so that they pass the
// spool's shape check; told apart by a session ID made from a number.
import { buildSignal, type Signal } from '../../../../src/telemetry/signal';
import type { SpoolEntry } from '../../../../src/telemetry/spool';

/** A valid UUID v4 that encodes n, e.g. sid(3) = 00000000-0000-4000-8000-000000000003. */
export function sid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The signal of `kubectl gs version` numbered n (also its durationMs). */
export function testSignal(n: number, clientUser = 'a'.repeat(64)): Signal {
  const signal = buildSignal({ path: ['version'], flags: [], exitCode: 0, durationMs: n, ci: false }, clientUser, true);
  return { ...signal, sessionID: sid(n) };
}

/** A spool entry for testSignal(n); one held for the user hash has none yet. */
export function spoolEntry(n: number, extra: Partial<SpoolEntry> = {}, createdAt = Date.now()): SpoolEntry {
  return { createdAt, signal: testSignal(n, extra.pendingUser ? '' : 'a'.repeat(64)), ...extra };
}
