/** rel list [--tag T] [--json] */
import type { App } from '../main.js';
import type { Ctx } from '../context.js';
import type { Day } from '../domain/types.js';
import { listPeople } from '../store/people.js';
import { parseTag } from './person-fields.js';

export interface ListItem {
  id: string;
  name: string;
  tags: string[];
  every_days: number | null;
  last_touch: Day | null;
  company: string | null;
  emails: string[];
  /** Left out of rel due until this day (after today), else null. */
  snoozed_until: Day | null;
}

export function register(app: App): void {
  app.program
    .command('list')
    .alias('ls')
    .description('list everyone, by name')
    .option('--tag <tag>', 'only people with this tag')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel list\n  rel list --tag friends --json')
    .action(
      app.action(async (ctx, opts: { tag?: string; json?: boolean }) => {
        const items = run({ tag: opts.tag === undefined ? undefined : parseTag(opts.tag) }, ctx);
        if (opts.json) return ctx.json(items);
        if (items.length === 0) return ctx.out(opts.tag ? `No one is tagged ${opts.tag}.` : 'No one yet. Add someone: rel add "Maya Chen"');
        const [{ table }, { shortId, relativeDay, rhythm }] = await Promise.all([
          import('../render/table.js'),
          import('../render/words.js'),
        ]);
        const rows = items.map((p) => [shortId(p.id), p.name, p.company ?? '', p.tags.join(', '), [rhythm(p.every_days), p.snoozed_until && `snoozed until ${p.snoozed_until}`].filter(Boolean).join(', '), relativeDay(p.last_touch, ctx.today)]);
        ctx.out(table(['id', 'name', 'company', 'tags', 'rhythm', 'last touch'], rows, ctx.color()));
        ctx.out(`${items.length} ${items.length === 1 ? 'person' : 'people'}`);
      }),
    );
}

export function run(opts: { tag?: string }, ctx: Ctx): ListItem[] {
  return listPeople(ctx.db(), opts.tag).map((p) => ({
    id: p.id,
    name: p.name,
    tags: p.tags,
    every_days: p.every_days,
    last_touch: p.last_touch,
    company: p.company,
    emails: p.emails,
    snoozed_until: p.snoozed_until !== null && p.snoozed_until > ctx.today ? p.snoozed_until : null,
  }));
}
