/** rel list [--tag T] [--json | --format table|plain|tsv|json] [-q] */
import type { App, Ctx } from '../app.js';
import { listPeople, listPeopleJson } from '../store/people.js';
import { formatOption, parseFormat, QUIET, type RawOutput } from './shared/output.js';
import { parseTag } from './shared/person-fields.js';
import type { ListItem } from '../render/people.js';

export function register(app: App): void {
  app.program
    .command('list')
    .alias('ls')
    .description('list everyone, by name')
    .option('--tag <tag>', 'only people with this tag')
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(formatOption('name, company, rhythm and last touch'))
    .option(...QUIET)
    .addHelpText('after', '\nExamples:\n  rel list\n  rel list --tag friends --json\n  rel list --format tsv | cut -f2,6')
    .action(
      app.action(async (ctx, opts: { tag?: string } & RawOutput) => {
        const format = parseFormat(opts);
        const tag = opts.tag === undefined ? undefined : parseTag(opts.tag);
        if (format === 'json') return ctx.jsonBytes(listPeopleJson(ctx.db(), ctx.today, tag));
        const items = run({ tag }, ctx);
        if (items.length === 0) {
          if (opts.quiet || format !== 'table') return;
          return ctx.out(opts.tag ? `No one is tagged ${opts.tag}.` : 'No one yet. Add someone: rel add "Maya Chen"');
        }
        const [render, write] = await Promise.all([import('../render/people.js'), ctx.page()]);
        render.writePeople(write, items, format, ctx.today, ctx.fit());
        if (format === 'table' && !opts.quiet) write(`${items.length} ${items.length === 1 ? 'person' : 'people'}\n`);
      }),
    );
}

export function run(opts: { tag?: string }, ctx: Ctx): ListItem[] {
  const people = listPeople(ctx.db(), opts.tag);
  for (const p of people) if (p.snoozed_until !== null && p.snoozed_until <= ctx.today) p.snoozed_until = null;
  return people;
}
