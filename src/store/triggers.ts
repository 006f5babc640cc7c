/**
 * Bulk writes without per-row triggers. An import of 200,000 touches, or the undo of one, fired four
 * triggers per row (the journal, the person's last and first touch, the month's count): most of its
 * time. The caller drops them for its bulk write and then does their work once for all the rows.
 */
import type { Db } from './open.js';

/**
 * Runs `fn` with the named triggers dropped, then puts them back from their own SQL (as stored in
 * sqlite_master, so nothing here repeats a migration). The caller holds the transaction: other
 * connections never see the schema without them, and a failure rolls the drop back with everything else.
 */
export function withoutTriggers<T>(db: Db, names: readonly string[], fn: () => T): T {
  const list = names.map((n) => `'${n}'`).join(', ');
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${list})`).all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  try {
    return fn();
  } finally {
    for (const t of triggers) db.exec(t.sql);
  }
}
