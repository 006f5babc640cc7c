/**
 * Touches, follow-ups and important dates as iCalendar files in a calendar vdir. Pure.
 *
 *   a touch        VJOURNAL  DTSTART = the day, SUMMARY = the note, X-REL-VIA, X-REL-GIVE, X-REL-ASK,
 *                            one RELATED-TO per person (their card's UID)
 *   a follow-up    VTODO     DUE, SUMMARY = the note; COMPLETED or STATUS:COMPLETED = done
 *   a date         VEVENT    DTSTART (all day), RRULE:FREQ=YEARLY when yearly, SUMMARY = the label
 *
 * Items without RELATED-TO are not rel's (the user's own events and tasks): they are left alone.
 * Rewriting keeps every property rel does not own, as for cards (src/sync/lines.ts).
 */
import { component, eolOf, escapeValue, parseLines, rewrite, textOf as text, unescapeText, type Prop, type Wanted } from './lines.js';
import { revOf, stamp } from './card.js';

export interface TouchItem {
  date: string;
  via: string;
  note: string | null;
  give: string | null;
  ask: string | null;
  /** The people's card UIDs, sorted. */
  people: string[];
}
export interface FollowUpItem {
  due_on: string;
  note: string | null;
  person: string;
  done: boolean;
}
export interface DateItem {
  label: string;
  /** `YYYY-MM-DD`, or `--MM-DD` for a yearly date without a year. */
  date: string;
  yearly: boolean;
  person: string;
}

export type JournalItem =
  | { kind: 'touch'; rec: TouchItem }
  | { kind: 'follow_up'; rec: FollowUpItem }
  | { kind: 'date'; rec: DateItem };
export type JournalKind = JournalItem['kind'];

const COMPONENT: Record<JournalKind, string> = { touch: 'VJOURNAL', follow_up: 'VTODO', date: 'VEVENT' };

export interface ReadItem {
  uid: string | null;
  item: JournalItem;
  /** LAST-MODIFIED (or DTSTAMP) as an ISO instant. */
  modified: string | null;
}

/** A `YYYYMMDD[THHMMSS[Z]]` or `YYYY-MM-DD` value as a day; null when it is not one. */
function dayOf(value: string | undefined): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value?.trim() ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Reads the first rel item of a calendar file; null when it has none. */
export function readItem(source: string): ReadItem | null {
  const props = parseLines(source);
  for (const kind of ['touch', 'follow_up', 'date'] as const) {
    const at = component(props, COMPONENT[kind]);
    if (!at) continue;
    const own = props.slice(at.start + 1, at.end);
    const first = (name: string) => own.find((p) => p.name === name);
    const people = [...new Set(own.filter((p) => p.name === 'RELATED-TO').map((p) => unescapeText(p.value).trim()))]
      .filter(Boolean)
      .sort();
    if (people.length === 0) return null;
    const uid = text(first('UID'));
    const modified = revOf(first('LAST-MODIFIED')?.value ?? first('DTSTAMP')?.value ?? '');
    if (kind === 'touch') {
      const date = dayOf(first('DTSTART')?.value);
      if (date === null) return null;
      const rec = { date, via: text(first('X-REL-VIA'))?.toLowerCase() ?? 'other', note: text(first('SUMMARY')),
        give: text(first('X-REL-GIVE'))?.toLowerCase() ?? null, ask: text(first('X-REL-ASK'))?.toLowerCase() ?? null, people };
      return { uid, modified, item: { kind, rec } };
    }
    if (kind === 'follow_up') {
      const due = dayOf(first('DUE')?.value ?? first('DTSTART')?.value);
      if (due === null) return null;
      const done = first('COMPLETED') !== undefined || text(first('STATUS'))?.toUpperCase() === 'COMPLETED';
      return { uid, modified, item: { kind, rec: { due_on: due, note: text(first('SUMMARY')), person: people[0]!, done } } };
    }
    const start = dayOf(first('DTSTART')?.value);
    const label = text(first('X-REL-LABEL')) ?? text(first('SUMMARY'));
    if (start === null || label === null) return null;
    const yearly = /FREQ=YEARLY/i.test(first('RRULE')?.value ?? '');
    const stored = text(first('X-REL-DATE'));
    // A date without a year is written in the year 2000 and says so in X-REL-DATE; moved on a phone, it
    // stays without a year.
    const date = stored?.startsWith('--') && start.startsWith('2000-') ? `--${start.slice(5)}` : start;
    return { uid, modified, item: { kind, rec: { label, date, yearly, person: people[0]! } } };
  }
  return null;
}

const one = (name: string, value: string | null, keyOf: (p: Prop) => string = (p) => unescapeText(p.value).trim()): Wanted => ({
  name,
  items: value === null ? [] : [{ key: value, value }],
  keyOf,
});
const textOne = (name: string, value: string | null): Wanted => ({
  name,
  items: value === null ? [] : [{ key: value, value: escapeValue(value) }],
  keyOf: (p) => unescapeText(p.value).trim(),
});
const basic = (day: string) => day.replace(/-/g, '');
const dayKey = (p: Prop) => dayOf(p.value) ?? '';

function wanted(item: JournalItem, uid: string, modified: string): Wanted[] {
  const stampW: Wanted[] = [
    textOne('UID', uid),
    { name: 'LAST-MODIFIED', items: [{ key: modified, value: stamp(modified) }], keyOf: (p) => revOf(p.value) ?? '' },
  ];
  const related = (uids: string[]): Wanted => ({
    name: 'RELATED-TO',
    items: uids.map((u) => ({ key: u, value: escapeValue(u) })),
    keyOf: (p) => unescapeText(p.value).trim(),
  });
  if (item.kind === 'touch') {
    const r = item.rec;
    return [
      { ...one('DTSTART', basic(r.date), dayKey), items: [{ key: r.date, value: basic(r.date) }] },
      textOne('SUMMARY', r.note),
      one('X-REL-VIA', r.via),
      one('X-REL-GIVE', r.give),
      one('X-REL-ASK', r.ask),
      related(r.people),
      ...stampW,
    ];
  }
  if (item.kind === 'follow_up') {
    const r = item.rec;
    return [
      { ...one('DUE', basic(r.due_on), dayKey), items: [{ key: r.due_on, value: basic(r.due_on) }] },
      textOne('SUMMARY', r.note ?? 'Follow up'),
      one('STATUS', r.done ? 'COMPLETED' : 'NEEDS-ACTION', (p) => p.value.trim().toUpperCase()),
      { name: 'COMPLETED', items: r.done ? [{ key: 'done', value: stamp(modified) }] : [], keyOf: () => 'done' },
      related([r.person]),
      ...stampW,
    ];
  }
  const r = item.rec;
  const start = r.date.startsWith('--') ? `2000${r.date.slice(1)}` : r.date;
  return [
    { ...one('DTSTART', basic(start), dayKey), items: [{ key: start, value: basic(start) }] },
    textOne('SUMMARY', r.label),
    textOne('X-REL-LABEL', r.label),
    one('X-REL-DATE', r.date),
    one('RRULE', r.yearly ? 'FREQ=YEARLY' : null, (p) => p.value.trim().toUpperCase()),
    related([r.person]),
    ...stampW,
  ];
}

/** The file for `item`: `previous` rewritten, keeping what rel does not own, or a new VCALENDAR. */
export function writeItem(item: JournalItem, uid: string, modified: string, previous: string | null): string {
  const name = COMPONENT[item.kind];
  const props = previous === null ? null : parseLines(previous);
  const at = props && component(props, name);
  if (props && at) return rewrite(props, at.start, at.end, wanted(item, uid, modified), eolOf(previous!));
  const dates = item.kind === 'touch' || item.kind === 'date' ? ';VALUE=DATE' : '';
  const due = item.kind === 'follow_up' ? ';VALUE=DATE' : '';
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//rel//sync//EN', `BEGIN:${name}`, `UID:${escapeValue(uid)}`,
    `DTSTAMP:${stamp(modified)}`,
    // Placeholders carrying the parameters an all-day value needs; rewrite() fills in the values.
    ...(dates ? [`DTSTART${dates}:0`] : []),
    ...(due ? [`DUE${due}:0`] : []),
    `END:${name}`, 'END:VCALENDAR',
  ];
  const fresh = parseLines(`${lines.join('\r\n')}\r\n`);
  const c = component(fresh, name)!;
  return rewrite(fresh, c.start, c.end, wanted(item, uid, modified), '\r\n');
}
