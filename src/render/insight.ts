/** The human views of `rel date`, `rel need`, `rel offer` and `rel match`. */
import type { Day } from '../domain/types.js';
import { paint } from './paint.js';
import { table, type Fit } from './table.js';
import { birthdayText, relativeDay } from './words.js';
import type { Match } from '../domain/match.js';
import type { WishKind } from '../domain/types.js';

export interface WishView {
  id: string;
  kind: WishKind;
  person_id: string;
  /** The person's name. */
  name: string;
  text: string;
  created_at: string;
  /** The day it was closed (met or withdrawn), or null while open. */
  closed_on: string | null;
}

/** The JSON shape: `{need: {id, person_id, name, text}, offer: {...}, score, why}`, most promising first. */
export type MatchView = Match;

export interface DateView {
  id: string;
  person_id: string;
  name: string;
  label: string;
  /** As stored: `YYYY-MM-DD`, or `--MM-DD` for a yearly date without a year. */
  date: string;
  yearly: boolean;
  /** When it next falls (today included), or null for a one-off date that has passed. */
  next: Day | null;
}

/** "every year on 3 May (since 2021)", "on 12 Sep 2026", "every year on 14 Jun". */
export function dateWords(d: { date: string; yearly: boolean }): string {
  const text = birthdayText(d.date);
  if (!d.yearly) return `on ${text}`;
  const since = /^\d{4}-/.test(d.date) ? ` (since ${d.date.slice(0, 4)})` : '';
  return `every year on ${text.replace(/ \d{4}$/, '')}${since}`;
}

export function dateList(name: string, dates: DateView[], today: Day, fit: Fit): string {
  if (dates.length === 0) return `No dates for ${name}. Add one: rel date "${name}" "work anniversary" 2021-05-03 --yearly`;
  const c = paint(fit.color);
  const rows = dates.map((d) => [
    c.dim(d.id.slice(0, 8)),
    c.bold(d.label),
    dateWords(d),
    d.next === null ? c.dim('passed') : d.next === today ? c.magenta('today') : `next ${d.next} (${relativeDay(d.next, today)})`,
  ]);
  return table([{ head: 'id', cut: 2 }, { head: 'label', cut: 1 }, { head: 'when', cut: 2 }, 'next'], rows, fit);
}

export function wishList(kind: 'need' | 'offer', list: WishView[], name: string | null, fit: Fit): string {
  const whose = name === null ? '' : ` of ${name}`;
  if (list.length === 0) {
    return `No open ${kind}s${whose}. Add one: rel ${kind} ${name === null ? 'WHO' : `"${name}"`} ${kind === 'need' ? 'looking for...' : 'can help with...'}`;
  }
  const c = paint(fit.color);
  const rows = list.map((w) => [
    c.dim(w.id.slice(0, 8)),
    ...(name === null ? [c.bold(w.name)] : []),
    w.closed_on === null ? w.text : c.dim(`${w.text} (closed ${w.closed_on})`),
  ]);
  return table([{ head: 'id', cut: 2 }, ...(name === null ? [{ head: 'who', cut: 1 }] : []), { head: kind, cut: 3 }], rows, fit);
}

const quote = (name: string) => (/^[\p{L}\p{N}._-]+$/u.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`);

export function matchList(matches: MatchView[], color: boolean): string {
  if (matches.length === 0) {
    return 'No matches yet. Note what people need and offer: rel need WHO TEXT, rel offer WHO TEXT';
  }
  const c = paint(color);
  const lines: string[] = [];
  matches.forEach((m, i) => {
    if (i > 0) lines.push('');
    lines.push(`${String(i + 1).padStart(2)}. ${c.bold(m.need.name)} needs ${c.cyan(m.need.text)}`);
    lines.push(`    ${c.bold(m.offer.name)} offers ${c.green(m.offer.text)}`);
    lines.push(`    ${c.dim(`why: ${m.why} (score ${m.score.toFixed(2)})`)}`);
    lines.push(`    ${c.dim(`rel intro ${quote(m.need.name)} ${quote(m.offer.name)}`)}`);
  });
  return lines.join('\n');
}
