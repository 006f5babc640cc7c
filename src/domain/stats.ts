/**
 * "Is the network real?": how many people you actually keep in touch with, whether rhythms are
 * kept, the give/ask balance, touches per month and who is drifting away. Pure: `today` is an argument.
 *
 * Only touches of the people passed in count, and only those on or before `today`. A touch is one
 * row per person, so a meeting with two people counts as two touches.
 */
import { daysBetween, withinLast } from './dates.js';
import { driftingFrom, lastMonths, MIN_TOUCH_DAYS, median, perMonth, type DriftingPerson } from './touch-history.js';
import type { Day } from './types.js';

export {
  byNameThenId, DRIFT_LIMIT, DRIFT_RATIO, lastMonths, median, MIN_TOUCH_DAYS, type DriftingPerson,
} from './touch-history.js';

export interface StatsPerson {
  id: string;
  name: string;
  added_on: Day;
  every_days: number | null;
  /** The last touch as stored; the later of it and the last touch in `touches` is used. */
  last_touch: Day | null;
}

export interface StatsTouch {
  person_id: string;
  date: Day;
  give: string | null;
  ask: string | null;
}

export interface NetworkStats extends StatsCounts {
  /** rhythm_on_time / with_rhythm (0..1), or null when nobody has a rhythm. */
  rhythm_kept_share: number | null;
  /** gives_365d / asks_365d, or null when there were no asks. */
  give_ask_ratio: number | null;
  /** Touches per calendar month, the 12 months up to and including today's, oldest first. */
  per_month: number[];
  /** The `YYYY-MM` labels of per_month. */
  months: string[];
  /** Up to DRIFT_LIMIT people, the largest ratio first. */
  drifting: DriftingPerson[];
}

/** Gaps in days between consecutive distinct days (same-day duplicates ignored), in date order. */
export function dayGaps(days: Day[]): number[] {
  const sorted = [...new Set(days)].sort();
  return sorted.slice(1).map((d, i) => daysBetween(sorted[i] ?? d, d));
}

/** How many days apart `days` usually are: the median gap, or null with fewer than 3 distinct days. */
export function usualGap(days: Day[]): number | null {
  return new Set(days).size >= MIN_TOUCH_DAYS ? median(dayGaps(days)) : null;
}


/** What the shell can count over people and touches without bringing every touch into JavaScript. */
export interface StatsCounts {
  contacts: number;
  /** People touched in the last 30 days (today included: date > today − 30). */
  touched_30d: number;
  touched_90d: number;
  touched_365d: number;
  /** People never touched at all: cards collected. */
  never_touched: number;
  /** People with a rhythm (every_days ≥ 1). */
  with_rhythm: number;
  /** People with a rhythm whose last touch (or the day added) + every_days ≥ today. */
  rhythm_on_time: number;
  /** Gives and asks on touches in the last 365 days. */
  gives_365d: number;
  asks_365d: number;
}

/** The whole picture from counts (the shell gets them from SQL), touches per month and the drifting. */
export function statsFrom(counts: StatsCounts, per_month: number[], drifting: DriftingPerson[], today: Day): NetworkStats {
  const { with_rhythm, rhythm_on_time, gives_365d, asks_365d } = counts;
  return {
    contacts: counts.contacts,
    touched_30d: counts.touched_30d,
    touched_90d: counts.touched_90d,
    touched_365d: counts.touched_365d,
    never_touched: counts.never_touched,
    with_rhythm,
    rhythm_on_time,
    rhythm_kept_share: with_rhythm === 0 ? null : rhythm_on_time / with_rhythm,
    gives_365d,
    asks_365d,
    give_ask_ratio: asks_365d === 0 ? null : gives_365d / asks_365d,
    per_month,
    months: lastMonths(today),
    drifting,
  };
}

/** The counts from people and their touches: the definition that the shell's SQL must agree with. */
export function statsCounts(people: StatsPerson[], touches: StatsTouch[], today: Day): StatsCounts {
  const known = new Set(people.map((p) => p.id));
  const counted = touches.filter((t) => known.has(t.person_id) && t.date <= today);
  const days = historyDays(counted);
  const lastOf = (p: StatsPerson): Day | null => {
    const latest = (days.get(p.id) ?? []).reduce<Day | null>((max, d) => (max === null || d > max ? d : max), null);
    return latest === null || (p.last_touch !== null && p.last_touch > latest) ? p.last_touch : latest;
  };
  const touchedWithin = (n: number): number => {
    const inside = withinLast(n, today);
    return people.filter((p) => [...(days.get(p.id) ?? []), p.last_touch ?? ''].some((d) => d !== '' && inside(d))).length;
  };
  const rhythmic = people.filter((p) => p.every_days !== null && p.every_days >= 1);
  const recent = counted.filter((t) => withinLast(365, today)(t.date));
  return {
    contacts: people.length,
    touched_30d: touchedWithin(30),
    touched_90d: touchedWithin(90),
    touched_365d: touchedWithin(365),
    never_touched: people.filter((p) => lastOf(p) === null).length,
    with_rhythm: rhythmic.length,
    rhythm_on_time: rhythmic.filter((p) => daysBetween(lastOf(p) ?? p.added_on, today) <= (p.every_days ?? 0)).length,
    gives_365d: recent.filter((t) => t.give !== null).length,
    asks_365d: recent.filter((t) => t.ask !== null).length,
  };
}

function historyDays(touches: StatsTouch[]): Map<string, Day[]> {
  const days = new Map<string, Day[]>();
  for (const t of touches) {
    const list = days.get(t.person_id);
    if (list) list.push(t.date);
    else days.set(t.person_id, [t.date]);
  }
  return days;
}

/** The reference: everything from people and all their touches. */
export function networkStats(people: StatsPerson[], touches: StatsTouch[], today: Day): NetworkStats {
  const known = new Set(people.map((p) => p.id));
  const counted = touches.filter((t) => known.has(t.person_id) && t.date <= today);
  const days = historyDays(counted);
  const months = new Map<string, number>();
  for (const t of counted) months.set(t.date.slice(0, 7), (months.get(t.date.slice(0, 7)) ?? 0) + 1);
  const spans = people.map((p) => {
    const own = [...new Set(days.get(p.id) ?? [])].sort();
    const latest = own[own.length - 1] ?? null;
    const last = latest === null || (p.last_touch !== null && p.last_touch > latest) ? p.last_touch : latest;
    return { id: p.id, name: p.name, first_touch: own[0] ?? null, last_touch: last, touch_days: own.length };
  });
  return statsFrom(statsCounts(people, touches, today), perMonth(months, today), driftingFrom(spans, today), today);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * One block character per value, scaled from 0 to the largest value: 0 (and anything negative or not
 * finite) is ▁, the largest is █, and any other positive value is at least ▂, so "some" never looks
 * like "none". All zeros → all ▁; [] → ''.
 */
export function sparkline(values: number[]): string {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const max = Math.max(0, ...clean);
  return clean
    .map((v) => (v === 0 || max === 0 ? 0 : Math.max(1, Math.round((v / max) * (BARS.length - 1)))))
    .map((i) => BARS[i] ?? '▁')
    .join('');
}
