/**
 * Important dates besides birthdays (`rel date`): a work anniversary, a wedding, a child's birthday.
 * A yearly date comes back every year; a one-off date happens once. Pure: `today` is an argument.
 */
import { UsageError } from '../errors.js';
import { dayParts, daysBetween, nextAnniversary, parseDay, realDay } from './dates.js';
import { quoteInput } from './text.js';
import type { Day } from './types.js';

export interface ImportantDate {
  /** `YYYY-MM-DD`, or `--MM-DD` for a yearly date whose year is unknown. */
  date: string;
  yearly: boolean;
}

export interface Occurrence {
  /** The next time it falls, today included. */
  on: Day;
  /** Days from today to `on` (0 = today). */
  days: number;
  /** Whole years since the original date (a 5th anniversary → 5); null without a year or the first time. */
  years: number | null;
}

/**
 * A date as typed for `rel date`: `YYYY-MM-DD` (a real date), or `MM-DD` / `--MM-DD` when there is no
 * year, which can only repeat: it is yearly whatever `yearly` says.
 */
export function parseImportantDate(text: string, yearly: boolean): ImportantDate {
  const t = text.trim();
  if (dayParts(t)?.year != null) {
    return { date: realDay(text), yearly };
  }
  const short = /^(?:--)?(\d{2})-(\d{2})$/.exec(t);
  // 2000 is a leap year, so --02-29 is accepted (it falls on 28 Feb in other years).
  if (short && parseDay(`2000-${short[1]}-${short[2]}`) !== null) return { date: `--${short[1]}-${short[2]}`, yearly: true };
  if (short) throw new UsageError(`date ${quoteInput(text)} is not a real date`);
  throw new UsageError(`bad date ${quoteInput(text)}: use YYYY-MM-DD, or MM-DD for a yearly date without a year`);
}

/**
 * When `d` next falls, on or after `today`; null for a one-off date that has passed. A yearly date with
 * a year that is still ahead falls first on that day (nothing to celebrate before it).
 */
export function nextOccurrence(d: ImportantDate, today: Day): Occurrence | null {
  let on: Day;
  if (!d.yearly) {
    if (d.date.startsWith('-') || d.date < today) return null;
    on = d.date;
  } else {
    on = nextAnniversary(d.date, today);
    if (!d.date.startsWith('-') && on < d.date) on = d.date;
  }
  const years = d.date.startsWith('-') ? null : Number(on.slice(0, 4)) - Number(d.date.slice(0, 4));
  return { on, days: daysBetween(today, on), years: years === null || years <= 0 ? null : years };
}

export interface UpcomingDate {
  /** The stored date's id; null for the birthday, which lives on the person. */
  id: string | null;
  label: string;
  /** As stored: `YYYY-MM-DD` or `--MM-DD`. */
  date: string;
  yearly: boolean;
  next: Day;
  days: number;
  years: number | null;
}

/**
 * The birthday and the dates that fall within `withinDays` of today (today included), soonest first,
 * then by label. Passed one-off dates are left out.
 */
export function upcomingDates(
  birthday: string | null,
  dates: { id: string; label: string; date: string; yearly: boolean }[],
  today: Day,
  withinDays: number,
): UpcomingDate[] {
  const all = [
    ...(birthday === null ? [] : [{ id: null, label: 'birthday', date: birthday, yearly: true }]),
    ...dates,
  ];
  const out: UpcomingDate[] = [];
  for (const d of all) {
    const next = nextOccurrence(d, today);
    if (next === null || next.days > withinDays) continue;
    out.push({ id: d.id, label: d.label, date: d.date, yearly: d.yearly, next: next.on, days: next.days, years: next.years });
  }
  return out.sort((a, b) => a.days - b.days || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
