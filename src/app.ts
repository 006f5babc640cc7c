/**
 * What a command receives. App: the program, and a way to wrap an action, to declare itself with. Ctx:
 * the injected deps, the clock read once, the database opened lazily (so `--help` and usage errors
 * never touch it), and the output decisions (colour, JSON, the pager). Nothing here imports a command.
 */
import type { Command } from 'commander';
import { loadConfig } from './config.js';
import type { Deps } from './deps.js';
import { todayOf } from './domain/dates.js';
import type { Day } from './domain/types.js';
import type { Pager } from './render/pager.js';
import type { Fit } from './render/table.js';
import { RelError, UsageError } from './errors.js';
import { ensureSound, markSound } from './store/health.js';
import { recordChange } from './store/journal.js';
import { dbPath, openDb, type Db } from './store/open.js';

/** What a command module receives to declare itself: the program, and how to run an action. */
export interface App {
  program: Command;
  /**
   * Wraps an action: gives it a Ctx built from the global flags and closes the database after.
   * `creates`: the command may create a missing database (rel add, import, restore); any other says
   * there is none (Ctx.creates).
   */
  action<A extends unknown[]>(
    fn: (ctx: Ctx, ...args: A) => Promise<void> | void,
    opts?: { creates?: boolean },
  ): (...args: A) => Promise<void>;
}

export interface Ctx {
  deps: Deps;
  /** The clock, read once per command: everything a command dates uses this instant. */
  now: Date;
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
  /** How tables are drawn: colour, and on a terminal its width (render/table.ts cuts them to fit). */
  fit(): Fit;
  out(text: string): void;
  /**
   * Where long output goes: through the pager on a terminal (render/pager.ts), else straight out. The
   * text is written as given (end lines with \n). finish() ends it.
   */
  page(): Promise<(text: string) => void>;
  /** Ends paged output: waits for the user to quit the pager. */
  finish(): Promise<void>;
  /** Prints a view model as JSON: indented on a terminal, compact for programs (as gh does). */
  json(value: unknown): void;
  /**
   * Prints JSON made elsewhere (by SQLite, for the whole network, as UTF-8 bytes) exactly as json() would
   * print its value: as it is for programs; parsed and indented on a terminal.
   */
  jsonBytes(bytes: Uint8Array): void;
  err(text: string): void;
  close(): void;
  /** Set when a write passed the soundness check: close() then notes the file as rel left it. */
  soundSince?: string;
}

/** `$REL_BUSY_TIMEOUT_MS`: how long to wait for another rel's write (whole milliseconds); unset: openDb's 5 s. */
function busyTimeout(env: Deps['env']): number | undefined {
  const raw = env.REL_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,7}$/.test(raw)) throw new UsageError(`bad REL_BUSY_TIMEOUT_MS "${raw}": use a whole number of milliseconds, e.g. 5000`);
  return Number(raw);
}

export function makeCtx(deps: Deps, dbFlag: string | undefined, flags: { pager?: boolean; creates?: boolean } = {}): Ctx {
  const now = deps.now();
  let db: Db | undefined;
  let paged: Pager | undefined;
  const path = dbPath(dbFlag, deps.env, deps.home);
  const atDefault = !dbFlag && !deps.env.REL_DB;
  const ctx: Ctx = {
    deps,
    now,
    today: todayOf(now),
    nowIso: now.toISOString(),
    dbPath: path,
    creates: flags.creates ?? false,
    db: () =>
      (db ??= openDb(path, {
        now,
        notice: (text) => deps.err.write(`rel: ${text}\n`),
        create: !ctx.creates ? 'never' : atDefault ? 'with-folder' : 'in-folder',
        busyTimeoutMs: busyTimeout(deps.env),
      })),
    color: (json = false) => !json && deps.stdoutIsTTY && !deps.env.NO_COLOR,
    fit: () => ({ color: !deps.env.NO_COLOR && deps.stdoutIsTTY, width: deps.stdoutIsTTY ? (deps.columns ?? 80) : undefined }),
    out: (text) => deps.out.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => deps.out.write(`${JSON.stringify(value, null, deps.stdoutIsTTY ? 2 : undefined)}\n`),
    jsonBytes(bytes) {
      if (deps.stdoutIsTTY) return ctx.json(JSON.parse(new TextDecoder().decode(bytes)));
      deps.out.write(bytes);
      deps.out.write('\n');
    },
    err: (text) => deps.err.write(text.endsWith('\n') ? text : `${text}\n`),
    async page() {
      if (!deps.stdoutIsTTY) return (text) => deps.out.write(text);
      if (!paged) {
        const { pager } = await import('./render/pager.js');
        const setup = { env: deps.env, out: deps.out, err: deps.err, stdoutIsTTY: true, rows: deps.rows };
        paged = pager({ ...setup, enabled: flags.pager !== false, configured: loadConfig(deps).pager });
      }
      return (text) => paged!.write(text);
    },
    finish: async () => paged?.end(),
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
  const keep = loadConfig(ctx.deps)['undo.keep'];
  return recordChange(db, command, typeof summary === 'string' ? () => summary : summary, ctx.nowIso, fn, keep);
}
