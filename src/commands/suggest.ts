/**
 * rel suggest [--accept [WHO...]] [--json]: rhythms from the history of touches, for people without one
 * and where the rhythm set is far from the real one. --accept sets them all (or only WHO's) in one change,
 * which rel undo takes back.
 */
import { write, type App, type Ctx } from '../app.js';
import { addDays } from '../domain/dates.js';
import { SUGGEST_WINDOW_DAYS, suggestFromDays, type Suggestion } from '../domain/suggest.js';
import { UsageError } from '../errors.js';
import { recentTouchDays, rhythms, setRhythm } from '../store/network.js';
import { resolveAll, type Who } from './shared/who.js';
import type { SuggestView } from '../render/stats.js';
import { formatOption, parseFormat, printList, QUIET, type RawOutput } from './shared/output.js';

type RawSuggest = { accept?: boolean | string[] } & RawOutput;

export function register(app: App): void {
  app.program
    .command('suggest')
    .description('rhythms from how often you really are in touch; --accept sets them')
    .option('--accept [who...]', 'set the suggested rhythms: all of them, or only these people\'s')
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(formatOption('who, the rhythm suggested, and why'))
    .option(...QUIET)
    .addHelpText(
      'after',
      `
Examples:
  rel suggest
  rel suggest --accept             (every suggestion, in one change: rel undo takes it back)
  rel suggest --accept maya jose   (only theirs; anyone without a suggestion is named and left as is)`,
    )
    .action(
      app.action(async (ctx, raw: RawSuggest) => {
        const format = parseFormat(raw);
        const render = await import('../render/stats.js');
        if (raw.accept === undefined) {
          const list = run(ctx);
          const { formatEvery } = await import('../domain/interval.js');
          return printList(ctx, list, format, Boolean(raw.quiet), {
            fields: ['id', 'name', 'every_days', 'suggested_days', 'touches', 'reason'],
            plain: (x) => `${x.name} — every ${formatEvery(x.suggested_days)}: ${x.reason}`,
            table: () => render.suggestList(list, ctx.fit()),
          });
        }
        const only = Array.isArray(raw.accept) ? await resolveAll(ctx, raw.accept) : undefined;
        const { done, skipped } = accept(ctx, only);
        if (skipped.length) ctx.err(`rel: ${noSuggestion(skipped)}; left as it was`);
        if (format === 'json') return ctx.json(done);
        ctx.out(render.acceptedList(done));
      }),
    );
}

export function run(ctx: Ctx): SuggestView[] {
  const db = ctx.db();
  const since = addDays(ctx.today, -SUGGEST_WINDOW_DAYS);
  return suggestFromDays(rhythms(db), recentTouchDays(db, since, ctx.today), ctx.today);
}

const noSuggestion = (people: Who[]) =>
  `no suggestion for ${people.map((w) => w.name).join(', ')} (rel suggest needs 3 touches on different days in 2 years)`;

/**
 * Sets the suggested rhythm of everyone suggested, or of `only` those people who have a suggestion;
 * the others are `skipped` (a UsageError when no one of `only` has one: nothing to do). Returns the
 * suggestions applied, every_days as it was before.
 */
export function accept(ctx: Ctx, only?: Who[]): { done: SuggestView[]; skipped: Who[] } {
  const all = run(ctx);
  let chosen = all;
  let skipped: Who[] = [];
  if (only !== undefined) {
    skipped = only.filter((w) => !all.some((s) => s.id === w.id));
    chosen = all.filter((s) => only.some((w) => w.id === s.id));
    if (chosen.length === 0) throw new UsageError(`${noSuggestion(skipped)}; nothing was changed`);
  }
  if (chosen.length === 0) return { done: [], skipped };
  const db = ctx.db();
  const who = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} people`;
  write(ctx, 'suggest', `suggest: rhythms for ${who}`, () => {
    for (const s of chosen) setRhythm(db, s.id, s.suggested_days, ctx.nowIso);
  });
  return { done: chosen, skipped };
}
