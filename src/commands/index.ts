/**
 * Every subcommand, in the order `rel --help` lists them. They are bundled into the start-up file:
 * measured, declaring all ten costs ~2 ms, while loading each as its own chunk cost more (an ESM
 * dynamic import per command). What is heavy and rarely needed (inquirer, parsers, table rendering)
 * is imported lazily inside the commands instead.
 */
import type { App } from '../main.js';
import * as add from './add.js';
import * as backup from './backup.js';
import * as doctor from './doctor.js';
import * as due from './due.js';
import * as edit from './edit.js';
import * as ledger from './ledger.js';
import * as list from './list.js';
import * as log from './log.js';
import * as note from './note.js';
import * as rm from './rm.js';
import * as show from './show.js';
import * as snooze from './snooze.js';
import * as undo from './undo.js';
import { COMMANDS as INSIGHT } from './group-insight.js';
import { COMMANDS as IO } from './group-io.js';
import { COMMANDS as SHELL } from './group-shell.js';

export const COMMANDS: ((app: App) => void)[] = [
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
  ...INSIGHT,
  ...IO,
  undo.register,
  backup.register,
  doctor.register,
  ...SHELL,
];
