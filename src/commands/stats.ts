/** rel stats [--json]: is the network real? Who you keep up with, rhythms kept, gives and asks, drift. */
import type { App, Ctx } from '../app.js';
import { statsFrom, type NetworkStats } from '../domain/stats.js';
import { driftingFrom, lastMonths, MIN_TOUCH_DAYS, perMonth } from '../domain/touch-history.js';
import { monthCounts, networkCounts, touchSpans } from '../store/network.js';
import type { StatsView } from '../render/stats.js';

export function register(app: App): void {
  app.program
    .command('stats')
    .description('is the network real? who you touch, rhythms kept, gives and asks, drift')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel stats\n  rel stats --json | jq .per_month')
    .action(
      app.action(async (ctx, opts: { json?: boolean }) => {
        const view = run(ctx);
        if (opts.json) return ctx.json(view);
        const { statsReport } = await import('../render/stats.js');
        ctx.out(statsReport(view, ctx.today, ctx.fit()));
      }),
    );
}

export function run(ctx: Ctx): StatsView {
  const db = ctx.db();
  const months = perMonth(monthCounts(db, lastMonths(ctx.today), ctx.today), ctx.today);
  const drifting = driftingFrom(touchSpans(db, ctx.today, MIN_TOUCH_DAYS), ctx.today);
  return statsFrom(networkCounts(db, ctx.today), months, drifting, ctx.today);
}
