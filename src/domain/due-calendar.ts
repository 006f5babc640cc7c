/**
 * `rel due --within`: a look ahead, read as a calendar. Its items are shown in date order, and a
 * person who is due for several reasons in the window (overdue, a birthday, a follow-up) is one line.
 * Pure.
 */
import { byUrgency, type DueItem } from './due.js';

/**
 * The items grouped by person: each group in date order (then urgency), the groups ordered by their
 * earliest item (then urgency, so the order is total).
 */
export function byPersonInDateOrder(items: DueItem[]): DueItem[][] {
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byUrgency(a, b)));
  const groups = new Map<string, DueItem[]>();
  for (const i of sorted) {
    const g = groups.get(i.id);
    if (g) g.push(i);
    else groups.set(i.id, [i]);
  }
  return [...groups.values()];
}
