/**
 * rel stats counts in SQL what networkStats (domain/stats.ts) defines over plain arrays, and rel due finds
 * important dates with a SQL prefilter: on random databases, both must agree with the domain exactly.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { dueItems, type DueDate } from '../../src/domain/due.js';
import { networkStats, statsFrom } from '../../src/domain/stats.js';
import { driftingFrom, lastMonths, MIN_TOUCH_DAYS, perMonth } from '../../src/domain/touch-history.js';
import { dueDates } from '../../src/store/insight.js';
import { monthCounts, networkCounts, touchSpans } from '../../src/store/network.js';
import type { Db } from '../../src/store/open.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
});

function fill(rnd: () => number, today: string) {
  const person = db.prepare(`INSERT INTO people (id, name, name_key, tags, every_days, snoozed_until, added_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')`);
  const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, give, ask, created_at, updated_at)
    VALUES (?, ?, 'g', ?, 'call', ?, ?, 'x', 'x')`);
  const date = db.prepare(`INSERT INTO dates (id, person_id, label, date, yearly, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')`);
  const md = () => `${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  db.transaction(() => {
    for (let i = 0; i < 200; i++) {
      const id = `p${String(i).padStart(3, '0')}`;
      const every = rnd() < 0.4 ? [1, 7, 30, 90][Math.floor(rnd() * 4)]! : null;
      const snooze = rnd() < 0.1 ? addDays(today, Math.floor(rnd() * 20) - 10) : null;
      const tags = JSON.stringify(rnd() < 0.3 ? ['work'] : []);
      person.run(id, `P ${i % 150}`, `p ${i % 150}`, tags, every, snooze, addDays(today, -Math.floor(rnd() * 900)));
      const kind = rnd();
      const n = kind < 0.2 ? 0 : kind < 0.6 ? Math.floor(rnd() * 4) : Math.floor(rnd() * 25);
      const gap = 1 + Math.floor(rnd() * 40);
      let back = Math.floor(rnd() * 500) - 5; // a few touches after today
      for (let t = 0; t < n; t++) {
        const give = rnd() < 0.2 ? 'help' : null;
        const ask = rnd() < 0.1 ? 'advice' : null;
        touch.run(`${id}t${t}`, id, addDays(today, -back), give, ask);
        back += rnd() < 0.2 ? 0 : Math.floor(gap * (0.5 + rnd()));
      }
      for (let d = Math.floor(rnd() * 3); d > 0; d--) {
        const yearly = rnd() < 0.6;
        const when = yearly ? (rnd() < 0.5 ? `--${md()}` : `19${50 + Math.floor(rnd() * 50)}-${md()}`) : addDays(today, Math.floor(rnd() * 60) - 20);
        date.run(`${id}d${d}`, id, `label ${d}`, rnd() < 0.03 ? '--02-29' : when, yearly ? 1 : 0);
      }
    }
  })();
}

describe('rel stats in SQL equals networkStats', () => {
  it.each([['2026-03-15', 1], ['2026-12-31', 2], ['2028-02-29', 3], ['2027-01-01', 4]])('on %s (seed %i)', (today, seed) => {
    fill(rng(seed), today);
    const people = db.prepare('SELECT id, name, added_on, every_days, last_touch FROM people').all() as Parameters<typeof networkStats>[0];
    const touches = db.prepare('SELECT person_id, date, give, ask FROM touchpoints').all() as Parameters<typeof networkStats>[1];
    const months = perMonth(monthCounts(db, lastMonths(today), today), today);
    const sql = statsFrom(networkCounts(db, today), months, driftingFrom(touchSpans(db, today, MIN_TOUCH_DAYS), today), today);
    const reference = networkStats(people, touches, today);
    expect(sql).toEqual(reference);
    expect(reference.drifting.length).toBeGreaterThan(0);
    expect(reference.never_touched).toBeGreaterThan(0);
  });
});

describe('the drifting prefilter keeps everyone near the line', () => {
  it('ratios just over, at and under 1.5, with averages that round up and down', () => {
    const today = '2026-06-30';
    const person = db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, '2020-01-01', 'x', 'x')`);
    const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, created_at, updated_at) VALUES (?, ?, 'g', ?, 'call', 'x', 'x')`);
    // [id, gaps between touch days (oldest first), days since the last]
    const cases: [string, number[], number][] = [
      ['exact', [10, 10], 15], // average 10, ratio 1.5: drifting
      ['under', [10, 10], 14], // 1.4: not
      ['rounds-up', [10, 11], 16], // average 10.5 → 11: 16 / 11 = 1.45, not
      ['rounds-up-over', [10, 11], 17], // 17 / 11 = 1.55: drifting
      ['rounds-down', [10, 10, 11], 15], // average 10.33 → 10: 15 / 10 = 1.5, drifting
      ['two-days', [30, 0], 300], // a repeated day: only two days touched, not
    ];
    db.transaction(() => {
      for (const [id, gaps, since] of cases) {
        person.run(id, id, id);
        let back = since + gaps.reduce((a, b) => a + b, 0);
        touch.run(`${id}-first`, id, addDays(today, -back));
        gaps.forEach((g, k) => {
          back -= g;
          touch.run(`${id}-${k}`, id, addDays(today, -back));
        });
      }
    })();
    const people = db.prepare('SELECT id, name, added_on, every_days, last_touch FROM people').all() as Parameters<typeof networkStats>[0];
    const touches = db.prepare('SELECT person_id, date, give, ask FROM touchpoints').all() as Parameters<typeof networkStats>[1];
    const sql = driftingFrom(touchSpans(db, today, MIN_TOUCH_DAYS), today);
    expect(sql).toEqual(networkStats(people, touches, today).drifting);
    expect(sql.map((d) => d.id).sort()).toEqual(['exact', 'rounds-down', 'rounds-up-over']);
  });
});

describe('dueDates prefilter', () => {
  it.each([
    ['2026-03-01', 14],
    ['2026-12-25', 14], // the window wraps into January
    ['2028-02-20', 14], // a leap year: 29 Feb within
    ['2027-02-20', 14], // not a leap year: --02-29 falls on 28 Feb
    ['2026-06-01', 60],
    ['2026-06-01', 400], // more than a year: every yearly date
  ])('today %s, %i days: never drops a date the domain would list', (today, days) => {
    fill(rng(days + Number(today.slice(0, 4))), today);
    const window = { today, horizon: today, birthdayDays: days };
    const everyone = db.prepare('SELECT id, name, every_days, NULL AS birthday, snoozed_until, added_on, last_touch FROM people').all() as Parameters<typeof dueItems>[0];
    const allDates = (db.prepare('SELECT id, person_id, label, date, yearly FROM dates').all() as (Omit<DueDate, 'yearly'> & { yearly: number })[])
      .map((d) => ({ ...d, yearly: d.yearly === 1 }));
    const opts = { today, withinDays: 0, birthdayDays: days };
    const onlyDates = (items: ReturnType<typeof dueItems>) => items.filter((i) => i.reason === 'date');
    const expected = onlyDates(dueItems(everyone, [], opts, allDates));
    const found = dueDates(db, window);
    const got = onlyDates(dueItems(found.people.map((p) => ({ ...p, birthday: null })), [], opts, found.dates));
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    // --tag: only people with the tag
    const tagged = dueDates(db, window, 'work');
    const workIds = new Set((db.prepare(`SELECT id FROM people WHERE tags LIKE '%work%'`).pluck().all() as string[]));
    expect(tagged.people.every((p) => workIds.has(p.id))).toBe(true);
  });
});
