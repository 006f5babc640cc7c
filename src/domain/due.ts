/**
 * Who is due, and in what order. Pure: `today` is an argument.
 *
 * Each item has a score; the list is sorted by score, highest first, then by date, then by name.
 * The terms are documented in the README ("How rel due ranks") and shown by `rel due --explain`:
 *   overdue    days since the last touch / rhythm          1.0 = exactly one rhythm, 2.0 = twice it
 *   follow-up  1 + days late / 7                            due today = 1.0, a week late = 2.0
 *   birthday   3.0 on the day; before it, 1 - days to go / (window + 1), so never above an overdue contact
 *   date       an important date (rel date), scored like a birthday within the same window: yearly dates
 *              every year, one-off dates once; the item's `label` names it
 * The numbers are named in SCORE below; birthdays and dates share one anniversary score.
 *
 * The rule lives twice. SQLite first narrows 10,000 people to those who may be due, through indexes:
 * the generated column `people.next_due` (src/store/migrations.ts), duePeople() in src/store/people.ts
 * (rhythm, birthday month-days, open follow-ups) and dueDates() in src/store/insight.ts; dueItems() here
 * then decides. test/store/due.test.ts ("the same items as ranking everyone") proves, over random
 * networks and days, that the prefilters never leave out anyone this function would list.
 */
import { addDays, dayNumber, dayOfNumber, daysToAnniversary } from './dates.js';
import { nextOccurrence } from './important-dates.js';
import { byText } from './names.js';
import type { Day, PersonWithLastTouch } from './types.js';

export type DueReason = 'overdue' | 'follow-up' | 'birthday' | 'date';

/** What the ranking reads of a person. */
export type DuePerson = Pick<PersonWithLastTouch, 'id' | 'name' | 'every_days' | 'birthday' | 'snoozed_until' | 'added_on' | 'last_touch'>;

export interface DueFollowUp {
  id: string;
  person_id: string;
  due_on: Day;
  note: string | null;
}

/** An important date of a person (rel date): `YYYY-MM-DD`, or `--MM-DD` when yearly without a year. */
export interface DueDate {
  id: string;
  person_id: string;
  label: string;
  date: string;
  yearly: boolean;
}

export interface DueItem {
  id: string;
  name: string;
  reason: DueReason;
  /** When it is (or was) due: the rhythm's date, the follow-up's date, or this year's birthday. */
  date: Day;
  last_touch: Day | null;
  every_days: number | null;
  /** Days past `date`; negative when it is still ahead (a birthday, or within --within). */
  days_overdue: number;
  score: number;
  /** One line saying why, e.g. "45 days since the last touch, rhythm 30d: 45 / 30 = 1.50". */
  why: string;
  note: string | null;
  /** What the date is ("wedding"), for reason `date`; null otherwise. */
  label: string | null;
}

/** The scoring table: every number the ranking uses, by name. */
export const SCORE = {
  /** A birthday or an important date on its day: above any overdue rhythm short of three times over. */
  anniversaryToday: 3,
  /** A follow-up due today scores this much... */
  followUpDue: 1,
  /** ...and one more point for each this many days late. */
  followUpDaysPerPoint: 7,
} as const;

/** What the ranking needs besides the people: the day, and how far ahead to look. */
export interface RankOptions {
  today: Day;
  /** Look ahead this many days (rel due --within). */
  withinDays: number;
  /** How far ahead birthdays show; defaults to 14, or --within when given. */
  birthdayDays: number;
}

/**
 * An item ranked before its words are written. Ranking reads a number or two per candidate (thousands on
 * a large network, or when everyone is overdue); the table then writes only the screenful it shows, and
 * the rest stay numbers. dueItemOf() turns one into the DueItem the user sees.
 */
export interface RankedDue {
  person: DuePerson;
  reason: DueReason;
  /** The score times 100, an integer: the score is rounded to hundredths, and integers compare cheaply. */
  score100: number;
  /** The item's date as a day number (dates.ts dayNumber). */
  dateN: number;
  /** The date as stored, when the item has one (a follow-up's); else it is written from dateN. */
  day: Day | null;
  days_overdue: number;
  note: string | null;
  /** For reason `date`: what the date is ("wedding"). */
  label: string | null;
  /** For a birthday or an important date: what its why calls it ("birthday", "wedding (5 years)"). */
  what: string | null;
}

function ranked(person: DuePerson, reason: DueReason, score100: number, dateN: number, day: Day | null, days_overdue: number, note: string | null, label: string | null, what: string | null): RankedDue {
  return { person, reason, score100, dateN, day, days_overdue, note, label, what };
}

/** `x` rounded to hundredths, times 100: the score is score100(x) / 100. */
const score100 = (x: number) => Math.round(x * 100);

/**
 * Everyone due, most urgent first (byRank), as numbers; dueItemOf() writes each. A person listed twice
 * (the same row from two prefilters) counts once.
 */
// Stryker disable next-line ArrayDeclaration: equivalent: a non-date entry has no person_id, so it is skipped like no entry
export function rankDue(people: DuePerson[], followUps: DueFollowUp[], opts: RankOptions, dates: DueDate[] = []): RankedDue[] {
  return dueUnranked(people, followUps, opts, dates).sort(byRank);
}

/**
 * rankDue's first `k` items, and how many it has in all, without putting the others in order: the table
 * of rel due shows a screenful of the hundreds due (thousands on a large network, or when everyone is
 * overdue); sorting the ~10,000 due among 100,000 people took 5-8 ms.
 */
export function mostUrgent(people: DuePerson[], followUps: DueFollowUp[], opts: RankOptions, dates: DueDate[], k: number): { first: RankedDue[]; count: number } {
  const all = dueUnranked(people, followUps, opts, dates);
  return { first: firstInOrder(all, k, byRank), count: all.length };
}

/**
 * The first `k` of `xs` in `order` (a total order), as xs.sort(order).slice(0, k) would give them (any k,
 * Infinity too). A few of many are kept in a sorted array of at most k as the others go by, most compared
 * with its last item only; when k * k reaches xs.length, moving items within that array would cost more
 * than sorting them all, which is done instead.
 */
export function firstInOrder<T>(xs: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (k <= 0) return first;
  if (k * k >= xs.length) return [...xs].sort(order).slice(0, k);
  for (const x of xs) {
    if (first.length === k && order(x, first[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(first[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    first.splice(lo, 0, x);
    if (first.length > k) first.pop();
  }
  return first;
}

/** Everyone due, in the order found (rankDue sorts them). */
function dueUnranked(people: DuePerson[], followUps: DueFollowUp[], opts: RankOptions, dates: DueDate[]): RankedDue[] {
  const { today } = opts;
  // Day numbers, not Day strings, in the loop over everyone: it runs for 10,000 people on every rel due.
  const todayN = dayNumber(today);
  const year = Number(today.slice(0, 4)); // a real day: dayNumber() read it
  const horizon = addDays(today, opts.withinDays);
  const horizonN = todayN + opts.withinDays;
  const byId = new Map<string, DuePerson>();
  const out: RankedDue[] = [];
  for (const p of people) {
    // Stryker disable next-line ConditionalExpression: equivalent: null > a day string is false anyway
    if ((p.snoozed_until !== null && p.snoozed_until > today) || byId.has(p.id)) continue;
    byId.set(p.id, p);
    if (p.every_days !== null) {
      const sinceN = dayNumber(p.last_touch ?? p.added_on);
      if (sinceN + p.every_days <= horizonN) {
        const days = todayN - sinceN;
        out.push(ranked(p, 'overdue', score100(days / p.every_days), sinceN + p.every_days, null, days - p.every_days, null, null, null));
      }
    }
    if (p.birthday !== null) {
      const ahead = daysToAnniversary(p.birthday, year, todayN);
      if (ahead <= opts.birthdayDays) {
        out.push(ranked(p, 'birthday', anniversary100(ahead, opts.birthdayDays), todayN + ahead, null, ahead === 0 ? 0 : -ahead, null, null, 'birthday'));
      }
    }
  }
  for (const f of followUps) {
    const p = byId.get(f.person_id);
    if (!p || f.due_on > horizon) continue;
    const dueN = dayNumber(f.due_on);
    const late = todayN - dueN;
    out.push(ranked(p, 'follow-up', score100(SCORE.followUpDue + late / SCORE.followUpDaysPerPoint), dueN, f.due_on, late, f.note, null, null));
  }
  for (const d of dates) {
    const p = byId.get(d.person_id);
    const next = p && nextOccurrence(d, today);
    if (!p || !next || next.days > opts.birthdayDays) continue;
    const ahead = next.days;
    const what = next.years === null ? d.label : `${d.label} (${next.years} ${next.years === 1 ? 'year' : 'years'})`;
    out.push(ranked(p, 'date', anniversary100(ahead, opts.birthdayDays), dayNumber(next.on), next.on, ahead === 0 ? 0 : -ahead, null, d.label, what));
  }
  return out;
}

/** The item the user sees (the JSON shape, its fields in the documented order), with its date and why written. */
export function dueItemOf(r: RankedDue, opts: Pick<RankOptions, 'birthdayDays'>): DueItem {
  const p = r.person;
  const score = r.score100 / 100;
  let why: string;
  if (r.reason === 'overdue') {
    const every = p.every_days!; // an overdue item has a rhythm
    const days = r.days_overdue + every;
    const what = p.last_touch ? 'since the last touch' : 'since added, never touched';
    why = `${days} days ${what}, rhythm ${every}d: ${days} / ${every} = ${score.toFixed(2)}`;
  } else if (r.reason === 'follow-up') {
    const late = r.days_overdue;
    why = `follow-up ${late >= 0 ? `${late} days late` : `in ${-late} days`}: ${SCORE.followUpDue} + ${late} / ${SCORE.followUpDaysPerPoint} = ${score.toFixed(2)}`;
  } else {
    why = anniversaryWhy(r.what!, -r.days_overdue, opts.birthdayDays, score);
  }
  return {
    id: p.id, name: p.name, reason: r.reason, date: r.day ?? dayOfNumber(r.dateN), last_touch: p.last_touch, every_days: p.every_days,
    days_overdue: r.days_overdue, score, why, note: r.note, label: r.label,
  };
}

/** Every item due, most urgent first, written out (rel due --json, and every list but the table's screenful). */
// Stryker disable next-line ArrayDeclaration: equivalent, as for rankDue
export function dueItems(people: DuePerson[], followUps: DueFollowUp[], opts: RankOptions, dates: DueDate[] = []): DueItem[] {
  return rankDue(people, followUps, opts, dates).map((r) => dueItemOf(r, opts));
}

/**
 * The score of an anniversary (a birthday, an important date) `ahead` days away within a window of
 * `windowDays`, times 100: SCORE.anniversaryToday on the day; before it 1 - ahead / (window + 1), so between 0 and
 * 1 and never above a contact overdue by a whole rhythm.
 */
function anniversary100(ahead: number, windowDays: number): number {
  return ahead === 0 ? SCORE.anniversaryToday * 100 : score100(1 - ahead / (windowDays + 1));
}

function anniversaryWhy(what: string, ahead: number, windowDays: number, score: number): string {
  if (ahead === 0) return `${what} today: ${SCORE.anniversaryToday.toFixed(2)}`;
  return `${what} in ${ahead} days: 1 - ${ahead} / ${windowDays + 1} = ${score.toFixed(2)}`;
}

/** byUrgency over ranked items: the same order, on numbers first (a day number orders as its Day text). */
function byRank(a: RankedDue, b: RankedDue): number {
  return (
    b.score100 - a.score100 || a.dateN - b.dateN || byText(a.person.name, b.person.name) || byText(a.person.id, b.person.id) ||
    byKind(a, b)
  );
}

/** Highest score first, then the earlier date, then by name, id, reason, label and note: a total order, so
 * the list does not depend on the order the database handed the items over. */
export function byUrgency(a: DueItem, b: DueItem): number {
  return b.score - a.score || byText(a.date, b.date) || byText(a.name, b.name) || byText(a.id, b.id) || byKind(a, b);
}

/**
 * One person's items on one day with one score (byRank's and byUrgency's last keys): by reason, then
 * label (two dates), then note (two follow-ups), no note first. Items equal here are equal whole.
 */
function byKind(a: Pick<DueItem, 'reason' | 'label' | 'note'>, b: Pick<DueItem, 'reason' | 'label' | 'note'>): number {
  // Stryker disable next-line StringLiteral: equivalent: the reasons are equal here, and label is null exactly when the reason is not 'date'
  return byText(a.reason, b.reason) || byText(a.label ?? '', b.label ?? '') || byNote(a.note, b.note);
}

function byNote(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? -1 : b === null ? 1 : byText(a, b);
}
