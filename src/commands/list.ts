/** rel list [--tag T] [--json | --format table|plain|tsv|json] [-q] */
import type { App } from '../app.js';
import { readTogether } from '../store/open.js';
import { listPeopleJson, listRows, listShape } from '../store/people.js';
import { formatOption, parseFormat, QUIET, type RawOutput } from './shared/output.js';
import { parseTag } from './shared/person-fields.js';

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
        const db = ctx.db();
        const [render, write] = await Promise.all([import('../render/people.js'), ctx.page()]);
        // One read transaction: the widths, the count and the rows are of one state of the file.
        readTogether(db, () => {
          const shape = listShape(db, ctx.today, tag);
          if (shape.count === 0) {
            if (opts.quiet || format !== 'table') return;
            return write(`${opts.tag ? `No one is tagged ${opts.tag}.` : 'No one yet. Add someone: rel add "Maya Chen"'}\n`);
          }
          render.writePeople(write, shape, listRows(db, ctx.today, tag), format, ctx.today, ctx.fit());
          if (format === 'table' && !opts.quiet) write(`${shape.count} ${shape.count === 1 ? 'person' : 'people'}\n`);
        });
      }),
    );
}

