import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordChange } from '../../src/store/journal.js';
import { openDb, sqlite, type Db } from '../../src/store/open.js';
import { BULK_INDEX_ROWS, FACTS_INSERT_TRIGGERS, PEOPLE_INSERT_TRIGGERS, TOUCH_INSERT_TRIGGERS, writeRelRecords } from '../../src/store/transfer.js';
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

  it(`${BULK_INDEX_ROWS.toLocaleString('en')} touches into an empty file: the same indexes, rebuilt (the journal's by change appended to), and queries find every touch through them`, () => {
    const db = fresh('bulk.db');
    try {
      const before = indexes(db);
      expect(before.map((i) => i.name)).toContain('touchpoints_ledger');
      importInto(db, touches(BULK_INDEX_ROWS));
      const after = indexes(db);
      expect(after.map(({ name, sql }) => ({ name, sql }))).toEqual(before.map(({ name, sql }) => ({ name, sql })));
      // Each rebuilt, but the journal's index by change: the import's rows are appended at its end.
      expect(after.filter((i, k) => i.rootpage === before[k]!.rootpage).map((i) => i.name)).toEqual(['change_rows_change']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_group WHERE group_id >= 'g'").pluck().get()).toBe(BULK_INDEX_ROWS);
      expect(db.prepare("SELECT COUNT(*) FROM change_rows INDEXED BY change_rows_row WHERE tbl = 'touchpoints'").pluck().get()).toBe(BULK_INDEX_ROWS);
      expect(db.prepare("SELECT COUNT(*) FROM change_rows INDEXED BY change_rows_change WHERE change_id = (SELECT MAX(id) FROM changes) AND tbl = 'touchpoints'").pluck().get())
        .toBe(BULK_INDEX_ROWS);
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

describe('an import of many people and facts journals them once, without the per-row triggers', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('the AFTER INSERT triggers on people and facts are exactly the ones the bulk path stands in for', () => {
    const db = openDb(join(t.dir, 'fresh.db'), { now: new Date(NOW) });
    try {
      const on = (table: string) => db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%AFTER INSERT ON ${table}%' ORDER BY name`)
        .pluck().all(table);
      expect(on('people')).toEqual([...PEOPLE_INSERT_TRIGGERS]);
      expect(on('facts')).toEqual([...FACTS_INSERT_TRIGGERS]);
    } finally {
      db.close();
    }
  });

  it(`${(BULK_INDEX_ROWS + 1).toLocaleString('en')} vCards with a note each: one journal row per person and per fact, the triggers and indexes back, and undo takes them all away`, async () => {
    await t.rel(['add', 'Maya Chen', '--email', 'maya@example.com']);
    const n = BULK_INDEX_ROWS + 1;
    const cards = Array.from({ length: n }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nNOTE:note ${i}\r\nEND:VCARD\r\n`);
    const file = join(t.dir, 'contacts.vcf');
    writeFileSync(file, `${cards.join('')}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya Chen\r\nEMAIL:maya@example.com\r\nNOTE:likes tea\r\nEND:VCARD\r\n`);
    const schema = (db: Db) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name").all();
    const before = (() => { const db = sqlite(t.db); try { return schema(db); } finally { db.close(); } })();

    const r = await t.rel(['import', file, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ added: n, merged: 1 });
    const db = sqlite(t.db);
    try {
      expect(schema(db)).toEqual(before);
      const change = db.prepare('SELECT MAX(id) FROM changes').pluck().get();
      const rows = (tbl: string, before: 'IS NULL' | 'IS NOT NULL') =>
        db.prepare(`SELECT COUNT(*) FROM change_rows WHERE change_id = ? AND tbl = ? AND before ${before}`).pluck().get(change, tbl);
      expect(rows('people', 'IS NULL')).toBe(n); // the people added: undo deletes them by id
      expect(rows('people', 'IS NOT NULL')).toBe(1); // Maya, merged: her row as it was
      expect(rows('facts', 'IS NULL')).toBe(n + 1); // every note, Maya's too
      // The indexes find the new rows: by name, and each person's facts.
      expect(db.prepare("SELECT COUNT(*) FROM people INDEXED BY people_name_key WHERE name_key LIKE 'person %'").pluck().get()).toBe(n);
      expect(db.prepare(`SELECT COUNT(*) FROM facts INDEXED BY facts_person WHERE person_id = (SELECT id FROM people WHERE name = 'Person 7')`).pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    // The triggers work again: a fact noted after the import is journaled by its trigger, and undone alone.
    expect((await t.rel(['note', 'Person 7', 'moved to Lisbon'])).code).toBe(0);
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['show', 'Person 7', '--json'])).json().facts.map((f: { text: string }) => f.text)).toEqual(['note 7']);
    expect((await t.rel(['undo'])).code).toBe(0);
    const left = (await t.rel(['list', '--json'])).json();
    expect(left.map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
    expect((await t.rel(['show', 'maya', '--json'])).json().facts).toEqual([]);
  });
});

describe('the last contacts of a vCard or CSV import are written in bulk, and what they derive is right', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });
  const derived = (name: string) => {
    const db = sqlite(t.db);
    try {
      return db.prepare('SELECT last_touch, first_touch, touch_days FROM people WHERE name = ?').get(name);
    } finally {
      db.close();
    }
  };

  it('new people start from their one touch, a merged person is recomputed, the months count them, undo takes them back', async () => {
    // The file: Maya (known, with an older touch) and 40 new people, each with a last contact; one without.
    const cards = [
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Maya Chen\r\nEMAIL:maya@example.org\r\nX-REL-LAST-CONTACT:2026-01-10\r\nEND:VCARD',
      ...Array.from({ length: 40 }, (_, i) =>
        `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:New Person ${i}\r\nX-REL-LAST-CONTACT:2025-${String(1 + (i % 12)).padStart(2, '0')}-15\r\nEND:VCARD`),
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Never Met\r\nEND:VCARD',
    ];
    const file = join(t.dir, 'contacts.vcf');
    writeFileSync(file, `${cards.join('\r\n')}\r\n`);
    await t.rel(['add', 'Maya Chen', '--email', 'maya@example.org']);
    await t.rel(['log', 'maya', '--on', '2025-06-01']);

    const imported = await t.rel(['import', file, '--json']);
    expect(imported.json()).toMatchObject({ added: 41, merged: 1 });
    expect(derived('New Person 0')).toEqual({ last_touch: '2025-01-15', first_touch: '2025-01-15', touch_days: 1 });
    expect(derived('New Person 11')).toEqual({ last_touch: '2025-12-15', first_touch: '2025-12-15', touch_days: 1 });
    expect(derived('Never Met')).toEqual({ last_touch: null, first_touch: null, touch_days: 0 });
    expect(derived('Maya Chen')).toEqual({ last_touch: '2026-01-10', first_touch: '2025-06-01', touch_days: 2 });
    const db = sqlite(t.db);
    try {
      const months = db.prepare('SELECT month, touches FROM touch_months ORDER BY month').all();
      expect(months).toEqual(db.prepare('SELECT substr(date, 1, 7) AS month, COUNT(*) AS touches FROM touchpoints GROUP BY 1 ORDER BY 1').all());
      expect(months).toContainEqual({ month: '2025-06', touches: 4 }); // Maya's own touch and three new people's
    } finally {
      db.close();
    }
    const doctor = await t.rel(['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.out).toMatch(/last touch up to date: yes/);

    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
    expect(derived('Maya Chen')).toEqual({ last_touch: '2025-06-01', first_touch: '2025-06-01', touch_days: 1 });
  });
});
