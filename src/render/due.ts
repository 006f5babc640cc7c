/** The human table of `rel due`. */
import type { DueItem } from '../domain/due.js';
import type { Day } from '../domain/types.js';
import { columns } from './columns.js';
import { paint } from './paint.js';
import { relativeDay, rhythm } from './words.js';

export function dueTable(items: DueItem[], today: Day, color: boolean, explain: boolean): string {
  const c = paint(color);
  const what = (i: DueItem) => {
    switch (i.reason) {
      case 'overdue':
        return (i.every_days !== null && i.days_overdue >= i.every_days ? c.red : c.yellow)(
          i.days_overdue > 0 ? `overdue ${i.days_overdue}d` : i.days_overdue === 0 ? 'due today' : `due in ${-i.days_overdue}d`,
        );
      case 'follow-up':
        return c.cyan(i.days_overdue > 0 ? `follow-up, ${i.days_overdue}d late` : i.days_overdue === 0 ? 'follow-up today' : `follow-up in ${-i.days_overdue}d`);
      case 'birthday':
        return c.magenta(i.days_overdue === 0 ? 'birthday today' : `birthday in ${-i.days_overdue}d`);
    }
  };
  const head = ['#', 'name', 'why', 'date', 'last touch', 'rhythm'];
  const rows = items.map((i, n) => {
    const row = [String(n + 1), c.bold(i.name), what(i), i.date, relativeDay(i.last_touch, today), rhythm(i.every_days)];
    if (explain) row.push(c.dim(i.why));
    else if (i.note) row.push(c.dim(i.note.split('\n')[0]!.slice(0, 40)));
    return row;
  });
  return columns((explain ? [...head, 'score'] : [...head, '']).map((h) => c.bold(h)), rows);
}
