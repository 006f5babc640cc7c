/** rel backup [FILE]: a consistent private copy, taken with SQLite's online backup while rel may be in use. */
import { existsSync } from 'node:fs';
import type { App, Ctx } from '../app.js';
import { RelError, UsageError } from '../errors.js';
import { fileReason } from '../file-errors.js';
import { backupTo, countPeople, defaultBackupPath } from '../store/backup.js';
import { explain } from '../store/open.js';

export interface BackupView {
  file: string;
  people: number;
}

export function register(app: App): void {
  app.program
    .command('backup')
    .argument('[file]', 'where to write it (default: beside the database, with a timestamp)')
    .description('write a consistent, private copy of the database (safe while rel is in use)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  rel backup\n  rel backup ~/Dropbox/rel-$(date +%F).db')
    .action(
      app.action(async (ctx, file: string | undefined, opts: { json?: boolean }) => {
        const result = await backup(ctx, file);
        if (opts.json) return ctx.json(result);
        ctx.out(`Backed up ${result.people === 1 ? '1 person' : `${result.people} people`} to ${result.file}.`);
      }),
    );
}

export async function backup(ctx: Ctx, file?: string): Promise<BackupView> {
  const db = ctx.db();
  const dest = file ?? defaultBackupPath(ctx.dbPath, ctx.now);
  if (existsSync(dest)) throw new UsageError(`${dest} exists already: name another file`);
  try {
    await backupTo(db, dest);
  } catch (e) {
    throw new RelError(`cannot write the backup ${dest}: ${fileReason(e, dest) ?? explain(e)}`);
  }
  return { file: dest, people: countPeople(db) };
}
