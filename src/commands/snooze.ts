/** rel snooze WHO WHEN: leave the person out of rel due until then. */
import { write, type App, type Ctx } from '../app.js';
import { parseFutureDay } from '../domain/dates.js';
import type { Day } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { getPerson, updatePerson } from '../store/people.js';
import { resolveWho, type Who } from './shared/who.js';

export function register(app: App): void {
  app.program
    .command('snooze')
    .argument('<who>', 'a name (or part of one) or an id')
    .argument('<when>', 'an interval (2w, 1m) or a date (YYYY-MM-DD); "off" to wake them now')
    .description('leave a person out of rel due until then')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  rel snooze maya 2w\n  rel snooze maya 2027-01-10\n  rel snooze maya off')
    .action(
      app.action(async (ctx, who: string, when: string, opts: { json?: boolean }) => {
        const until = when.trim().toLowerCase() === 'off' ? null : parseFutureDay(when, ctx.today);
        if (until !== null && until <= ctx.today) throw new UsageError(`snooze until ${until}? pick a day after today`);
        const person = await resolveWho(ctx, who);
        const changed = run({ person, until }, ctx);
        if (opts.json) return ctx.json({ id: person.id, name: person.name, snoozed_until: until, changed });
        if (!changed) return ctx.out(`${person.name} is not snoozed: nothing to do.`);
        ctx.out(until ? `${person.name} is snoozed until ${until}.` : `${person.name} is no longer snoozed.`);
      }),
    );
}

/** Snoozes or wakes a person; false (and nothing written, no undo entry) when waking someone not snoozed. */
export function run(opts: { person: Who; until: Day | null }, ctx: Ctx): boolean {
  const db = ctx.db();
  const now = getPerson(db, opts.person.id)?.snoozed_until ?? null;
  if (opts.until === null && (now === null || now <= ctx.today)) return false;
  write(ctx, 'snooze', opts.until ? `snooze: ${opts.person.name} until ${opts.until}` : `snooze: ${opts.person.name} off`, () => {
    const p = getPerson(db, opts.person.id);
    if (!p) throw new UsageError(`no person with id ${opts.person.id}`);
    updatePerson(db, { ...p, snoozed_until: opts.until, updated_at: ctx.nowIso });
  });
  return true;
}
