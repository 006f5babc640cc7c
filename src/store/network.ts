/**
 * SQL for `rel stats` and `rel suggest`: counts over the whole network, done by SQLite so that 200,000
 * touchpoints never cross into JavaScript as rows. What the counts mean is defined in domain/stats.ts
 * (statsCounts); test/store/network.test.ts checks that both agree.
 */
import { addDays } from '../domain/dates.js';
import type { StatsCounts } from '../domain/stats.js';
import type { TouchSpan } from '../domain/touch-history.js';
import type { Day } from '../domain/types.js';
import { DRIFT_GAP, DRIFT_LAST } from './migrations.js';
import type { Db } from './open.js';

/**
 * The counts of rel stats, each answered by an index: people's last touch and next due day (kept by
 * triggers; a next_due on or after today is a rhythm kept), and the dates of gives and asks.
 * Touched in the last 30, 90 and 365 days (today − n < date ≤ today) is counted on the index of the
 * last touch in three ranges that do not overlap (the last 30 days, the 60 before, the 275 before those),
 * one pass over the year's entries: counting the rows of one range through a union and filters took
 * 30 ms of rel stats for 100,000 people, against 3 ms. Someone whose last touch is after today (a clock
 * that was wrong) counts by their latest touch up to today, looked up touch by touch. The gives and asks
 * of the year are the kept counts of the eleven whole months inside it (touch_months, migration 16) and
 * those of the two months it starts and ends in, counted on the indexes of their dates alone
 * (touchpoints_gives, touchpoints_asks): ~9,000 index entries of 100,000 people's year instead of 123,000.
 */
export function networkCounts(db: Db, today: Day): StatsCounts {
  const inYear = (kept: 'gives' | 'asks', column: 'give' | 'ask') =>
    `(SELECT COALESCE(SUM(${kept}), 0) FROM touch_months WHERE month > @first AND month < @last)
     + (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_${kept} WHERE ${column} IS NOT NULL AND date > @d365 AND date < @first || '-99')
     + (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_${kept} WHERE ${column} IS NOT NULL AND date >= @last || '-01' AND date <= @today)`;
  const d365 = addDays(today, -365);
  // The year's first and last months, whose touches are counted one by one; those between are kept whole.
  // 365 days back is always an earlier month, so the two never overlap.
  const params = { today, d30: addDays(today, -30), d90: addDays(today, -90), d365, first: d365.slice(0, 7), last: today.slice(0, 7) };
  const touched = (from: string, to: string) =>
    `(SELECT COUNT(*) FROM people WHERE last_touch > ${from} AND last_touch <= ${to}) + (SELECT COUNT(*) FROM ahead WHERE last > ${from} AND last <= ${to})`;
  return db
    .prepare(
      `WITH ahead (last) AS (
         SELECT (SELECT MAX(date) FROM touchpoints t WHERE t.person_id = p.id AND t.date <= @today) FROM people p WHERE p.last_touch > @today),
       ranges (r30, r90, r365) AS (SELECT ${touched('@d30', '@today')}, ${touched('@d90', '@d30')}, ${touched('@d365', '@d90')}),
       recent (d30, d90, d365) AS (SELECT r30, r30 + r90, r30 + r90 + r365 FROM ranges),
       ledger (gives, asks) AS (SELECT ${inYear('gives', 'give')}, ${inYear('asks', 'ask')})
       SELECT (SELECT COUNT(*) FROM people) AS contacts, d30 AS touched_30d, d90 AS touched_90d, d365 AS touched_365d,
         (SELECT COUNT(*) FROM people WHERE last_touch IS NULL) AS never_touched,
         (SELECT COUNT(*) FROM people WHERE next_due IS NOT NULL) AS with_rhythm,
         (SELECT COUNT(*) FROM people WHERE next_due IS NOT NULL AND next_due >= @today) AS rhythm_on_time,
         gives AS gives_365d, asks AS asks_365d
       FROM recent, ledger`,
    )
    .get(params) as StatsCounts;
}

/**
 * Touches in each of these `YYYY-MM` months (touch_months, kept by triggers). The current month's
 * count is made up to today, so a touch dated later this month (a wrong clock) is not counted.
 */
export function monthCounts(db: Db, months: string[], today: Day): Map<string, number> {
  const kept = db.prepare('SELECT touches FROM touch_months WHERE month = ?').pluck();
  const counts = new Map(months.map((m) => [m, (kept.get(m) as number | undefined) ?? 0]));
  const current = today.slice(0, 7);
  if (counts.has(current)) {
    const later = db.prepare('SELECT COUNT(*) FROM touchpoints WHERE date > ? AND date < ?').pluck().get(today, `${current}-99`) as number;
    counts.set(current, counts.get(current)! - later);
  }
  return counts;
}

/**
 * The people drifting, through the index on the day each starts to (people.drift_from), which holds
 * every column read here, and the last touch's day number and the usual gap the order is worked out
 * from (migration 15): no row of people is read, no date parsed. At most `limit`, the likeliest first.
 * The domain (driftingFrom) decides and ranks exactly.
 */
export function touchSpans(db: Db, today: Day, minDays: number, limit = 100): TouchSpan[] {
  return db
    .prepare(
      `SELECT id, name, first_touch, last_touch, touch_days FROM people INDEXED BY people_drifting
       WHERE drift_from IS NOT NULL AND drift_from <= @today AND last_touch <= @today AND touch_days >= @minDays
       ORDER BY (julianday(@today) - ${DRIFT_LAST}) / ${DRIFT_GAP} DESC LIMIT @limit`,
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
