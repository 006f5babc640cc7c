/** SQL for touchpoints (with their gives and asks), follow-ups and facts. */
import { followUpsClosedBy, type FollowUpMode, type OpenFollowUp } from '../domain/follow-ups.js';
import type { Channel, Day, Fact, FollowUp, Touchpoint } from '../domain/types.js';
import type { DueFollowUp } from '../domain/due.js';
import type { LedgerEntry, LedgerRow, LedgerShape } from '../domain/ledger.js';
import type { Db } from './open.js';
import { ascii, jsonArray } from './people.js';

export function insertTouchpoint(db: Db, t: Touchpoint): void {
  db.prepare(
    `INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, ask, created_at, updated_at)
     VALUES (@id, @person_id, @group_id, @date, @via, @note, @give, @ask, @created_at, @created_at)`,
  ).run(t);
}

/** A person's touchpoints, newest first; `limit` for the most recent only. */
export function touchpointsOf(db: Db, personId: string, limit = -1): Touchpoint[] {
  return db
    .prepare(
      `SELECT id, person_id, group_id, date, via, note, give, ask, created_at FROM touchpoints
       WHERE person_id = ? ORDER BY date DESC, created_at DESC, id DESC LIMIT ?`,
    )
    .all(personId, limit) as Touchpoint[];
}

export function countTouchpoints(db: Db, personId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM touchpoints WHERE person_id = ?').get(personId) as { n: number }).n;
}

/**
 * Names of the other people in the same logged meeting, keyed by touchpoint id: the person's touches
 * (by person_id), then each one's group (touchpoints_group, migration 5). test/store/query-plans.test.ts
 * checks that neither reads every touchpoint.
 */
export function companionsOf(db: Db, personId: string): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT t.id AS tid, p.name AS name FROM touchpoints t
       JOIN touchpoints o ON o.group_id = t.group_id AND o.person_id <> t.person_id
       JOIN people p ON p.id = o.person_id
       WHERE t.person_id = @personId
       ORDER BY p.name`,
    )
    .all({ personId }) as { tid: string; name: string }[];
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.tid, [...(map.get(r.tid) ?? []), r.name]);
  return map;
}

/** One person's gives and asks, in order, with their notes and channels: their ledger (rel ledger WHO). */
export function ledgerEntries(db: Db, personId: string): (LedgerEntry & { via: Channel })[] {
  return db
    .prepare(
      `SELECT t.person_id, p.name, t.date, t.created_at, t.give, t.ask, t.note, t.via
       FROM touchpoints t JOIN people p ON p.id = t.person_id
       WHERE (t.give IS NOT NULL OR t.ask IS NOT NULL) AND t.person_id = @personId
       ORDER BY t.date, t.created_at, t.id`,
    )
    .all({ personId }) as (LedgerEntry & { via: Channel })[];
}

/** Every ledger line with its person. */
const LEDGER_FROM = 'ledger_people l JOIN people p ON p.id = l.person_id';

/** The ledger's order (domain/ledger.ts inLedgerOrder), in SQL: SQLite's BINARY order of text is byCodePoint's. */
const LEDGER_ORDER = `CASE WHEN ifnull(l.last_give, '') > ifnull(l.last_ask, '') THEN l.last_give ELSE ifnull(l.last_ask, '') END DESC,
  p.name_key, p.name, l.person_id`;

/**
 * Every person's ledger line, as the triggers of migration 11 keep it in ledger_people (one row per
 * person with a give or an ask): the whole ledger without reading its 35,000 gives and asks, in its
 * order, sorted by SQLite (test/store/ledger-order.test.ts: inLedgerOrder's).
 */
export function ledgerInOrder(db: Db): LedgerRow[] {
  return [...ledgerLines(db)];
}

/** ledgerInOrder's lines, read one at a time (rel ledger's table holds none). */
export function* ledgerLines(db: Db): Generator<LedgerRow> {
  const rows = db
    .prepare(
      `SELECT l.person_id, p.name, l.gives, l.asks, l.last_give, l.last_ask, l.asked_first
       FROM ${LEDGER_FROM} ORDER BY ${LEDGER_ORDER}`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, number, number, Day | null, Day | null, number]>;
  // Indexed, not destructured: an array pattern runs the iterator protocol for each row.
  for (const r of rows) {
    yield { id: r[0], name: r[1], gives: r[2], asks: r[3], balance: r[2] - r[3], last_give: r[4], last_ask: r[5], asked_first: r[6] === 1 };
  }
}

/** rel ledger's LedgerShape (domain/ledger.ts) in one pass over the ledger's lines; its totals are ledgerTotals'. */
export function ledgerShape(db: Db): LedgerShape {
  const r = db
    .prepare(
      `SELECT count(*) AS people, ifnull(sum(l.gives), 0) AS gives, ifnull(sum(l.asks), 0) AS asks,
         ifnull(sum(l.asked_first), 0) AS asked_first,
         ifnull(max(CASE WHEN ${ascii('p.name')} THEN length(p.name) END), 0) AS asciiName,
         json_group_array(p.name) FILTER (WHERE NOT ${ascii('p.name')}) AS otherNames,
         ifnull(max(length(l.gives)), 0) AS givesDigits, ifnull(max(length(l.asks)), 0) AS asksDigits,
         json_group_array(DISTINCT l.gives - l.asks) AS balances,
         ifnull(max(l.last_give IS NOT NULL), 0) AS lastGive, ifnull(max(l.last_ask IS NOT NULL), 0) AS lastAsk
       FROM ${LEDGER_FROM}`,
    )
    .get() as Record<'people' | 'gives' | 'asks' | 'asked_first' | 'asciiName' | 'givesDigits' | 'asksDigits' | 'lastGive' | 'lastAsk', number> &
    Record<'otherNames' | 'balances', string>;
  return {
    totals: { gives: r.gives, asks: r.asks, people: r.people, asked_first: r.asked_first },
    asciiName: r.asciiName,
    otherNames: JSON.parse(r.otherNames) as string[],
    givesDigits: r.givesDigits,
    asksDigits: r.asksDigits,
    balances: JSON.parse(r.balances) as number[],
    lastGive: r.lastGive === 1,
    lastAsk: r.lastAsk === 1,
    askedFirst: r.asked_first > 0,
  };
}

/**
 * The whole ledger as rel ledger --json prints it: each line's JSON written by SQLite, in the ledger's
 * order (JSON.stringify(ledgerInOrder(db)), without 10,000 objects made and serialised).
 */
export function ledgerJson(db: Db): Buffer {
  return jsonArray(
    db,
    `SELECT json_object('id', l.person_id, 'name', p.name, 'gives', l.gives, 'asks', l.asks, 'balance', l.gives - l.asks,
       'last_give', l.last_give, 'last_ask', l.last_ask, 'asked_first', json(CASE WHEN l.asked_first THEN 'true' ELSE 'false' END)) AS j
     FROM ${LEDGER_FROM} ORDER BY ${LEDGER_ORDER}`,
  );
}

/** Has this person a touch on this day, by this channel, with this note, give and ask (null: none)? */
export function hasSameTouch(
  db: Db,
  t: Pick<Touchpoint, 'person_id' | 'date' | 'via' | 'note' | 'give' | 'ask'>,
): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM touchpoints WHERE person_id = @person_id AND date = @date AND via = @via
           AND note IS @note AND give IS @give AND ask IS @ask LIMIT 1`,
      )
      .get(t) !== undefined
  );
}

export function hasGivenTo(db: Db, personId: string): boolean {
  return db.prepare('SELECT 1 FROM touchpoints WHERE person_id = ? AND give IS NOT NULL LIMIT 1').get(personId) !== undefined;
}

export function insertFollowUp(db: Db, f: FollowUp, now: string): void {
  db.prepare(
    `INSERT INTO follow_ups (id, person_id, touchpoint_id, due_on, note, closed_by, created_at, updated_at)
     VALUES (@id, @person_id, @touchpoint_id, @due_on, @note, @closed_by, @now, @now)`,
  ).run({ ...f, now });
}

export function openFollowUps(db: Db, personId?: string): FollowUp[] {
  const where = personId === undefined ? '' : 'AND person_id = @personId';
  return db
    .prepare(
      `SELECT id, person_id, touchpoint_id, due_on, note, closed_by FROM follow_ups
       WHERE closed_by IS NULL ${where} ORDER BY due_on, id`,
    )
    .all(personId === undefined ? {} : { personId }) as FollowUp[];
}

/**
 * The open follow-ups rel due can list: those falling on or before the horizon (today + --within), the
 * rest of the domain's rule for follow-ups (rankDue skips a later one), with only what the ranking reads.
 * test/store/due.test.ts holds it, with duePeople, to ranking everyone with every open follow-up.
 */
export function dueFollowUps(db: Db, horizon: Day): DueFollowUp[] {
  return db
    .prepare('SELECT id, person_id, due_on, note FROM follow_ups WHERE closed_by IS NULL AND due_on <= ?')
    .all(horizon) as DueFollowUp[];
}

export function insertFact(db: Db, f: Fact, now: string): void {
  db.prepare(
    `INSERT INTO facts (id, person_id, text, date, created_at, updated_at) VALUES (@id, @person_id, @text, @date, @now, @now)`,
  ).run({ ...f, now });
}

export function factsOf(db: Db, personId: string): Fact[] {
  return db
    .prepare('SELECT id, person_id, text, date FROM facts WHERE person_id = ? ORDER BY date DESC, created_at DESC, id')
    .all(personId) as Fact[];
}

/**
 * What a new touch of a person does to their open follow-ups: the rule is domain/follow-ups.ts (a touch
 * the same day as the promise never closes it; --keep-follow-up, --close-follow-up). Returns how many it
 * closed and how many it left open.
 */
export function closeFollowUpsBy(
  db: Db,
  personId: string,
  touch: { id: string; date: Day },
  mode: FollowUpMode,
  now: string,
): { closed: number; open: number } {
  const open = db
    .prepare(
      `SELECT f.id, t.date AS touch_date, f.created_at FROM follow_ups f LEFT JOIN touchpoints t ON t.id = f.touchpoint_id
       WHERE f.person_id = ? AND f.closed_by IS NULL`,
    )
    .all(personId) as OpenFollowUp[];
  const ids = followUpsClosedBy(open, touch.date, mode);
  const close = db.prepare('UPDATE follow_ups SET closed_by = ?, updated_at = ? WHERE id = ?');
  for (const id of ids) close.run(touch.id, now, id);
  return { closed: ids.length, open: open.length - ids.length };
}
