/**
 * rel backup [FILE]: a consistent private copy, taken with SQLite's online backup while rel may be in use.
 * rel restore FILE: checks FILE is a sound rel database, keeps a copy of the current one, then replaces it.
 */
import { chmodSync, closeSync, existsSync, openSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { App } from '../main.js';
import { writableDb, type Ctx } from '../context.js';
import { RelError, UsageError } from '../errors.js';
import { quickCheck } from '../store/health.js';
import { APPLICATION_ID, explain, openDb, stamp, sqlite } from '../store/open.js';
import { SCHEMA_VERSION } from '../store/migrations.js';

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
  app.program
    .command('restore')
    .argument('<file>', 'a backup written by rel backup (or any rel database)')
    .description('replace the database with a backup; the current one is kept beside it first')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  rel restore ~/.local/share/rel/rel.db.2026-11-20T080000Z.bak')
    .action(
      app.action(async (ctx, file: string, opts: { json?: boolean }) => {
        const result = await restore(ctx, file);
        if (opts.json) return ctx.json(result);
        ctx.out(`Restored ${result.people === 1 ? '1 person' : `${result.people} people`} from ${file}; the previous database is kept at ${result.kept}.`);
      }, { creates: true }),
    );
}

/** Beside the database, named by the time: rel.db.2026-11-23T080000Z.bak (then -2, -3 within a second). */
export function defaultBackupPath(dbPath: string, now: Date): string {
  const base = join(dirname(dbPath), `${basename(dbPath)}.${stamp(now)}`);
  for (let n = 1; ; n++) {
    const path = n === 1 ? `${base}.bak` : `${base}-${n}.bak`;
    if (!existsSync(path)) return path;
  }
}

export async function backup(ctx: Ctx, file?: string): Promise<{ file: string; people: number }> {
  const db = ctx.db();
  const dest = file ?? defaultBackupPath(ctx.dbPath, ctx.deps.now());
  if (existsSync(dest)) throw new UsageError(`${dest} exists already: name another file`);
  try {
    closeSync(openSync(dest, 'wx', 0o600)); // private before SQLite writes a byte into it
    await db.backup(dest);
    // A backup is one self-contained file: no -wal or -shm needed to read it.
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
    throw new RelError(`cannot write the backup ${dest}: ${explain(e)}`);
  }
  const people = db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;
  return { file: dest, people };
}

/** Opens `file` read-only and checks it is a sound rel database this rel can read. */
function checkBackup(file: string): number {
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
    return src.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;
  } catch (e) {
    if (e instanceof RelError) throw e;
    throw new RelError(`${file} cannot be read as a rel database (${explain(e)}); nothing was changed`);
  } finally {
    src.close();
  }
}

export async function restore(ctx: Ctx, file: string): Promise<{ file: string; kept: string; people: number }> {
  const people = checkBackup(file);
  writableDb(ctx); // refuse a read-only target before copying anything
  const kept = (await backup(ctx)).file;
  ctx.close();
  // Copy the backup into the database through SQLite's backup API: the live file is replaced page by
  // page under SQLite's locks, so a rel running meanwhile sees the old database or the new, never a mix.
  const src = sqlite(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(ctx.dbPath);
  } catch (e) {
    throw new RelError(`cannot restore into ${ctx.dbPath}: ${explain(e)}; the previous database is kept at ${kept}`);
  } finally {
    src.close();
  }
  chmodSync(ctx.dbPath, 0o600);
  openDb(ctx.dbPath, { now: ctx.deps.now() }).close(); // re-applies WAL and brings an older backup's schema up to date
  return { file, kept, people };
}
