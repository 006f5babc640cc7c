/** The human view of `rel brief`: one screen, the most useful first; longer lists are cut with a pointer. */
import type { UpcomingDate } from '../domain/important-dates.js';
import type { Day } from '../domain/types.js';
import { paint } from './paint.js';
import { balanceText, birthdayText, plural, relativeDay, rhythm } from './words.js';
import type { LedgerRow } from '../domain/ledger.js';
import type { Channel, Kind } from '../domain/types.js';
import type { PersonWithLastTouch } from '../domain/types.js';

export interface BriefView extends PersonWithLastTouch {
  short_id: string;
  /** The day you met or connected, when known (imports set it). */
  met_on: Day | null;
  facts: { text: string; date: Day }[];
  /** How many touches there are in all. */
  touches: number;
  /**
   * The latest touches. Who else was at a meeting is left out (rel show has it): finding them needs a
   * pass over every touchpoint, as there is no index on group_id, which would cost a brief its speed.
   */
  last_touches: { date: Day; via: Channel; note: string | null; give: Kind | null; ask: Kind | null; intro_to: string | null }[];
  follow_ups: { date: Day; note: string | null }[];
  /** The ledger line, and what you gave last. */
  ledger: Omit<LedgerRow, 'id' | 'name'> & { last_given: { date: Day; kind: Kind; note: string | null } | null };
  /** The birthday and important dates within BRIEF_DATE_DAYS days, soonest first. */
  dates: UpcomingDate[];
  needs: { id: string; text: string }[];
  offers: { id: string; text: string }[];
}

const MAX_FACTS = 5;
const MAX_FOLLOW_UPS = 3;
const MAX_DATES = 4;
const MAX_WISHES = 3;
/** A touch's note shows at most this many lines, each cut to this width. */
const NOTE_LINES = 2;
const WIDTH = 100;

const cut = (text: string, width = WIDTH) => ([...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text);
const pad = 14;

/** `text` in lines of at most `width` characters, broken at spaces where it can be; '' stays one empty line. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = [...text.trimEnd()];
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const at = space > 0 ? space : width;
    out.push(rest.slice(0, at).join('').trimEnd());
    rest = rest.slice(space > 0 ? at + 1 : at);
  }
  out.push(rest.join(''));
  return out;
}

/** "in 6 days, turns 40" / "today, 5 years". */
export function dateWhen(d: UpcomingDate, today: Day): string {
  const years = d.years === null ? '' : d.label === 'birthday' ? `, turns ${d.years}` : `, ${plural(d.years, 'year')}`;
  return `${birthdayText(d.next).replace(/ \d{4}$/, '')} (${relativeDay(d.next, today)}${years})`;
}

export function brief(v: BriefView, today: Day, color: boolean): string {
  const c = paint(color);
  const lines: string[] = [];
  const more = (n: number, what: string) => lines.push(c.dim(`  ... ${plural(n, what)} more (rel show ${v.short_id})`));
  const field = (name: string, parts: (string | false | null | undefined)[]) => {
    const text = parts.filter(Boolean).join(' · ');
    if (text) lines.push(`  ${c.dim(name.padEnd(10))}${text}`);
  };
  const work = [v.title, v.company].filter(Boolean).join(' at ');
  lines.push(`${c.bold(v.name)}  ${c.dim(v.short_id)}${work ? `  ${work}` : ''}`);
  field('how', [v.met && cut(v.met, 60), v.met_on && `met ${v.met_on}`, `added ${v.added_on}`]);
  field('reach', [[...v.emails, ...v.phones].slice(0, 3).join(', ')]);
  field('tags', [v.tags.join(', ')]);
  if (v.birthday && !v.dates.some((d) => d.id === null)) field('birthday', [birthdayText(v.birthday)]);
  const last = v.last_touch ? `last touch ${v.last_touch} (${relativeDay(v.last_touch, today)})` : 'never touched';
  field('touches', [rhythm(v.every_days), last, plural(v.touches, 'touch', 'touches')]);
  const l = v.ledger;
  if (l.gives || l.asks) {
    const gave = l.last_given && `last gave ${l.last_given.kind} on ${l.last_given.date}`;
    const flag = l.asked_first && c.yellow('you asked before you had given');
    field('ledger', [`gave ${l.gives}, asked ${l.asks}, balance ${balanceText(l.balance)}`, gave, flag]);
  }

  if (v.facts.length) {
    lines.push('', c.bold('Remember'));
    for (const f of v.facts.slice(0, MAX_FACTS)) {
      // A fact is shown whole: its later lines (and a long line's overflow) indented under the first.
      const [first = '', ...rest] = f.text.split('\n').flatMap((line) => wrap(line, WIDTH));
      lines.push(`  ${c.dim(f.date)}  ${first}`, ...rest.map((s) => `${' '.repeat(pad)}${s}`.trimEnd()));
    }
    if (v.facts.length > MAX_FACTS) more(v.facts.length - MAX_FACTS, 'fact');
  }
  if (v.last_touches.length) {
    lines.push('', c.bold('Where you left off'));
    for (const t of v.last_touches) {
      const who = t.intro_to ? `introduced to ${t.intro_to}` : '';
      const tags = [t.give && c.green(`gave ${t.give}`), t.ask && c.yellow(`asked ${t.ask}`)].filter(Boolean).join(', ');
      lines.push(`  ${c.dim(t.date)}  ${t.via}${who ? ` ${who}` : ''}${tags ? `  [${tags}]` : ''}  ${c.dim(relativeDay(t.date, today))}`);
      const note = (t.note ?? '').split('\n').filter((s) => s.trim() !== '');
      for (const s of note.slice(0, NOTE_LINES)) lines.push(`${' '.repeat(pad)}${cut(s)}`);
      if (note.length > NOTE_LINES) lines.push(`${' '.repeat(pad)}${c.dim('…')}`);
    }
  }
  if (v.follow_ups.length) {
    lines.push('', c.bold('Follow-ups'));
    for (const f of v.follow_ups.slice(0, MAX_FOLLOW_UPS)) {
      lines.push(`  ${f.date <= today ? c.red(f.date) : f.date}  ${cut((f.note ?? '').split('\n')[0]!)}`.trimEnd());
    }
    if (v.follow_ups.length > MAX_FOLLOW_UPS) more(v.follow_ups.length - MAX_FOLLOW_UPS, 'follow-up');
  }
  if (v.dates.length) {
    lines.push('', c.bold('Coming up'));
    const width = Math.max(...v.dates.slice(0, MAX_DATES).map((d) => [...d.label].length)) + 2;
    for (const d of v.dates.slice(0, MAX_DATES)) {
      const when = dateWhen(d, today);
      lines.push(`  ${d.label.padEnd(width)}${d.days === 0 ? c.magenta(when) : when}`);
    }
    if (v.dates.length > MAX_DATES) lines.push(c.dim(`  ... ${plural(v.dates.length - MAX_DATES, 'date')} more (rel date ${v.short_id})`));
  }
  for (const [title, list] of [['Needs', v.needs], ['Offers', v.offers]] as const) {
    if (!list.length) continue;
    lines.push('', `${c.bold(title)}${c.dim('  (rel match pairs them)')}`);
    for (const w of list.slice(0, MAX_WISHES)) lines.push(`  ${c.dim(w.id.slice(0, 8))}  ${cut(w.text)}`);
    if (list.length > MAX_WISHES) lines.push(c.dim(`  ... ${list.length - MAX_WISHES} more (rel ${title === 'Needs' ? 'need' : 'offer'} ${v.short_id})`));
  }
  return lines.join('\n');
}
