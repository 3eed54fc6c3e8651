// Errors a user can act on. The CLI prints `error: <message>` as one line on stderr and exits non-zero;
// only --debug adds the stack. Anything that is not a UserError is a bug or an unexpected failure and is
// reported the same way (one line), so users never see a raw stack trace by default.
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Turns any thrown value into the one line shown to the user. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] || err.name;
  return String(err);
}
