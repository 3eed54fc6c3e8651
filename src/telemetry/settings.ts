// The per-user telemetry setting: <config dir>/telemetry.json (0600 in a 0700 folder), written atomically
// by the files room, so a failed write leaves the previous file intact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFsError, ensurePrivateDir, writeFileAtomic } from '../files/index';

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

/** The setting could not be saved; the message is the one line the CLI prints. */
export class SettingNotSaved extends Error {
  constructor(readonly file: string, readonly reason: string, optingOut: boolean) {
    super(
      `the telemetry setting could not be saved in ${file} (${reason}); ` +
        (optingOut ? 'set KUBECTL_GS_TELEMETRY_OPTOUT=1 in your environment to opt out without it' : 'make that folder writable and try again'),
    );
    this.name = 'SettingNotSaved';
  }
}

/**
 * Saves the setting. When it cannot be saved (a read-only home, a full disk), throws SettingNotSaved:
 * one line that says so, where, and what to do instead, not a raw "EACCES ... mkdir".
 */
export function writeUserSettings(configDir: string, settings: UserSettings): void {
  const file = settingsFile(configDir);
  try {
    ensurePrivateDir(configDir);
    writeFileAtomic(file, JSON.stringify(settings, null, 2) + '\n');
  } catch (err) {
    throw new SettingNotSaved(file, describeFsError(err), settings.enabled === false);
  }
}
