/**
 * Intervals: how often to be in touch with someone (a rhythm, stored as `every_days`) and how far
 * ahead a follow-up or a snooze lands. Pure: no clock, no environment.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { UsageError } from '../errors.js';
import { quoteInput } from './text.js';
import type { Day } from './types.js';
import { dayParts } from './day.js';

export interface Interval {
  n: number;
  unit: 'd' | 'w' | 'm' | 'y';
}

type Unit = Interval['unit'];

const WORDS: Record<string, Interval> = {
  daily: { n: 1, unit: 'd' },
  weekly: { n: 1, unit: 'w' },
  fortnightly: { n: 2, unit: 'w' },
  biweekly: { n: 2, unit: 'w' },
  monthly: { n: 1, unit: 'm' },
  quarterly: { n: 3, unit: 'm' },
  yearly: { n: 1, unit: 'y' },
  annually: { n: 1, unit: 'y' },
};

const UNITS: Record<string, Unit> = {
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  m: 'm', mo: 'm', mos: 'm', month: 'm', months: 'm',
  y: 'y', yr: 'y', yrs: 'y', year: 'y', years: 'y',
};

/** Longest accepted interval: 100 years, counted as intervalDays does (so 1216m is the most months). */
const MAX_DAYS = 36500;

const DAYS_PER: Record<Unit, number> = { d: 1, w: 7, m: 30, y: 365 };

const ACCEPTED = 'use Nd, Nw, Nm, Ny or daily, weekly, fortnightly, monthly, quarterly, yearly';

/**
 * Parses `3d`, `2w`, `1m`, `2y`, `3 days`, `2 weeks`, `1 month`, `2 years` (case-insensitive, spaces
 * allowed) and the words daily, weekly, fortnightly/biweekly, monthly, quarterly, yearly/annually.
 */
export function parseInterval(text: string): Interval {
  const bad = (detail: string): UsageError => new UsageError(`bad interval ${quoteInput(text)}: ${detail}`);
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const word = Object.hasOwn(WORDS, t) ? WORDS[t] : undefined;
  if (word) return { ...word };
  const m = /^([+-]?\d*[.,]?\d+) ?([a-z]+)$/.exec(t);
  const unit = m && Object.hasOwn(UNITS, m[2] ?? '') ? UNITS[m[2] ?? ''] : undefined;
  if (!m || !unit) throw bad(ACCEPTED);
  const num = m[1] ?? '';
  if (!/^\+?\d+$/.test(num)) throw bad(`the number must be a whole number of 1 or more (${ACCEPTED})`);
  const n = Number(num);
  if (n < 1) throw bad(`the number must be 1 or more (${ACCEPTED})`);
  if (n * DAYS_PER[unit] > MAX_DAYS) throw bad('too long, at most 100 years (36500 days)');
  return { n, unit };
}

/** The rhythm length in days, as stored in `every_days`: a month is 30 days, a year 365. */
export function intervalDays(i: Interval): number {
  return i.n * DAYS_PER[i.unit];
}

/**
 * Calendar arithmetic: `2026-01-31` + 1m = `2026-02-28`; `2024-02-29` + 1y = `2025-02-28`.
 * The day must be a valid `YYYY-MM-DD`; a result past year 9999 is a RangeError (callers check).
 */
export function addInterval(day: Day, i: Interval): Day {
  const p = dayParts(day);
  if (!p || p.year === null) throw new RangeError(`addInterval: not a day: ${day}`);
  // Local noon, so that no time-zone or DST shift can move the calendar day.
  const date = new Date(0);
  date.setFullYear(p.year, p.month - 1, p.day);
  date.setHours(12, 0, 0, 0);
  const out =
    i.unit === 'd' ? addDays(date, i.n)
    : i.unit === 'w' ? addDays(date, i.n * 7)
    : i.unit === 'm' ? addMonths(date, i.n)
    : addYears(date, i.n);
  const y = out.getFullYear();
  if (!(y >= 0 && y <= 9999)) throw new RangeError(`addInterval: ${day} + ${i.n}${i.unit} is out of range`);
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(out.getMonth() + 1)}-${pad(out.getDate())}`;
}

/**
 * A rhythm in its shortest exact form: 7 → `1w`, 14 → `2w`, 30 → `1m`, 90 → `3m`, 365 → `1y`,
 * 10 → `10d`. Years win over months, months over weeks (210 → `7m`). Round-trips through
 * parseInterval + intervalDays. Anything that is not a positive integer is shown as `${days}d`.
 */
export function formatEvery(days: number): string {
  if (!Number.isInteger(days) || days <= 0) return `${days}d`;
  if (days % 365 === 0) return `${days / 365}y`;
  if (days % 30 === 0) return `${days / 30}m`;
  if (days % 7 === 0) return `${days / 7}w`;
  return `${days}d`;
}
