/**
 * SQL for `rel stats` and `rel suggest`: counts over the whole network, done by SQLite so that 200,000
 * touchpoints never cross into JavaScript as rows. What the counts mean is defined in domain/stats.ts
 * (statsCounts); test/store/network.test.ts checks that both agree.
 */
import { addDays } from '../domain/dates.js';
import type { StatsCounts } from '../domain/stats.js';
import { packHistories, type TouchHistories } from '../domain/touch-history.js';
import type { Day } from '../domain/types.js';
import type { Db } from './open.js';

/** People touched in the last n days (today − n < date ≤ today); a touch after today does not count. */
const touchedWithin = (n: number) => `COALESCE(SUM(CASE
    WHEN p.last_touch IS NULL THEN 0
    WHEN p.last_touch <= @today THEN p.last_touch > @d${n}
    ELSE EXISTS (SELECT 1 FROM touchpoints t WHERE t.person_id = p.id AND t.date > @d${n} AND t.date <= @today)
  END), 0)`;

export function networkCounts(db: Db, today: Day): StatsCounts {
  const params = { today, d30: addDays(today, -30), d90: addDays(today, -90), d365: addDays(today, -365) };
  // people.last_touch is the newest touch (kept by triggers); next_due >= today means the rhythm is kept.
  const people = db
    .prepare(
      `SELECT COUNT(*) AS contacts,
         ${touchedWithin(30)} AS touched_30d, ${touchedWithin(90)} AS touched_90d, ${touchedWithin(365)} AS touched_365d,
         COALESCE(SUM(p.last_touch IS NULL), 0) AS never_touched,
         COALESCE(SUM(p.every_days >= 1), 0) AS with_rhythm,
         COALESCE(SUM(p.every_days >= 1 AND p.next_due >= @today), 0) AS rhythm_on_time
       FROM people p`,
    )
    .get(params) as Omit<StatsCounts, 'gives_365d' | 'asks_365d'>;
  const ledger = db
    .prepare('SELECT COUNT(give) AS gives_365d, COUNT(ask) AS asks_365d FROM touchpoints WHERE date > @d365 AND date <= @today')
    .get({ today, d365: params.d365 }) as Pick<StatsCounts, 'gives_365d' | 'asks_365d'>;
  return { ...people, ...ledger };
}

/**
 * Everyone's touch days, as day numbers. One pass in the (person_id, date) index's order, the dates
 * joined per person by SQLite: 200,000 touches cross into JavaScript as 10,000 strings, not as rows.
 * Touches after today are left in: the domain ignores them.
 */
export function touchHistories(db: Db): TouchHistories {
  return packHistories(db.prepare('SELECT person_id, group_concat(date) FROM touchpoints GROUP BY person_id').raw().all() as [string, string][]);
}

/** The names of these people, by id. */
export function namesOf(db: Db, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare('SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [string, string][];
  return new Map(rows);
}

/** Everyone's rhythm, for rel suggest. */
export function rhythms(db: Db): { id: string; name: string; every_days: number | null }[] {
  return db.prepare('SELECT id, name, every_days FROM people ORDER BY name_key, id').all() as {
    id: string;
    name: string;
    every_days: number | null;
  }[];
}

export function setRhythm(db: Db, id: string, everyDays: number | null, now: string): void {
  db.prepare('UPDATE people SET every_days = ?, updated_at = ? WHERE id = ?').run(everyDays, now, id);
}

/** Each touched person's touch days after `since` and up to today (for rel suggest), repeats kept. */
export function recentTouchDays(db: Db, since: Day, today: Day): Map<string, Day[]> {
  const rows = db
    .prepare(
      `SELECT p.id, (SELECT group_concat(t.date) FROM touchpoints t WHERE t.person_id = p.id AND t.date > @since AND t.date <= @today)
       FROM people p WHERE p.last_touch > @since`,
    )
    .raw()
    .all({ since, today }) as [string, string | null][];
  return new Map(rows.filter((r) => r[1] !== null).map(([id, days]) => [id, (days ?? '').split(',')]));
}
