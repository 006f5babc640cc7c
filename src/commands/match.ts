/** rel match [--limit N] [--json]: introductions worth making, pairing open needs with other people's offers. */
import type { App, Ctx } from '../app.js';
import { commonTags, matchNeeds, type Match, type NeedOrOffer } from '../domain/match.js';
import { parseLimit } from './shared/output.js';
import { introducedPairs, openWishesToMatch, tagCounts } from '../store/insight.js';
import type { MatchView } from '../render/insight.js';

export function register(app: App): void {
  app.program
    .command('match')
    .description("introductions worth making: needs paired with other people's offers, best first")
    .option('--limit <n>', 'at most n matches')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      `
Examples:
  rel need ana looking for a backend job in Lisbon
  rel offer bob hires backend engineers in Lisbon
  rel match
  rel intro ana bob -m "..."      (when you made the introduction)

Each pair of people is listed once, and not at all once introduced (rel intro). A tag shared by more
than half of everyone (say "linkedin" from an import) is not counted as a reason.`,
    )
    .action(
      app.action(async (ctx, raw: { limit?: string; json?: boolean }) => {
        const limit = parseLimit(raw.limit);
        const matches = run(ctx).slice(0, limit);
        if (raw.json) return ctx.json(matches);
        const { matchList } = await import('../render/insight.js');
        ctx.out(matchList(matches, ctx.color()));
      }),
    );
}

export function run(ctx: Ctx): MatchView[] {
  const needs: NeedOrOffer[] = [];
  const offers: NeedOrOffer[] = [];
  for (const w of openWishesToMatch(ctx.db())) {
    const item = { id: w.id, person_id: w.person_id, name: w.name, text: w.text, tags: w.tags, company: w.company };
    (w.kind === 'need' ? needs : offers).push(item);
  }
  const db = ctx.db();
  const tags = tagCounts(db);
  return matchNeeds(needs, offers, { introduced: introducedPairs(db), commonTags: commonTags(tags.counts, tags.people) });
}
