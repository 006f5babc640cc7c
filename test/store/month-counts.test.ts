/**
 * touch_months keeps each month's touches, gives and asks (migrations 4, 5 and 16), which rel stats
 * sums for a year: the triggers must keep them through every insert, edit and delete of a touch, rel
 * doctor's check (STALE_MONTHS) must see a wrong count, and the bulk refreshes must put it right.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/open.js';
import { networkCounts } from '../../src/store/network.js';
import { refreshDerived, refreshMonths, STALE_MONTHS } from '../../src/store/people.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
  db.exec(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES ('p', 'P', 'p', '2025-01-01', 'x', 'x')`);
});

type Month = { month: string; touches: number; gives: number; asks: number };

/** What touch_months keeps, leaving out months with nothing left in them. */
const kept = () =>
  db.prepare('SELECT month, touches, gives, asks FROM touch_months WHERE touches + gives + asks > 0 ORDER BY month').all() as Month[];

/** The same counts, worked out here from the touches themselves. */
function recount(): Month[] {
  const by = new Map<string, Month>();
  for (const r of db.prepare('SELECT date, give, ask FROM touchpoints').all() as { date: string; give: string | null; ask: string | null }[]) {
    const month = r.date.slice(0, 7);
    const m = by.get(month) ?? by.set(month, { month, touches: 0, gives: 0, asks: 0 }).get(month)!;
    m.touches += 1;
    if (r.give !== null) m.gives += 1;
    if (r.ask !== null) m.asks += 1;
  }
  return [...by.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
}

const stale = () => (db.prepare(STALE_MONTHS).pluck().all() as string[]).sort();

/** A touch of the one person, on `date`, with a give and an ask or none (null). */
const touch = (id: string, date: string, give: string | null, ask: string | null) =>
  db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, give, ask, created_at, updated_at)
    VALUES (?, 'p', 'g', ?, 'call', ?, ?, 'x', 'x')`).run(id, date, give, ask);

describe('touch_months', () => {
  it('keeps touches, gives and asks per month through inserts, edits of the date, give or ask, and deletes', () => {
    const rnd = rng(16);
    const day = () => `2026-0${1 + Math.floor(rnd() * 4)}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const maybe = (p: number, text: string) => (rnd() < p ? text : null);
    const ids: string[] = [];
    for (let i = 0; i < 400; i++) {
      const id = `t${i}`;
      touch(id, day(), maybe(0.3, 'an intro'), maybe(0.2, 'advice'));
      ids.push(id);
    }
    const set = (columns: string) => db.prepare(`UPDATE touchpoints SET ${columns} WHERE id = @id`);
    const [date, give, ask, all, note] = [set('date = @date'), set('give = @give'), set('ask = @ask'),
      set('date = @date, give = @give, ask = @ask'), set("note = 'edited'")];
    const remove = db.prepare('DELETE FROM touchpoints WHERE id = ?');
    let edits = 0;
    let deletes = 0;
    for (let i = 0; i < 600; i++) {
      const id = ids[Math.floor(rnd() * ids.length)]!;
      const what = rnd();
      if (what < 0.25) date.run({ id, date: day() });
      else if (what < 0.5) give.run({ id, give: maybe(0.5, 'help') });
      else if (what < 0.7) ask.run({ id, ask: maybe(0.5, 'a favour') });
      else if (what < 0.8) all.run({ id, date: day(), give: maybe(0.5, 'x'), ask: maybe(0.5, 'y') });
      else if (what < 0.9) note.run({ id }); // no count moves
      else {
        if (remove.run(id).changes > 0) deletes += 1;
        continue;
      }
      edits += 1;
    }
    expect(edits).toBeGreaterThan(400);
    expect(deletes).toBeGreaterThan(30);
    const right = recount();
    expect(right.length).toBe(4);
    expect(right.every((m) => m.gives > 0 && m.asks > 0 && m.gives < m.touches)).toBe(true);
    expect(kept()).toEqual(right);
    expect(stale()).toEqual([]);
  });

  it('a wrong count of gives or asks is stale (rel doctor), and the refreshes put it right', () => {
    touch('a', '2026-01-05', 'help', null);
    touch('b', '2026-01-31', null, 'advice');
    touch('c', '2026-02-01', 'intro', 'intro back');
    const right = [
      { month: '2026-01', touches: 2, gives: 1, asks: 1 },
      { month: '2026-02', touches: 1, gives: 1, asks: 1 },
    ];
    expect(kept()).toEqual(right);
    db.exec("UPDATE touch_months SET gives = 0 WHERE month = '2026-01'; UPDATE touch_months SET asks = 5 WHERE month = '2026-02'");
    expect(stale()).toEqual(['2026-01', '2026-02']);
    refreshMonths(db, ['2026-02']);
    expect(stale()).toEqual(['2026-01']);
    db.exec('DELETE FROM touch_months');
    expect(stale()).toEqual(['2026-01', '2026-02']);
    refreshDerived(db); // everyone: the table made again
    expect(kept()).toEqual(right);
    expect(stale()).toEqual([]);
  });
});

describe("rel stats' gives and asks of the last year", () => {
  it('are those dated after the day a year ago and up to today: the whole months kept, the first and last counted', () => {
    const days: [string, boolean][] = [
      ['2025-11-30', false], ['2025-12-15', false], // a year ago (2025-12-15) and before: out
      ['2025-12-16', true], ['2025-12-31', true], ['2026-01-01', true], ['2026-06-10', true], ['2026-11-30', true],
      ['2026-12-01', true], ['2026-12-15', true], // today
      ['2026-12-16', false], ['2027-01-02', false], // after today (a wrong clock): out
    ];
    days.forEach(([day], i) => {
      touch(`g${i}`, day, 'help', null);
      touch(`a${i}`, day, null, 'advice');
      touch(`b${i}`, day, 'intro', 'intro back');
      touch(`n${i}`, day, null, null);
    });
    const inYear = days.filter(([, yes]) => yes).length;
    expect(networkCounts(db, '2026-12-15')).toMatchObject({ gives_365d: 2 * inYear, asks_365d: 2 * inYear });
    // A year back from 2026-12-31 is 2025-12-31, out: the six days from 2026-01-01 to 2026-12-16 are in.
    expect(networkCounts(db, '2026-12-31')).toMatchObject({ gives_365d: 2 * 6, asks_365d: 2 * 6 });
  });
});
