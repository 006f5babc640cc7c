/**
 * Bulk writes without per-row triggers or index updates. An import of 200,000 touches, or the undo of
 * one, fired four triggers per row (the journal, the person's last and first touch, the month's count):
 * most of its time. The caller drops them for its bulk write and then does their work once for all the
 * rows. Likewise an index is cheaper built once, in order, than updated at random for each new row.
 */
import type { Db } from './open.js';

/**
 * Runs `fn` with the named triggers dropped, then puts them back from their own SQL (as stored in
 * sqlite_master, so nothing here repeats a migration). The caller holds the transaction: other
 * connections never see the schema without them, and a failure rolls the drop back with everything else.
 */
export function withoutTriggers<T>(db: Db, names: readonly string[], fn: () => T): T {
  const list = names.map((n) => `'${n}'`).join(', ');
  return without(db, 'TRIGGER', `type = 'trigger' AND name IN (${list})`, [], fn);
}

/**
 * Runs `fn` with the non-unique indexes of `table` dropped, then builds them again from their own SQL:
 * one sort per index instead of a random update for each row (unique ones stay, to keep their checks).
 * Worth it only when `fn` adds about as many rows as the table holds. An index named in `keep` stays and
 * is updated row by row: one whose new keys all come after the ones it holds is appended to at its end,
 * cheaper than sorting it again. The caller holds the transaction, as for withoutTriggers.
 */
export function withoutIndexes<T>(db: Db, table: string, fn: () => T, keep: readonly string[] = []): T {
  const kept = keep.map((n) => ` AND name <> '${n}'`).join('');
  return without(db, 'INDEX', `type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'${kept}`, [table], fn);
}

/** Drops the schema objects `where` finds, runs `fn`, and makes them again from their SQL. */
function without<T>(db: Db, kind: 'TRIGGER' | 'INDEX', where: string, params: unknown[], fn: () => T): T {
  const objects = db.prepare(`SELECT name, sql FROM sqlite_master WHERE ${where}`).all(...params) as { name: string; sql: string }[];
  for (const o of objects) db.exec(`DROP ${kind} ${o.name}`);
  try {
    return fn();
  } finally {
    // After an error SQLite rolled back on its own (a full disk), the rollback has put them back.
    if (db.inTransaction) for (const o of objects) db.exec(o.sql);
  }
}
