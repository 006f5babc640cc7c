/** rel ledger [WHO] [--json | --format table|plain|tsv|json] [-q]: what you have given against what you have asked. */
import type { App } from '../app.js';
import { readTogether } from '../store/open.js';
import { ledgerJson, ledgerLines, ledgerShape } from '../store/touchpoints.js';
import { formatOption, parseFormat, QUIET, type RawOutput } from './shared/output.js';
import { personLedger as one } from './shared/person-ledger.js';
import { resolveWho } from './shared/who.js';

export function register(app: App): void {
  app.program
    .command('ledger')
    .argument('[who...]', "one person's gives and asks, in order (a name, quotes not needed, or an id)")
    .description('the give-before-ask ledger: a mirror, not a scorecard')
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(formatOption('a person and their balance; with WHO, one give or ask'))
    .option(...QUIET)
    .addHelpText(
      'after',
      "\nExamples:\n  rel ledger\n  rel ledger maya\n  rel ledger --json | jq '.[] | select(.asked_first)'\n  rel ledger --format tsv | sort -t$'\\t' -k5n | head",
    )
    .action(
      app.action(async (ctx, who: string[] | undefined, opts: RawOutput) => {
        const format = parseFormat(opts);
        const render = await import('../render/ledger.js');
        if (!who?.length) {
          if (format === 'json') return ctx.jsonBytes(ledgerJson(ctx.db()));
          const db = ctx.db();
          const write = await ctx.page();
          // One read transaction: the widths, the totals and the lines are of one state of the file.
          readTogether(db, () => {
            const shape = ledgerShape(db);
            if (shape.totals.people === 0) return opts.quiet || format !== 'table' ? undefined : write(`${render.NOTHING_YET}\n`);
            render.writeLedger(write, shape, ledgerLines(db), format, ctx.fit(), opts.quiet);
          });
        } else {
          const view = one(await resolveWho(ctx, who), ctx);
          if (format === 'json') return ctx.json(view);
          if (view.entries.length === 0) {
            return opts.quiet || format !== 'table' ? undefined : ctx.out(`Nothing given to or asked of ${view.name} yet.`);
          }
          render.writePersonLedger(await ctx.page(), view, format, ctx.fit(), opts.quiet);
        }
      }),
    );
}
