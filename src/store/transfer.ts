/**
 * SQL for import and export: everything read person by person for an export, and the bulk writes of an import
 * (prepared statements made once and reused: 10,000 people in well under a second). Never writes
 * last_touch (the triggers keep it) or next_due (generated).
 */
import type { ExistingPerson, PlannedPerson } from '../domain/merge.js';
import type { Day } from '../domain/types.js';
import { OWNED, type Owned, type RelDate, type RelFact, type RelFollowUp, type RelPerson, type RelTouch, type RelWish } from '../formats/json.js';
import { byText, foldName } from '../domain/names.js';
import type { Db } from './open.js';
import { refreshDerived, refreshMonths } from './people.js';
import { withoutIndexes, withoutTriggers } from './triggers.js';

const PERSON_COLUMNS = `id, name, emails, phones, tags, company, title, every_days, birthday, met, met_on, linkedin_url,
  vcard_n, snoozed_until, added_on, created_at, updated_at, last_touch, next_due`;

interface PersonRow extends Omit<RelPerson, 'emails' | 'phones' | 'tags' | Owned> {
  emails: string;
  phones: string;
  tags: string;
}

const list = (json: string): string[] => JSON.parse(json) as string[];

/** The texts of everyone's facts, by person, in the order they were noted. */
export function factTextsByPerson(db: Db): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  for (const f of db.prepare('SELECT person_id, text FROM facts ORDER BY date, created_at, id').all() as { person_id: string; text: string }[]) {
    const texts = facts.get(f.person_id);
    if (texts) texts.push(f.text);
    else facts.set(f.person_id, [f.text]);
  }
  return facts;
}

/** Everyone, as the matcher needs them, with the texts of their facts. */
export function peopleForMerge(db: Db): ExistingPerson[] {
  const facts = factTextsByPerson(db);
  const rows = db
    .prepare(`SELECT id, name, emails, phones, tags, company, title, birthday, met, met_on, linkedin_url, every_days, vcard_n,
      last_touch FROM people ORDER BY rowid`)
    .all() as (Omit<ExistingPerson, 'emails' | 'phones' | 'tags' | 'facts'> & { emails: string; phones: string; tags: string })[];
  return rows.map((r) => ({ ...r, emails: list(r.emails), phones: list(r.phones), tags: list(r.tags), facts: facts.get(r.id) ?? [] }));
}

/** Everything in the database, people by name then id, their records oldest first. */
export function readEverything(db: Db): RelPerson[] {
  return [...eachPerson(db)];
}

/**
 * Everyone with their records, one person at a time, people by name then id, records oldest first (what
 * rel export streams). The touchpoints, most of the data, are read per person through their index, so
 * only one person's are in memory at a time; the smaller tables are read whole. With `touchpoints:
 * false` (a writer that shows none: vCard, CSV, the calendar feed) no touch is read and each person
 * comes with their count of gives and asks from their ledger line instead (100,000 people: the
 * touchpoints were two thirds of a vCard export).
 */
export function* eachPerson(db: Db, opts: { touchpoints: boolean } = { touchpoints: true }): Generator<RelPerson> {
  const group = <T extends { person_id: string }>(sql: string): Map<string, Omit<T, 'person_id'>[]> => {
    const by = new Map<string, Omit<T, 'person_id'>[]>();
    for (const { person_id, ...rest } of db.prepare(sql).all() as T[]) {
      const rows = by.get(person_id);
      if (rows) rows.push(rest);
      else by.set(person_id, [rest]);
    }
    return by;
  };
  const facts = group<RelFact & { person_id: string }>(
    'SELECT id, person_id, text, date, created_at, updated_at FROM facts ORDER BY date, created_at, id');
  // In the order of the (person_id, date) index, so SQLite sorts nothing; ties on a day are put in order
  // here (a sort of every person's touches by three keys took a third of an export's reading).
  const touchesByDay = db.prepare(
    `SELECT id, group_id, date, via, note, give, ask, intro_to, created_at, updated_at FROM touchpoints
     WHERE person_id = ? ORDER BY date`);
  const touchesOf = (id: string) => oldestFirst(touchesByDay.all(id) as RelTouch[]);
  const followUps = group<RelFollowUp & { person_id: string }>(
    `SELECT id, person_id, touchpoint_id, due_on, note, closed_by, created_at, updated_at FROM follow_ups
     ORDER BY due_on, created_at, id`);
  const dates = group<Omit<RelDate, 'yearly'> & { yearly: number; person_id: string }>(
    'SELECT id, person_id, label, date, yearly, created_at, updated_at FROM dates ORDER BY date, created_at, id');
  const wishes = group<RelWish & { person_id: string }>(
    'SELECT id, person_id, kind, text, closed_on, created_at, updated_at FROM wishes ORDER BY created_at, id');
  const rows = (
    opts.touchpoints
      ? db.prepare(`SELECT ${PERSON_COLUMNS} FROM people ORDER BY name_key, name, id`)
      : db.prepare(`SELECT ${PERSON_COLUMNS}, COALESCE(l.gives, 0) AS gives, COALESCE(l.asks, 0) AS asks
          FROM people LEFT JOIN ledger_people l ON l.person_id = people.id ORDER BY name_key, name, id`)
  ).all() as PersonRow[];
  for (const r of rows) {
    yield {
      ...r,
      emails: list(r.emails),
      phones: list(r.phones),
      tags: list(r.tags),
      facts: (facts.get(r.id) ?? []) as RelFact[],
      touchpoints: opts.touchpoints ? touchesOf(r.id) : [],
      follow_ups: (followUps.get(r.id) ?? []) as RelFollowUp[],
      dates: (dates.get(r.id) ?? []).map((d) => ({ ...d, yearly: d.yearly === 1 })) as RelDate[],
      wishes: (wishes.get(r.id) ?? []) as RelWish[],
    };
  }
}

const oldest = (a: RelTouch, b: RelTouch) => byText(a.date, b.date) || byText(a.created_at, b.created_at) || byText(a.id, b.id);

/** Touches in order of day, then of when they were logged, then of id: sorted only when two of a day are not. */
export function oldestFirst(touches: RelTouch[]): RelTouch[] {
  for (let i = 1; i < touches.length; i++) if (oldest(touches[i - 1]!, touches[i]!) > 0) return touches.sort(oldest);
  return touches;
}

/** Extra columns of a new person that a rel export carries; defaults for other files. */
export interface NewPersonExtras {
  snoozed_until: Day | null;
  added_on: Day;
  created_at: string;
  updated_at: string;
}

export interface ImportWrite {
  added: PlannedPerson[];
  updated: PlannedPerson[];
  /** For rel exports: a new person's own columns, by id. */
  extras?: Map<string, NewPersonExtras>;
  today: Day;
  now: string;
  newId: () => string;
  onProgress?: (done: number, total: number) => void;
}

/** Writes an import plan: new people, merged fields, new facts, last-contact touches. Caller holds the transaction. */
export function writePlan(db: Db, w: ImportWrite): void {
  // Positional parameters, as for touches: eighteen named ones bound from a fresh object cost more.
  const insert = db.prepare(
    `INSERT INTO people (id, name, name_key, emails, phones, tags, company, title, every_days, birthday, met, met_on,
       linkedin_url, vcard_n, snoozed_until, added_on, created_at, updated_at, last_touch, first_touch, touch_days)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE people SET emails = @emails, phones = @phones, tags = @tags, company = @company, title = @title,
       every_days = @every_days, birthday = @birthday, met = @met, met_on = @met_on, linkedin_url = @linkedin_url,
       vcard_n = @vcard_n, updated_at = @updated_at WHERE id = @id`,
  );
  const fact = db.prepare(
    'INSERT INTO facts (id, person_id, text, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const touch = db.prepare(
    `INSERT INTO touchpoints (id, person_id, group_id, date, via, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'other', 'last contact, as imported', ?, ?)`);
  const total = w.added.length + w.updated.length;
  let done = 0;
  const columns = (p: PlannedPerson) => ({
    id: p.id, name: p.name, name_key: foldName(p.name), emails: JSON.stringify(p.emails), phones: JSON.stringify(p.phones),
    tags: JSON.stringify(p.tags), company: p.company, title: p.title, every_days: p.every_days, birthday: p.birthday,
    met: p.met, met_on: p.met_on, linkedin_url: p.linkedin_url, vcard_n: p.vcard_n ?? null,
  });
  bulkInsert(db, 'people', PEOPLE_INSERT_TRIGGERS, w.added.length, () => {
    for (const p of w.added) {
      const extra = w.extras?.get(p.id) ?? { snoozed_until: null, added_on: w.today, created_at: w.now, updated_at: w.now };
      insert.run(p.id, p.name, foldName(p.name), JSON.stringify(p.emails), JSON.stringify(p.phones), JSON.stringify(p.tags), p.company,
        p.title, p.every_days, p.birthday, p.met, p.met_on, p.linkedin_url, p.vcard_n ?? null, extra.snoozed_until, extra.added_on,
        extra.created_at, extra.updated_at, p.touch, p.touch, p.touch === null ? 0 : 1); // its last contact below: its one touch
      tick();
    }
  });
  for (const p of w.updated) {
    update.run({ ...columns(p), updated_at: w.now });
    tick();
  }
  const everyone = [...w.added, ...w.updated];
  let facts = 0;
  for (const p of everyone) facts += p.newFacts.length;
  bulkInsert(db, 'facts', FACTS_INSERT_TRIGGERS, facts, () => {
    for (const p of everyone) for (const text of p.newFacts) fact.run(w.newId(), p.id, text, w.today, w.now, w.now);
  });
  // The last contacts a file gives (vCard X-REL-LAST-CONTACT, rel's CSV): one touch each, as writeRelRecords
  // writes touches, without their per-row triggers: 100,000 of them took 6 s of a 10 s vCard import. A new
  // person was written with what their one touch derives (last and first touch that day, one day touched):
  // recomputing 100,000 people afterwards took 1.7 s more. Only the people merged are recomputed.
  const touched = everyone.filter((p) => p.touch !== null);
  bulkInsert(db, 'touchpoints', TOUCH_INSERT_TRIGGERS, touched.length, () => {
    for (const p of touched) touch.run(w.newId(), p.id, w.newId(), p.touch, w.now, w.now);
  });
  refreshDerived(db, w.updated.filter((p) => p.touch !== null).map((p) => p.id));
  refreshMonths(db, new Set(touched.map((p) => p.touch!.slice(0, 7))));
  function tick(): void {
    done += 1;
    if (w.onProgress && done % 1000 === 0) w.onProgress(done, total);
  }
}

/**
 * Tells the ids of records rel has already: a rel export brought in twice adds nothing twice. An empty
 * table is asked nothing (a first import of 200,000 touches looked each up: ~0.15 s).
 */
export function knownRecords(db: Db): (kind: Owned, id: string) => boolean {
  const has = {} as Record<Owned, (id: string) => boolean>;
  for (const t of OWNED) {
    const one = db.prepare(`SELECT 1 FROM ${t} WHERE id = ?`).pluck();
    has[t] = db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined ? () => false : (id) => one.get(id) !== undefined;
  }
  return (kind, id) => has[kind](id);
}

/** A person's records to write: those of a rel export person whose ids rel does not have. */
export interface RelItem {
  personId: string;
  records: Pick<RelPerson, Owned>;
}

/**
 * Inserts the records of rel export people as they come (`items` may read them from the file), each under
 * `personId` (the person they were matched to). References to people or touchpoints that exist neither
 * in rel nor in the import become null. Every person is in already (writePlan), so that a touch can
 * introduce anyone; follow-ups, which are few, wait for every touch. `touches`: how many touchpoints
 * the items hold (known from the first read), which decides how they are written.
 */
export function writeRelRecords(db: Db, items: Iterable<RelItem>, peopleIds: Map<string, string>, touches: number): void {
  const personExists = db.prepare('SELECT 1 FROM people WHERE id = ?').pluck();
  const touchExists = db.prepare('SELECT 1 FROM touchpoints WHERE id = ?').pluck();
  const ins = {
    facts: db.prepare(`INSERT INTO facts (id, person_id, text, date, created_at, updated_at)
      VALUES (@id, @person_id, @text, @date, @created_at, @updated_at)`),
    follow_ups: db.prepare(`INSERT INTO follow_ups (id, person_id, touchpoint_id, due_on, note, closed_by, created_at, updated_at)
      VALUES (@id, @person_id, @touchpoint_id, @due_on, @note, @closed_by, @created_at, @updated_at)`),
    dates: db.prepare(`INSERT INTO dates (id, person_id, label, date, yearly, created_at, updated_at)
      VALUES (@id, @person_id, @label, @date, @yearly, @created_at, @updated_at)`),
    wishes: db.prepare(`INSERT INTO wishes (id, person_id, kind, text, closed_on, created_at, updated_at)
      VALUES (@id, @person_id, @kind, @text, @closed_on, @created_at, @updated_at)`),
  };
  const touched = new Set<string>();
  const months = new Set<string>();
  const followUps: { personId: string; f: RelFollowUp }[] = [];
  bulkInsert(db, 'touchpoints', TOUCH_INSERT_TRIGGERS, touches, () => {
    // Positional parameters: binding eleven named ones from a fresh object took a third of the insert.
    const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, intro_to, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const { personId, records } of items) {
      for (const f of records.facts) ins.facts.run({ ...f, person_id: personId });
      for (const d of records.dates) ins.dates.run({ ...d, person_id: personId, yearly: d.yearly ? 1 : 0 });
      for (const x of records.wishes) ins.wishes.run({ ...x, person_id: personId });
      if (records.touchpoints.length > 0) touched.add(personId);
      for (const t of records.touchpoints) {
        const to = t.intro_to === null ? null : (peopleIds.get(t.intro_to) ?? t.intro_to);
        const intro = to !== null && personExists.get(to) !== undefined ? to : null;
        touch.run(t.id, personId, t.group_id, t.date, t.via, t.note, t.give, t.ask, intro, t.created_at, t.updated_at);
        months.add(t.date.slice(0, 7));
      }
      for (const f of records.follow_ups) followUps.push({ personId, f });
    }
  });
  refreshDerived(db, touched);
  refreshMonths(db, months);
  for (const { personId, f } of followUps) {
    const tp = f.touchpoint_id !== null && touchExists.get(f.touchpoint_id) !== undefined ? f.touchpoint_id : null;
    ins.follow_ups.run({ ...f, person_id: personId, touchpoint_id: tp });
  }
}

/**
 * The triggers that run for every touchpoint inserted: the undo journal's (migration 5) and those that
 * keep what touches derive (migrations 2 to 5, 11). test/store/bulk-touches.test.ts fails when another
 * AFTER INSERT trigger on touchpoints appears, so that it is added here (and its work below) on purpose.
 */
export const TOUCH_INSERT_TRIGGERS = [
  'touchpoints_journal_insert', 'touchpoints_last_touch_insert', 'touchpoints_span_insert', 'touchpoints_month_insert',
  'touchpoints_ledger_insert',
] as const;

/**
 * The triggers that run for every person or fact inserted: the undo journal's alone.
 * test/store/bulk-touches.test.ts fails when another AFTER INSERT trigger on these tables appears.
 */
export const PEOPLE_INSERT_TRIGGERS = ['people_journal_insert'] as const;
export const FACTS_INSERT_TRIGGERS = ['facts_journal_insert'] as const;

/** The page cache (KiB) for building indexes afresh: a larger one made the builds slower. */
const INDEX_BUILD_KIB = 8 * 1024;

/** From how many new rows (and no fewer than the table holds) an import builds a table's indexes afresh. */
export const BULK_INDEX_ROWS = 5000;

/**
 * Runs `insert` (which inserts rows into `table`, and perhaps into other tables, whose triggers stay)
 * with the per-row `triggers` of `table` dropped, then does the journal's part of their work once for
 * all the new rows: each is recorded as the trigger would (before NULL, in the open change: undo
 * deletes them by id); for touchpoints the caller recomputes what touches derive (refreshDerived,
 * refreshMonths). The triggers are put back from their own SQL. The caller holds the transaction, so
 * other connections never see the schema without them, and a failure rolls the drop back with
 * everything else. Measured on 200,000 touches: 18 s with the triggers (even paused, each firing
 * costs), 3 s without; the people and notes of 100,000 vCards: 5.7 s with them (each insert looked
 * up and wrote the journal's index of random ids), 2.7 s without.
 */
function bulkInsert(db: Db, table: 'touchpoints' | 'people' | 'facts', triggers: readonly string[], count: number, insert: () => void): void {
  const after = db.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM ${table}`).pluck().get() as number;
  const held = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  // touchpoints has seven indexes, three of them on random keys (group ids, dates, the ledger's); people
  // seven: with as many new rows as the file holds, building them afresh is cheaper than updating them
  // row by row.
  const rebuild = count >= BULK_INDEX_ROWS && count >= held;
  // Updated in place, the rows land at random places of those indexes: with the default page cache
  // (16 MB: better-sqlite3 builds SQLite with DEFAULT_CACHE_SIZE=-16000) many inserts read and spill
  // pages, so 64 MiB for the bulk write only. Rebuilt, only the primary key's index takes random
  // inserts: a cache the size of that index (~48 bytes a row: a 36-character id and its rowid), from
  // 8 to 128 MiB, holds it while the rows go in; then 8 MiB again for building the other indexes,
  // which a larger cache made slower. At 200,000 touches 8 MiB is enough (4.3 s either way, and the
  // peak 60 MiB lower than with 64); at 2,000,000 the index is 95 MB, and with 8 MiB nearly every
  // insert read a page and spilled another: 28.6 -> 18.8 s for the rows, the peak 811 -> 892 MiB.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const kib = (n: number) => db.pragma(`cache_size = ${-n}`); // a negative cache_size is in KiB
  kib(rebuild ? Math.max(INDEX_BUILD_KIB, Math.min(128 * 1024, (count * 48) >> 10)) : 64 * 1024);
  try {
    withoutTriggers(db, triggers, () => {
      if (rebuild) withoutIndexes(db, table, () => { insert(); kib(INDEX_BUILD_KIB); });
      else insert();
      // As the journal's trigger: only while a change is open. The new rows are those after `after`
      // (a rowid table: inserts take MAX(rowid) + 1, and the caller's transaction keeps other writers out).
      const journal = () => db.prepare(`INSERT INTO change_rows (change_id, tbl, row_id, before)
        SELECT (SELECT MAX(id) FROM changes), '${table}', id, NULL FROM ${table}
        WHERE rowid > ? AND (SELECT open FROM changes ORDER BY id DESC LIMIT 1) = 1`).run(after);
      // The journal's index by record is keyed by random ids too: the same rule. Its index by change is
      // not: the open change is the newest, so its rows go at the index's end (at 10,000 people 0.11 s
      // to sort it again, a few ms to append to it).
      if (count >= BULK_INDEX_ROWS && count >= (db.prepare('SELECT COUNT(*) FROM change_rows').pluck().get() as number)) {
        withoutIndexes(db, 'change_rows', journal, ['change_rows_change']);
      } else journal();
    });
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}
