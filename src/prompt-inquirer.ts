/**
 * The real prompter. Imported lazily: never on the start-up path of a command that does not ask.
 * Questions are written to stderr, never stdout: `rel show sarah --json > out.json` shows the question
 * on the terminal and leaves out.json pure JSON. When stderr is not a terminal either (`2>/dev/null`),
 * to the terminal itself (/dev/tty), as git and ssh ask for a password.
 */
import { openSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import { confirm, input, search, select } from '@inquirer/prompts';
import { CancelError } from './errors.js';
import type { Prompter } from './prompt.js';

/** Ctrl-C / Ctrl-D reject with ExitPromptError (or AbortPromptError): both mean "cancelled", exit 130. */
async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && /ExitPromptError|AbortPromptError|CancelPromptError/.test(e.name)) {
      throw new CancelError();
    }
    throw e;
  }
}

/** Where questions are shown: stderr when it is a terminal, else /dev/tty, else stderr all the same. */
function questionStream(): NodeJS.WritableStream {
  if (process.stderr.isTTY) return process.stderr;
  try {
    const tty = new WriteStream(openSync('/dev/tty', 'w'));
    tty.unref(); // never what keeps rel running
    return tty;
  } catch {
    return process.stderr;
  }
}

export function inquirerPrompter(): Prompter {
  let output: NodeJS.WritableStream | undefined;
  const context = () => ({ output: (output ??= questionStream()) });
  return {
    select: (q) => guard(select({ message: q.message, choices: q.choices, pageSize: 12 }, context())),
    search: (q) =>
      guard(
        search(
          {
            message: q.message,
            source: async (term) => q.source(term ?? ''),
            pageSize: 12,
          },
          context(),
        ),
      ),
    input: (q) => guard(input({ message: q.message, default: q.default, validate: q.validate }, context())),
    confirm: (q) => guard(confirm({ message: q.message, default: q.default }, context())),
  };
}
