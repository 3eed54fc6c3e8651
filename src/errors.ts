// Errors a user can act on, shared by every room (cli, kube, output, template, telemetry): the CLI prints
// `error: <message>` as one line on stderr and exits non-zero; only --debug adds the stack. Anything that
// is not a UserError is a bug or an unexpected failure and is reported the same way (one line), so users
// never see a raw stack trace by default. It lives at the top so that src/kube needs nothing from src/cli.
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Turns any thrown value into the one line shown to the user, with credentials in URLs hidden. */
export function describeError(err: unknown): string {
  const line = err instanceof Error ? err.message.split('\n')[0] || err.name : String(err);
  return redactUrlCredentials(line);
}

// scheme://userinfo@ : everything between "//" and "@" that cannot belong to a host, path or query.
const urlUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

/**
 * Hides the user name and password of every URL in a text ("socks5://alice:secret@proxy:1080" ->
 * "socks5://xxxxx@proxy:1080"). Both parts go: a user name alone is often a token.
 */
export function redactUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(urlUserinfo, '$1xxxxx@') : text;
}
