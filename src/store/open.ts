/**
 * Opening the database: creation (private, atomic), identification, pragmas and migrations.
 * The only module that decides how SQLite is configured.
 */
import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RelError } from '../errors.js';
import { placeFile, WriteError } from '../files.js';
import { onMusl } from './libc.js';
import { migrations, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

/** "rel1" in ASCII: marks a SQLite file as a rel database (PRAGMA application_id). */
export const APPLICATION_ID = 0x72656c31;
/** How long a command waits for another rel's write before saying the database is busy (`busyTimeoutMs`). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The SQLite addon, named directly. rel's bundle carries better-sqlite3's JavaScript, so the package's
 * own search (relative to its __dirname) would look inside dist/; name the file instead. better-sqlite3
 * 13 ships Node-API binaries for each platform in `prebuilds/`; a build compiled on purpose
 * (`build/Release`) wins, as in better-sqlite3's own search. musl is told from Node's ELF header (libc.ts).
 */
let addon: string | undefined;
function nativeBinding(): string | undefined {
  if (addon) return addon;
  const pkg = packageDir();
  if (!pkg) return undefined; // an unusual layout: let better-sqlite3 search
  const compiled = `${pkg}/build/Release/better_sqlite3.node`;
  if (existsSync(compiled)) return (addon = compiled);
  const prebuilt = `${pkg}/prebuilds/${platformTarget()}.node`;
  return existsSync(prebuilt) ? (addon = prebuilt) : undefined;
}

function packageDir(): string | undefined {
  // The bundle (CommonJS, in dist/) sits next to node_modules/; a path, not a URL: making one is ~0.1 ms.
  const beside = typeof __dirname === 'string' ? join(__dirname, '..', 'node_modules', 'better-sqlite3') : undefined;
  if (beside !== undefined && existsSync(beside)) return beside;
  try {
    return dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  } catch {
    return undefined;
  }
}

function platformTarget(): string {
  if (process.platform !== 'linux') return `${process.platform}-${process.arch}`;
  return `${onMusl() ? 'linuxmusl' : 'linux'}-${process.arch}`;
}

export const sqlite = (path: string, options: Database.Options = {}) =>
  new Database(path, { ...options, nativeBinding: addon ?? nativeBinding() });

/**
 * Runs `read` in one read transaction: what it reads in several queries is one state of the file, even
 * while another rel writes (WAL: readers see the snapshot of their transaction's first read).
 */
export function readTogether<T>(db: Db, read: () => T): T {
  return db.transaction(read)();
}

/** Where the database lives: --db, else REL_DB, else $XDG_DATA_HOME/rel/rel.db, else ~/.local/share/rel/rel.db. */
export function dbPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (flag) return flag;
  if (env.REL_DB) return env.REL_DB;
  const data = env.XDG_DATA_HOME || `${home}/.local/share`;
  return `${data}/rel/rel.db`;
}

export interface OpenOptions {
  /** Told about what opening did that the user should know (a schema upgrade and its backup). */
  notice?: (text: string) => void;
  /** The command's instant (the clock is read once, by the caller): names the copy kept before an upgrade. */
  now: Date;
  /**
   * When there is no database at the path: `never` create one (a RelError says so), create it only
   * `in-folder` (the folder must exist: a mistyped --db or REL_DB is not made real), or create it
   * `with-folder` (the default: the folder too, private).
   */
  create?: 'never' | 'in-folder' | 'with-folder';
  /** How long to wait for another writer before SQLITE_BUSY, in ms (default BUSY_TIMEOUT_MS; `$REL_BUSY_TIMEOUT_MS`). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if missing) the rel database at `path`, migrated to the current schema. A file or
 * folder rel may not write is opened read-only: read commands work, writes fail with a clear error.
 */
export function openDb(path: string, opts: OpenOptions): Db {
  if (path !== ':memory:' && !exists(path)) {
    const how = opts.create ?? 'with-folder';
    if (how === 'never') throw new RelError(`no database at ${path} (rel add creates one)`);
    if (how === 'in-folder' && !existsSync(dirname(path))) {
      throw new RelError(`cannot create ${path}: there is no folder ${dirname(path)} (is the path right?)`);
    }
    create(path, opts);
    opts.notice?.(`created a new database at ${path}`);
  }
  if (path !== ':memory:') refuseNonFiles(path);
  const readonly = path !== ':memory:' && !writable(path);
  if (path !== ':memory:' && !readonly) reclaimSideFiles(path);
  const busy = opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  let db: Db;
  try {
    db = sqlite(path, { timeout: busy, readonly, fileMustExist: path !== ':memory:' });
  } catch (e) {
    throw new RelError(`cannot open ${path}: ${explain(e)}`);
  }
  try {
    if (path === ':memory:') initialise(db);
    else identify(db, path);
    if (!readonly) configure(db);
    migrate(db, path, readonly, opts);
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

function refuseNonFiles(path: string): void {
  const st = statSync(path);
  if (st.isDirectory()) throw new RelError(`${path} is a directory, not a rel database`);
  if (!st.isFile()) throw new RelError(`${path} is not a regular file`);
}

/** Can rel write the file, and create its -wal and -shm files beside it? */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A read-only session (the file was 0400) leaves -wal and -shm behind with the file's mode of the time;
 * once the file is writable again SQLite would refuse to write through a read-only -shm. They are the
 * user's own files: make them private and writable again.
 */
function reclaimSideFiles(path: string): void {
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    try {
      accessSync(side, constants.W_OK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      try {
        chmodSync(side, 0o600);
      } catch {
        /* not ours: SQLite will say so */
      }
    }
  }
}

/** SQLite's messages, said for people. */
export function explain(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  const text = message(e);
  if (code === 'SQLITE_CANTOPEN') return 'SQLite cannot open it (is its folder readable, and writable for the -shm file?)';
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT') {
    return 'its folder is read-only, and SQLite must create a -shm file beside it even to read';
  }
  // A JSON column (tags, e-mails, phones) that another program wrote as text SQLite's JSON functions refuse.
  if (/malformed JSON/i.test(text)) return 'a list in the database (tags, e-mails or phones) is not valid JSON (another program wrote it: rel doctor finds it)';
  // No advice here: the damaged file may be a backup being restored, not the database rel doctor checks.
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(text)) return 'the file is damaged';
  if (code === 'SQLITE_NOTADB') return 'it is not a database';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_IOERR')) return `a disk error (${code})`;
  if (code.startsWith('SQLITE_READONLY')) return 'it is read-only';
  return text;
}

/**
 * Builds a complete new database beside `path` and links it into place (src/files.ts), so that the path
 * never names a half-made file, even when several rel processes start on a missing database at once: one
 * link wins, the others find the winner's file.
 */
function create(path: string, opts: OpenOptions): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new RelError(`cannot create ${dir}: ${message(e)}`);
  }
  let tmp = '';
  try {
    // The temporary file is created private before SQLite touches it: its -wal and -shm inherit 0600.
    placeFile(
      path,
      (_fd, made) => {
        tmp = made;
        const db = sqlite(made, { timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
        try {
          initialise(db);
          configure(db);
          migrate(db, made, false, opts);
        } finally {
          db.close();
        }
      },
      { how: 'create' },
    );
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    if (e.code !== 'EEXIST') throw new RelError(`cannot create ${path}: ${e.reason}`);
  } finally {
    for (const f of tmp ? [`${tmp}-wal`, `${tmp}-shm`] : []) {
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
  refuseTruncated(path);
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
  } catch (e) {
    if (/not a database|file is not|malformed/i.test(message(e))) {
      throw new RelError(`${path} is not a rel database (not an SQLite file, or damaged); it was left untouched`);
    }
    throw new RelError(`cannot read ${path}: ${explain(e)}`);
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

/**
 * A file cut short (a partial copy, a full disk during a copy) still opens and answers its header; SQLite
 * would only fail later, on the missing pages. The header says how long the file must be (bytes 16-17 page
 * size, 28-31 page count, valid when bytes 92-95 equal the change counter at 24-27). Checked before
 * SQLite reads anything, on SQLite files only, and only on a file at rest.
 */
function refuseTruncated(path: string): void {
  // While a -wal file exists another rel may be checkpointing, and the header may run ahead of the file.
  if (existsSync(`${path}-wal`)) return;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return; // not SQLite: said later
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const size = statSync(path).size;
  if (valid && pages > 0 && size < pages * pageSize) {
    throw new RelError(
      `${path} is damaged: it is cut short (${size} of ${pages * pageSize} bytes); it was left untouched (rel restore a backup)`,
    );
  }
}

/**
 * WAL is kept in the file once set, so it is only read here (asking SQLite to set it again costs ~0.4 ms
 * of every command); the others hold for this connection only. The busy timeout is better-sqlite3's
 * `timeout` option (sqlite()).
 */
function configure(db: Db): void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // WAL defaults to NORMAL, which can lose the last commits on power loss
  db.pragma('foreign_keys = ON');
}

/**
 * Brings the schema up to date: all pending steps in one IMMEDIATE transaction, so a failure leaves the
 * old version intact. An existing database is first copied (VACUUM INTO, private) beside itself.
 */
function migrate(db: Db, path: string, readonly: boolean, opts: OpenOptions): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current > SCHEMA_VERSION) {
    throw new RelError(
      `${path} was written by a newer rel (schema ${current}; this rel knows ${SCHEMA_VERSION}): upgrade rel to use it`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  if (readonly) throw new RelError(`${path} needs an upgrade to schema ${SCHEMA_VERSION} but is read-only: make it writable`);
  let kept: string | undefined;
  if (current > 0 && path !== ':memory:') {
    kept = `${path}.schema-${current}.${stamp(opts.now)}.bak`;
    copyInto(db, kept);
  }
  db.transaction(() => {
    const v = version(); // another rel may have upgraded it meanwhile
    for (let step = v; step < SCHEMA_VERSION; step++) db.exec(migrations()[step]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
  if (kept) opts.notice?.(`upgraded ${path} to schema ${SCHEMA_VERSION}; the previous version is kept at ${kept}`);
}

/** A timestamp for file names: 2026-11-23T112233Z. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
}

/**
 * A consistent private copy of the open database at `dest` (which must not exist), made whole or not at
 * all (src/files.ts): VACUUM INTO fills a new, empty 0600 file beside it, which keeps its mode, and the
 * copy is linked into place once complete.
 */
export function copyInto(db: Db, dest: string): void {
  try {
    placeFile(
      dest,
      (_fd, tmp) => {
        try {
          db.prepare('VACUUM INTO ?').run(tmp);
        } catch (e) {
          throw new RelError(`cannot write the copy ${dest}: ${explain(e)}`);
        }
      },
      { how: 'create' },
    );
  } catch (e) {
    if (e instanceof WriteError) throw new RelError(`cannot write the copy ${dest}: ${e.reason}`);
    throw e;
  }
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
