/**
 * SQL for `rel stats` and `rel suggest`: counts over the whole network, done by SQLite so that 200,000
 * touchpoints never cross into JavaScript as rows. What the counts mean is defined in domain/stats.ts
 * (statsCounts); test/store/network.test.ts checks that both agree.
 */
import { addDays } from '../domain/dates.js';
import type { StatsCounts } from '../domain/stats.js';
import type { TouchSpan } from '../domain/touch-history.js';
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
    .prepare(
      `SELECT (SELECT COUNT(*) FROM touchpoints WHERE give IS NOT NULL AND date > @d365 AND date <= @today) AS gives_365d,
              (SELECT COUNT(*) FROM touchpoints WHERE ask IS NOT NULL AND date > @d365 AND date <= @today) AS asks_365d`,
    )
    .get({ today, d365: params.d365 }) as Pick<StatsCounts, 'gives_365d' | 'asks_365d'>;
  return { ...people, ...ledger };
}

/** Touches in each of these `YYYY-MM` months, up to today: one range count each on the date index. */
export function monthCounts(db: Db, months: string[], today: Day): Map<string, number> {
  const count = db.prepare('SELECT COUNT(*) FROM touchpoints WHERE date >= ? AND date < ? AND date <= ?').pluck();
  const next = (m: string) => {
    const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    return mm === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 4)}-${String(mm + 1).padStart(2, '0')}`;
  };
  return new Map(months.map((m) => [m, count.get(`${m}-01`, `${next(m)}-01`, today) as number]));
}

/**
 * The people who may be drifting (kept columns: first and last touch, days touched), at most `limit`,
 * the likeliest first. A superset of what driftingFrom (the domain) lists: a gap of 1.5 times the
 * average gap less half a day (the domain rounds the average), ordered by the ratio to the rounded
 * average. The domain decides.
 */
export function touchSpans(db: Db, today: Day, minDays: number, limit = 100): TouchSpan[] {
  const average = '(julianday(last_touch) - julianday(first_touch)) / (touch_days - 1)';
  const gap = '(julianday(@today) - julianday(last_touch))';
  return db
    .prepare(
      `SELECT id, name, first_touch, last_touch, touch_days FROM people
       WHERE touch_days >= @minDays AND last_touch <= @today AND ${gap} >= 1.5 * max(1, ${average} - 0.5)
       ORDER BY ${gap} / max(1, round(${average})) DESC LIMIT @limit`,
    )
    .all({ today, minDays, limit }) as TouchSpan[];
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
