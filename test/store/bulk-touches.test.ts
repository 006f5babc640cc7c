import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordChange } from '../../src/store/journal.js';
import { openDb, sqlite, type Db } from '../../src/store/open.js';
import { BULK_INDEX_ROWS, TOUCH_INSERT_TRIGGERS, writeRelRecords } from '../../src/store/transfer.js';
import type { RelTouch } from '../../src/formats/json.js';
import { useTempRel } from '../helpers.js';

const NOW = '2026-03-01T09:00:00.000Z';
const triggers = (db: Db) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[];

function touches(n: number, prefix = 't'): RelTouch[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`, group_id: `g${prefix}${i}`, date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    via: 'call', note: `n${i}`, give: i % 7 === 0 ? 'intro' : null, ask: null, intro_to: null, created_at: NOW, updated_at: NOW,
  }));
}

describe('an import of a rel export inserts touches without the per-row triggers, and does their work once', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('the AFTER INSERT triggers on touchpoints are exactly the ones the bulk path stands in for', () => {
    const db = openDb(join(t.dir, 'fresh.db'), { now: new Date(NOW) });
    try {
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'touchpoints' AND sql LIKE '%AFTER INSERT ON touchpoints%' ORDER BY name")
        .pluck().all();
      expect(names).toEqual([...TOUCH_INSERT_TRIGGERS].sort());
    } finally {
      db.close();
    }
  });

  it('journals every new touch, leaves the triggers as they were, and undo removes the import', async () => {
    await t.rel(['add', 'Maya Chen']);
    const exported = (await t.rel(['export', '--format', 'json'])).json();
    await t.rel(['undo']);
    exported.people[0].touchpoints = touches(300);
    const file = join(t.dir, 'network.json');
    writeFileSync(file, JSON.stringify(exported));
    const before = (() => { const db = sqlite(t.db); try { return triggers(db); } finally { db.close(); } })();

    expect((await t.rel(['import', file])).code).toBe(0);
    const db = sqlite(t.db);
    try {
      expect(triggers(db)).toEqual(before);
      const change = db.prepare('SELECT MAX(id) FROM changes').pluck().get();
      expect(db.prepare("SELECT COUNT(*) FROM change_rows WHERE change_id = ? AND tbl = 'touchpoints' AND before IS NULL").pluck().get(change)).toBe(300);
    } finally {
      db.close();
    }
    // The triggers work again: a touch logged after the import moves last_touch.
    expect((await t.rel(['log', 'maya', '--on', '2026-02-27'])).code).toBe(0);
    expect((await t.rel(['show', 'maya', '--json'])).json().last_touch).toBe('2026-02-27');
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['show', 'maya', '--json'])).json().last_touch).toBe('2025-12-28');
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json()).toEqual([]);
  });

  it('no per-row trigger fires while 5,000 touches are written (each firing cost ~80 µs: 18 s of a 200,000-touch import)', () => {
    const N = 5_000;
    const db = openDb(join(t.dir, 'bulk.db'), { now: new Date(NOW) });
    try {
      db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('p', 'P', 'p', '2025-01-01', ?, ?)`).run(NOW, NOW);
      // Each trigger counts its firings (a function in its WHEN) and otherwise does what it did.
      let fired = 0;
      db.function('fired', () => (fired++, 1));
      for (const { name, sql } of triggers(db).filter((x) => (TOUCH_INSERT_TRIGGERS as readonly string[]).includes(x.name))) {
        db.exec(`DROP TRIGGER ${name}`);
        db.exec(/ WHEN /.test(sql) ? sql.replace(/ WHEN /, ' WHEN fired() AND ') : sql.replace(/ BEGIN/, ' WHEN fired() BEGIN'));
      }
      const empty = { facts: [], follow_ups: [], dates: [], wishes: [] };
      recordChange(db, 'import', () => 'import', NOW, () => writeRelRecords(db, [{ personId: 'p', records: { ...empty, touchpoints: touches(N) } }], new Map(), N), 200);
      expect(fired).toBe(0);
      expect(db.prepare('SELECT COUNT(*) FROM change_rows WHERE before IS NULL AND tbl = ?').pluck().get('touchpoints')).toBe(N);
      expect(db.prepare("SELECT last_touch, first_touch, touch_days FROM people WHERE id = 'p'").get())
        .toEqual({ last_touch: '2025-12-28', first_touch: '2025-01-01', touch_days: 84 });
      expect(db.prepare("SELECT SUM(touches) FROM touch_months").pluck().get()).toBe(N);
    } finally {
      db.close();
    }
  });
});

describe('a bulk import builds the indexes of touchpoints and of the journal afresh, once', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });
  /** The indexes of the two tables: their SQL, and the page each starts at (a rebuilt index moves). */
  const indexes = (db: Db) =>
    db.prepare("SELECT name, sql, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('touchpoints', 'change_rows') AND sql IS NOT NULL ORDER BY name")
      .all() as { name: string; sql: string; rootpage: number }[];
  const empty = { facts: [], follow_ups: [], dates: [], wishes: [] };
  const importInto = (db: Db, list: RelTouch[]) =>
    recordChange(db, 'import', () => 'import', NOW, () => writeRelRecords(db, [{ personId: 'p', records: { ...empty, touchpoints: list } }], new Map(), list.length), 200);
  const fresh = (name: string) => {
    const db = openDb(join(t.dir, name), { now: new Date(NOW) });
    db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('p', 'P', 'p', '2025-01-01', ?, ?)`).run(NOW, NOW);
    return db;
  };

  it(`${BULK_INDEX_ROWS.toLocaleString('en')} touches into an empty file: the same indexes, rebuilt, and queries find every touch through them`, () => {
    const db = fresh('bulk.db');
    try {
      const before = indexes(db);
      expect(before.map((i) => i.name)).toContain('touchpoints_ledger');
      importInto(db, touches(BULK_INDEX_ROWS));
      const after = indexes(db);
      expect(after.map(({ name, sql }) => ({ name, sql }))).toEqual(before.map(({ name, sql }) => ({ name, sql })));
      expect(after.every((i, k) => i.rootpage !== before[k]!.rootpage)).toBe(true);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_group WHERE group_id >= 'g'").pluck().get()).toBe(BULK_INDEX_ROWS);
      expect(db.prepare("SELECT COUNT(*) FROM change_rows INDEXED BY change_rows_row WHERE tbl = 'touchpoints'").pluck().get()).toBe(BULK_INDEX_ROWS);
      // A smaller import into the file that now holds as many: the indexes are updated in place.
      const kept = indexes(db);
      importInto(db, touches(BULK_INDEX_ROWS - 1, 'u'));
      expect(indexes(db)).toEqual(kept);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('an import that fails half-way leaves the indexes as they were (the drop is rolled back with it)', () => {
    const db = fresh('failed.db');
    try {
      const before = indexes(db);
      const list = touches(BULK_INDEX_ROWS);
      list[BULK_INDEX_ROWS - 1] = { ...list[BULK_INDEX_ROWS - 1]!, id: list[0]!.id }; // a repeated id: UNIQUE fails
      expect(() => importInto(db, list)).toThrow(/UNIQUE/);
      expect(indexes(db)).toEqual(before);
      expect(db.prepare('SELECT COUNT(*) FROM touchpoints').pluck().get()).toBe(0);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
