/** Pure wording shared by the human renderers. */
import { dayParts, daysBetween } from '../domain/dates.js';
import { formatEvery } from '../domain/interval.js';
import type { Day, Problem } from '../domain/types.js';

export const shortId = (id: string) => id.slice(0, 8);

/** "today", "yesterday", "3 days ago", "in 5 days", "tomorrow". */
export function relativeDay(day: Day | null, today: Day): string {
  if (day === null) return 'never';
  const d = daysBetween(day, today);
  if (d === 0) return 'today';
  if (d === 1) return 'yesterday';
  if (d === -1) return 'tomorrow';
  return d > 0 ? `${d} days ago` : `in ${-d} days`;
}

export const rhythm = (every: number | null) => (every === null ? '' : `every ${formatEvery(every)}`);

/** `--MM-DD` birthdays are shown as "14 Mar"-style month-day without a year. */
export function birthdayText(b: string | null): string {
  if (b === null) return '';
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = dayParts(b);
  if (!p) return b;
  const text = `${p.day} ${months[p.month - 1]}`;
  return p.year === null ? text : `${text} ${String(p.year).padStart(4, '0')}`;
}

/** A ledger balance: "+3", "-2", and "even" for 0 (never "+0"). */
export const balanceText = (n: number) => (n > 0 ? `+${n}` : n === 0 ? 'even' : String(n));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A problem of an imported file as one line: "line 12: no name". A rel export's problems already name
 * the field's whole path ("people[3].touchpoints[0].date: ..."), so theirs is not said twice.
 */
export function problemText(p: Problem): string {
  const named = p.why.startsWith(p.where) && (p.why[p.where.length] === ':' || p.why[p.where.length] === '.');
  return named ? p.why : `${p.where}: ${p.why}`;
}
