/** rel due [--within INTERVAL|week] [--tag T] [--limit N] [--json | --format table|plain|tsv|json] [-q] [--explain] */
import { Option } from 'commander';
import type { App, Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { addDays } from '../domain/dates.js';
import { dueItemOf, mostUrgent, type DueItem, type RankedDue } from '../domain/due.js';
import { intervalDays, parseInterval } from '../domain/interval.js';
import { daysLeftInWeek, type Weekday } from '../domain/settings.js';
import type { Day } from '../domain/types.js';
import { QuietExit } from '../errors.js';
import { countSnoozed, duePeople } from '../store/people.js';
import { dueDates } from '../store/insight.js';
import { dueFollowUps } from '../store/touchpoints.js';
import { FORMATS, parseFormat, parseLimit, type Format } from './shared/output.js';
import { parseTag } from './shared/person-fields.js';

export interface DueOptions {
  withinDays: number;
  birthdayDays: number;
  tag?: string;
  limit?: number;
}

export const BIRTHDAY_LOOKAHEAD_DAYS = 14;
/** How many items the table shows without --limit or --all. */
export const SCREENFUL = 20;

type RawDue = { within?: string; tag?: string; limit?: string; all?: boolean; json?: boolean; quiet?: boolean; exitStatus?: boolean; explain?: boolean; format?: Format };


/** Defaults from rel config: the birthday look-ahead; today and the first day of the week for --within week. */
export interface DueDefaults {
  birthdayDays: number;
  today?: Day;
  weekStart?: Weekday;
}

/** --within: an interval, or `week`: up to the last day of this week (week.start in rel config). */
function parseWithin(text: string, defaults: DueDefaults): number {
  if (/^\s*(this\s+)?week\s*$/i.test(text) && defaults.today) return daysLeftInWeek(defaults.today, defaults.weekStart ?? 'monday');
  return intervalDays(parseInterval(text));
}

export function parseDueFlags(
  raw: { within?: string; tag?: string; limit?: string },
  defaults: DueDefaults = { birthdayDays: BIRTHDAY_LOOKAHEAD_DAYS },
): DueOptions {
  const within = raw.within === undefined ? undefined : parseWithin(raw.within, defaults);
  const limit = parseLimit(raw.limit);
  return {
    withinDays: within ?? 0,
    birthdayDays: within ?? defaults.birthdayDays,
    tag: raw.tag === undefined ? undefined : parseTag(raw.tag),
    limit,
  };
}

export function register(app: App): void {
  app.program
    .command('due')
    .description('who to reach out to: overdue rhythms, follow-ups, birthdays; most urgent first')
    .option('--within <interval>', 'also what comes due within this time (2w; week: to the end of this week); birthdays within it, not 14 days (rel config)')
    .option('--tag <tag>', 'only people with this tag')
    .option('--limit <n>', `at most n items (the table shows ${SCREENFUL} unless --limit or --all)`)
    .option('--all', 'show every item in the table')
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(
      new Option('--format <format>', 'table; or one line per item, no colour: plain (for notify-send, mail, status bars), tsv (a header row of the JSON field names), json').choices(FORMATS),
    )
    .option('-q, --quiet', 'print nothing at all when nothing is due, whatever the format (for cron)')
    .option('--exit-status', 'exit 0 when someone is due, 1 when no one is (for scripts: rel due -q --exit-status || ...)')
    .option('--explain', 'show how each score was computed')
    .addHelpText(
      'after',
      `
Examples:
  rel due
  rel due --within 1w --tag friends
  notify-send "rel: who is due" "$(rel due --format plain --limit 5)"
  0 8 * * 1-5 rel due -q        (crontab: mails you only when someone is due)
  rel due -q --exit-status && notify-send "rel" "someone is due"`,
    )
    .action(
      app.action(async (ctx, raw: RawDue) => {
        const format = parseFormat(raw);
        const settings = loadConfig(ctx.deps);
        const opts = parseDueFlags(raw, { birthdayDays: settings['due.birthday-days'], today: ctx.today, weekStart: settings['week.start'] });
        // Only the items printed are put in order: a table's screenful (or --limit), everything for a
        // format that lists all and for the calendar of --within, which orders them by date itself.
        const calendar = format === 'table' && raw.within !== undefined;
        const printed = calendar ? Infinity : format === 'table' && !raw.all ? (opts.limit ?? SCREENFUL) : (opts.limit ?? Infinity);
        const { first, count } = rank(opts, ctx, printed);
        const listed = Math.min(count, opts.limit ?? Infinity); // the items --limit lets through
        if (listed > 0 || !raw.quiet) await show(first, listed, format, opts, raw, ctx);
        if (listed === 0 && raw.exitStatus) throw new QuietExit(1, 'no one is due');
      }),
    );
}

/**
 * Prints the items in the chosen format (the empty list too: `[]`, a tsv header, "No one is due"). `first`
 * are the most urgent items, in order, as many as are printed (a table's screenful unless --limit or --all:
 * a morning list is read, not scrolled); `listed` is how many items there are, cut to --limit. The table
 * also says how many people are snoozed; with --within it is a calendar: in date order, one line per
 * person, whose --limit counts people, not items, so `first` is then every item. Only what is printed is
 * written out (dueItemOf).
 */
async function show(first: RankedDue[], listed: number, format: Format, opts: DueOptions, raw: RawDue, ctx: Ctx): Promise<void> {
  const written = (some: RankedDue[]) => some.map((r) => dueItemOf(r, opts));
  if (format === 'json') return ctx.json(written(first));
  if (format === 'plain' || format === 'tsv') {
    const { duePlain, dueTsv } = await import('../render/due.js');
    const text = format === 'plain' ? duePlain(written(first)) : dueTsv(written(first));
    if (text !== '') ctx.out(text);
    return;
  }
  const snoozed = countSnoozed(ctx.db(), ctx.today, opts.tag);
  const asleep = snoozed === 0 ? '' : `${snoozed} snoozed (rel list shows until when; rel snooze WHO off wakes one)`;
  if (listed === 0) return ctx.out(asleep ? `No one is due. Nice. ${asleep}.` : 'No one is due. Nice.');
  let shown: DueItem[] | DueItem[][];
  let total: number;
  if (raw.within === undefined) {
    shown = written(first);
    total = listed;
  } else {
    const days = (await import('../domain/due-calendar.js')).byPersonInDateOrder(written(first)).slice(0, opts.limit);
    shown = opts.limit === undefined && !raw.all ? days.slice(0, SCREENFUL) : days;
    total = days.length;
  }
  const { dueTable } = await import('../render/due.js');
  ctx.out(dueTable(shown, ctx.today, ctx.fit(), Boolean(raw.explain)));
  if (shown.length < total) ctx.out(`... and ${total - shown.length} more (rel due --all)`);
  if (asleep) ctx.out(asleep);
}

/** The `k` most urgent items (all of them when k is Infinity), in order, not yet written out, and how many are due in all. */
function rank(opts: DueOptions, ctx: Ctx, k: number): { first: RankedDue[]; count: number } {
  const db = ctx.db();
  const window = { today: ctx.today, horizon: addDays(ctx.today, opts.withinDays), birthdayDays: opts.birthdayDays };
  const dates = dueDates(db, window, opts.tag); // important dates (rel date), with their people
  const rankOpts = { today: ctx.today, withinDays: opts.withinDays, birthdayDays: opts.birthdayDays };
  return mostUrgent([...duePeople(db, window, opts.tag), ...dates.people], dueFollowUps(db, window.horizon), rankOpts, dates.dates, k);
}
