/** The real prompter. Imported lazily: never on the start-up path of a command that does not ask. */
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

export function inquirerPrompter(): Prompter {
  return {
    select: (q) => guard(select({ message: q.message, choices: q.choices, pageSize: 12 })),
    search: (q) =>
      guard(
        search({
          message: q.message,
          source: async (term) => q.source(term ?? ''),
          pageSize: 12,
        }),
      ),
    input: (q) => guard(input({ message: q.message, default: q.default, validate: q.validate })),
    confirm: (q) => guard(confirm({ message: q.message, default: q.default })),
  };
}
