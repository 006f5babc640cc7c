/** A private copy of the database beside it or where named: rel backup, and rel restore before it replaces it. */
import { existsSync } from 'node:fs';
import type { Ctx } from '../../app.js';
import { RelError, UsageError } from '../../errors.js';
import { fileReason } from '../../file-errors.js';
import { backupTo, countPeople, defaultBackupPath } from '../../store/backup.js';
import { explain } from '../../store/open.js';

export interface BackupView {
  file: string;
  people: number;
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
