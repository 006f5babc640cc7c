/** The human views of `rel stats` and `rel suggest`. */
import { sparkline } from '../domain/stats.js';
import { formatEvery } from '../domain/interval.js';
import type { Day } from '../domain/types.js';
import { paint } from './paint.js';
import { table, type Fit } from './table.js';
import { plural, relativeDay } from './words.js';
import type { NetworkStats } from '../domain/stats.js';
import type { Suggestion } from '../domain/suggest.js';

/** The JSON shape: `{id, name, every_days, suggested_days, touches, reason}`; every_days is the rhythm now. */
export type SuggestView = Suggestion;

/** The JSON shape is NetworkStats itself (domain/stats.ts). */
export type StatsView = NetworkStats;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
/** 12,345 (by hand: toLocaleString loads ICU, ~7 ms of a cold start). */
const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const share = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`);

export function statsReport(s: StatsView, today: Day, fit: Fit): string {
  const c = paint(fit.color);
  const lines: string[] = [];
  const field = (name: string, text: string) => lines.push(`  ${c.dim(name.padEnd(15))}${text}`);
  lines.push(`${c.bold(`${n(s.contacts)} ${s.contacts === 1 ? 'contact' : 'contacts'}`)}`);
  if (s.contacts === 0) return `${lines[0]}\n\nNo one yet. Add someone: rel add "Maya Chen" --every 1m`;
  field('touched', `${n(s.touched_30d)} in 30 days${share(s.touched_30d, s.contacts)}, ${n(s.touched_90d)} in 90${share(s.touched_90d, s.contacts)}, ${n(s.touched_365d)} in a year${share(s.touched_365d, s.contacts)}`);
  field('never touched', `${n(s.never_touched)}${share(s.never_touched, s.contacts)}${s.never_touched ? c.dim('  cards collected, not relationships') : ''}`);
  field('rhythms kept', s.with_rhythm === 0
    ? c.dim('no one has a rhythm (rel suggest proposes some)')
    : `${n(s.rhythm_on_time)} of ${n(s.with_rhythm)} on time${share(s.rhythm_on_time, s.with_rhythm)}`);
  const ratio = s.give_ask_ratio === null ? '' : `: ${s.give_ask_ratio.toFixed(1)} gives for each ask`;
  field('gave / asked', `${n(s.gives_365d)} / ${n(s.asks_365d)} in the last year${ratio}`);

  const max = Math.max(0, ...s.per_month);
  lines.push('', `${c.bold('Touches per month')}  ${c.dim(`${monthName(s.months[0] ?? '')} – ${monthName(s.months.at(-1) ?? '')}`)}`);
  lines.push(`  ${c.cyan(sparkline(s.per_month))}  ${c.dim(`most ${n(max)}, this month so far ${n(s.per_month.at(-1) ?? 0)}`)}`);
  lines.push(`  ${c.dim(s.months.map((m) => MONTHS[Number(m.slice(5, 7)) - 1]![0]).join(''))}`);

  lines.push('', c.bold('Drifting'), c.dim('  the longest silences against your usual gap with them'));
  if (s.drifting.length === 0) lines.push('  No one: you keep up with people about as often as you used to.');
  else {
    const rows = s.drifting.map((d) => [
      c.bold(d.name),
      `${d.last_touch} (${relativeDay(d.last_touch, today)})`,
      plural(d.usual_gap_days, 'day'),
      c.yellow(`${d.ratio.toFixed(1)}x`),
    ]);
    const width = fit.width === undefined ? undefined : fit.width - 2;
    const cols = [{ head: 'name', cut: 1 }, { head: 'last touch', cut: 2 }, { head: 'usual gap', cut: 2 }, 'silence'];
    lines.push(table(cols, rows, { ...fit, width }).replace(/^/gm, '  '));
  }
  return lines.join('\n');
}

const every = (days: number | null) => (days === null || days <= 0 ? 'none' : `every ${formatEvery(days)}`);

export function suggestList(list: SuggestView[], fit: Fit): string {
  if (list.length === 0) return 'No suggestions: a rhythm is suggested after 3 touches on different days in 2 years, when none is set or it is far off.';
  const c = paint(fit.color);
  const rows = list.map((s) => [c.bold(s.name), every(s.every_days), c.green(every(s.suggested_days)), c.dim(s.reason)]);
  const cols = [{ head: 'name', cut: 1 }, { head: 'now', cut: 2 }, 'suggested', { head: 'why', cut: 3 }];
  return `${table(cols, rows, fit)}\n\nrel suggest --accept sets them all; rel suggest --accept WHO... only some.`;
}

export function acceptedList(done: SuggestView[]): string {
  if (done.length === 0) return 'Nothing to accept: rel suggest has no suggestions.';
  const lines = done.map((s) => `  ${s.name}: ${every(s.suggested_days)} (was ${every(s.every_days)})`);
  return `Set ${plural(done.length, 'rhythm')}:\n${lines.join('\n')}\nrel undo takes ${done.length === 1 ? 'it' : 'them'} back.`;
}
