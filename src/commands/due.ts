/** rel due [--within INTERVAL] [--tag T] [--limit N] [--json] [-q] [--explain] */
import type { App } from '../main.js';
import type { Ctx } from '../context.js';
import { addDays } from '../domain/dates.js';
import { dueItems, type DueItem } from '../domain/due.js';
import { intervalDays, parseInterval } from '../domain/interval.js';
import { UsageError } from '../errors.js';
import { duePeople } from '../store/people.js';
import { openFollowUps } from '../store/touchpoints.js';
import { parseTag } from './person-fields.js';

export interface DueOptions {
  withinDays: number;
  birthdayDays: number;
  tag?: string;
  limit?: number;
}

/** The JSON shape is the item itself: the documented fields, plus score, why and note. */
export type DueView = DueItem;

export const BIRTHDAY_LOOKAHEAD_DAYS = 14;
/** How many items the table shows without --limit or --all. */
export const SCREENFUL = 20;

type RawDue = { within?: string; tag?: string; limit?: string; all?: boolean; json?: boolean; quiet?: boolean; explain?: boolean };

export function parseDueFlags(raw: { within?: string; tag?: string; limit?: string }): DueOptions {
  const within = raw.within === undefined ? undefined : intervalDays(parseInterval(raw.within));
  let limit: number | undefined;
  if (raw.limit !== undefined) {
    if (!/^\d+$/.test(raw.limit.trim()) || Number(raw.limit) < 1) throw new UsageError(`bad --limit "${raw.limit}": use a whole number, 1 or more`);
    limit = Number(raw.limit);
  }
  return {
    withinDays: within ?? 0,
    birthdayDays: within ?? BIRTHDAY_LOOKAHEAD_DAYS,
    tag: raw.tag === undefined ? undefined : parseTag(raw.tag),
    limit,
  };
}

export function register(app: App): void {
  app.program
    .command('due')
    .description('who to reach out to: overdue rhythms, follow-ups, birthdays; most urgent first')
    .option('--within <interval>', 'also what comes due within this time (2w); birthdays within it instead of 14 days')
    .option('--tag <tag>', 'only people with this tag')
    .option('--limit <n>', `at most n items (the table shows ${SCREENFUL} unless --limit or --all)`)
    .option('--all', 'show every item in the table')
    .option('--json', 'print as JSON')
    .option('-q, --quiet', 'print nothing when nothing is due (for cron)')
    .option('--explain', 'show how each score was computed')
    .addHelpText(
      'after',
      `
Examples:
  rel due
  rel due --within 1w --tag friends
  0 8 * * 1-5 rel due -q        (crontab: mails you only when someone is due)`,
    )
    .action(
      app.action(async (ctx, raw: RawDue) => {
        const opts = parseDueFlags(raw);
        const items = run(opts, ctx);
        if (raw.json) return ctx.json(items);
        if (items.length === 0) {
          if (!raw.quiet) ctx.out('No one is due. Nice.');
          return;
        }
        // A morning list is read, not scrolled: a screenful unless asked for more.
        const shown = opts.limit === undefined && !raw.all ? items.slice(0, SCREENFUL) : items;
        const { dueTable } = await import('../render/due.js');
        ctx.out(dueTable(shown, ctx.today, ctx.color(), Boolean(raw.explain)));
        if (shown.length < items.length) ctx.out(`... and ${items.length - shown.length} more (rel due --all)`);
      }),
    );
}

export function run(opts: DueOptions, ctx: Ctx): DueView[] {
  const db = ctx.db();
  const window = { today: ctx.today, horizon: addDays(ctx.today, opts.withinDays), birthdayDays: opts.birthdayDays };
  const items = dueItems(duePeople(db, window, opts.tag), openFollowUps(db), {
    today: ctx.today,
    withinDays: opts.withinDays,
    birthdayDays: opts.birthdayDays,
  });
  return opts.limit === undefined ? items : items.slice(0, opts.limit);
}
