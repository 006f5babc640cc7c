/**
 * Builds the commander program and runs it. The only place where errors become exit codes:
 *   0 success · 2 usage or bad input · 1 any other failure · 130 a cancelled prompt.
 */
import { Command, CommanderError } from 'commander';
import type { Deps } from './deps.js';
import { QuietExit, RelError } from './errors.js';
import { makeCtx, type Ctx } from './context.js';
import { COMMANDS } from './commands/index.js';
import { explain } from './store/open.js';
import { refuseRepeatedOptions } from './commands/options.js';

export { realDeps } from './deps.js';

export const VERSION = '0.1.0';

/** What a command module receives to declare itself: the program, and how to run an action. */
export interface App {
  program: Command;
  /**
   * Wraps an action: gives it a Ctx built from the global flags and closes the database after.
   * `creates`: the command may create a missing database (rel add, import, restore); any other says
   * there is none (context.ts).
   */
  action<A extends unknown[]>(
    fn: (ctx: Ctx, ...args: A) => Promise<void> | void,
    opts?: { creates?: boolean },
  ): (...args: A) => Promise<void>;
}

export async function main(argv: string[], deps: Deps): Promise<number> {
  const program = new Command('rel');
  let ctx: Ctx | undefined;
  program
    .description('Keep up with the people who matter: log touches, see who is due, give before you ask.')
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'the database file (default: $REL_DB, else $XDG_DATA_HOME/rel/rel.db)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.out.write(s),
      writeErr: (s) => deps.err.write(s),
      outputError: () => {}, // printed once, below, as "rel: ..."
    })
    .addHelpText(
      'after',
      `
Examples:
  rel add "Maya Chen" --email maya@example.com --every 1m --tag friends
  rel log maya -m "coffee; she starts at Acme in May" --give advice --follow-up 2w
  rel due`,
    );

  const app: App = {
    program,
    action:
      (fn, opts) =>
      async (...args) => {
        ctx = makeCtx(deps, program.opts<{ db?: string }>().db, opts?.creates ?? false);
        await fn(ctx, ...args);
      },
  };
  for (const register of COMMANDS) register(app);
  refuseRepeatedOptions(program);

  try {
    await program.parseAsync(argv.length === 0 ? ['--help'] : argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e, deps);
  } finally {
    ctx?.close();
  }
}

function report(e: unknown, deps: Deps): number {
  if (e instanceof QuietExit) return e.exitCode;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    deps.err.write(`rel: ${e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
  if (e instanceof RelError) {
    deps.err.write(`rel: ${e.message}\n`);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    // SQLite said no (busy, full disk, damaged file, read-only...): a failure to explain, not a bug.
    // The command's transaction rolled back, so nothing was written.
    const why = code.startsWith('SQLITE_BUSY') ? 'the database is busy (another rel is writing); try again' : explain(e);
    deps.err.write(`rel: ${why}; nothing was changed\n`);
    if (deps.env.REL_DEBUG === '1' && err.stack) deps.err.write(`${err.stack}\n`);
    return 1;
  }
  deps.err.write(`rel: ${err.message} (this is a bug; run with REL_DEBUG=1 for details)\n`);
  if (deps.env.REL_DEBUG === '1' && err.stack) deps.err.write(`${err.stack}\n`);
  return 1;
}
