/** SQL for rel capture: the captures table (migration 5) and the captured touches it points to. */
import type { Channel, Day } from '../domain/types.js';
import { newId } from './ids.js';
import type { Db } from './open.js';

type Statement = ReturnType<Db['prepare']>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per database: capture runs the same few statements tens of
 * thousands of times, and preparing each time cost 16 s of a 20,000-event capture (and ~1 GB of memory
 * until the collector ran).
 */
function stmt(db: Db, sql: string): Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let st = map.get(sql);
  if (!st) map.set(sql, (st = db.prepare(sql)));
  return st;
}

export interface Captured {
  id: string;
  key: string;
  group_id: string | null;
  digest: string | null;
  day: Day | null;
}

/** Every capture record whose key starts with `prefix` ("event:", "mail:", "mailday:", "source:"), by key. */
export function capturedByKey(db: Db, prefix: string): Map<string, Captured> {
  const rows = db
    .prepare(`SELECT id, key, group_id, digest, day FROM captures WHERE key >= ? AND key < ?`)
    .all(prefix, `${prefix}\uffff`) as Captured[];
  return new Map(rows.map((r) => [r.key, r]));
}

export function insertCapture(db: Db, c: Omit<Captured, 'id'>, now: string): void {
  stmt(db, 
    `INSERT INTO captures (id, key, group_id, digest, day, created_at, updated_at)
     VALUES (@id, @key, @group_id, @digest, @day, @now, @now)
     ON CONFLICT (key) DO UPDATE SET group_id = excluded.group_id, digest = excluded.digest, day = excluded.day,
       updated_at = excluded.updated_at`,
  ).run({ ...c, id: newId(), now });
}

/** Everyone's addresses: [person id, address] pairs (a person has as many as emails). */
export function peopleAddresses(db: Db): { id: string; name: string; email: string }[] {
  return db
    .prepare(`SELECT p.id, p.name, e.value AS email FROM people p, json_each(p.emails) e`)
    .all() as { id: string; name: string; email: string }[];
}

/** The touches of a captured group: who is in it, and its note. */
export function groupTouches(db: Db, groupId: string): { id: string; person_id: string; note: string | null }[] {
  return stmt(db, 'SELECT id, person_id, note FROM touchpoints WHERE group_id = ? ORDER BY id').all(groupId) as {
    id: string;
    person_id: string;
    note: string | null;
  }[];
}

/** Inserts one captured touch: no give, no ask, and (unlike rel log) it closes no follow-up. */
export function insertCapturedTouch(
  db: Db,
  t: { person_id: string; group_id: string; date: Day; via: Channel; note: string | null },
  now: string,
): void {
  stmt(db, 
    `INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
     VALUES (@id, @person_id, @group_id, @date, @via, @note, NULL, NULL, @now, @now)`,
  ).run({ ...t, id: newId(), now });
}

/** Says again what a captured group's touches say: the day, the channel, the note. */
export function updateGroup(db: Db, groupId: string, t: { date: Day; via: Channel; note: string | null }, now: string): void {
  stmt(db, 
    `UPDATE touchpoints SET date = @date, via = @via, note = @note, updated_at = @now
     WHERE group_id = @groupId AND (date <> @date OR via <> @via OR note IS NOT @note)`,
  ).run({ ...t, groupId, now });
}

export function deleteTouch(db: Db, id: string): void {
  stmt(db, 'DELETE FROM touchpoints WHERE id = ?').run(id);
}
