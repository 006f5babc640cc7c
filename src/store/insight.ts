/** SQL for what rel remembers beyond touches: important dates, needs and offers, introductions. */
import { addDays } from '../domain/dates.js';
import type { DueDate, DuePerson } from '../domain/due.js';
import type { WishKind } from '../domain/types.js';
import type { Db } from './open.js';
import { HAS_TAG, monthDayWindow, type DueWindow } from './people.js';

export interface DateRow {
  id: string;
  person_id: string;
  label: string;
  date: string;
  yearly: boolean;
}

type RawDate = Omit<DateRow, 'yearly'> & { yearly: number };
const toDate = (r: RawDate): DateRow => ({ ...r, yearly: r.yearly === 1 });

export function insertDate(db: Db, d: DateRow, now: string): void {
  db.prepare(
    `INSERT INTO dates (id, person_id, label, date, yearly, created_at, updated_at)
     VALUES (@id, @person_id, @label, @date, @yearly, @now, @now)`,
  ).run({ ...d, yearly: d.yearly ? 1 : 0, now });
}

export function updateDate(db: Db, d: DateRow, now: string): void {
  db.prepare('UPDATE dates SET label = @label, date = @date, yearly = @yearly, updated_at = @now WHERE id = @id').run({
    ...d,
    yearly: d.yearly ? 1 : 0,
    now,
  });
}

export function deleteDate(db: Db, id: string): void {
  db.prepare('DELETE FROM dates WHERE id = ?').run(id);
}

/** A person's important dates, by label. */
export function datesOf(db: Db, personId: string): DateRow[] {
  return (
    db
      .prepare('SELECT id, person_id, label, date, yearly FROM dates WHERE person_id = ? ORDER BY label, id')
      .all(personId) as RawDate[]
  ).map(toDate);
}

/**
 * The dates that may fall within the birthday window of `rel due` (a superset: the domain decides),
 * with their people, leaving out the snoozed. Yearly dates are found by month-day like birthdays.
 * The SQL side of the due rule in src/domain/due.ts, proven by test/store/due.test.ts.
 */
export function dueDates(db: Db, window: DueWindow, tag?: string): { people: DuePerson[]; dates: DueDate[] } {
  const end = addDays(window.today, Math.min(window.birthdayDays, 366));
  const days = monthDayWindow('substr(d.date, -5)', window);
  const yearly = days ? `(${days.ranges.join(' OR ')})` : '1';
  const tagged = tag === undefined ? '' : `AND ${HAS_TAG}`;
  const rows = db
    .prepare(
      `SELECT d.id, d.person_id, d.label, d.date, d.yearly,
              p.name, p.every_days, p.birthday, p.snoozed_until, p.added_on, p.last_touch
       FROM dates d JOIN people p ON p.id = d.person_id
       WHERE ((d.yearly = 1 AND ${yearly}) OR (d.yearly = 0 AND d.date BETWEEN @today AND @end))
         AND (p.snoozed_until IS NULL OR p.snoozed_until <= @today) ${tagged}
       ORDER BY d.person_id, d.id`,
    )
    .all({ today: window.today, end, ...days?.params, ...(tag === undefined ? {} : { tag }) }) as (RawDate & Omit<DuePerson, 'id'>)[];
  const people = new Map<string, DuePerson>();
  for (const r of rows) {
    const { name, every_days, birthday, snoozed_until, added_on, last_touch } = r;
    people.set(r.person_id, { id: r.person_id, name, every_days, birthday, snoozed_until, added_on, last_touch });
  }
  const dates = rows.map((r) => toDate({ id: r.id, person_id: r.person_id, label: r.label, date: r.date, yearly: r.yearly }));
  return { people: [...people.values()], dates };
}


export interface WishRow {
  id: string;
  person_id: string;
  /** The person's name. */
  name: string;
  kind: WishKind;
  text: string;
  closed_on: string | null;
  created_at: string;
}

export function insertWish(db: Db, w: { id: string; person_id: string; kind: WishKind; text: string }, now: string): void {
  db.prepare(
    `INSERT INTO wishes (id, person_id, kind, text, closed_on, created_at, updated_at)
     VALUES (@id, @person_id, @kind, @text, NULL, @now, @now)`,
  ).run({ ...w, now });
}

/** Needs or offers by person, then oldest first: everyone's or one person's, the open ones or all. */
export function wishes(db: Db, kind: WishKind, o: { personId?: string; all?: boolean } = {}): WishRow[] {
  const where = [
    'w.kind = @kind',
    ...(o.personId === undefined ? [] : ['w.person_id = @personId']),
    ...(o.all ? [] : ['w.closed_on IS NULL']),
  ].join(' AND ');
  return db
    .prepare(
      `SELECT w.id, w.person_id, p.name, w.kind, w.text, w.closed_on, w.created_at
       FROM wishes w JOIN people p ON p.id = w.person_id WHERE ${where} ORDER BY p.name_key, p.id, w.created_at, w.id`,
    )
    .all({ kind, ...(o.personId === undefined ? {} : { personId: o.personId }) }) as WishRow[];
}

/** Needs or offers whose id starts with `prefix`, at most `limit`. */
export function wishesByIdPrefix(db: Db, kind: WishKind, prefix: string, limit = 10): WishRow[] {
  return db
    .prepare(
      `SELECT w.id, w.person_id, p.name, w.kind, w.text, w.closed_on, w.created_at
       FROM wishes w JOIN people p ON p.id = w.person_id
       WHERE w.kind = ? AND w.id >= ? AND w.id < ? ORDER BY w.id LIMIT ?`,
    )
    .all(kind, prefix, `${prefix}\uffff`, limit) as WishRow[];
}

export function closeWish(db: Db, id: string, on: string, now: string): void {
  db.prepare('UPDATE wishes SET closed_on = ?, updated_at = ? WHERE id = ?').run(on, now, id);
}

/** Open needs and offers with what matching weighs besides the text: the person's tags and company. */
export function openWishesToMatch(db: Db): (WishRow & { tags: string[]; company: string | null })[] {
  const rows = db
    .prepare(
      `SELECT w.id, w.person_id, p.name, w.kind, w.text, w.closed_on, w.created_at, p.tags, p.company
       FROM wishes w JOIN people p ON p.id = w.person_id WHERE w.closed_on IS NULL ORDER BY w.created_at, w.id`,
    )
    .all() as (WishRow & { tags: string; company: string | null })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

/** rel intro: the touchpoint names the other person of the introduction. */
export function setIntroTo(db: Db, touchpointId: string, otherId: string): void {
  db.prepare('UPDATE touchpoints SET intro_to = ? WHERE id = ?').run(otherId, touchpointId);
}

/**
 * Every pair of people introduced to each other with rel intro (each pair may come twice, once per side).
 * From the index of introductions alone (migration 14): left to itself, SQLite walked every touch in
 * person order to avoid sorting for DISTINCT (200 ms on the bench's 200,000 touches, against 0.2 ms).
 */
export function introducedPairs(db: Db): [string, string][] {
  const rows = db.prepare('SELECT DISTINCT person_id, intro_to FROM touchpoints INDEXED BY touchpoints_intro_to WHERE intro_to IS NOT NULL').raw().all();
  return rows as [string, string][];
}

/** How many people hold each tag, and how many people there are: for rel match's common tags. */
export function tagCounts(db: Db): { counts: [string, number][]; people: number } {
  const counts = db.prepare('SELECT t.value, COUNT(*) FROM people p, json_each(p.tags) t GROUP BY t.value').raw().all() as [string, number][];
  const people = db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;
  return { counts, people };
}

/** For a person's introductions: the name of whom each touchpoint introduced them to, by touchpoint id. */
export function introNamesOf(db: Db, personId: string): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT t.id, p.name FROM touchpoints t JOIN people p ON p.id = t.intro_to
       WHERE t.person_id = ? AND t.intro_to IS NOT NULL`,
    )
    .all(personId) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The day you met or connected with a person (set by imports), or null. */
export function metOn(db: Db, personId: string): string | null {
  const row = db.prepare('SELECT met_on FROM people WHERE id = ?').get(personId) as { met_on: string | null } | undefined;
  return row?.met_on ?? null;
}
