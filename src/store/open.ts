/**
 * Opening the database: creation (private, atomic), identification, pragmas and migrations.
 * The only module that decides how SQLite is configured.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

/** "rel1" in ASCII: marks a SQLite file as a rel database (PRAGMA application_id). */
export const APPLICATION_ID = 0x72656c31;
const BUSY_TIMEOUT_MS = 5000;

/**
 * The compiled SQLite addon, named directly: better-sqlite3 otherwise finds it through the `bindings`
 * package, which probes a dozen paths on every start (about 10 ms of rel's start-up budget).
 */
let addon: string | undefined;
function nativeBinding(): string | undefined {
  const file = 'better-sqlite3/build/Release/better_sqlite3.node';
  const beside = fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url)); // dist/ next to node_modules/
  if (existsSync(beside)) return (addon = beside);
  try {
    return (addon ??= createRequire(import.meta.url).resolve(file));
  } catch {
    return undefined; // a Debug build or an unusual layout: let better-sqlite3 search
  }
}

const sqlite = (path: string, options: Database.Options = {}) =>
  new Database(path, { ...options, nativeBinding: addon ?? nativeBinding() });

/** Where the database lives: --db, else REL_DB, else $XDG_DATA_HOME/rel/rel.db, else ~/.local/share/rel/rel.db. */
export function dbPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (flag) return flag;
  if (env.REL_DB) return env.REL_DB;
  const data = env.XDG_DATA_HOME || `${home}/.local/share`;
  return `${data}/rel/rel.db`;
}

/** Opens (creating if missing) the rel database at `path`, migrated to the current schema. */
export function openDb(path: string): Db {
  if (path !== ':memory:' && !exists(path)) create(path);
  let db: Db;
  try {
    db = sqlite(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new RelError(`cannot open ${path}: ${message(e)}`);
  }
  try {
    if (path === ':memory:') initialise(db);
    else identify(db, path);
    configure(db);
    migrate(db, path);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new RelError(`cannot open ${path}: ${message(e)}`);
  }
}

/**
 * Builds a complete new database beside `path` and links it into place, so that the path never names a
 * half-made file, even when several rel processes start on a missing database at once: one link wins,
 * the others find the winner's file.
 */
function create(path: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new RelError(`cannot create ${dir}: ${message(e)}`);
  }
  const tmp = `${path}.new-${process.pid}-${Date.now()}`;
  try {
    closeSync(openSync(tmp, 'wx', 0o600)); // created private before SQLite touches it
    const db = sqlite(tmp);
    try {
      initialise(db);
      configure(db);
      migrate(db, tmp);
    } finally {
      db.close();
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } catch (e) {
    if (e instanceof RelError) throw e;
    throw new RelError(`cannot create ${path}: ${message(e)}`);
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) {
      try {
        unlinkSync(f);
      } catch {
        /* already gone */
      }
    }
  }
}

function initialise(db: Db): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
}

/** Refuses, without writing a byte, any file that is not a rel database. */
function identify(db: Db, path: string): void {
  let appId: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
  } catch (e) {
    if (/not a database|file is not|malformed/i.test(message(e))) {
      throw new RelError(`${path} is not a rel database (not an SQLite file, or damaged); it was left untouched`);
    }
    throw new RelError(`cannot read ${path}: ${message(e)}`);
  }
  if (appId !== APPLICATION_ID) {
    const empty = statSync(path).size === 0;
    throw new RelError(
      empty
        ? `${path} is an empty file, not a rel database; it was left untouched (remove it to start afresh)`
        : `${path} is not a rel database (an SQLite file of another program?); it was left untouched`,
    );
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // WAL defaults to NORMAL, which can lose the last commits on power loss
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function migrate(db: Db, path: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current > SCHEMA_VERSION) {
    throw new RelError(
      `${path} was written by a newer rel (schema ${current}; this rel knows ${SCHEMA_VERSION}): upgrade rel to use it`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    // IMMEDIATE: take the write lock first, then re-read the version another process may have moved on.
    db.transaction(() => {
      if (version() !== v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
