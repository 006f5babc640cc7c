/**
 * Copies of the database file: a backup taken with SQLite's online backup (safe while rel is in use),
 * checking that a file is a sound rel database, and restoring one in place page by page.
 */
import { chmodSync, closeSync, existsSync, openSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RelError, UsageError } from '../errors.js';
import { quickCheck } from './health.js';
import { SCHEMA_VERSION } from './migrations.js';
import { APPLICATION_ID, explain, openDb, stamp, sqlite, type Db } from './open.js';

/** Beside the database, named by the time: rel.db.2026-11-23T080000Z.bak (then -2, -3 within a second). */
export function defaultBackupPath(dbPath: string, now: Date): string {
  const base = join(dirname(dbPath), `${basename(dbPath)}.${stamp(now)}`);
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}.bak` : `${base}-${n}.bak`;
    if (!existsSync(path)) return path;
  }
}

/**
 * Writes a consistent copy of `db` to `dest`, a new file created private (0600) before SQLite writes a
 * byte into it, as one self-contained file (no -wal or -shm needed to read it). On failure nothing is
 * left behind and the error is thrown as SQLite or the file system gave it.
 */
export async function backupTo(db: Db, dest: string): Promise<void> {
  try {
    closeSync(openSync(dest, 'wx', 0o600));
    await db.backup(dest);
    const copy = sqlite(dest);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    chmodSync(dest, 0o600);
  } catch (e) {
    try {
      unlinkSync(dest);
    } catch {
      /* nothing was created */
    }
    throw e;
  }
}

export function countPeople(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;
}

/** Opens `file` read-only and checks it is a sound rel database this rel can read; its people count. */
export function checkBackup(file: string): number {
  if (!existsSync(file)) throw new UsageError(`no file ${file}`);
  let src;
  try {
    src = sqlite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new RelError(`cannot open ${file}: ${explain(e)}`);
  }
  try {
    const appId = src.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) throw new RelError(`${file} is not a rel database; nothing was changed`);
    const version = src.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new RelError(`${file} was written by a newer rel (schema ${version}): upgrade rel first`);
    const problems = quickCheck(src);
    if (problems.length) throw new RelError(`${file} is damaged (${problems[0]}); nothing was changed`);
    return countPeople(src);
  } catch (e) {
    if (e instanceof RelError) throw e;
    throw new RelError(`${file} cannot be read as a rel database (${explain(e)}); nothing was changed`);
  } finally {
    src.close();
  }
}

/** Is `file` the database itself, by any path (a symlink, a hard link, ./x, another spelling)? */
export function isSameFile(file: string, dbPath: string): boolean {
  try {
    const a = statSync(file);
    const b = statSync(dbPath);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // one of them does not exist: checkBackup says so
  }
}

/**
 * Copies the backup `file` into the database at `dbPath` through SQLite's backup API: the live file is
 * replaced page by page under SQLite's locks, so a rel running meanwhile sees the old database or the
 * new, never a mix. Then reopens it, which re-applies WAL and brings an older backup's schema up to date.
 */
export async function restoreInto(file: string, dbPath: string, now: Date): Promise<void> {
  const src = sqlite(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbPath);
  } finally {
    src.close();
  }
  chmodSync(dbPath, 0o600);
  openDb(dbPath, { now }).close();
}
