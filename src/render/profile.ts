/** The human profile of `rel show` (and the confirmation of `rel add` / `rel edit`). */
import type { Day } from '../domain/types.js';
import { paint } from './paint.js';
import { balanceText, birthdayText, plural, relativeDay, rhythm } from './words.js';
import type { LedgerRow } from '../domain/ledger.js';
import type { Channel, Kind } from '../domain/types.js';
import type { PersonWithLastTouch } from '../domain/types.js';

export interface PersonView extends Omit<PersonWithLastTouch, 'snoozed_until'> {
  short_id: string;
  snoozed_until: Day | null;
  facts: { text: string; date: Day }[];
  /** `intro_to`: for an introduction (rel intro), the name of the person they were introduced to. */
  touchpoints: { date: Day; via: Channel; note: string | null; give: Kind | null; ask: Kind | null; with: string[]; intro_to: string | null }[];
  follow_ups: { date: Day; note: string | null }[];
  ledger: Omit<LedgerRow, 'id' | 'name'>;
}

export function profile(p: PersonView, today: Day, color: boolean, recent = 5): string {
  const c = paint(color);
  const lines: string[] = [];
  const work = [p.title, p.company].filter(Boolean).join(' at ');
  lines.push(`${c.bold(p.name)}  ${c.dim(p.short_id)}${work ? `  ${work}` : ''}`);
  const field = (name: string, value: string) => {
    if (value) lines.push(`  ${c.dim(name.padEnd(12))}${value}`);
  };
  field('email', p.emails.join(', '));
  field('phone', p.phones.join(', '));
  field('tags', p.tags.join(', '));
  field('rhythm', rhythm(p.every_days));
  field('birthday', birthdayText(p.birthday));
  field('met', [p.met, p.met_on].filter(Boolean).join(', '));
  field('linkedin', p.linkedin_url ?? '');
  field('last touch', p.last_touch ? `${p.last_touch} (${relativeDay(p.last_touch, today)})` : 'never');
  if (p.snoozed_until && p.snoozed_until > today) field('snoozed', `until ${p.snoozed_until}`);
  const l = p.ledger;
  if (l.gives || l.asks) {
    const flag = l.asked_first ? c.yellow('  (you asked before you had given)') : '';
    field('ledger', `gave ${l.gives}, asked ${l.asks}, balance ${balanceText(l.balance)}${flag}`);
  }
  if (p.follow_ups.length) {
    lines.push('', c.bold('Follow-ups'));
    for (const f of p.follow_ups) {
      const late = f.date <= today ? c.red(f.date) : f.date;
      lines.push(`  ${late}  ${f.note ?? ''}`.trimEnd());
    }
  }
  if (p.facts.length) {
    lines.push('', c.bold('Remember'));
    for (const f of p.facts) lines.push(`  ${c.dim(f.date)}  ${indent(f.text)}`);
  }
  if (p.touchpoints.length) {
    lines.push('', c.bold(`Touches (${p.touchpoints.length})`));
    for (const t of p.touchpoints.slice(0, recent)) {
      const tags = [t.give && c.green(`gave ${t.give}`), t.ask && c.yellow(`asked ${t.ask}`)].filter(Boolean).join(', ');
      const others = t.intro_to === null ? t.with : t.with.filter((n) => n !== t.intro_to);
      const withWhom = (t.intro_to ? ` introduced to ${t.intro_to}` : '') + (others.length ? ` with ${others.join(', ')}` : '');
      lines.push(`  ${c.dim(t.date)}  ${t.via}${withWhom}${tags ? `  [${tags}]` : ''}`);
      if (t.note) lines.push(`${' '.repeat(14)}${indent(t.note)}`);
    }
    if (p.touchpoints.length > recent) {
      lines.push(c.dim(`  ... ${plural(p.touchpoints.length - recent, 'older touch', 'older touches')} (rel show --json has all)`));
    }
  }
  return lines.join('\n');
}

const indent = (text: string) => text.replace(/\n/g, `\n${' '.repeat(14)}`);
