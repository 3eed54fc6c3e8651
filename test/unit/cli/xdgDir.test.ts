import { homedir } from 'node:os';
import { join } from 'node:path';
import { xdgDir } from '../../../src/cli/deps';

describe('xdgDir', () => {
  it('uses an absolute XDG variable', () => {
    expect(xdgDir({ XDG_CONFIG_HOME: '/x/conf', HOME: '/home/a' }, 'XDG_CONFIG_HOME', '.config')).toBe('/x/conf/kubectl-gs');
  });

  it('ignores a relative XDG variable, as the XDG spec says, and falls back to $HOME', () => {
    expect(xdgDir({ XDG_CACHE_HOME: 'rel/cache', HOME: '/home/a' }, 'XDG_CACHE_HOME', '.cache')).toBe('/home/a/.cache/kubectl-gs');
  });

  it("asks the OS for the home directory only when $HOME is unset or relative", () => {
    expect(xdgDir({}, 'XDG_CONFIG_HOME', '.config')).toBe(join(homedir(), '.config', 'kubectl-gs'));
    expect(xdgDir({ HOME: 'relative' }, 'XDG_CONFIG_HOME', '.config')).toBe(join(homedir(), '.config', 'kubectl-gs'));
  });
});
