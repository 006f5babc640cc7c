/**
 * The ledger lines that triggers keep (ledger_people, migration 11) are the domain's rule (ledgerRows)
 * over the gives and asks: after any insert, update or delete of touches, the removal of a person, a
 * touch moved to someone else, and after refreshDerived rebuilt them (the bulk import and undo paths).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ledgerRows, type LedgerEntry } from '../../src/domain/ledger.js';
import { openDb, type Db } from '../../src/store/open.js';
import { LEDGER_IN_ONE_PASS, refreshDerived, STALE_LEDGER } from '../../src/store/people.js';
import { ledgerInOrder } from '../../src/store/touchpoints.js';
import { MUTATING, rng } from '../support.js';
import { tempDir } from '../formats/temp-dir.js';

const STAMP = '2026-01-01T00:00:00.000Z';

/** The ledger as the domain computes it from every give and ask, in the store's order. */
function fromTouches(db: Db) {
  const entries = db
    .prepare(
      `SELECT t.person_id, p.name, t.date, t.created_at, t.give, t.ask, t.note FROM touchpoints t JOIN people p ON p.id = t.person_id
       WHERE t.give IS NOT NULL OR t.ask IS NOT NULL ORDER BY t.date, t.created_at, t.id`,
    )
    .all() as LedgerEntry[];
  return ledgerRows(entries);
}

const kept = (db: Db) => ledgerInOrder(db);
const stale = (db: Db) => db.prepare(STALE_LEDGER).pluck().get() as number;

describe('ledger_people, kept by triggers', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(join(tmp.dir, 'rel.db'), { now: new Date(STAMP) });
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const person = (id: string, name: string, key: string, added: string, created: string, updated: string) =>
    db.prepare('INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, key, added, created, updated);
  const touch = (id: string, who: string, date: string, created: string, give: string | null, ask: string | null) =>
    db
      .prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'call', NULL, ?, ?, ?, ?)`)
      .run(id, who, `g-${id}`, date, give, ask, created, created);

  it('a give and an ask in one touch count the give first; an ask alone, or before any give, is asked first', () => {
    person('a', 'Ana', 'ana', '2026-01-01', STAMP, STAMP);
    person('b', 'Bo', 'bo', '2026-01-01', STAMP, STAMP);
    person('c', 'Cy', 'cy', '2026-01-01', STAMP, STAMP);
    touch('a1', 'a', '2026-01-05', '2026-01-05T10:00:00Z', 'intro', 'advice');
    touch('b1', 'b', '2026-01-05', '2026-01-05T09:00:00Z', null, 'advice');
    touch('b2', 'b', '2026-01-05', '2026-01-05T10:00:00Z', 'gift', null);
    touch('c1', 'c', '2026-01-04', '2026-01-04T10:00:00Z', null, null); // neither: no line
    expect(kept(db)).toEqual(fromTouches(db));
    expect(kept(db).map((r) => [r.id, r.gives, r.asks, r.asked_first])).toEqual([['a', 1, 1, false], ['b', 1, 1, true]]);
    // The same day and instant: the id decides, as the store orders entries.
    touch('c2', 'c', '2026-01-06', '2026-01-06T10:00:00Z', 'gift', null);
    touch('c0', 'c', '2026-01-06', '2026-01-06T10:00:00Z', null, 'favor');
    expect(kept(db)).toEqual(fromTouches(db));
    expect(kept(db).find((r) => r.id === 'c')?.asked_first).toBe(true);
    expect(stale(db)).toBe(0);
  });

  it('a person removed takes their line (their touches go first and must not make it again)', () => {
    person('a', 'Ana', 'ana', '2026-01-01', STAMP, STAMP);
    person('b', 'Bo', 'bo', '2026-01-01', STAMP, STAMP);
    for (let i = 0; i < 3; i++) touch(`a${i}`, 'a', '2026-01-0' + (i + 1), STAMP, 'gift', i === 2 ? 'advice' : null);
    touch('b1', 'b', '2026-01-02', STAMP, null, 'advice');
    db.prepare("DELETE FROM people WHERE id = 'a'").run();
    expect(db.prepare('SELECT person_id FROM ledger_people').pluck().all()).toEqual(['b']);
    expect(stale(db)).toBe(0);
  });

  it('agrees with the domain after random inserts, updates, moves, deletes and removals of people', () => {
    const rand = rng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
    for (const p of people) person(p, `Person ${p}`, `person ${p}`, '2026-01-01', STAMP, STAMP);
    const kinds = [null, null, 'intro', 'advice', 'gift'] as const;
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
    let n = 0;
    const alive = () => db.prepare('SELECT id FROM people').pluck().all() as string[];
    const touches = () => db.prepare('SELECT id FROM touchpoints').pluck().all() as string[];
    for (let step = 0; step < (MUTATING ? 60 : 400); step++) {
      const op = rand();
      const ids = touches();
      if (op < 0.5 || ids.length === 0) {
        const day = pick(days);
        touch(`t${n++}`, pick(alive()), day, `${day}T0${Math.floor(rand() * 3)}:00:00Z`, pick(kinds), pick(kinds));
      } else if (op < 0.65) {
        db.prepare('UPDATE touchpoints SET give = ?, ask = ? WHERE id = ?').run(pick(kinds), pick(kinds), pick(ids));
      } else if (op < 0.75) {
        db.prepare('UPDATE touchpoints SET date = ?, created_at = ? WHERE id = ?').run(pick(days), `${pick(days)}T01:00:00Z`, pick(ids));
      } else if (op < 0.85) {
        db.prepare('UPDATE touchpoints SET person_id = ? WHERE id = ?').run(pick(alive()), pick(ids)); // rel merge moves touches
      } else if (op < 0.97) {
        db.prepare('DELETE FROM touchpoints WHERE id = ?').run(pick(ids));
      } else if (alive().length > 2) {
        db.prepare('DELETE FROM people WHERE id = ?').run(pick(alive())); // rel rm: their touches go with them
      }
      expect(kept(db), `step ${step}`).toEqual(fromTouches(db));
    }
    expect(stale(db)).toBe(0);
  });

  it('refreshDerived makes stale lines right again: for some people, for more people than one pass is for, for everyone', () => {
    for (let i = 0; i < 5; i++) {
      person(`p${i}`, `P${i}`, `p${i}`, '2026-01-01', STAMP, STAMP);
      touch(`t${i}`, `p${i}`, '2026-01-02', STAMP, i % 2 ? 'gift' : null, i % 3 ? null : 'advice');
    }
    const right = fromTouches(db);
    const spoil = () => {
      db.exec("UPDATE ledger_people SET gives = gives + 5, asked_first = 1 - asked_first; DELETE FROM ledger_people WHERE person_id = 'p0'");
      db.exec("INSERT INTO ledger_people VALUES ('p1', 9, 9, '1999-01-01', NULL, 1) ON CONFLICT DO NOTHING");
    };
    spoil();
    expect(stale(db)).toBeGreaterThan(0);
    refreshDerived(db, ['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(kept(db)).toEqual(right);
    spoil();
    refreshDerived(db, [...Array.from({ length: LEDGER_IN_ONE_PASS + 1 }, (_, i) => `nobody${i}`)]);
    expect(kept(db)).toEqual(right);
    spoil();
    refreshDerived(db);
    expect(kept(db)).toEqual(right);
    expect(stale(db)).toBe(0);
  });
});
