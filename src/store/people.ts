/** SQL for people. Lists (emails, phones, tags) are stored as JSON arrays. */
import type { Day, ListedPerson, ListShape, Person, PersonWithLastTouch } from '../domain/types.js';
import { addDays } from '../domain/dates.js';
import type { DuePerson } from '../domain/due.js';
import { foldName } from '../domain/names.js';
import { ledgerLineOf, ledgerTallyAll } from './migrations.js';
import type { Db } from './open.js';

interface PersonRow {
  id: string;
  name: string;
  emails: string;
  phones: string;
  tags: string;
  company: string | null;
  title: string | null;
  every_days: number | null;
  birthday: string | null;
  met: string | null;
  met_on: string | null;
  linkedin_url: string | null;
  snoozed_until: string | null;
  added_on: string;
  created_at: string;
  updated_at: string;
}


const COLUMNS = `p.id, p.name, p.emails, p.phones, p.tags, p.company, p.title, p.every_days, p.birthday, p.met,
  p.met_on, p.linkedin_url, p.snoozed_until, p.added_on, p.created_at, p.updated_at`;

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    name: r.name,
    emails: JSON.parse(r.emails) as string[],
    phones: JSON.parse(r.phones) as string[],
    tags: JSON.parse(r.tags) as string[],
    company: r.company,
    title: r.title,
    every_days: r.every_days,
    birthday: r.birthday,
    met: r.met,
    met_on: r.met_on,
    linkedin_url: r.linkedin_url,
    snoozed_until: r.snoozed_until,
    added_on: r.added_on,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

function params(p: Person) {
  return {
    ...p,
    name_key: foldName(p.name),
    emails: JSON.stringify(p.emails),
    phones: JSON.stringify(p.phones),
    tags: JSON.stringify(p.tags),
  };
}

export function insertPerson(db: Db, p: Person): void {
  db.prepare(
    `INSERT INTO people (id, name, name_key, emails, phones, tags, company, title, every_days, birthday, met,
       met_on, linkedin_url, snoozed_until, added_on, created_at, updated_at)
     VALUES (@id, @name, @name_key, @emails, @phones, @tags, @company, @title, @every_days, @birthday, @met,
       @met_on, @linkedin_url, @snoozed_until, @added_on, @created_at, @updated_at)`,
  ).run(params(p));
}

/**
 * Writes a person's fields. A new name drops the structured name kept from an import (vcard_n, which
 * spelled the old one): the writers then make N from the new name (domain/structured-name.ts).
 */
export function updatePerson(db: Db, p: Person): void {
  db.prepare(
    `UPDATE people SET vcard_n = CASE WHEN name = @name THEN vcard_n END, name = @name, name_key = @name_key, emails = @emails, phones = @phones, tags = @tags,
       company = @company, title = @title, every_days = @every_days, birthday = @birthday, met = @met,
       met_on = @met_on, linkedin_url = @linkedin_url, snoozed_until = @snoozed_until, updated_at = @updated_at
     WHERE id = @id`,
  ).run(params(p));
}

export function deletePerson(db: Db, id: string): void {
  db.prepare('DELETE FROM people WHERE id = ?').run(id);
}

export function getPerson(db: Db, id: string): PersonWithLastTouch | undefined {
  const row = db.prepare(`SELECT ${COLUMNS}, p.last_touch FROM people p WHERE p.id = ?`).get(id) as
    | (PersonRow & { last_touch: string | null })
    | undefined;
  return row && { ...toPerson(row), last_touch: row.last_touch };
}

/** People whose id starts with `prefix` (short ids), at most `limit`. */
export function peopleByIdPrefix(db: Db, prefix: string, limit = 10): { id: string; name: string }[] {
  return db
    .prepare(`SELECT id, name FROM people WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`)
    .all(prefix, `${prefix}\uffff`, limit) as { id: string; name: string }[];
}

/**
 * People whose folded name contains the folded query: a superset of every stage of matchName. Read from
 * the name_key index, a tenth of the pages of the people table (1.7 -> 0.9 ms among 10,000 people).
 */
export function peopleByNameKey(db: Db, foldedQuery: string): { id: string; name: string }[] {
  const like = `%${foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .prepare(`SELECT id, name FROM people INDEXED BY people_name_key WHERE name_key LIKE ? ESCAPE '\\' ORDER BY name, id`)
    .all(like) as { id: string; name: string }[];
}

/** SQL: the person `p` has the tag @tag (tags are a JSON array). */
export const HAS_TAG = 'EXISTS (SELECT 1 FROM json_each(p.tags) WHERE value = @tag)';

/** Everyone's id and name, by name (the people rel log's prompt searches). */
export function everyoneByName(db: Db): { id: string; name: string }[] {
  return db.prepare('SELECT id, name FROM people ORDER BY name_key, id').all() as { id: string; name: string }[];
}

/** SQL: the text `x` is ASCII, each character one byte (SQLite's length counts characters). */
export const ascii = (x: string) => `length(${x}) = octet_length(${x})`;

/** SQL: rel list's snooze: its day while it runs, none once it has ended. */
const RUNNING_SNOOZE = 'CASE WHEN p.snoozed_until > @today THEN p.snoozed_until END';

/** Whom rel list shows (as `p`): everyone, or those with `tag`; the WHERE clause and its parameters. */
const listed = (today: Day, tag?: string) =>
  tag === undefined ? { where: '', params: { today } } : { where: `WHERE ${HAS_TAG}`, params: { today, tag } };

/** rel list's ListShape (domain/types.ts), read in one pass over the people; no row is held. */
export function listShape(db: Db, today: Day, tag?: string): ListShape {
  const { where, params } = listed(today, tag);
  const widest = (x: string, of = x) => `ifnull(max(CASE WHEN ${ascii(x)} THEN length(${of}) END), 0)`;
  const row = db
    .prepare(
      `SELECT count(*) AS count, ${widest('p.id', 'substr(p.id, 1, 8)')} AS id, ${widest('p.name')} AS name,
         ${widest('p.company')} AS company,
         json_group_array(json_array(p.id, p.name, p.company))
           FILTER (WHERE NOT (${ascii('p.id')} AND ${ascii('p.name')} AND ifnull(${ascii('p.company')}, 1))) AS other,
         json_group_array(DISTINCT p.tags) AS tags,
         json_group_array(DISTINCT json_array(p.every_days, ${RUNNING_SNOOZE})) AS rhythms,
         json_group_array(DISTINCT p.last_touch) AS last
       FROM people p ${where}`,
    )
    .get(params) as Record<'count' | 'id' | 'name' | 'company', number> & Record<'other' | 'tags' | 'rhythms' | 'last', string>;
  return {
    count: row.count,
    ascii: { id: row.id, name: row.name, company: row.company },
    other: (JSON.parse(row.other) as [string, string, string | null][]).map(([id, name, company]) => ({ id, name, company })),
    tags: (JSON.parse(row.tags) as string[]).map((t) => JSON.parse(t) as string[]),
    rhythms: (JSON.parse(row.rhythms) as [number | null, Day | null][]).map(([every_days, snoozed_until]) => ({ every_days, snoozed_until })),
    lastTouches: JSON.parse(row.last) as (Day | null)[],
  };
}

/**
 * Everyone rel list shows, by name (only those with `tag` when given), read one at a time: the columns
 * it shows and no more, a snooze that has ended shown as none. Read inside the same transaction as
 * listShape (open.ts readTogether), so that the two agree.
 */
export function* listRows(db: Db, today: Day, tag?: string): Generator<ListedPerson> {
  const { where, params } = listed(today, tag);
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.tags, p.every_days, p.last_touch, p.company, p.emails, ${RUNNING_SNOOZE}
       FROM people p ${where} ORDER BY +p.name_key, p.id`,
    )
    .raw()
    .iterate(params) as IterableIterator<[string, string, string, number | null, Day | null, string | null, string, Day | null]>;
  // Rows as arrays, made into objects here: better-sqlite3 makes a row object a property at a time.
  // Most lists are empty ('[]'), no parse needed. `+p.name_key`: the table read in its order and sorted,
  // not read in the order of the index of names, a row at a time (10,000 people: 13.6-16.9 -> 10.7-12.3
  // ms warm; 100,000: 168 -> 138 ms). The JSON of rel list --json is as fast either way.
  for (const r of rows) {
    yield {
      id: r[0], name: r[1], tags: r[2] === '[]' ? [] : (JSON.parse(r[2]) as string[]), every_days: r[3], last_touch: r[4],
      company: r[5], emails: r[6] === '[]' ? [] : (JSON.parse(r[6]) as string[]), snoozed_until: r[7],
    };
  }
}

/**
 * listRows as the JSON of rel list --json, each person's object written by SQLite (jsonArray): no
 * object made and serialised per person (list --json 66 -> 59 ms on the bench, and 63.7 -> 60.5 ms as
 * bytes). The same fields in the same order, a snooze that has ended shown as none (RUNNING_SNOOZE);
 * SQLite's JSON strings are JSON.stringify's for any text SQLite can hold. test/store/list-json.test.ts
 * compares the two on random people.
 */
export function listPeopleJson(db: Db, today: Day, tag?: string): Buffer {
  const { where, params } = listed(today, tag);
  return jsonArray(
    db,
    `SELECT json_object('id', p.id, 'name', p.name, 'tags', json(p.tags), 'every_days', p.every_days,
       'last_touch', p.last_touch, 'company', p.company, 'emails', json(p.emails),
       'snoozed_until', ${RUNNING_SNOOZE}) AS j
     FROM people p ${where} ORDER BY p.name_key, p.id`,
    params,
  );
}

/**
 * The JSON array of the JSON texts `query` selects as `j`, in its order, as UTF-8 bytes made by SQLite: one
 * buffer, written to stdout as it is, where 10,000 strings joined into one and encoded again took
 * ~6 ms of rel list --json. SQLite keeps a FROM subquery's ORDER BY when the outer query aggregates
 * with group_concat (only count, min and max let it drop it); the tests compare the order with the rows'.
 */
export function jsonArray(db: Db, query: string, params: Record<string, unknown> = {}): Buffer {
  return db
    .prepare(`SELECT CAST('[' || ifnull(group_concat(j, ','), '') || ']' AS BLOB) FROM (${query})`)
    .pluck()
    .get(params) as Buffer;
}

export interface DueWindow {
  today: string;
  /** The last day an overdue rhythm or a follow-up may fall on to count (today + --within). */
  horizon: string;
  /** How many days ahead birthdays count. */
  birthdayDays: number;
}

/**
 * Yearly month-days (`MM-DD`, in the SQL expression `md`) that fall within the window's look-ahead:
 * [today, today + birthdayDays], wrapping at the new year, and 29 Feb, which falls on 28 Feb in other
 * years. Ranges to OR together (each one usable by an index), with their @from and @to; null when the
 * look-ahead is a year or more, so every month-day is in.
 */
export function monthDayWindow(md: string, window: Pick<DueWindow, 'today' | 'birthdayDays'>) {
  if (window.birthdayDays >= 365) return null;
  const from = window.today.slice(5);
  const to = addDays(window.today, window.birthdayDays).slice(5);
  const ranges = from <= to ? [`${md} BETWEEN @from AND @to`] : [`${md} >= @from`, `${md} <= @to`];
  return { ranges: [...ranges, `${md} = '02-29'`], params: { from, to } };
}

/**
 * The few columns `rel due` needs, for the people who may be due: a superset that SQLite finds through
 * its indexes (next_due, the birthday's month-day, open follow-ups), so that 10,000 people need not
 * cross into JavaScript. The domain (dueItems) makes the real decision.
 * This is the SQL side of the due rule in src/domain/due.ts; test/store/due.test.ts ("the same items
 * as ranking everyone") proves that it never leaves out anyone dueItems() would list.
 */
export function duePeople(db: Db, window: DueWindow, tag?: string): DuePerson[] {
  // Birthdays in the window: one indexed range per branch.
  const days = monthDayWindow('substr(birthday, -5)', window);
  const birthdays = (days?.ranges ?? ['1'])
    .map((range) => `SELECT rowid FROM people WHERE birthday IS NOT NULL AND ${range}`)
    .join(' UNION ');
  const tagged = tag === undefined ? '' : `AND ${HAS_TAG}`;
  return db
    .prepare(
      `SELECT p.id, p.name, p.every_days, p.birthday, p.snoozed_until, p.added_on, p.last_touch
       FROM people p
       WHERE p.rowid IN (
           SELECT rowid FROM people WHERE next_due IS NOT NULL AND next_due <= @horizon
           UNION ${birthdays}
           UNION SELECT people.rowid FROM follow_ups f JOIN people ON people.id = f.person_id
                 WHERE f.closed_by IS NULL AND f.due_on <= @horizon)
         AND (p.snoozed_until IS NULL OR p.snoozed_until <= @today) ${tagged}`,
    )
    .all({ today: window.today, horizon: window.horizon, ...days?.params, ...(tag === undefined ? {} : { tag }) }) as DuePerson[];
}

/**
 * What rel derives from touchpoints, as SQL over `people` (last touch, first touch, days touched): one
 * pass over the person's touches for the three (a row value), not one each.
 */
const DERIVED_OF_TOUCHES = 'MAX(date), MIN(date), COUNT(DISTINCT date)';
const DERIVED = `(last_touch, first_touch, touch_days) =
  (SELECT ${DERIVED_OF_TOUCHES} FROM touchpoints WHERE person_id = people.id)`;

/**
 * A month's touches, gives and asks, counted afresh, each on its index by date (three columns of SQL;
 * `month` is an SQL expression for its `YYYY-MM`). What touch_months keeps (migrations 4, 5 and 16).
 */
const monthRecount = (month: string): string => {
  const inMonth = `date >= ${month} || '-01' AND date < ${month} || '-99'`;
  return `(SELECT COUNT(*) FROM touchpoints WHERE ${inMonth}),
    (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_gives WHERE give IS NOT NULL AND ${inMonth}),
    (SELECT COUNT(*) FROM touchpoints INDEXED BY touchpoints_asks WHERE ask IS NOT NULL AND ${inMonth})`;
};

/** Months whose kept counts of touches, gives or asks are wrong, or that have touches and no row (rel doctor). */
export const STALE_MONTHS = `SELECT month FROM touch_months m
  WHERE (touches, gives, asks) <> (SELECT ${monthRecount('m.month')})
  UNION SELECT substr(date, 1, 7) FROM touchpoints WHERE substr(date, 1, 7) NOT IN (SELECT month FROM touch_months)`;

/** People whose derived columns disagree with their touchpoints (rel doctor). */
export const STALE_DERIVED = `last_touch IS NOT (SELECT MAX(date) FROM touchpoints WHERE person_id = people.id)
  OR first_touch IS NOT (SELECT MIN(date) FROM touchpoints WHERE person_id = people.id)
  OR touch_days IS NOT (SELECT COUNT(DISTINCT date) FROM touchpoints WHERE person_id = people.id)`;

/** Recomputes the kept counts of touches, gives and asks of these months (YYYY-MM). */
export function refreshMonths(db: Db, months: Iterable<string>): void {
  const count = db.prepare(
    `INSERT INTO touch_months (month, touches, gives, asks) SELECT @month, ${monthRecount('@month')} WHERE true
     ON CONFLICT (month) DO UPDATE SET touches = excluded.touches, gives = excluded.gives, asks = excluded.asks`,
  );
  for (const month of months) count.run({ month });
}

/** People whose ledger line (ledger_people, migration 11) is not what their touches say, or is missing or left over. */
export const STALE_LEDGER = `SELECT COUNT(*) FROM (
    SELECT person_id FROM (SELECT * FROM (${ledgerTallyAll()})
      EXCEPT SELECT person_id, gives, asks, last_give, last_ask, asked_first FROM ledger_people)
    UNION
    SELECT person_id FROM (SELECT person_id, gives, asks, last_give, last_ask, asked_first FROM ledger_people
      EXCEPT SELECT * FROM (${ledgerTallyAll()})))`;

/**
 * Recomputes what touches derive (the derived columns, the month counts, the ledger lines): of these
 * people, or of everyone.
 */
export function refreshDerived(db: Db, ids?: Iterable<string>): void {
  const all = `INSERT INTO ledger_people (person_id, gives, asks, last_give, last_ask, asked_first) ${ledgerTallyAll()}`;
  if (ids === undefined) {
    db.exec(`UPDATE people SET ${DERIVED} WHERE ${STALE_DERIVED}`);
    db.exec(`DELETE FROM touch_months;
      INSERT INTO touch_months (month, touches, gives, asks)
      SELECT month, ${monthRecount('month')} FROM (SELECT DISTINCT substr(date, 1, 7) AS month FROM touchpoints)`);
    db.exec(`DELETE FROM ledger_people; ${all}`);
    return;
  }
  const people = [...ids];
  if (people.length > LEDGER_IN_ONE_PASS && people.length * 3 >= (db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number)) {
    // A large share of everyone (an import, its undo): one pass over the index of touches by person for
    // all of them, not one look-up each (100,000 people of 2,000,000 touches: 2.4 -> 1.0 s). DERIVED's
    // values, people without touches included (no touch: no day, none counted).
    db.prepare(`WITH a (person_id, last, first, days) AS (SELECT person_id, ${DERIVED_OF_TOUCHES} FROM touchpoints GROUP BY person_id)
      UPDATE people SET (last_touch, first_touch, touch_days) = (t.last, t.first, t.days)
      FROM (SELECT j.value AS id, a.last, a.first, ifnull(a.days, 0) AS days FROM json_each(?) j
            LEFT JOIN a ON a.person_id = j.value) AS t
      WHERE people.id = t.id`).run(JSON.stringify(people));
  } else {
    const one = db.prepare(`UPDATE people SET ${DERIVED} WHERE id = ?`);
    for (const id of people) one.run(id);
  }
  // Many people (an import, the undo of one): one pass over every give and ask beats one per person.
  if (people.length > LEDGER_IN_ONE_PASS) {
    db.exec(`DELETE FROM ledger_people; ${all}`);
    return;
  }
  const drop = db.prepare('DELETE FROM ledger_people WHERE person_id = ?');
  const line = db.prepare(ledgerLineOf('@id'));
  for (const id of people) {
    drop.run(id);
    line.run({ id });
  }
}

/** From how many people refreshDerived retallies the whole ledger rather than each person's line. */
export const LEDGER_IN_ONE_PASS = 2000;

/** Everyone's id, name, emails and phones: what add and edit check a new contact against. */
export function contactCards(db: Db): { id: string; name: string; emails: string[]; phones: string[] }[] {
  const rows = db.prepare(`SELECT id, name, emails, phones FROM people WHERE emails != '[]' OR phones != '[]'`).all() as Pick<PersonRow, 'id' | 'name' | 'emails' | 'phones'>[];
  return rows.map((r) => ({ id: r.id, name: r.name, emails: JSON.parse(r.emails) as string[], phones: JSON.parse(r.phones) as string[] }));
}

/** People whose folded name is exactly `foldedName`. */
export function peopleNamed(db: Db, foldedName: string): { id: string; name: string }[] {
  return db.prepare(`SELECT id, name FROM people WHERE name_key = ? ORDER BY id`).all(foldedName) as { id: string; name: string }[];
}

/** How many people are snoozed past `today` (with `tag`, when given): rel due says so under its list. */
export function countSnoozed(db: Db, today: Day, tag?: string): number {
  const tagged = tag === undefined ? '' : `AND ${HAS_TAG}`;
  return db
    .prepare(`SELECT COUNT(*) FROM people p WHERE p.snoozed_until > @today ${tagged}`)
    .pluck()
    .get({ today, ...(tag === undefined ? {} : { tag }) }) as number;
}
