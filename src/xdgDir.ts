// The tool's folder under an XDG base directory ($XDG_CONFIG_HOME/kubectl-gs, $XDG_CACHE_HOME/kubectl-gs),
// or under the home folder when the variable is unset or relative (the XDG spec ignores relative ones).
// Shared by the application's deps (src/cli/deps.ts) and the executable's main script (src/seaCodeCache.ts),
// so it imports nothing of the rooms.
export function xdgDir(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const path = require('node:path') as typeof import('node:path');
  const given = env[variable];
  if (given && path.isAbsolute(given)) return path.join(given, 'kubectl-gs');
  // $HOME first, as Go's os.UserHomeDir reads it; node:os only when it is unset (loading it costs ~0.3 ms).
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : (require('node:os') as typeof import('node:os')).homedir();
  return path.join(home, fallback, 'kubectl-gs');
}
