/** rel log WHO... [-m TEXT] [--via CHANNEL] [--on DATE] [--give KIND] [--ask KIND] [--follow-up WHEN] */
import { write, type App, type Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { newId } from '../store/ids.js';
import { parseFutureDay, parsePastDay } from '../domain/dates.js';
import { cleanNote } from '../domain/text.js';
import { CHANNELS, KINDS, type Channel, type Day, type Kind, type Touchpoint } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { FollowUpMode } from '../domain/follow-ups.js';
import { blankPerson } from '../domain/person.js';
import { insertPerson } from '../store/people.js';
import { closeFollowUpsBy, hasGivenTo, hasSameTouch, insertFollowUp, insertTouchpoint } from '../store/touchpoints.js';
import { askForLog } from './shared/log-prompt.js';
import { paragraphs } from './shared/options.js';
import { parseChannel, parseKind } from './shared/touch-fields.js';
import { resolveAll } from './shared/who.js';
import type { LogOptions } from './shared/log-prompt.js';

export interface RawLog {
  message?: string;
  via?: string;
  on?: string;
  give?: string;
  ask?: string;
  followUp?: string;
  keepFollowUp?: boolean;
  closeFollowUp?: boolean;
  json?: boolean;
}

/** The touch as logged (its fields as a Touchpoint has them), and what logging it did. */
export interface LogView extends Pick<Touchpoint, 'group_id' | 'date' | 'via' | 'note' | 'give' | 'ask'> {
  follow_up: Day | null;
  people: { id: string; name: string; touchpoint_id: string; added: boolean }[];
  /** Follow-ups this touch closed. */
  closed_follow_ups: number;
  /** Follow-ups set before this touch that are still open after it (the new one not counted). */
  open_follow_ups: number;
  /** People asked of before anything was ever given to them. */
  asked_before_giving: string[];
}

/**
 * Checks the flags once, at the edge. People are resolved separately (they need the database).
 * `defaults.via` is the channel when --via is not given (log.via in rel config; else meeting).
 */
export function parseLogFlags(raw: RawLog, today: Day, defaults: { via?: Channel } = {}): Omit<LogOptions, 'people'> {
  if (raw.keepFollowUp && raw.closeFollowUp) {
    throw new UsageError('--keep-follow-up and --close-follow-up disagree: use one of them');
  }
  const date = parsePastDay(raw.on ?? 'today', today);
  return {
    note: raw.message === undefined || raw.message.trim() === '' ? null : cleanNote(raw.message),
    via: parseChannel(raw.via ?? defaults.via ?? 'meeting'),
    date,
    give: raw.give === undefined ? null : parseKind(raw.give, 'give'),
    ask: raw.ask === undefined ? null : parseKind(raw.ask, 'ask'),
    followUp: raw.followUp === undefined ? null : parseFutureDay(raw.followUp, date, today),
    followUpMode: raw.keepFollowUp ? 'keep' : raw.closeFollowUp ? 'close' : 'auto',
  };
}

export function register(app: App): void {
  const cmd = app.program
    .command('log')
    .argument('[who...]', 'the people you met (one touch each); none: ask in a terminal')
    .description('log a touch: a meeting, call, message... with what was said, given or asked')
    .option('-m, --message <text>', 'what was said, what to pick up next time (repeated: one paragraph each)', paragraphs)
    .option('--via <channel>', `how: ${CHANNELS.join(', ')} (default: meeting, or log.via in rel config)`)
    .option('--on <date>', 'when: YYYY-MM-DD, today, yesterday, "3 days ago", "2 weeks ago", a weekday', 'today')
    .option('--give <kind>', `you gave: ${KINDS.join(', ')}`)
    .option('--ask <kind>', `you asked: ${KINDS.join(', ')}`)
    .option('--follow-up <when>', 'follow up on a day (friday, next week: from today) or after an interval (2w: from the touch); shows in rel due')
    .option('--keep-follow-up', 'leave their open follow-ups open (a touch on a later day closes them)')
    .option('--close-follow-up', 'close their open follow-ups, even one set today: it is done')
    .option('--json', 'print what was logged as JSON')
    .addHelpText(
      'after',
      `
A touch closes the person's open follow-ups that were set on an earlier day; one the same day never
does. --keep-follow-up keeps them open; --close-follow-up closes them, the same day too.

Examples:
  rel log maya -m "coffee; she is hiring in Lisbon" --give intro --follow-up 2w
  rel log "tomás" ana --via call --on yesterday
  rel log leo -m "lunch at Rossio" -m "he moves to Porto in June"   (two paragraphs)
  rel log ravi --via message -m "sent the deck" --close-follow-up
  rel log            (in a terminal: asks for everything, and can add someone new)`,
    );
  cmd.action(
    app.action(async (ctx, who: string[], raw: RawLog) => {
      let opts: LogOptions;
      if (who.length === 0) {
        if (!ctx.deps.stdinIsTTY) {
          ctx.err(cmd.helpInformation().split('\n')[0]!);
          throw new UsageError('who? name at least one person (rel log asks only in a terminal)');
        }
        opts = await askForLog(ctx);
      } else {
        const flags = parseLogFlags(raw, ctx.today, { via: loadConfig(ctx.deps)['log.via'] });
        opts = { ...flags, people: await resolveAll(ctx, who) };
      }
      const repeat = repeatOf(opts, ctx);
      if (repeat && ctx.deps.stdinIsTTY) {
        if (!(await ctx.deps.prompt.confirm({ message: `You already logged ${repeat}. Log it again?`, default: false }))) {
          return ctx.out('Nothing logged.');
        }
      }
      const view = run(opts, ctx);
      if (repeat && !ctx.deps.stdinIsTTY) ctx.err(`rel: warning: you already logged ${repeat}; logged it again (rel undo takes it back)`);
      for (const name of view.asked_before_giving) {
        ctx.err(`reminder: you have not given anything to ${name} yet — give before you ask`);
      }
      if (raw.json) return ctx.json(view);
      const names = view.people.map((p) => p.name).join(', ');
      const extra = [
        ...view.people.filter((p) => p.added).map((p) => `added ${p.name}`),
        view.give && `gave ${view.give}`,
        view.ask && `asked ${view.ask}`,
        view.follow_up && `follow up on ${view.follow_up}`,
        view.closed_follow_ups > 0 && `closed ${view.closed_follow_ups} follow-up${view.closed_follow_ups > 1 ? 's' : ''}`,
        view.open_follow_ups > 0 && `${view.open_follow_ups} earlier follow-up${view.open_follow_ups > 1 ? 's' : ''} still open`,
      ].filter(Boolean);
      ctx.out(`Logged a ${view.via} with ${names} on ${view.date}${extra.length ? ` (${extra.join('; ')})` : ''}.`);
    }),
  );
}

export function run(opts: LogOptions, ctx: Ctx): LogView {
  const db = ctx.db();
  const group = newId();
  return write(ctx, 'log', (v: LogView) => `log: a ${v.via} with ${v.people.map((p) => p.name).join(', ')} on ${v.date}`, () => {
    const touch = { group_id: group, date: opts.date, via: opts.via, note: opts.note, give: opts.give, ask: opts.ask };
    const view: LogView = {
      ...touch,
      follow_up: opts.followUp,
      people: [],
      closed_follow_ups: 0,
      open_follow_ups: 0,
      asked_before_giving: [],
    };
    for (const person of opts.people) {
      if (person.add) insertPerson(db, { ...blankPerson(person.id, person.name, ctx.today, ctx.nowIso), every_days: person.add.every_days });
      if (opts.ask && !opts.give && !hasGivenTo(db, person.id)) view.asked_before_giving.push(person.name);
      const id = newId();
      insertTouchpoint(db, { id, person_id: person.id, ...touch, created_at: ctx.nowIso });
      const followUps = closeFollowUpsBy(db, person.id, { id, date: opts.date }, opts.followUpMode, ctx.nowIso);
      view.closed_follow_ups += followUps.closed;
      view.open_follow_ups += followUps.open;
      if (opts.followUp) {
        insertFollowUp(
          db,
          { id: newId(), person_id: person.id, touchpoint_id: id, due_on: opts.followUp, note: opts.note, closed_by: null },
          ctx.nowIso,
        );
      }
      view.people.push({ id: person.id, name: person.name, touchpoint_id: id, added: Boolean(person.add) });
    }
    return view;
  });
}

/**
 * The same person, channel and note (and give and ask) already logged that day is most likely a command run twice: in a
 * terminal rel asks before logging it again; without one it logs it and says so on stderr. Returns
 * what was logged already ("a call with Maya Chen on 2026-03-04 with the same note"), or null.
 */
function repeatOf(opts: LogOptions, ctx: Ctx): string | null {
  const db = ctx.db();
  const same = { date: opts.date, via: opts.via, note: opts.note, give: opts.give, ask: opts.ask };
  const again = opts.people.filter((p) => !p.add && hasSameTouch(db, { person_id: p.id, ...same }));
  if (again.length === 0) return null;
  return `a ${opts.via} with ${again.map((p) => p.name).join(', ')} on ${opts.date}${opts.note === null ? '' : ' with the same note'}`;
}
