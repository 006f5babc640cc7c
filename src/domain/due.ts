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

/** Builds an item with its fields in the documented order (the JSON shape). */
function item(p: DuePerson, reason: DueReason, date: Day, days_overdue: number, score: number, why: string, note: string | null, label: string | null = null): DueItem {
  return { id: p.id, name: p.name, reason, date, last_touch: p.last_touch, every_days: p.every_days, days_overdue, score, why, note, label };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A person listed twice (the same row from two prefilters) counts once. */
// Stryker disable next-line ArrayDeclaration: equivalent: a non-date entry has no person_id, so it is skipped like no entry
export function dueItems(people: DuePerson[], followUps: DueFollowUp[], opts: RankOptions, dates: DueDate[] = []): DueItem[] {
  const { today } = opts;
  // Day numbers, not Day strings, in the loop over everyone: it runs for 10,000 people on every rel due.
  const todayN = dayNumber(today);
  const year = Number(today.slice(0, 4)); // a real day: dayNumber() read it
  const horizon = addDays(today, opts.withinDays);
  const horizonN = todayN + opts.withinDays;
  const byId = new Map<string, DuePerson>();
  const items: DueItem[] = [];
  for (const p of people) {
    // Stryker disable next-line ConditionalExpression: equivalent: null > a day string is false anyway
    if ((p.snoozed_until !== null && p.snoozed_until > today) || byId.has(p.id)) continue;
    byId.set(p.id, p);
    if (p.every_days !== null) {
      const since = p.last_touch ?? p.added_on;
      const sinceN = dayNumber(since);
      if (sinceN + p.every_days <= horizonN) {
        const days = todayN - sinceN;
        const score = round2(days / p.every_days);
        const what = p.last_touch ? 'since the last touch' : 'since added, never touched';
        const why = `${days} days ${what}, rhythm ${p.every_days}d: ${days} / ${p.every_days} = ${score.toFixed(2)}`;
        items.push(item(p, 'overdue', dayOfNumber(sinceN + p.every_days), days - p.every_days, score, why, null));
      }
    }
    if (p.birthday !== null) {
      const ahead = daysToAnniversary(p.birthday, year, todayN);
      if (ahead <= opts.birthdayDays) {
        const { score, why } = anniversary('birthday', ahead, opts.birthdayDays);
        items.push(item(p, 'birthday', dayOfNumber(todayN + ahead), ahead === 0 ? 0 : -ahead, score, why, null));
      }
    }
  }
  for (const f of followUps) {
    const p = byId.get(f.person_id);
    if (!p || f.due_on > horizon) continue;
    const late = todayN - dayNumber(f.due_on);
    const score = round2(SCORE.followUpDue + late / SCORE.followUpDaysPerPoint);
    const why = `follow-up ${late >= 0 ? `${late} days late` : `in ${-late} days`}: ${SCORE.followUpDue} + ${late} / ${SCORE.followUpDaysPerPoint} = ${score.toFixed(2)}`;
    items.push(item(p, 'follow-up', f.due_on, late, score, why, f.note));
  }
  for (const d of dates) {
    const p = byId.get(d.person_id);
    const next = p && nextOccurrence(d, today);
    if (!p || !next || next.days > opts.birthdayDays) continue;
    const ahead = next.days;
    const what = next.years === null ? d.label : `${d.label} (${next.years} ${next.years === 1 ? 'year' : 'years'})`;
    const { score, why } = anniversary(what, ahead, opts.birthdayDays);
    items.push(item(p, 'date', next.on, ahead === 0 ? 0 : -ahead, score, why, null, d.label));
  }
  return items.sort(byUrgency);
}

/**
 * The score of an anniversary (a birthday, an important date) `ahead` days away within a window of
 * `windowDays`: SCORE.anniversaryToday on the day; before it 1 - ahead / (window + 1), so between 0 and
 * 1 and never above a contact overdue by a whole rhythm.
 */
function anniversary(what: string, ahead: number, windowDays: number): { score: number; why: string } {
  if (ahead === 0) return { score: SCORE.anniversaryToday, why: `${what} today: ${SCORE.anniversaryToday.toFixed(2)}` };
  const score = round2(1 - ahead / (windowDays + 1));
  return { score, why: `${what} in ${ahead} days: 1 - ${ahead} / ${windowDays + 1} = ${score.toFixed(2)}` };
}


/** Highest score first, then the earlier date, then by name, id, reason and label: a total order, so the
 * list does not depend on the order the database handed the items over. */
export function byUrgency(a: DueItem, b: DueItem): number {
  return (
    b.score - a.score || byText(a.date, b.date) || byText(a.name, b.name) || byText(a.id, b.id) ||
    // Stryker disable next-line StringLiteral: equivalent: the reasons are equal here, and label is null exactly when the reason is not 'date'
    byText(a.reason, b.reason) || byText(a.label ?? '', b.label ?? '') // one person's two dates on one day
  );
}
