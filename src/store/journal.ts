/**
 * The undo journal (migrations 3 and 5). recordChange() wraps a command's writes: it opens a row in
 * `changes`, and while it is open the journal triggers keep the before-image of every row written.
 * undoChange() puts those rows back, newest first, in one transaction.
 */
import type Database from 'better-sqlite3';
import { RelError, UsageError } from '../errors.js';
import type { Db } from './open.js';
import { refreshDerived, refreshMonths } from './people.js';
import { withoutTriggers } from './triggers.js';

export interface Change {
  id: number;
  command: string;
  summary: string;
  created_at: string;
  undone_at: string | null;
}

/** The tables the journal covers (store/migrations.ts step 3). */
const JOURNALED = ['people', 'touchpoints', 'facts', 'follow_ups', 'dates', 'wishes'] as const;
/** What fires when a touch is deleted: nothing an undo needs, and recomputed once after a large one. */
const TOUCH_DELETE_TRIGGERS = [
  'touchpoints_journal_delete', 'touchpoints_last_touch_delete', 'touchpoints_span_delete', 'touchpoints_month_delete',
  'touchpoints_ledger_delete',
];
/** An undo of this many records or more deletes touches without their triggers. */
const BULK = 1_000;
/** Tables whose rows belong to a person (person_id). */
const OWNED = ['touchpoints', 'facts', 'follow_ups', 'dates', 'wishes'] as const;

/**
 * Runs `fn` as one IMMEDIATE transaction recorded as an undoable change. A command that ends up writing
 * nothing leaves no change behind. Only the newest `keep` changes (the setting undo.keep) are kept: older ones are dropped in the
 * same transaction, and SQLite reuses their pages for the next changes, so the journal stays bounded.
 */
export function recordChange<T>(
  db: Db,
  command: string,
  summary: (result: T) => string,
  now: string,
  fn: () => T,
  keep: number,
): T {
  return db
    .transaction(() => {
      const id = Number(
        db.prepare(`INSERT INTO changes (command, summary, open, created_at) VALUES (?, '', 1, ?)`).run(command, now)
          .lastInsertRowid,
      );
      const result = fn();
      const n = (db.prepare('SELECT COUNT(*) AS n FROM change_rows WHERE change_id = ?').get(id) as { n: number }).n;
      if (n === 0) db.prepare('DELETE FROM changes WHERE id = ?').run(id);
      else {
        db.prepare('UPDATE changes SET open = 0, summary = ? WHERE id = ?').run(summary(result), id);
        forgetOldChanges(db, keep);
      }
      return result;
    })
    .immediate();
}

/** Drops every change older than the newest `keep` (their rows go with them: ON DELETE CASCADE). */
function forgetOldChanges(db: Db, keep: number): void {
  const oldest = db.prepare('SELECT id FROM changes ORDER BY id DESC LIMIT 1 OFFSET ?').pluck().get(Math.max(1, keep) - 1) as
    | number
    | undefined;
  if (oldest !== undefined) db.prepare('DELETE FROM changes WHERE id < ?').run(oldest);
}

/** Changes that can still be undone, newest first. */
export function undoableChanges(db: Db, limit = 20): Change[] {
  return db
    .prepare(
      `SELECT id, command, summary, created_at, undone_at FROM changes
       WHERE undone_at IS NULL AND open = 0 ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as Change[];
}

interface ChangeRow {
  seq: number;
  tbl: (typeof JOURNALED)[number];
  row_id: string;
  before: string | null;
}

/**
 * Puts back what change `id` (default: the newest not yet undone) changed. Refuses, changing nothing,
 * when a later change that is still in force touched the same records: undoing this one would remove
 * what was written after it.
 */
export function undoChange(db: Db, now: string, id?: number): Change {
  return db
    .transaction(() => {
      const change = (
        id === undefined
          ? db.prepare(`SELECT * FROM changes WHERE undone_at IS NULL AND open = 0 ORDER BY id DESC LIMIT 1`).get()
          : db.prepare(`SELECT * FROM changes WHERE id = ?`).get(id)
      ) as (Change & { open: number }) | undefined;
      if (!change) {
        if (id === undefined) throw new RelError('nothing to undo');
        throw new UsageError(`no change ${id} (see rel undo --list)`); // the user named one that is not there: bad input
      }
      if (change.undone_at) throw new RelError(`change ${change.id} was already undone on ${change.undone_at.slice(0, 10)}`);
      const rows = db
        .prepare('SELECT seq, tbl, row_id, before FROM change_rows WHERE change_id = ? ORDER BY seq DESC')
        .all(change.id) as ChangeRow[];
      refuseConflicts(db, change);
      db.pragma('defer_foreign_keys = ON'); // rows come back in reverse order; check references at commit
      const people = new Set<string>();
      const months = new Set<string>();
      // Undoing a large import deletes its touches without their per-row triggers (most of its time);
      // the derived values are recomputed below, once per person and month.
      if (rows.length >= BULK) withoutTriggers(db, TOUCH_DELETE_TRIGGERS, () => replay(db, rows, people, months));
      else replay(db, rows, people, months);
      // Rows came back in any order: make what rel derives agree with the touchpoints now present.
      refreshDerived(db, people);
      refreshMonths(db, months);
      db.prepare('UPDATE changes SET undone_at = ? WHERE id = ?').run(now, change.id);
      return { ...change, undone_at: now };
    })
    .immediate();
}

/**
 * Puts back the rows of a change, newest first: deletes what it inserted, writes back the before-image
 * of what it updated or deleted. Notes the people and months whose derived values may have changed.
 */
function replay(db: Db, rows: ChangeRow[], people: Set<string>, months: Set<string>): void {
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const columns = new Map<string, string[]>();
  const colsOf = (t: string) => {
    if (!columns.has(t)) {
      const info = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(t) as { name: string; hidden: number }[];
      columns.set(t, info.filter((c) => c.hidden === 0).map((c) => c.name));
    }
    return columns.get(t)!;
  };
  for (const r of rows) {
    if (r.before === null && r.tbl === 'touchpoints') {
      const gone = stmt('DELETE FROM touchpoints WHERE id = ? RETURNING person_id, date').get(r.row_id) as { person_id: string; date: string } | undefined;
      if (gone) {
        people.add(gone.person_id);
        months.add(gone.date.slice(0, 7));
      }
    } else if (r.before === null) {
      stmt(`DELETE FROM ${r.tbl} WHERE id = ?`).run(r.row_id);
    } else {
      const before = JSON.parse(r.before) as Record<string, unknown>;
      const cols = colsOf(r.tbl).filter((c) => c in before);
      const exists = stmt(`SELECT 1 FROM ${r.tbl} WHERE id = ?`).get(r.row_id) !== undefined;
      if (exists) {
        stmt(`UPDATE ${r.tbl} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(before);
      } else {
        stmt(`INSERT INTO ${r.tbl} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(before);
      }
      if (r.tbl === 'people') people.add(r.row_id);
      else if (typeof before.person_id === 'string') people.add(before.person_id);
    }
  }
}

function refuseConflicts(db: Db, change: Change): void {
  // A later change still in force that touched one of the same records.
  const hit = db
    .prepare(
      `SELECT c.id, c.summary FROM change_rows mine
       JOIN change_rows r ON r.tbl = mine.tbl AND r.row_id = mine.row_id AND r.change_id > mine.change_id
       JOIN changes c ON c.id = r.change_id AND c.undone_at IS NULL
       WHERE mine.change_id = ? ORDER BY c.id LIMIT 1`,
    )
    .get(change.id) as { id: number; summary: string } | undefined;
  if (hit) throw new RelError(`change ${hit.id} (${hit.summary}) came later and touched the same records: undo it first`);
  // A person this undo removes must not have records that it did not write (a later change did). Each
  // record is looked up by its id (change_rows_row): left to itself, SQLite walked all of the change's
  // rows for each one, and undoing an import of 200,000 touches did not finish in 15 minutes.
  for (const t of OWNED) {
    const orphan = db
      .prepare(
        `SELECT 1 FROM change_rows p JOIN ${t} x ON x.person_id = p.row_id
         WHERE p.change_id = @id AND p.tbl = 'people' AND p.before IS NULL
           AND NOT EXISTS (SELECT 1 FROM change_rows m INDEXED BY change_rows_row
                           WHERE m.tbl = '${t}' AND m.row_id = x.id AND m.change_id = @id)
         LIMIT 1`,
      )
      .get({ id: change.id });
    if (orphan) throw new RelError('records written later belong to someone this undo would remove: undo those changes first');
  }
}

