/** rel merge WHO PERSON [--json]: join two records of one person (an import's "possible duplicates"). */
import { write, type App, type Ctx } from '../app.js';
import { joinPeople } from '../domain/join.js';
import { UsageError } from '../errors.js';
import { getPerson } from '../store/people.js';
import { movePerson, type Moved } from '../store/join.js';
import { shortId } from '../render/words.js';
import { resolveWho, type Who } from './shared/who.js';

export interface MergeView {
  id: string;
  name: string;
  merged: Who;
  moved: Moved;
}

export function register(app: App): void {
  app.program
    .command('merge')
    .argument('<who>', 'the person who stays (a name, part of one, or an id)')
    .argument('<person>', 'the person merged into WHO and removed')
    .description('join two records of one person: every touch, fact, give, ask, email, phone and tag is kept')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
WHO's name and fields stay; PERSON's emails, phones and tags are added, a field WHO lacks is taken
from PERSON, and every touch, fact, follow-up, date, need and offer of PERSON becomes WHO's.
rel undo puts both back.

Examples:
  rel merge 3f2a9c1e 7b10d4e2      (the ids rel import lists under "possible duplicates")
  rel merge "Maya Chen" "M Chen"    (the same Maya, as her card on your phone names her)`,
    )
    .action(
      app.action(async (ctx, keep: string, other: string, opts: { json?: boolean }) => {
        const kept = await resolveWho(ctx, keep);
        // The second WHO never names the first again; when it can name no one else, say why.
        const merged = await resolveWho(ctx, other, kept.id).catch(async (e: unknown) => {
          if ((await resolveWho(ctx, other).catch(() => null))?.id === kept.id) return kept;
          throw e;
        });
        const view = run({ keep: kept, other: merged }, ctx);
        if (opts.json) return ctx.json(view);
        const parts = (
          [['touchpoints', 'touch', 'touches'], ['facts', 'fact', 'facts'], ['follow_ups', 'follow-up', 'follow-ups'],
            ['dates', 'date', 'dates'], ['wishes', 'need or offer', 'needs and offers']] as const
        ).filter(([k]) => view.moved[k] > 0).map(([k, one, many]) => `${view.moved[k]} ${view.moved[k] === 1 ? one : many}`);
        const label = (p: Who) => `${p.name} (${shortId(p.id)})`;
        const same = view.moved.same_meeting;
        const joined = same > 0 ? `; ${same} meeting${same === 1 ? '' : 's'} they were both logged at made one touch` : '';
        ctx.out(`Merged ${label(view.merged)} into ${label(view)}: ${parts.length > 0 ? `${parts.join(', ')} moved` : 'nothing else to move'}${joined}. rel undo puts them back.`);
      }),
    );
}

export function run(opts: { keep: Who; other: Who }, ctx: Ctx): MergeView {
  const { keep, other } = opts;
  if (keep.id === other.id) throw new UsageError(`cannot merge ${keep.name} with themselves`);
  const db = ctx.db();
  const moved = write(ctx, 'merge', `merge: ${other.name} (${shortId(other.id)}) into ${keep.name} (${shortId(keep.id)})`, () => {
    const a = getPerson(db, keep.id);
    const b = getPerson(db, other.id);
    if (!a || !b) throw new UsageError(`no person with id ${a ? other.id : keep.id}`);
    const { last_touch: _a, ...kept } = a;
    const { last_touch: _b, ...gone } = b;
    return movePerson(db, joinPeople(kept, gone, ctx.nowIso), other.id);
  });
  return { id: keep.id, name: keep.name, merged: other, moved };
}
