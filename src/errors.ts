/**
 * Typed errors, mapped to exit codes in one place (src/main.ts):
 *   UsageError  -> 2  bad flags or bad input: unknown person, bad date, empty name...
 *   RelError    -> 1  anything else that went wrong and that we can explain
 *   CancelError -> 130 the user cancelled a prompt (Ctrl-C / Ctrl-D)
 *   QuietExit   -> its code, and no message: `rel due --exit-status` when no one is due (1), a reader
 *                  that closed stdout (141, as a process killed by SIGPIPE)
 * Anything else is a bug: exit 1, "this is a bug", stack only under REL_DEBUG=1.
 */
export class RelError extends Error {
  readonly exitCode: number = 1;
  /** Every error is one line on stderr: line breaks in quoted input are shown as spaces. */
  constructor(message: string) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'RelError';
  }
}

export class UsageError extends RelError {
  override readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class CancelError extends RelError {
  override readonly exitCode: number = 130;
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelError';
  }
}

/** Ends rel with an exit status and nothing on stderr. Not a RelError: there is nothing to say. */
export class QuietExit extends Error {
  constructor(readonly exitCode: number, why: string) {
    super(why);
    this.name = 'QuietExit';
  }
}
