/**
 * rel's command line in one screen: the global options and every subcommand, in the order `rel --help`
 * lists them. Each subcommand lives in src/commands/<name>.ts and declares its own flags there (an
 * options type, a builder that only declares and checks flags, and run()). The table of them is
 * src/command-table.ts (COMMANDS); each command's module is evaluated only when imported. What is heavy
 * and rarely needed (inquirer, parsers, table rendering) is imported lazily inside the commands too.
 */
import { Command } from 'commander';
import type { Deps } from './deps.js';
import { COMMANDS, type CommandModule } from './command-table.js';

export const VERSION = '0.1.0';

export { COMMANDS, type CommandModule } from './command-table.js';

/** Other names a command answers to (its .alias()); test/cli.test.ts checks both lists against the program. */
export const ALIASES: Record<string, string> = { ls: 'list' };

/**
 * The one command `argv` runs, when that is all the program needs to know: not help, completion or a
 * name it does not have (those list or suggest every command). Declaring all ~30 commands and their
 * options costs ~2 ms that `rel due` need not pay.
 */
export function onlyCommand(argv: readonly string[]): (() => Promise<CommandModule>) | undefined {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    if (argv[i] === '--db') i++; // its value
    else if (argv[i] !== '--no-pager' && !argv[i]!.startsWith('--db=')) return undefined; // --help, --version, a mistake
    i++;
  }
  const word = argv[i];
  if (word === undefined || word === 'completion') return undefined;
  const name = ALIASES[word] ?? word;
  return COMMANDS.find(([n]) => n === name)?.[1];
}

/** The program and its global options; main() registers COMMANDS on it. */
export function program(deps: Deps): Command {
  return new Command('rel')
    .description('Keep up with the people who matter: log touches, see who is due, give before you ask.')
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'the database file (default: $REL_DB, else $XDG_DATA_HOME/rel/rel.db)')
    .option('--no-pager', 'print long output directly, not through $REL_PAGER, $PAGER or less (also: rel config set pager off)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.out.write(s),
      writeErr: (s) => deps.err.write(s),
      outputError: () => {}, // printed once, by main(), as "rel: ..."
    })
    .addHelpText(
      'after',
      `
Examples:
  rel add "Maya Chen" --email maya@example.com --every 1m --tag friends
  rel log maya -m "coffee; she starts at Acme in May" --give advice --follow-up 2w
  rel due`,
    );
}
