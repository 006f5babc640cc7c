/**
 * refreshDerived recomputes what touches derive on people (last and first touch, days touched): one
 * person at a time for a few, in one pass over the touches when they are a large share of everyone
 * (an import, its undo). Both must leave exactly what the per-row rule (DERIVED) says.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/open.js';
import { LEDGER_IN_ONE_PASS, refreshDerived, STALE_DERIVED } from '../../src/store/people.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
const N = LEDGER_IN_ONE_PASS + 500;
beforeEach(() => {
  db = t.db;
  const rnd = rng(9);
  const person = db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 'x', 'x')`);
  const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, created_at, updated_at) VALUES (?, ?, ?, ?, 'call', 'x', 'x')`);
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      person.run(`p${i}`, `P ${i}`, `p ${i}`);
      // None, one, or several touches, some on the same day.
      for (let k = Math.floor(rnd() * 4); k > 0; k--) touch.run(`p${i}t${k}`, `p${i}`, `g${i}${k}`, `2025-0${1 + Math.floor(rnd() * 3)}-1${Math.floor(rnd() * 3)}`);
    }
  })();
});

const derived = () => db.prepare('SELECT id, last_touch, first_touch, touch_days FROM people ORDER BY id').all();
const stale = () => db.prepare(`SELECT COUNT(*) FROM people WHERE ${STALE_DERIVED}`).pluck().get();
const spoil = () => db.exec("UPDATE people SET last_touch = '1999-01-01', first_touch = NULL, touch_days = 7");

describe('refreshDerived', () => {
  it('leaves what the triggers kept, for everyone at once and for a few, people without touches included', () => {
    const right = derived();
    expect(stale()).toBe(0);
    expect(right.filter((r) => (r as { touch_days: number }).touch_days === 0).length).toBeGreaterThan(100);
    expect(right.filter((r) => (r as { touch_days: number }).touch_days > 1).length).toBeGreaterThan(100);

    spoil();
    expect(stale()).toBe(N);
    // Everyone, twice over and with ids of no one: the pass over all touches.
    refreshDerived(db, [...Array.from({ length: N }, (_, i) => `p${i}`), 'p1', 'nobody']);
    expect(derived()).toEqual(right);

    spoil();
    refreshDerived(db, ['p0', 'p1', 'p2', 'p3']); // a few: one at a time, the rest stays as it was
    expect(stale()).toBe(N - 4);
    const few = (rows: unknown[]) => rows.filter((r) => ['p0', 'p1', 'p2', 'p3'].includes((r as { id: string }).id));
    expect(few(derived())).toEqual(few(right));

    spoil();
    refreshDerived(db, Array.from({ length: LEDGER_IN_ONE_PASS + 1 }, (_, i) => `p${i}`)); // most of them
    expect(stale()).toBe(N - LEDGER_IN_ONE_PASS - 1);
  });
});
