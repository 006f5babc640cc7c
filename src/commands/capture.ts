/** rel capture [SOURCE...] [--since DATE] [--dry-run] [--json] [--add-unknown] [--max-people N] [--received] [-q] */
import { isAbsolute, resolve } from 'node:path';
import type { App, Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { parsePastDay } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import type { CaptureOptions, CaptureResult } from './capture-run.js';

export interface RawCapture {
  since?: string;
  dryRun?: boolean;
  json?: boolean;
  addUnknown?: boolean;
  maxPeople?: string;
  received?: boolean;
  includePrivate?: boolean;
  quiet?: boolean;
}

/** Checks the flags once, at the edge; with no SOURCE, the sources come from the capture.sources setting. */
export function parseCaptureFlags(args: string[], raw: RawCapture, ctx: Ctx): CaptureOptions {
  const max = raw.maxPeople === undefined ? 8 : Number(raw.maxPeople);
  if (!Number.isInteger(max) || max < 2 || max > 1000) {
    throw new UsageError(`bad --max-people "${raw.maxPeople}": use a whole number from 2 (you and one other) to 1000`);
  }
  let sources = args;
  if (sources.length === 0) {
    sources = loadConfig(ctx.deps)['capture.sources'] ?? [];
    if (sources.length === 0) {
      throw new UsageError('what to capture? name a SOURCE, or set your sources once: rel config set capture.sources ~/.calendars,~/Mail/Sent');
    }
  }
  const home = ctx.deps.home;
  return {
    sources: sources.map((s) => {
      const p = s === '~' || s.startsWith('~/') ? `${home}${s.slice(1)}` : s;
      return isAbsolute(p) ? p : resolve(p);
    }),
    since: raw.since === undefined ? null : parsePastDay(raw.since, ctx.today),
    dryRun: raw.dryRun ?? false,
    addUnknown: raw.addUnknown ?? false,
    maxPeople: max,
    received: raw.received ?? false,
    includePrivate: raw.includePrivate ?? false,
  };
}

const REASONS: Record<string, string> = {
  already_captured: 'already captured',
  before_since: 'before --since',
  not_ended: 'not over yet',
  cancelled: 'cancelled',
  declined: 'declined',
  private: 'private (--include-private)',
  all_day: 'all-day',
  too_many_people: 'more than --max-people',
  no_known_people: 'nobody in rel',
  bulk: 'list or bulk mail',
  not_mine: 'neither from nor to you',
  received: 'received (--received)',
  broken: 'broken',
};

/** The human summary: what was (or would be) written, what was skipped, who is not in rel yet. */
export function summary(r: CaptureResult, dryRun: boolean, addUnknown: boolean): string {
  const v = r.view;
  const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `${dryRun ? 'Would capture' : 'Captured'} ${s(v.touches_added, 'new touch', 'new touches')}` +
      `${v.touches_updated ? ` and update ${s(v.touches_updated, 'touch', 'touches')}` : ''}` +
      ` with ${s(v.people_touched, 'person', 'people')} from ${s(v.sources.length, 'source')}.`,
  ];
  const skipped = Object.entries(v.skipped);
  if (skipped.length > 0) lines.push(`Skipped: ${skipped.map(([k, n]) => `${n} ${REASONS[k] ?? k}`).join(', ')}.`);
  if (v.unknown.length > 0) {
    const shown = v.unknown.slice(0, 10).map((u) => `${u.name ? `${u.name} <${u.email}>` : u.email} (${u.times})`);
    const more = v.unknown.length > 10 ? `, and ${v.unknown.length - 10} more` : '';
    lines.push(
      addUnknown
        ? `${dryRun ? 'Would add' : 'Added'} ${s(r.added.length, 'person', 'people')} not in rel: ${shown.join(', ')}${more}.`
        : `Not in rel: ${shown.join(', ')}${more}. rel capture --add-unknown adds them.`,
    );
  }
  return lines.join('\n');
}

export function register(app: App): void {
  app.program
    .command('capture')
    .argument('[source...]', 'an .ics file, a folder of .ics files, an mbox file or a Maildir (default: capture.sources)')
    .description('log touches from your calendar (meetings) and mail (what you sent), from local files')
    .option('--since <date>', 'from this day (default: the day of the last capture from that source, else 90 days ago)')
    .option('--dry-run', 'write nothing; show what would be logged')
    .option('--json', 'print the summary as JSON')
    .option('--add-unknown', 'add the people you met who are not in rel (name from the invitation or the mail)')
    .option('--max-people <n>', 'skip events and mail with more people than this, you included (default: 8)')
    .option('--received', 'also count mail a known person sent you')
    .option('--include-private', 'also capture events marked private or confidential')
    .option('-q, --quiet', 'print nothing but problems (for cron)')
    .addHelpText(
      'after',
      `
Needs your own addresses once: rel config set me.emails you@example.com,you@work.example

Examples:
  rel capture ~/.calendars/work --dry-run        (a folder of .ics files, as vdirsyncer keeps it)
  rel capture ~/Downloads/calendar.ics --since 2026-01-01
  rel capture ~/Mail/Sent --received             (a Maildir, as mbsync keeps it)
  rel capture ~/Takeout/Mail/All\\ mail.mbox --json
  rel config set capture.sources ~/.calendars/work,~/Mail/Sent && rel capture -q   (from cron)`,
    )
    .action(
      app.action(async (ctx, args: string[], raw: RawCapture) => {
        const opts = parseCaptureFlags(args, raw, ctx);
        const { run } = await import('./capture-run.js');
        const result = await run(opts, ctx);
        for (const b of result.broken) ctx.err(`rel: skipped a broken ${b.what} at ${b.location}: ${b.reason}`);
        if (raw.json) return ctx.json(result.view);
        if (!raw.quiet) ctx.out(summary(result, opts.dryRun, opts.addUnknown));
      }),
    );
}
