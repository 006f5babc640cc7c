/**
 * rel's command line in one screen: the global options and every subcommand, in the order `rel --help`
 * lists them. Each subcommand lives in src/commands/<name>.ts and declares its own flags there (an
 * options type, a builder that only declares and checks flags, and run()). All are bundled into the
 * start-up file: measured, declaring every command costs ~2 ms, while loading each as its own chunk
 * cost more (an ESM dynamic import per command). What is heavy and rarely needed (inquirer, parsers,
 * table rendering) is imported lazily inside the commands instead.
 */
import { Command } from 'commander';
import type { App } from './app.js';
import type { Deps } from './deps.js';
import * as add from './commands/add.js';
import * as backup from './commands/backup.js';
import * as brief from './commands/brief.js';
import * as capture from './commands/capture.js';
import * as completion from './commands/completion.js';
import * as config from './commands/config.js';
import * as date from './commands/date.js';
import * as doctor from './commands/doctor.js';
import * as due from './commands/due.js';
import * as edit from './commands/edit.js';
import * as exporter from './commands/export.js';
import * as importer from './commands/import.js';
import * as intro from './commands/intro.js';
import * as ledger from './commands/ledger.js';
import * as list from './commands/list.js';
import * as log from './commands/log.js';
import * as match from './commands/match.js';
import * as merge from './commands/merge.js';
import * as need from './commands/need.js';
import * as note from './commands/note.js';
import * as offer from './commands/offer.js';
import * as restore from './commands/restore.js';
import * as rm from './commands/rm.js';
import * as show from './commands/show.js';
import * as snooze from './commands/snooze.js';
import * as stats from './commands/stats.js';
import * as suggest from './commands/suggest.js';
import * as sync from './commands/sync.js';
import * as undo from './commands/undo.js';

export const VERSION = '0.1.0';

/** Every subcommand by name, in the order `rel --help` lists them. */
export const COMMANDS: [string, (app: App) => void][] = [
  // the daily loop
  ['log', log.register],
  ['due', due.register],
  ['add', add.register],
  ['list', list.register],
  ['show', show.register],
  ['edit', edit.register],
  ['note', note.register],
  ['ledger', ledger.register],
  ['snooze', snooze.register],
  ['rm', rm.register],
  // knowing your people
  ['brief', brief.register],
  ['date', date.register],
  ['need', need.register],
  ['offer', offer.register],
  ['match', match.register],
  ['intro', intro.register],
  ['stats', stats.register],
  ['suggest', suggest.register],
  // bringing people in (and joining the duplicates an import reports), taking them out; touches from
  // calendars and mail; keeping devices in step
  ['import', importer.register],
  ['merge', merge.register],
  ['export', exporter.register],
  ['capture', capture.register],
  ['sync', sync.register],
  // your data
  ['undo', undo.register],
  ['backup', backup.register],
  ['restore', restore.register],
  ['doctor', doctor.register],
  // rel in the shell
  ['config', config.register],
  ['completion', completion.register],
];

/** Other names a command answers to (its .alias()); test/cli.test.ts checks both lists against the program. */
export const ALIASES: Record<string, string> = { ls: 'list' };

/**
 * The one command `argv` runs, when that is all the program needs to know: not help, completion or a
 * name it does not have (those list or suggest every command). Declaring all ~30 commands and their
 * options costs ~2 ms that `rel due` need not pay.
 */
export function onlyCommand(argv: readonly string[]): ((app: App) => void) | undefined {
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
