/**
 * rel intro A B [-m TEXT] [--on DATE] [--via CHANNEL] [--json]: an introduction you made between two
 * people. Like `rel log A B --give intro`: one touch and one give for each, logged together (one group
 * id), and each touch names the other person (intro_to), so that `rel show` of either says whom.
 */
import { write, type App, type Ctx } from '../app.js';
import { parsePastDay } from '../domain/dates.js';
import { cleanNote } from '../domain/text.js';
import { CHANNELS, type Channel, type Day } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { newId } from '../store/ids.js';
import { setIntroTo } from '../store/insight.js';
import { closeFollowUpsBy, insertTouchpoint } from '../store/touchpoints.js';
import { parseChannel } from './shared/touch-fields.js';
import { paragraphs } from './shared/options.js';
import { resolveWho, type Who } from './shared/who.js';

export interface IntroOptions {
  a: Who;
  b: Who;
  note: string | null;
  date: Day;
  via: Channel;
}

export interface IntroView {
  group_id: string;
  date: Day;
  via: Channel;
  note: string | null;
  /** Each side: their touchpoint and whom they were introduced to. */
  people: { id: string; name: string; touchpoint_id: string; intro_to: { id: string; name: string } }[];
  /** Follow-ups of either that this touch closed. */
  closed_follow_ups: number;
}

type RawIntro = { message?: string; on?: string; via?: string; json?: boolean };

export function register(app: App): void {
  app.program
    .command('intro')
    .argument('<a>', 'one person (a name, part of one, or an id)')
    .argument('<b>', 'the person you introduced them to')
    .description('log an introduction you made: a touch and a give for each, linked')
    .option('-m, --message <text>', 'why you introduced them, what each should know (repeated: one paragraph each)', paragraphs)
    .option('--on <date>', 'when: YYYY-MM-DD, today, yesterday, "3 days ago", a weekday', 'today')
    .option('--via <channel>', `how: ${CHANNELS.join(', ')}`, 'email')
    .option('--json', 'print what was logged as JSON')
    .addHelpText(
      'after',
      `
Examples:
  rel intro ana bob -m "Ana is looking for a backend job; Bob hires in Lisbon"
  rel intro "maya chen" tomás --on yesterday --via message
  rel match      (finds introductions worth making)`,
    )
    .action(
      app.action(async (ctx, a: string, b: string, raw: RawIntro) => {
        const date = parsePastDay(raw.on ?? 'today', ctx.today);
        const via = parseChannel(raw.via ?? 'email');
        const note = raw.message === undefined || raw.message.trim() === '' ? null : cleanNote(raw.message);
        const first = await resolveWho(ctx, a);
        const second = await resolveWho(ctx, b);
        if (first.id === second.id) throw new UsageError(`${first.name} cannot be introduced to themselves: name two different people`);
        const view = run({ a: first, b: second, note, date, via }, ctx);
        if (raw.json) return ctx.json(view);
        const closed = view.closed_follow_ups > 0 ? `; closed ${view.closed_follow_ups} follow-up${view.closed_follow_ups > 1 ? 's' : ''}` : '';
        ctx.out(`Introduced ${first.name} and ${second.name} on ${view.date} (a give for each${closed}).`);
      }),
    );
}

export function run(opts: IntroOptions, ctx: Ctx): IntroView {
  const db = ctx.db();
  const group = newId();
  const pairs: [Who, Who][] = [[opts.a, opts.b], [opts.b, opts.a]];
  return write(ctx, 'intro', `intro: ${opts.a.name} and ${opts.b.name} on ${opts.date}`, () => {
    const view: IntroView = { group_id: group, date: opts.date, via: opts.via, note: opts.note, people: [], closed_follow_ups: 0 };
    for (const [person, other] of pairs) {
      const id = newId();
      insertTouchpoint(db, {
        id, person_id: person.id, group_id: group, date: opts.date, via: opts.via, note: opts.note, give: 'intro', ask: null,
        created_at: ctx.nowIso,
      });
      setIntroTo(db, id, other.id);
      view.closed_follow_ups += closeFollowUpsBy(db, person.id, { id, date: opts.date }, 'auto', ctx.nowIso).closed;
      view.people.push({ id: person.id, name: person.name, touchpoint_id: id, intro_to: { id: other.id, name: other.name } });
    }
    return view;
  });
}
