/**
 * rel brief WHO [--json]: what to read in the minute before meeting someone, on one screen: how you
 * know them, what to remember, where you left off, what you owe and gave, what is coming up.
 */
import type { App, Ctx } from '../app.js';
import { upcomingDates, type UpcomingDate } from '../domain/important-dates.js';
import type { LedgerRow } from '../domain/ledger.js';
import type { Channel, Day, Kind } from '../domain/types.js';
import { RelError } from '../errors.js';
import { datesOf, introNamesOf, metOn, wishes } from '../store/insight.js';
import { getPerson } from '../store/people.js';
import type { PersonWithLastTouch } from '../domain/types.js';
import { countTouchpoints, factsOf, openFollowUps, touchpointsOf } from '../store/touchpoints.js';
import { personLedger } from './shared/person-ledger.js';
import { resolveWho } from './shared/who.js';
import type { BriefView } from '../render/brief.js';

/** Dates (and the birthday) show when they fall within this many days. */
export const BRIEF_DATE_DAYS = 60;
/** Where you left off: this many of the latest touches, with their notes. */
export const BRIEF_TOUCHES = 3;

export function register(app: App): void {
  app.program
    .command('brief')
    .argument('<who...>', 'a name (or part of one; quotes not needed) or an id')
    .description('one screen before you meet someone: context, notes, where you left off')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel brief maya\n  rel brief maya --json | jq .last_touches')
    .action(
      app.action(async (ctx, who: string[], opts: { json?: boolean }) => {
        const view = run((await resolveWho(ctx, who)).id, ctx);
        if (opts.json) return ctx.json(view);
        const { brief } = await import('../render/brief.js');
        ctx.out(brief(view, ctx.today, ctx.color()));
      }),
    );
}

export function run(id: string, ctx: Ctx): BriefView {
  const db = ctx.db();
  const p = getPerson(db, id);
  if (!p) throw new RelError(`person ${id} vanished (removed by another rel?)`);
  const intros = introNamesOf(db, id);
  const { id: _id, name: _name, entries, ...row } = personLedger({ id, name: p.name }, ctx);
  const lastGive = entries.filter((e) => e.type === 'give').pop();
  const open = (kind: 'need' | 'offer') => wishes(db, kind, { personId: id }).map((w) => ({ id: w.id, text: w.text }));
  return {
    ...p,
    short_id: id.slice(0, 8),
    met_on: metOn(db, id),
    facts: factsOf(db, id).map((f) => ({ text: f.text, date: f.date })),
    touches: countTouchpoints(db, id),
    last_touches: touchpointsOf(db, id, BRIEF_TOUCHES).map((t) => ({
      date: t.date, via: t.via, note: t.note, give: t.give, ask: t.ask, intro_to: intros.get(t.id) ?? null,
    })),
    follow_ups: openFollowUps(db, id).map((f) => ({ date: f.due_on, note: f.note })),
    ledger: { ...row, last_given: lastGive ? { date: lastGive.date, kind: lastGive.kind, note: lastGive.note } : null },
    dates: upcomingDates(p.birthday, datesOf(db, id), ctx.today, BRIEF_DATE_DAYS),
    needs: open('need'),
    offers: open('offer'),
  };
}
