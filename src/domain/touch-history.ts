/**
 * Who is drifting away, and touches per month, for `rel stats`. Pure: `today` is an argument. The
 * definitions are those of networkStats (stats.ts), which uses this.
 *
 * A person's usual gap is the average gap between the days they were touched: (last touch day − first
 * touch day) ÷ (days touched − 1), rounded to whole days, needing at least 3 days touched. It is the
 * average rather than the median so that the database can keep what it needs (first touch, days
 * touched) up to date as touches come and go, and rel stats reads it for 10,000 people without
 * reading 200,000 touches (store/migrations.ts step 4).
 */
import { dayNumber } from './dates.js';
import { byText, foldName } from './names.js';
import type { Day } from './types.js';

export interface DriftingPerson {
  id: string;
  name: string;
  last_touch: Day;
  /** The average gap between touch days, rounded to whole days. */
  usual_gap_days: number;
  /** Days from the last touch to today. */
  gap_days: number;
  /** gap_days / usual_gap_days, rounded to 2 decimals. */
  ratio: number;
}

/** What the database keeps per person for this (people.first_touch, last_touch, touch_days). */
export interface TouchSpan {
  id: string;
  name: string;
  first_touch: Day | null;
  last_touch: Day | null;
  /** Distinct days touched. */
  touch_days: number;
}

/** A current gap at least this many times the usual gap is drifting. */
export const DRIFT_RATIO = 1.5;
export const DRIFT_LIMIT = 10;
/** Touch days needed before a usual gap means anything (so at least two gaps). */
export const MIN_TOUCH_DAYS = 3;

/** Folded name, then name, then id: the stable order used everywhere in rel. */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  byText(folded(a.name), folded(b.name)) || byText(a.name, b.name) || byText(a.id, b.id);

/**
 * foldName, each name folded once: a sort compares every name many times (rel suggest sorts thousands of
 * people), and folding (Unicode normalisation, three replacements) is most of a comparison's cost.
 */
const folds = new Map<string, string>();
function folded(name: string): string {
  let f = folds.get(name);
  // Stryker disable next-line ConditionalExpression: equivalent: folding again gives the same text, only slower
  if (f === undefined) {
    // Stryker disable next-line all: equivalent: a cache, emptied or not: every name folds to the same text
    if (folds.size >= 100_000) folds.clear(); // a bound for a long-lived process (the tests)
    folds.set(name, (f = foldName(name)));
  }
  return f;
}
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The median, or null for no values. An even count averages the two middle values. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? 0) + hi) / 2;
}

/** The `YYYY-MM` labels of the `count` calendar months ending with today's, oldest first. */
export function lastMonths(today: Day, count = 12): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = y * 12 + (m - 1) - back;
    out.push(`${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Touches per month for lastMonths(today), from counts by `YYYY-MM` (months not listed count 0). */
export function perMonth(counts: ReadonlyMap<string, number>, today: Day): number[] {
  return lastMonths(today).map((m) => counts.get(m) ?? 0);
}

/** The average gap in days between touch days, rounded; null with fewer than MIN_TOUCH_DAYS days. */
export function averageGap(span: Pick<TouchSpan, 'first_touch' | 'last_touch' | 'touch_days'>): number | null {
  if (span.touch_days < MIN_TOUCH_DAYS || span.first_touch === null || span.last_touch === null) return null;
  const average = (dayNumber(span.last_touch) - dayNumber(span.first_touch)) / (span.touch_days - 1);
  return Math.max(1, Math.round(average));
}

/**
 * The people drifting away: the current gap (today − last touch) at least DRIFT_RATIO times their usual
 * gap; the largest ratio first, then the larger gap, then by name. Someone touched after today (a
 * clock that was wrong) is not drifting.
 */
export function driftingFrom(spans: TouchSpan[], today: Day): DriftingPerson[] {
  const todayN = dayNumber(today);
  const found: DriftingPerson[] = [];
  for (const s of spans) {
    const usual = averageGap(s);
    if (usual === null) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent: a null last touch has no usual gap, and a last touch on or after today makes a gap of 0 or less, never 1.5 usual gaps; said for the reader and for the types
    if (s.last_touch === null || s.last_touch > today) continue;
    const gap = todayN - dayNumber(s.last_touch);
    if (gap / usual < DRIFT_RATIO) continue;
    found.push({ id: s.id, name: s.name, last_touch: s.last_touch, usual_gap_days: usual, gap_days: gap, ratio: round2(gap / usual) });
  }
  return found
    .sort((a, b) => b.ratio - a.ratio || b.gap_days - a.gap_days || byNameThenId(a, b))
    .slice(0, DRIFT_LIMIT);
}
