/**
 * Runs rel: builds the program (src/cli.ts), parses argv, runs the command. The only place where errors
 * become exit codes: 0 success · 2 usage or bad input · 1 any other failure · 130 a cancelled prompt ·
 * 141 a closed stdout.
 */
import { CommanderError, type Command } from 'commander';
import { makeCtx, type App, type Ctx } from './app.js';
import { onlyCommand, program as cliProgram } from './cli.js';
import { COMMANDS } from './command-table.js';
import type { Deps } from './deps.js';
import { QuietExit, RelError } from './errors.js';
import { explain } from './store/open.js';
import { refuseRepeatedOptions } from './commands/shared/options.js';

export { realDeps } from './deps.js';
export { VERSION } from './cli.js';
export { writeFileAtomic } from './files.js'; // for bin/rel.js, which writes the code cache with it

/**
 * Whether this bundle runs `argv` as the whole program would. A command's own bundle (build.mjs) knows
 * only its command: bin/rel.js loads the whole bundle instead for anything else (`rel --help due`).
 */
export function handles(argv: readonly string[]): boolean {
  return onlyCommand(argv) !== undefined;
}

export async function main(argv: string[], deps: Deps): Promise<number> {
  const program = cliProgram(deps);
  let ctx: Ctx | undefined;
  const app: App = {
    program,
    action:
      (fn, opts) =>
      async (...args) => {
        const global = program.opts<{ db?: string; pager?: boolean }>();
        ctx = makeCtx(deps, global.db, { pager: global.pager, creates: opts?.creates ?? false });
        try {
          await fn(ctx, ...args);
        } finally {
          await ctx.finish(); // what was paged is read before rel exits
        }
      },
  };
  const only = onlyCommand(argv);
  if (only) (await only()).register(app);
  else for (const [, load] of COMMANDS) (await load()).register(app);
  refuseRepeatedOptions(program);
  const unknown = unknownHelpTopic(program, argv);
  if (unknown !== undefined) {
    deps.err.write(`rel: unknown command ${JSON.stringify(unknown)} (see rel --help)\n`);
    return 2;
  }

  try {
    await program.parseAsync(argv.length === 0 ? ['--help'] : argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e, deps);
  } finally {
    ctx?.close();
  }
}

/** `rel help frobnicate`: commander would print the general help to stderr and exit 0. */
function unknownHelpTopic(program: Command, argv: string[]): string | undefined {
  const [first, topic] = argv;
  if (first !== 'help' || topic === undefined || topic.startsWith('-')) return undefined;
  const known = program.commands.some((c) => c.name() === topic || c.aliases().includes(topic));
  return known ? undefined : topic;
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
    const advice = code.startsWith('SQLITE_CORRUPT') ? ' (rel doctor checks it; rel restore FILE puts a backup back)' : '';
    deps.err.write(`rel: ${why}; nothing was changed${advice}\n`);
    if (deps.env.REL_DEBUG === '1' && err.stack) deps.err.write(`${err.stack}\n`);
    return 1;
  }
  deps.err.write(`rel: ${err.message} (this is a bug; run with REL_DEBUG=1 for details)\n`);
  if (deps.env.REL_DEBUG === '1' && err.stack) deps.err.write(`${err.stack}\n`);
  return 1;
}
