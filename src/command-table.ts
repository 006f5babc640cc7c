/**
 * The command table. The whole bundle (dist/rel.js) carries every command; a command people run every
 * day also has a bundle of its own (dist/rel-due.js...), built from this same code with this module
 * replaced by a table of that one command (build.mjs), so that its start-up compiles and loads only
 * what it runs.
 */
import type { App } from './app.js';

/** A subcommand's module: its register() declares it on the program. */
export interface CommandModule {
  register(app: App): void;
}

/**
 * Every subcommand by name, in the order `rel --help` lists them, with the import that loads it. A
 * module is evaluated only when imported: `rel due` run from the whole bundle runs the top-level code
 * of due and what it needs, not of 29 other commands and their parsers.
 */
export const COMMANDS: [string, () => Promise<CommandModule>][] = [
  // the daily loop
  ['log', () => import('./commands/log.js')],
  ['due', () => import('./commands/due.js')],
  ['add', () => import('./commands/add.js')],
  ['list', () => import('./commands/list.js')],
  ['show', () => import('./commands/show.js')],
  ['edit', () => import('./commands/edit.js')],
  ['note', () => import('./commands/note.js')],
  ['ledger', () => import('./commands/ledger.js')],
  ['snooze', () => import('./commands/snooze.js')],
  ['rm', () => import('./commands/rm.js')],
  // knowing your people
  ['brief', () => import('./commands/brief.js')],
  ['date', () => import('./commands/date.js')],
  ['need', () => import('./commands/need.js')],
  ['offer', () => import('./commands/offer.js')],
  ['match', () => import('./commands/match.js')],
  ['intro', () => import('./commands/intro.js')],
  ['stats', () => import('./commands/stats.js')],
  ['suggest', () => import('./commands/suggest.js')],
  // bringing people in (and joining the duplicates an import reports), taking them out; touches from
  // calendars and mail; keeping devices in step
  ['import', () => import('./commands/import.js')],
  ['merge', () => import('./commands/merge.js')],
  ['export', () => import('./commands/export.js')],
  ['capture', () => import('./commands/capture.js')],
  ['sync', () => import('./commands/sync.js')],
  // your data
  ['undo', () => import('./commands/undo.js')],
  ['backup', () => import('./commands/backup.js')],
  ['restore', () => import('./commands/restore.js')],
  ['doctor', () => import('./commands/doctor.js')],
  // rel in the shell
  ['config', () => import('./commands/config.js')],
  ['completion', () => import('./commands/completion.js')],
];
