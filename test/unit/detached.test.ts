// startDetached (the telemetry flusher, the version check's refresh): a real child, in its own session and
// process group, at the lowest CPU priority, in the folder asked for, with no stdio of ours.
import { readFileSync, mkdtempSync, realpathSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDetached } from '../../src/detached';

/** /proc/<pid>/stat's fields after the command name: state, ppid, pgrp, session, ... nice is field 19. */
function stat(pid: number): string[] {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return s.slice(s.lastIndexOf(')') + 2).split(' ');
}

const linux = process.platform === 'linux' ? it : it.skip;

describe('startDetached', () => {
  linux('starts the program detached (a session of its own), niced to 19, in the given folder, stdio on /dev/null', () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'kgs-detached-')));
    const pid = startDetached(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], cwd, { ...process.env, KGS_DETACHED_PROBE: '1' });
    expect(pid).toEqual(expect.any(Number));
    try {
      const fields = stat(pid!);
      expect(Number(fields[3])).toBe(pid); // session id: its own
      expect(Number(fields[2])).toBe(pid); // process group: its own
      expect(Number(fields[16])).toBe(19); // nice
      expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(cwd);
      expect([0, 1, 2].map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`))).toEqual(['/dev/null', '/dev/null', '/dev/null']);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain('KGS_DETACHED_PROBE=1');
    } finally {
      process.kill(pid!);
    }
  });

  it('a program that cannot be started: undefined, nothing thrown', () => {
    expect(startDetached(join(tmpdir(), 'kgs-no-such-program'), [], tmpdir(), process.env)).toBeUndefined();
  });
});
