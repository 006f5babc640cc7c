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

/** Every subcommand, in the order `rel --help` lists them. */
export const COMMANDS: ((app: App) => void)[] = [
  // the daily loop
  log.register,
  due.register,
  add.register,
  list.register,
  show.register,
  edit.register,
  note.register,
  ledger.register,
  snooze.register,
  rm.register,
  // knowing your people
  brief.register,
  date.register,
  need.register,
  offer.register,
  match.register,
  intro.register,
  stats.register,
  suggest.register,
  // bringing people in (and joining the duplicates an import reports), taking them out; touches from
  // calendars and mail; keeping devices in step
  importer.register,
  merge.register,
  exporter.register,
  capture.register,
  sync.register,
  // your data
  undo.register,
  backup.register,
  restore.register,
  doctor.register,
  // rel in the shell
  config.register,
  completion.register,
];

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
