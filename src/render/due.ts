/** The human table of `rel due`. */
import type { DueItem } from '../domain/due.js';
import type { Day } from '../domain/types.js';
import { paint } from './paint.js';
import { DAY_WIDTH, table, type Fit } from './table.js';
import { tsvLines } from './tsv.js';
import { relativeDay, rhythm } from './words.js';

/**
 * The table: one row per item, or with `groups` (rel due --within) one row per person, their reasons
 * joined, in the order given.
 */
export function dueTable(items: DueItem[] | DueItem[][], today: Day, fit: Fit, explain: boolean): string {
  const c = paint(fit.color);
  const groups = items.map((i) => (Array.isArray(i) ? i : [i]));
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
      case 'date':
        return c.magenta(i.days_overdue === 0 ? `${i.label} today` : `${i.label} in ${-i.days_overdue}d`);
    }
  };
  const head = ['#', 'name', 'why', 'date', 'last touch', 'rhythm'];
  const rows = groups.map((g, n) => {
    const i = g[0]!;
    const row = [String(n + 1), c.bold(i.name), g.map(what).join(', '), i.date, relativeDay(i.last_touch, today), rhythm(i.every_days)];
    const note = g.find((x) => x.note)?.note;
    if (explain) row.push(c.dim(g.map((x) => x.why).join('; ')));
    else if (note) row.push(c.dim(note.split('\n')[0]!.slice(0, 40)));
    return row;
  });
  // Narrow terminals lose the note first, then rhythm, last touch and date; never the number or why.
  const cut = { '#': 0, name: 1, why: 0, date: 2, 'last touch': 2, rhythm: 2 } as Record<string, number>;
  // A date and a last touch ("104 days ago") are whole or not at all: "17 days a…" says nothing.
  const min = { date: DAY_WIDTH, 'last touch': Infinity } as Record<string, number>;
  const cols = [...head.map((h) => ({ head: h, cut: cut[h], min: min[h] })), { head: explain ? 'score' : '', cut: 3 }];
  return table(cols, rows, fit);
}

/** The item as a phrase: "overdue 12 days (every 2w)", "follow-up, 3 days late: send the deck". */
function duePhrase(i: DueItem): string {
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const when = (what: string) => (i.days_overdue === 0 ? `${what} today` : `${what} in ${days(-i.days_overdue)}`);
  const note = i.note ? `: ${[...i.note.split('\n')[0]!.replace(/\s+/g, ' ').trim()].slice(0, 60).join('')}` : '';
  switch (i.reason) {
    case 'overdue':
      return `${i.days_overdue > 0 ? `overdue ${days(i.days_overdue)}` : when('due')}${i.every_days === null ? '' : ` (${rhythm(i.every_days)})`}`;
    case 'follow-up':
      return `${i.days_overdue > 0 ? `follow-up, ${days(i.days_overdue)} late` : when('follow-up')}${note}`;
    case 'birthday':
      return when('birthday');
    case 'date': // an important date (rel date): "wedding in 3 days"
      return when(i.label ?? 'date');
  }
}

/** `rel due --format plain`: one line per item, no colour; for notify-send, mail and status bars. */
export function duePlain(items: DueItem[]): string {
  return items.map((i) => `${i.name} — ${duePhrase(i)}`).join('\n');
}

/** The columns of `rel due --format tsv`: the JSON field names, in the JSON's order. */
const TSV_FIELDS = {
  id: true, name: true, reason: true, date: true, last_touch: true, every_days: true, days_overdue: true,
  score: true, why: true, note: true, label: true,
} satisfies Record<keyof DueItem, true>;

/** `rel due --format tsv`: a header row of the JSON field names, then one row per item. */
export function dueTsv(items: DueItem[]): string {
  return [...tsvLines(items, Object.keys(TSV_FIELDS) as (keyof DueItem)[])].join('\n');
}
