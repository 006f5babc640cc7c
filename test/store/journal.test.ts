import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordChange } from '../../src/store/journal.js';
import { sqlite } from '../../src/store/open.js';
import { STALE_DERIVED, STALE_MONTHS } from '../../src/store/people.js';
import { useTempDb, useTempRel } from '../helpers.js';

const NOW = '2026-03-01T09:00:00.000Z';

/** How many images change `id` holds per table, and how many of them are "inserted" (before IS NULL). */
function images(db: ReturnType<typeof sqlite>, id: number): Record<string, { all: number; inserted: number }> {
  const rows = db
    .prepare('SELECT tbl, COUNT(*) AS n, SUM(before IS NULL) AS ins FROM change_rows WHERE change_id = ? GROUP BY tbl')
    .all(id) as { tbl: string; n: number; ins: number }[];
  return Object.fromEntries(rows.map((r) => [r.tbl, { all: r.n, inserted: r.ins }]));
}

const lastChange = (db: ReturnType<typeof sqlite>) => db.prepare('SELECT MAX(id) FROM changes').pluck().get() as number;

describe('the undo journal keeps one before-image per row per change', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('an import of a person with many touches keeps one image of the person, none of an update', async () => {
    const touches = Array.from({ length: 50 }, (_, i) => ({
      id: `t${i}`, group_id: `g${i}`, date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      via: 'call', note: `n${i}`, give: null, ask: null, intro_to: null, created_at: NOW, updated_at: NOW,
    }));
    const file = join(t.dir, 'network.json');
    const exported = await (async () => {
      await t.rel(['add', 'Maya Chen']);
      const data = (await t.rel(['export', '--format', 'json'])).json();
      await t.rel(['undo']);
      return data;
    })();
    exported.people[0].touchpoints = touches;
    writeFileSync(file, JSON.stringify(exported));
    const imported = await t.rel(['import', file]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const db = sqlite(t.db);
    try {
      // Before migration 5: 1 inserted + one image per touch that moved last_touch, first_touch or touch_days.
      expect(images(db, lastChange(db))).toEqual({ people: { all: 1, inserted: 1 }, touchpoints: { all: 50, inserted: 50 } });
    } finally {
      db.close();
    }
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['list', '--json'])).json()).toEqual([]);
  });

  it('a log that updates a person several times keeps their row once, and undo puts it back', async () => {
    await t.rel(['add', 'Maya Chen', '--every', '2w']);
    await t.rel(['log', 'maya', '--on', '2026-02-01']);
    const before = (await t.rel(['show', 'maya', '--json'])).json();
    // One touch updates Maya three times (last_touch, first_touch/touch_days, updated_at by the command).
    expect((await t.rel(['log', 'maya', '-m', 'lunch', '--follow-up', '1w'])).code).toBe(0);
    const db = sqlite(t.db);
    try {
      const img = images(db, lastChange(db));
      expect(img.people).toEqual({ all: 1, inserted: 0 });
      expect(img.touchpoints).toEqual({ all: 1, inserted: 1 });
    } finally {
      db.close();
    }
    expect((await t.rel(['undo'])).code).toBe(0);
    expect((await t.rel(['show', 'maya', '--json'])).json()).toEqual(before);
  });
});

describe('the undo journal is bounded', () => {
  const s = useTempDb();
  const person = (db: typeof s.db) =>
    db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('p', 'P', 'p', '2026-01-01', ?, ?)`).run(NOW, NOW);

  it('keeps the newest `keep` changes (200 by default) and drops the older ones with their rows', () => {
    recordChange(s.db, 'add', () => 'add', NOW, () => person(s.db), 200);
    for (let i = 0; i < 250; i++) {
      recordChange(s.db, 'note', () => `note ${i}`, NOW, () =>
        s.db.prepare(`INSERT INTO facts (id, person_id, text, date, created_at, updated_at) VALUES (?, 'p', 'x', '2026-01-01', ?, ?)`).run(`f${i}`, NOW, NOW), 200);
    }
    const ids = s.db.prepare('SELECT id FROM changes ORDER BY id').pluck().all() as number[];
    expect(ids).toHaveLength(200);
    expect(ids[0]).toBe(52); // 251 changes made; 1..51 dropped
    expect(s.db.prepare('SELECT COUNT(*) FROM change_rows WHERE change_id < 52').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT COUNT(*) FROM change_rows').pluck().get()).toBe(200);
  });

  it('reuses the space of dropped changes: the file stops growing', () => {
    const big = 'x'.repeat(20_000);
    recordChange(s.db, 'add', () => 'add', NOW, () => {
      person(s.db);
      s.db.prepare(`INSERT INTO facts (id, person_id, text, date, created_at, updated_at) VALUES ('f', 'p', ?, '2026-01-01', ?, ?)`).run(big, NOW, NOW);
    }, 5);
    const edit = (i: number) =>
      recordChange(s.db, 'edit', () => `edit ${i}`, NOW, () => s.db.prepare('UPDATE facts SET text = ? WHERE id = ?').run(`${i}${big}`, 'f'), 5);
    for (let i = 0; i < 20; i++) edit(i);
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    for (let i = 20; i < 120; i++) edit(i);
    // Unbounded, 100 more images of 20 kB would add ~2 MB (500 pages of 4 kB).
    expect(s.db.pragma('page_count', { simple: true }) as number).toBeLessThanOrEqual(pages + 10);
    expect(s.db.prepare('SELECT COUNT(*) FROM changes').pluck().get()).toBe(5);
  });
});

describe('rel undo --list and undo.keep', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('says how many changes are kept, and honours the setting', async () => {
    const env = { XDG_CONFIG_HOME: join(t.dir, 'config') };
    expect((await t.rel(['undo', '--list'], { env })).out).toBe(
      'Nothing to undo. rel keeps the last 200 changes (setting undo.keep); older ones cannot be undone.\n',
    );
    expect((await t.rel(['config', 'set', 'undo.keep', '2'], { env })).code).toBe(0);
    for (const name of ['Ana', 'Ben', 'Cy']) await t.rel(['add', name], { env });
    const list = await t.rel(['undo', '--list'], { env });
    expect(list.out).toMatch(/add: Cy\n.*add: Ben\n\nrel keeps the last 2 changes \(setting undo\.keep\); older ones cannot be undone\.\n$/);
    expect(list.out).not.toContain('add: Ana');
    expect((await t.rel(['config', 'set', 'undo.keep', '0'], { env })).code).toBe(2);
  });
});

describe('undo of a large import', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('puts back every derived value and month count, and every trigger', async () => {
    await t.rel(['add', 'Maya Chen', '--every', '2w']);
    await t.rel(['log', 'maya', '--on', '2025-06-01', '-m', 'coffee']);
    await t.rel(['log', 'maya', '--on', '2025-09-10', '-m', 'call']);
    const exported = (await t.rel(['export', '--format', 'json'])).json();
    const state = () => {
      const db = sqlite(t.db);
      try {
        return {
          people: db.prepare('SELECT id, last_touch, first_touch, touch_days, next_due FROM people ORDER BY id').all(),
          months: db.prepare('SELECT month, touches FROM touch_months WHERE touches > 0 ORDER BY month').all(),
          triggers: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
          stale: db.prepare(`SELECT id FROM people WHERE ${STALE_DERIVED} UNION ALL SELECT month FROM (${STALE_MONTHS})`).all(),
        };
      } finally {
        db.close();
      }
    };
    const before = state();
    // 1,500 more touches for Maya (merged by id) over 2024 and 2026, and a newcomer with 20.
    const touch = (p: string, i: number) => ({
      id: `${p}${i}`, group_id: `${p}g${i}`, date: `${i % 2 ? 2024 : 2026}-${String(1 + (i % 2 ? i % 12 : i % 2)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      via: 'call', note: null, give: null, ask: null, intro_to: null, created_at: NOW, updated_at: NOW,
    });
    exported.people[0].touchpoints.push(...Array.from({ length: 1500 }, (_, i) => touch('m', i)));
    exported.people.push({ ...exported.people[0], id: 'ben', name: 'Ben Okafor', touchpoints: Array.from({ length: 20 }, (_, i) => touch('b', i)), facts: [], follow_ups: [], dates: [], wishes: [] });
    const file = join(t.dir, 'network.json');
    writeFileSync(file, JSON.stringify(exported));
    expect((await t.rel(['import', file])).code).toBe(0);
    const imported = state();
    expect(imported.people).not.toEqual(before.people);
    expect(imported.months).not.toEqual(before.months);
    expect(imported.stale).toEqual([]);
    const undone = await t.rel(['undo']);
    expect(undone.err).toBe('');
    expect(undone.code).toBe(0);
    expect(state()).toEqual(before);
  });
});
