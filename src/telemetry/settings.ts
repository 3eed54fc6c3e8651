// The per-user telemetry setting: <config dir>/telemetry.json, written atomically (temp file + rename),
// so a failed write leaves the previous file intact.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UserSettings {
  /** Set by `telemetry enable` (true) or `telemetry disable` (false); absent: not decided. */
  enabled?: boolean;
  /** When the first-run notice was printed (ISO time); absent: not shown yet. */
  noticeShownAt?: string;
}

export function settingsFile(configDir: string): string {
  return join(configDir, 'telemetry.json');
}

export function readUserSettings(configDir: string): UserSettings {
  try {
    const parsed = JSON.parse(readFileSync(settingsFile(configDir), 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const s = parsed as Record<string, unknown>;
    return {
      enabled: typeof s.enabled === 'boolean' ? s.enabled : undefined,
      noticeShownAt: typeof s.noticeShownAt === 'string' ? s.noticeShownAt : undefined,
    };
  } catch {
    return {};
  }
}

export function writeUserSettings(configDir: string, settings: UserSettings): void {
  mkdirSync(configDir, { recursive: true });
  const file = settingsFile(configDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}
