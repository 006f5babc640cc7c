/** The views of `rel list`: a table, plain lines, or TSV; written as they are made. */
import type { Format } from './format.js';
import type { Day, ListedPerson, ListShape } from '../domain/types.js';
import { DAY_WIDTH, map, streamedTableLines, widest, writeLines, type Fit } from './table.js';
import { tsvLines } from './tsv.js';
import { relativeDay, rhythm, shortId } from './words.js';

export type ListItem = ListedPerson;

/** The TSV columns: the JSON field names, in the JSON's order. */
const FIELDS = ['id', 'name', 'tags', 'every_days', 'last_touch', 'company', 'emails'] as const satisfies readonly (keyof ListItem)[];

/**
 * Writes everyone as they are read (`people`: none held), in the columns `shape` measured before the
 * first row (store/people.ts listShape).
 */
export function writePeople(write: (text: string) => void, shape: ListShape, people: Iterable<ListItem>, format: Exclude<Format, 'json'>, today: Day, fit: Fit): void {
  if (format === 'tsv') return writeLines(write, tsvLines(people, FIELDS));
  if (format === 'plain') return writeLines(write, map(people, (p) => plainLine(p, today)));
  // Thousands of people share a few hundred last-touch days: each day is put in words once.
  const days = new Map<Day | null, string>();
  const ago = (d: Day | null) => days.get(d) ?? days.set(d, relativeDay(d, today)).get(d)!;
  const { ascii, other } = shape;
  const snoozes = shape.rhythms.some((r) => r.snoozed_until !== null);
  const natural = [
    widest(map(other, (p) => shortId(p.id)), ascii.id),
    widest(map(other, (p) => p.name), ascii.name),
    widest(map(other, (p) => p.company ?? ''), ascii.company),
    widest(map(shape.tags, (t) => t.join(', '))),
    widest(map(shape.rhythms, (r) => rhythm(r.every_days))),
    ...(snoozes ? [DAY_WIDTH] : []),
    widest(map(shape.lastTouches, ago)),
  ];
  writeLines(write, streamedTableLines(peopleColumns(snoozes), natural, map(people, (p) => personCells(p, ago, snoozes)), fit));
}

/**
 * rel list's columns, with the day a snooze ends ("snoozed") while anyone's snooze is running. On a
 * narrow terminal the snooze's day, the tags and the company give way first, then the id, then the
 * rhythm; the name stays (cut last), and so does the last touch.
 */
export const peopleColumns = (snoozes: boolean) => [
  { head: 'id', cut: 3 },
  { head: 'name', cut: 1 },
  { head: 'company', cut: 3 },
  { head: 'tags', cut: 3 },
  { head: 'rhythm', cut: 2, min: 8 },
  ...(snoozes ? [{ head: 'snoozed', cut: 3, min: DAY_WIDTH }] : []),
  'last touch',
];

/** A person's cells in peopleColumns(snoozes); `ago` puts the last touch in words. */
export function personCells(p: ListItem, ago: (d: Day | null) => string, snoozes: boolean): string[] {
  const cells = [shortId(p.id), p.name, p.company ?? '', p.tags.join(', '), rhythm(p.every_days)];
  if (snoozes) cells.push(p.snoozed_until ?? '');
  cells.push(ago(p.last_touch));
  return cells;
}

/** "every 2w, snoozed until 2026-12-01" (a plain line): a snoozed person is marked, so no one disappears unseen. */
function rhythmAndSnooze(p: ListItem): string {
  return [rhythm(p.every_days), p.snoozed_until && `snoozed until ${p.snoozed_until}`].filter(Boolean).join(', ');
}

/** "Maya Chen (Acme) — every 2w, last touch 3 days ago". */
function plainLine(p: ListItem, today: Day): string {
  const company = p.company ? ` (${p.company})` : '';
  const every = p.every_days === null && !p.snoozed_until ? '' : `${rhythmAndSnooze(p)}, `;
  return `${p.name}${company} — ${every}${p.last_touch === null ? 'never touched' : `last touch ${relativeDay(p.last_touch, today)}`}`;
}
