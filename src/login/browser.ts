// Opens a URL in the user's browser the way the Go tool does (github.com/skratchdot/open-golang):
// xdg-open on Linux and the BSDs, open on macOS, `cmd /c start` on Windows. Resolves false when that
// cannot be started (no desktop, a server, a container): the caller then asks the user to open the URL.
export function openInBrowser(url: string): Promise<boolean> {
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
