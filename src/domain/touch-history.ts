/**
 * Touch histories for `rel stats`: touches per month and who is drifting away, in one pass over every
 * touch of the network (200,000 in the benchmark), on day numbers and without an allocation per touch.
 * Pure: `today` is an argument. The definitions are those of networkStats (stats.ts), which uses this.
 */
import { addDays, dayNumber } from './dates.js';
import { foldName } from './names.js';
import type { Day } from './types.js';

export interface DriftingPerson {
  id: string;
  name: string;
  last_touch: Day;
  /** The median gap between consecutive touch days, rounded to whole days. */
  usual_gap_days: number;
  /** Days from the last touch to today. */
  gap_days: number;
  /** gap_days / usual_gap_days, rounded to 2 decimals. */
  ratio: number;
}

/** A current gap at least this many times the usual gap is drifting. */
export const DRIFT_RATIO = 1.5;
export const DRIFT_LIMIT = 10;
/** Touch days needed before a usual gap means anything (so at least two gaps). */
export const MIN_TOUCH_DAYS = 3;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Folded name, then name, then id: the stable order used everywhere in rel. */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  cmp(foldName(a.name), foldName(b.name)) || cmp(a.name, b.name) || cmp(a.id, b.id);
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

/**
 * Everyone's touches, packed (the benchmark has 200,000: one typed array, not an array per person, so
 * the garbage collector has nothing to copy): person i has id `ids[i]` and the day numbers (dayNumber)
 * `days[starts[i]]` to `days[starts[i + 1] - 1]`, a touch a row (a day may repeat), in any order.
 */
export interface TouchHistories {
  ids: string[];
  /** ids.length + 1 offsets into days. */
  starts: Int32Array;
  days: Int32Array;
  /** The stored last touch of person i, when known; the later of it and the touches is the last touch. */
  lastTouch?: (Day | null)[];
}

/** Packs day lists (as group_concat joins them: `YYYY-MM-DD` joined by commas) by person. */
export function packHistories(rows: [id: string, joinedDays: string | null][]): TouchHistories {
  const lists = rows.map(([, joined]) => joined ?? '');
  const starts = new Int32Array(rows.length + 1);
  let total = 0;
  for (let i = 0; i < lists.length; i++) {
    starts[i] = total;
    const list = lists[i]!;
    total += list === '' ? 0 : list.length % 11 === 10 ? (list.length + 1) / 11 : countCommas(list) + 1;
  }
  starts[lists.length] = total;
  const days = new Int32Array(total);
  for (let i = 0; i < lists.length; i++) writeDayNumbers(lists[i]!, days, starts[i]!);
  return { ids: rows.map(([id]) => id), starts, days };
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  return n;
}

/**
 * Writes the day numbers of `YYYY-MM-DD` days joined by commas into `out` from `at`, read by character
 * codes (cutting 200,000 dates into strings first costs more than the rest of rel stats); anything
 * irregular goes through dayNumber, which throws on what is not a day.
 */
export function writeDayNumbers(joined: string, out: Int32Array, at: number): void {
  if (joined === '') return;
  const c = (i: number) => joined.charCodeAt(i) - 48;
  let regular = joined.length % 11 === 10;
  for (let o = 0, k = at; regular && o < joined.length; o += 11, k++) {
    if (joined.charCodeAt(o + 4) !== 45 || joined.charCodeAt(o + 7) !== 45 || (o > 0 && joined.charCodeAt(o - 1) !== 44)) regular = false;
    else out[k] = civil(c(o) * 1000 + c(o + 1) * 100 + c(o + 2) * 10 + c(o + 3), c(o + 5) * 10 + c(o + 6), c(o + 8) * 10 + c(o + 9));
  }
  if (!regular) joined.split(',').forEach((d, i) => (out[at + i] = dayNumber(d)));
}

/** A drifting person before names are known (the shell looks up only these). */
export type DriftCandidate = Omit<DriftingPerson, 'name'>;

export interface HistoryScan {
  /** Touches per calendar month, the 12 months up to and including today's, oldest first. */
  per_month: number[];
  /** Ranked by ratio, then gap: DRIFT_LIMIT of them, and any tied with the last (names break those ties). */
  drifting: DriftCandidate[];
}

/** dayNumber's arithmetic on parsed numbers (H. Hinnant's days_from_civil). */
function civil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

export function scanHistories(h: TouchHistories, today: Day): HistoryScan {
  const todayN = dayNumber(today);
  const starts = lastMonths(today).map((m) => dayNumber(`${m}-01`));
  const first = starts[0]!;
  const perMonth = starts.map(() => 0);
  let gaps = new Float64Array(256);
  const found: (DriftCandidate & { last: number; stored: Day | null })[] = [];
  for (let p = 0; p < h.ids.length; p++) {
    let days = h.days.subarray(h.starts[p]!, h.starts[p + 1]!);
    for (let i = 1; i < days.length; i++) {
      if (days[i]! < days[i - 1]!) {
        days = days.slice().sort();
        break;
      }
    }
    let k = 0;
    let prev = Number.NaN;
    for (let i = 0; i < days.length; i++) {
      const d = days[i]!;
      if (d > todayN) break; // ascending: the rest are after today
      if (d >= first) {
        let m = starts.length - 1;
        while (starts[m]! > d) m--;
        perMonth[m]! += 1;
      }
      if (d === prev) continue;
      if (!Number.isNaN(prev)) {
        if (k === gaps.length) {
          const bigger = new Float64Array(k * 2);
          bigger.set(gaps);
          gaps = bigger;
        }
        gaps[k++] = d - prev;
      }
      prev = d;
    }
    if (k + 1 < MIN_TOUCH_DAYS) continue;
    const sorted = gaps.subarray(0, k).sort(); // the scratch buffer: sorted in place, no copy per person
    const usual = k % 2 === 1 ? sorted[(k - 1) / 2]! : (sorted[k / 2 - 1]! + sorted[k / 2]!) / 2;
    const storedDay = h.lastTouch?.[p] ?? null;
    const stored = storedDay ? dayNumber(storedDay) : Number.NEGATIVE_INFINITY;
    const last = Math.max(prev, stored);
    const usual_gap_days = Math.max(1, Math.round(usual));
    const gap_days = todayN - last;
    const ratio = gap_days / usual_gap_days;
    if (ratio < DRIFT_RATIO) continue;
    found.push({ id: h.ids[p]!, last, stored: stored >= prev ? storedDay : null, last_touch: '', usual_gap_days, gap_days, ratio: round2(ratio) });
  }
  const byNumbers = (a: DriftCandidate, b: DriftCandidate) => b.ratio - a.ratio || b.gap_days - a.gap_days;
  found.sort(byNumbers);
  const cut = found[DRIFT_LIMIT - 1];
  const drifting = found
    .filter((d, i) => i < DRIFT_LIMIT || (cut !== undefined && byNumbers(d, cut) === 0))
    .map(({ id, last, stored, usual_gap_days, gap_days, ratio }) => ({
      id, last_touch: stored ?? addDays(today, last - todayN), usual_gap_days, gap_days, ratio,
    }));
  return { per_month: perMonth, drifting };
}

/** The drifting list with names, ties broken by name then id, at most DRIFT_LIMIT. */
export function nameDrifting(candidates: DriftCandidate[], names: ReadonlyMap<string, string>): DriftingPerson[] {
  return candidates
    .map((d) => ({ id: d.id, name: names.get(d.id) ?? '', last_touch: d.last_touch, usual_gap_days: d.usual_gap_days, gap_days: d.gap_days, ratio: d.ratio }))
    .sort((a, b) => b.ratio - a.ratio || b.gap_days - a.gap_days || byNameThenId(a, b))
    .slice(0, DRIFT_LIMIT);
}
