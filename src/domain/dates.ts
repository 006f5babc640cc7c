/**
 * Calendar days (`YYYY-MM-DD`, years 0000–9999; what a user types must be 1900 or later) and the date phrases users type: `--on yesterday`,
 * `--follow-up 2w`, `--birthday 03-14`. Pure: `today`, `from` and `now` are always arguments.
 * Day arithmetic runs in UTC on the parsed year/month/day, so DST can never move a day.
 */
import { UsageError } from '../errors.js';
import { addInterval, parseInterval, type Interval } from './interval.js';
import { quoteInput } from './text.js';
import { dayParts, digitsAt } from './day.js';
import type { Day } from './types.js';

export { dayParts } from './day.js';

/**
 * The earliest day a user may type (a touch, a follow-up, a birthday, an important date): anything
 * before it is a typo (0001-01-01), not a memory. rel doctor finds older rows written by other programs.
 */
export const EARLIEST_DAY: Day = '1900-01-01';
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Looks like a date but is not `YYYY-MM-DD`: 3/11/2026, 2026/03/11, 11.3.2026, 2026-3-1, 03-11. */
const DATEISH_RE = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number): Day => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
const norm = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Why a `YYYY-MM-DD`-shaped text is not a real date, or null when it is one. */
function unreal(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12) return 'the month must be 01 to 12';
  const max = daysInMonth(y, m);
  if (d < 1 || d > max) return `${MONTHS[m - 1]} ${pad(y, 4)} has ${max} days`;
  return null;
}

/** Days since 1970-01-01 of year `y0`, month `m`, day `d` (H. Hinnant's days_from_civil). */
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Days since 1970-01-01, by integer arithmetic: no Date is built, which matters when rel due computes
 * this for every person.
 */
export function dayNumber(day: Day): number {
  // Read digit by digit, into numbers, with no array or match in between: rel due calls this for every
  // candidate, and such an array a call was a tenth of what the command allocated.
  const y = day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45 ? digitsAt(day, 0, 4) : -1;
  const m = digitsAt(day, 5, 2);
  const d = digitsAt(day, 8, 2);
  if (y < 0 || m < 0 || d < 0) throw new RangeError(`not a day: ${day}`);
  return daysFromCivil(y, m, d);
}
const ordinal = dayNumber;

/** The day `n` days after 1970-01-01 (H. Hinnant's civil_from_days), as [year, month, day]. */
function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day `n` days after 1970-01-01, null outside 0000-9999. */
function fromOrdinal(n: number): Day | null {
  const c = civilFromDays(n);
  return c[0] >= 0 && c[0] <= 9999 ? format(c[0], c[1], c[2]) : null;
}

/** The day numbered `n` (dayNumber's inverse). RangeError outside 0000-9999. */
export function dayOfNumber(n: number): Day {
  const out = Number.isInteger(n) ? fromOrdinal(n) : null;
  if (out === null) throw new RangeError(`dayOfNumber: ${n} is out of range`);
  return out;
}

/** The local calendar day of an instant (not the UTC day). */
export function todayOf(now: Date): Day {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayOf: invalid Date');
  return format(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Strict `YYYY-MM-DD` naming a real calendar day, else null. No trimming. */
export function parseDay(text: string): Day | null {
  const m = DAY_RE.exec(text);
  return m && !unreal(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/** `day` plus `n` days (n may be negative). RangeError if n is not an integer or the result leaves 0000–9999. */
export function addDays(day: Day, n: number): Day {
  const out = Number.isInteger(n) ? fromOrdinal(ordinal(day) + n) : null;
  if (out === null) throw new RangeError(`addDays: ${day} + ${n} is out of range`);
  return out;
}

/** `to` − `from` in calendar days: daysBetween('2026-03-01', '2026-03-08') = 7. */
export function daysBetween(from: Day, to: Day): number {
  return ordinal(to) - ordinal(from);
}

/**
 * Whether a day falls within the last `n` days, today included (today − n < day ≤ today), as a test
 * made once for many days: compared as text, as YYYY-MM-DD days order as their dates, so no day is
 * turned into a number (rel suggest asks it of tens of thousands of touch days).
 */
export function withinLast(n: number, today: Day): (day: Day) => boolean {
  const first = addDays(today, 1 - n);
  return (day) => day >= first && day <= today;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return (((ordinal(day) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * A `YYYY-MM-DD`-looking input: the Day if real; throws if it is not a real date or is another date
 * layout (slashes, dots, missing zeros, no year); undefined if it does not look like a date at all.
 */
function dateInput(text: string, t: string): Day | undefined {
  const m = DAY_RE.exec(t);
  if (m) {
    const why = unreal(Number(m[1]), Number(m[2]), Number(m[3]));
    if (why) throw new UsageError(`date ${quoteInput(text)} is not a real date: ${why}`);
    if (t < EARLIEST_DAY) throw new UsageError(`date ${quoteInput(text)} is before 1900: rel keeps dates from ${EARLIEST_DAY} on`);
    return t;
  }
  if (DATEISH_RE.test(t)) {
    throw new UsageError(`unclear date ${quoteInput(text)}: write dates as YYYY-MM-DD, e.g. 2026-03-11`);
  }
  return undefined;
}

/** A typed `YYYY-MM-DD`: the Day, or a UsageError saying why it is not one (not real, before 1900). */
export function realDay(text: string): Day {
  const day = dateInput(text, text.trim());
  if (day === undefined) throw new UsageError(`bad date ${quoteInput(text)}: use YYYY-MM-DD`);
  return day;
}

/**
 * `1 day`, `a week`, `3w`, `2 months` → an Interval; undefined if `phrase` does not start with a
 * count. A count with a bad number or unit (`0 days`, `1.5w`, `3 fortnights`) throws parseInterval's
 * UsageError, which says exactly what is wrong with it.
 */
function countedInterval(phrase: string): Interval | undefined {
  const p = phrase.replace(/^(?:an?|one) /, '1 ');
  return /^[+-]?[\d.,]/.test(p) ? parseInterval(p) : undefined;
}

const PAST_FORMS = 'use YYYY-MM-DD, today, yesterday, N days ago, N weeks ago, N months ago, or a weekday '
  + '(monday, mon, last monday)';

/**
 * When a touch happened (`rel log --on`): `YYYY-MM-DD`, `today`, `yesterday`, `N days ago`,
 * `N weeks ago`, `N months ago` (also `a week ago`, `3d ago`; at most 100 years), or a weekday:
 * `monday`/`mon` is the most recent Monday on or before today (today if it is one); `last monday`
 * is the most recent one strictly before today. Case-insensitive; never later than `today`.
 */
export function parsePastDay(text: string, today: Day): Day {
  const t = norm(text);
  let day = dateInput(text, t);
  if (day === undefined) {
    const ago = /^(.+) ago$/.exec(t);
    const wd = /^(last )?([a-z]+)$/.exec(t);
    // Stryker disable next-line StringLiteral: equivalent: the group always matched when the regex did (the ?? is for noUncheckedIndexedAccess)
    const interval = ago ? countedInterval(ago[1] ?? '') : undefined;
    if (t === 'today') day = today;
    else if (t === 'yesterday') day = addDays(today, -1);
    else if (t === 'tomorrow') day = addDays(today, 1);
    else if (interval) {
      try {
        day = addInterval(today, { n: -interval.n, unit: interval.unit });
      } catch {
        day = '0000-01-01';
      }
      if (day < EARLIEST_DAY) throw new UsageError(`date ${quoteInput(text)} is too far back: the earliest is ${EARLIEST_DAY}`);
    // Stryker disable next-line StringLiteral: equivalent: the group always matched when the regex did (the ?? is for noUncheckedIndexedAccess)
    } else if (wd && Object.hasOwn(WEEKDAYS, wd[2] ?? '')) {
      // Stryker disable next-line StringLiteral: equivalent: the group always matched when the regex did (the ?? is for noUncheckedIndexedAccess)
      const back = (weekdayOf(today) - (WEEKDAYS[wd[2] ?? ''] ?? 0) + 7) % 7;
      day = addDays(today, -(back === 0 && wd[1] ? 7 : back));
    } else throw new UsageError(`bad date ${quoteInput(text)}: ${PAST_FORMS}`);
  }
  if (day > today) throw new UsageError(`date ${day} is in the future: a touch cannot happen later than today`);
  return day;
}

const FUTURE_FORMS = 'use YYYY-MM-DD, today, tomorrow, a weekday (friday, fri, next friday), next week, next month, '
  + 'or an interval (3d, 2w, 1m, in 2 weeks, monthly)';

/**
 * When a follow-up or snooze falls due. Words name a day from `today`: `today`, `tomorrow`, a weekday
 * (`friday`, `fri`, `next friday`: the next one strictly after today), `next week` (7 days on),
 * `next month`, or `YYYY-MM-DD`. An interval (`2w`, `in 3 days`, `a month`, `monthly`, calendar months)
 * counts from `from`, the day of the touch, which may be earlier than today (`rel log --on "3 days ago"
 * --follow-up 2w`). Never earlier than `today`. `today` defaults to `from` (snooze: both are today).
 */
export function parseFutureDay(text: string, from: Day, today: Day = from): Day {
  const t = norm(text).replace(/^in /, '');
  let day = dateInput(text, t);
  let interval: Interval | undefined;
  if (day === undefined) {
    const wd = /^(?:next )?([a-z]+)$/.exec(t);
    if (t === 'today') day = today;
    else if (t === 'tomorrow') day = addDays(today, 1);
    else if (t === 'yesterday') day = addDays(today, -1);
    else if (t === 'next week') day = addDays(today, 7);
    else if (t === 'next month') day = addInterval(today, { n: 1, unit: 'm' });
    // Stryker disable next-line StringLiteral: equivalent: the group always matched when the regex did (the ?? is for noUncheckedIndexedAccess)
    else if (wd && Object.hasOwn(WEEKDAYS, wd[1] ?? '')) {
      // Stryker disable next-line StringLiteral: equivalent: the group always matched when the regex did (the ?? is for noUncheckedIndexedAccess)
      const ahead = ((WEEKDAYS[wd[1] ?? ''] ?? 0) - weekdayOf(today) + 7) % 7;
      day = addDays(today, ahead === 0 ? 7 : ahead);
    } else {
      interval = countedInterval(t) ?? wordInterval(t);
      if (!interval) throw new UsageError(`bad date ${quoteInput(text)}: ${FUTURE_FORMS}`);
      try {
        day = addInterval(from, interval);
      } catch {
        throw new UsageError(`date ${quoteInput(text)} is too far ahead: the latest is 9999-12-31`);
      }
    }
  }
  if (day < today) {
    const counted = interval && from < today ? ` (${quoteInput(text)} counts from the touch on ${from})` : '';
    throw new UsageError(`date ${day} is before ${today}${counted}: a follow-up or snooze must be on ${today} or later`);
  }
  return day;
}

function wordInterval(t: string): Interval | undefined {
  // Stryker disable next-line ConditionalExpression,Regex: equivalent: a shortcut; parseInterval refuses all the texts it skips
  if (!/^[a-z]+$/.test(t)) return undefined;
  try {
    return parseInterval(t);
    // Stryker disable next-line BlockStatement: equivalent: an empty catch also returns undefined
  } catch {
    return undefined;
  }
}

const BIRTHDAY_FORMS = 'use YYYY-MM-DD, or MM-DD when the year is unknown';

/**
 * A birthday: `YYYY-MM-DD` (a real date, year 1900 or later, and not after `today` when given), or
 * `MM-DD` / `--MM-DD` when the year is unknown, returned as `--MM-DD` (`--02-29` allowed).
 */
export function parseBirthday(text: string, today?: Day): string {
  const t = text.trim();
  const full = DAY_RE.exec(t);
  if (full) {
    const y = Number(full[1]);
    const why = unreal(y, Number(full[2]), Number(full[3]));
    if (why) throw new UsageError(`birthday ${quoteInput(text)} is not a real date: ${why}`);
    if (y < 1900) {
      throw new UsageError(`birthday ${quoteInput(text)}: the year must be 1900 or later (or leave it out: MM-DD)`);
    }
    // Stryker disable next-line ConditionalExpression: equivalent: t > undefined is false anyway
    if (today !== undefined && t > today) throw new UsageError(`birthday ${t} is in the future`);
    return t;
  }
  const short = /^(?:--)?(\d{2})-(\d{2})$/.exec(t);
  if (!short) throw new UsageError(`bad birthday ${quoteInput(text)}: ${BIRTHDAY_FORMS}`);
  const why = unreal(2000, Number(short[1]), Number(short[2])); // a leap year: --02-29 is fine
  if (why) throw new UsageError(`birthday ${quoteInput(text)} is not a real date: ${why.replace(' 2000', '')}`);
  return `--${short[1]}-${short[2]}`;
}

/**
 * The next occurrence of a birthday or anniversary (`YYYY-MM-DD` or `--MM-DD`; its year is ignored)
 * on or after `today`. Feb 29 falls on Feb 28 in non-leap years.
 */
export function nextAnniversary(date: string, today: Day): Day {
  const todayN = dayNumber(today);
  const c = civilFromDays(todayN + daysToAnniversary(date, civilFromDays(todayN)[0], todayN));
  return format(c[0], c[1], c[2]); // not range-checked: the day after 9999-12-31's birthday is in year 10000
}

/**
 * How many days from the day numbered `todayN` (in `year`) to the next occurrence of the birthday or
 * anniversary `date` (nextAnniversary's rule), in numbers: rel due asks this for every candidate with a
 * birthday, and formatting the day only to read it back cost more than the rest of the ranking.
 */
export function daysToAnniversary(date: string, year: number, todayN: number): number {
  const yearly = dayParts(date);
  if (!yearly) throw new RangeError(`nextAnniversary: not a date: ${date}`);
  const here = anniversaryIn(year, yearly.month, yearly.day);
  return (here >= todayN ? here : anniversaryIn(year + 1, yearly.month, yearly.day)) - todayN;
}

/** The day number of the `day`th of `month` in year `y`, or of the month's last day when it is shorter (Feb 29). */
function anniversaryIn(y: number, month: number, day: number): number {
  return daysFromCivil(y, month, Math.min(day, daysInMonth(y, month)));
}
