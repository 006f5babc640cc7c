/**
 * Everything a command may touch, injected so that tests are fast and exact (cli/cli's iostreams.Test()).
 * realDeps() is the only place that reads process.*; tests build their own with test/helpers.ts.
 */
import type { Prompter } from './prompt.js';

export interface Writer {
  write(text: string): void;
}

export interface Deps {
  /** The environment, as read once at start-up. */
  env: Readonly<Record<string, string | undefined>>;
  /** The current instant; called once per command. */
  now: () => Date;
  out: Writer;
  err: Writer;
  /** Is stdin a terminal? Prompts are shown only when it is. */
  stdinIsTTY: boolean;
  /** Is stdout a terminal? Tables and colour only when it is. */
  stdoutIsTTY: boolean;
  /** The user's home folder, for the default database path. */
  home: string;
  /** Asks questions; only ever called when stdinIsTTY. */
  prompt: Prompter;
}

export function realDeps(): Deps {
  return {
    env: process.env,
    now: () => new Date(),
    out: process.stdout,
    err: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    home: process.env.HOME ?? '',
    prompt: lazyInquirer(),
  };
}

/** inquirer costs ~60 ms to import: load it only when a question is actually asked. */
function lazyInquirer(): Prompter {
  let loaded: Promise<Prompter> | undefined;
  const get = () => (loaded ??= import('./prompt-inquirer.js').then((m) => m.inquirerPrompter()));
  return {
    select: async (q) => (await get()).select(q),
    search: async (q) => (await get()).search(q),
    input: async (q) => (await get()).input(q),
    confirm: async (q) => (await get()).confirm(q),
  };
}
