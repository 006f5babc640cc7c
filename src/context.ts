/**
 * What a running command gets: the injected deps, the clock read once, the database opened lazily
 * (so `--help` and usage errors never touch it), and the output decisions (colour, JSON).
 */
import type { Deps } from './deps.js';
import { todayOf } from './domain/dates.js';
import type { Day } from './domain/types.js';
import { RelError } from './errors.js';
import { ensureSound, markSound } from './store/health.js';
import { recordChange } from './store/journal.js';
import { dbPath, openDb, type Db } from './store/open.js';

export interface Ctx {
  deps: Deps;
  today: Day;
  /** The command's instant, ISO 8601 UTC: created_at / updated_at of what it writes. */
  nowIso: string;
  dbPath: string;
  /**
   * May this command create the database when there is none? Only commands that start one (rel add,
   * import, restore) may; they create its folder too only at the default path, where rel keeps its
   * data. Any other command on a missing database: "no database at PATH", exit 1, nothing created.
   */
  creates: boolean;
  db(): Db;
  /** Colour on: stdout is a terminal, NO_COLOR is unset or empty, and the output is not JSON. */
  color(json?: boolean): boolean;
  out(text: string): void;
  /** Prints a view model as JSON: indented on a terminal, compact for programs (as gh does). */
  json(value: unknown): void;
  err(text: string): void;
  close(): void;
  /** Set when a write passed the soundness check: close() then notes the file as rel left it. */
  soundSince?: string;
}

export function makeCtx(deps: Deps, dbFlag: string | undefined, creates = false): Ctx {
  const now = deps.now();
  let db: Db | undefined;
  const path = dbPath(dbFlag, deps.env, deps.home);
  const atDefault = !dbFlag && !deps.env.REL_DB;
  const ctx: Ctx = {
    deps,
    today: todayOf(now),
    nowIso: now.toISOString(),
    dbPath: path,
    creates,
    db: () =>
      (db ??= openDb(path, {
        now,
        notice: (text) => deps.err.write(`rel: ${text}\n`),
        create: !ctx.creates ? 'never' : atDefault ? 'with-folder' : 'in-folder',
      })),
    color: (json = false) => !json && deps.stdoutIsTTY && !deps.env.NO_COLOR,
    out: (text) => deps.out.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => deps.out.write(`${JSON.stringify(value, null, deps.stdoutIsTTY ? 2 : undefined)}\n`),
    err: (text) => deps.err.write(text.endsWith('\n') ? text : `${text}\n`),
    close() {
      if (!db) return;
      db.close();
      db = undefined;
      if (this.soundSince) markSound(path, this.soundSince);
    },
  };
  return ctx;
}

/** The database, if rel may write to it: not read-only, and passing its quick check (store/health.ts). */
export function writableDb(ctx: Ctx): Db {
  const db = ctx.db();
  if (db.readonly) throw new RelError(`${ctx.dbPath} is read-only: nothing was changed`);
  ctx.soundSince = ensureSound(db, ctx.dbPath, ctx.nowIso);
  return db;
}

/**
 * Runs `fn` as one IMMEDIATE transaction — all of a command's writes or none of them — recorded in the
 * undo journal with a summary of what it did ("log: a call with Maya Chen on 2026-11-20").
 */
export function write<T>(ctx: Ctx, command: string, summary: string | ((result: T) => string), fn: () => T): T {
  const db = writableDb(ctx);
  return recordChange(db, command, typeof summary === 'string' ? () => summary : summary, ctx.nowIso, fn);
}
