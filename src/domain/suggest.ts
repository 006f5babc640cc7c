/**
 * Rhythm suggestions from history: how often you really are in touch with someone, rounded to a
 * friendly rhythm, for people without one and for people whose rhythm is far from the truth.
 * Pure: `today` is an argument.
 */
import { withinLast } from './dates.js';
import { formatEvery } from './interval.js';
import { byNameThenId, usualGap } from './stats.js';
import type { Day } from './types.js';

export interface SuggestPerson {
  id: string;
  name: string;
  every_days: number | null;
}

export interface SuggestTouch {
  person_id: string;
  date: Day;
}

export interface Suggestion {
  id: string;
  name: string;
  /** The rhythm set now, or null. */
  every_days: number | null;
  /** One of FRIENDLY_RHYTHMS. */
  suggested_days: number;
  /** Touches in the window the suggestion is based on, several on one day counting once. */
  touches: number;
  /** e.g. `you set every 1w but touch about every 1m (usually 31 days apart)`. */
  reason: string;
}

/** The rhythms a suggestion is rounded to: 1w, 2w, 1m, 2m, 3m, 6m, 1y. */
export const FRIENDLY_RHYTHMS = [7, 14, 30, 60, 90, 180, 365] as const;
/** Only touches in the last this many days (2 years; today included) count. */
export const SUGGEST_WINDOW_DAYS = 730;
/** A set rhythm is shown when suggested / set is at least this, or at most its inverse. */
export const MISMATCH_FACTOR = 2;

/** The friendly rhythm nearest to `days` on a log scale (a tie goes to the shorter one). */
export function friendlyRhythm(days: number): number {
  let best: number = FRIENDLY_RHYTHMS[0];
  for (const r of FRIENDLY_RHYTHMS) {
    if (Math.abs(Math.log(days / r)) < Math.abs(Math.log(days / best))) best = r;
  }
  return best;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : word.endsWith('h') ? 'es' : 's'}`;

/**
 * A suggestion for everyone with at least 3 distinct touch days in the last 2 years: all people
 * without a rhythm (most touched first), then those whose rhythm is at least twice or at most half
 * the suggestion (most touched first); ties by name, then id.
 */
export function suggestRhythms(people: SuggestPerson[], touches: SuggestTouch[], today: Day): Suggestion[] {
  const days = new Map<string, Day[]>();
  for (const t of touches) {
    const list = days.get(t.person_id);
    if (list) list.push(t.date);
    else days.set(t.person_id, [t.date]);
  }
  return suggestFromDays(people, days, today);
}

/** As suggestRhythms, from each person's touch days (any order, repeats allowed; outside the window ignored). */
export function suggestFromDays(people: SuggestPerson[], days: ReadonlyMap<string, Day[]>, today: Day): Suggestion[] {
  const inWindow = withinLast(SUGGEST_WINDOW_DAYS, today);
  const out: (Suggestion & { group: number })[] = [];
  for (const p of people) {
    const own = (days.get(p.id) ?? []).filter(inWindow);
    const gap = usualGap(own);
    if (gap === null) continue;
    const suggested = friendlyRhythm(Math.max(gap, 1));
    const count = new Set(own).size;
    const usually = `usually ${plural(Math.round(gap), 'day')} apart, ${plural(count, 'touch')} in 2 years`;
    const set = p.every_days !== null && p.every_days > 0 ? p.every_days : null;
    const base = { id: p.id, name: p.name, every_days: p.every_days, suggested_days: suggested, touches: count };
    if (set === null) {
      const reason = `no rhythm set; you touch about every ${formatEvery(suggested)} (${usually})`;
      out.push({ ...base, group: 0, reason });
    } else if (suggested / set >= MISMATCH_FACTOR || suggested / set <= 1 / MISMATCH_FACTOR) {
      const reason = `you set every ${formatEvery(set)} but touch about every ${formatEvery(suggested)} (${usually})`;
      out.push({ ...base, group: 1, reason });
    }
  }
  return out
    .sort((a, b) => a.group - b.group || b.touches - a.touches || byNameThenId(a, b))
    .map(({ group: _group, ...s }) => s);
}
