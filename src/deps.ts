/**
 * Everything a command may touch, injected so that tests are fast and exact (cli/cli's iostreams.Test()).
 * realDeps() is the only place that reads process.*; tests build their own with test/helpers.ts.
 */
import { writeSync } from 'node:fs';
import { QuietExit } from './errors.js';
import { isatty } from './isatty.js';
import type { Prompter } from './prompt.js';

export interface Writer {
  /** Text is written as UTF-8; bytes (JSON that SQLite wrote) as they are. */
  write(text: string | Uint8Array): void;
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
  /** Is stderr a terminal? Progress lines (rel import) only when it is. */
  stderrIsTTY?: boolean;
  /** The terminal's width in columns (asked only when stdout is a terminal): tables are cut to fit. */
  columns?: number;
  /** The terminal's height in lines (asked only when stdout is a terminal): taller output is paged. */
  rows?: number;
  /** The user's home folder, for the default database path. */
  home: string;
  /** Asks questions; only ever called when stdinIsTTY. */
  prompt: Prompter;
}

export function realDeps(): Deps {
  return {
    env: process.env,
    now: () => new Date(),
    out: fdWriter(1, () => {
      throw new QuietExit(141, 'stdout was closed');
    }),
    err: fdWriter(2, () => {}),
    // Asked only when needed: node:tty loads node:net, a few ms that `rel due -q` and --json never need.
    get stdinIsTTY() {
      return isatty(0);
    },
    get stdoutIsTTY() {
      return isatty(1);
    },
    get stderrIsTTY() {
      return isatty(2);
    },
    // $COLUMNS and $LINES first, as git and less read them; else the terminal's own size.
    get columns() {
      const n = Number(process.env.COLUMNS);
      return Number.isInteger(n) && n > 0 ? n : process.stdout.columns;
    },
    get rows() {
      const n = Number(process.env.LINES);
      return Number.isInteger(n) && n > 0 ? n : process.stdout.rows;
    },
    home: process.env.HOME ?? '',
    prompt: lazyInquirer(),
  };
}

/**
 * Writes straight to a file descriptor. process.stdout on a pipe builds a net.Socket (~3 ms of start-up)
 * to do what Node does synchronously on Linux anyway. A reader that went away (`rel list | head -1`,
 * a `jq` that failed) gets nothing more: on stdout rel stops there and exits 141 with nothing on stderr,
 * as a program killed by SIGPIPE (git, cat) does; on stderr the rest is dropped.
 */
function fdWriter(fd: number, onClosed: () => void): Writer {
  let closed = false;
  return {
    write(text: string | Uint8Array) {
      let buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
      while (!closed && buf.length > 0) {
        try {
          buf = buf.subarray(writeSync(fd, buf));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') continue; // a non-blocking pipe that is full: try again
          if (code !== 'EPIPE') throw e;
          closed = true;
          onClosed();
        }
      }
    },
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
