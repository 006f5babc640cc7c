/**
 * duePeople is a prefilter done by SQLite; dueItems decides. Whatever the data, the prefilter must never
 * drop anyone the domain would list: compare against dueItems over everyone, on random databases.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { dueItems } from '../../src/domain/due.js';
import type { Db } from '../../src/store/open.js';
import { duePeople } from '../../src/store/people.js';
import { dueFollowUps, openFollowUps } from '../../src/store/touchpoints.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
});

function fill(rnd: () => number, today: string) {
  const person = db.prepare(`INSERT INTO people (id, name, name_key, every_days, birthday, snoozed_until, added_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 'x')`);
  const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, created_at, updated_at) VALUES (?, ?, 'g', ?, 'call', 'x', 'x')`);
  const fu = db.prepare(`INSERT INTO follow_ups (id, person_id, due_on, note, closed_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', 'x')`);
  const md = () => `${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 29)).padStart(2, '0')}`;
  db.transaction(() => {
    for (let i = 0; i < 300; i++) {
      const id = `p${i}`;
      const every = rnd() < 0.6 ? [1, 7, 14, 30, 90, 365][Math.floor(rnd() * 6)]! : null;
      let bday: string | null = rnd() < 0.5 ? (rnd() < 0.5 ? `--${md()}` : `1990-${md()}`) : null;
      if (bday?.endsWith('02-30') || bday?.endsWith('02-31')) bday = null;
      if (bday && rnd() < 0.05) bday = '--02-29';
      const snooze = rnd() < 0.1 ? addDays(today, Math.floor(rnd() * 20) - 10) : null;
      person.run(id, `P ${i}`, `p ${i}`, every, bday, snooze, addDays(today, -Math.floor(rnd() * 800)));
      for (let t = Math.floor(rnd() * 4); t > 0; t--) touch.run(`${id}t${t}`, id, addDays(today, -Math.floor(rnd() * 400)));
      // Open and closed follow-ups, some after the horizon, some on its day.
      for (let f = Math.floor(rnd() * 3); f > 0; f--) {
        fu.run(`${id}f${f}`, id, addDays(today, Math.floor(rnd() * 60) - 20), rnd() < 0.5 ? `note ${f}` : null, rnd() < 0.2 ? `${id}t1` : null);
      }
    }
  })();
}

const everyone = () =>
  db.prepare('SELECT id, name, every_days, birthday, snoozed_until, added_on, last_touch FROM people').all() as Parameters<typeof dueItems>[0];

describe('duePeople prefilter', () => {
  it.each([
    ['2026-03-01', 0, 14],
    ['2026-12-25', 0, 14], // the birthday window wraps into January
    ['2028-02-28', 0, 14], // a leap year
    ['2027-02-27', 10, 10],
    ['2027-02-20', 0, 8], // 29 Feb falls on 28 Feb in 2027, the last day of the window
    ['2026-06-15', 30, 30],
    ['2026-06-15', 400, 400],
  ])('today %s, within %i days: the same items as ranking everyone', (today, within, birthdayDays) => {
    for (const seed of [1, 2, 3]) {
      db.exec('DELETE FROM people');
      fill(rng(seed), today);
      const opts = { today, withinDays: within, birthdayDays };
      const horizon = addDays(today, within);
      const fast = dueItems(duePeople(db, { today, horizon, birthdayDays }), dueFollowUps(db, horizon), opts);
      const full = dueItems(everyone(), openFollowUps(db), opts);
      expect(full.length).toBeGreaterThan(0);
      expect(fast).toEqual(full);
    }
  });
});
