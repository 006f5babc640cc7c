/** rel show WHO [--json] */
import type { App } from '../app.js';
import { personView } from './shared/person-view.js';
import { resolveWho } from './shared/who.js';

export function register(app: App): void {
  app.program
    .command('show')
    .argument('<who...>', 'a name (or part of one; quotes not needed) or an id')
    .description('show a person: profile, what to remember, recent touches, the ledger')
    .option('--json', 'print as JSON (all touchpoints, newest first)')
    .addHelpText('after', '\nExamples:\n  rel show maya\n  rel show "maya chen" --json | jq .facts')
    .action(
      app.action(async (ctx, who: string[], opts: { json?: boolean }) => {
        const view = personView(ctx, (await resolveWho(ctx, who)).id);
        if (opts.json) return ctx.json(view);
        const { profile } = await import('../render/profile.js');
        ctx.out(profile(view, ctx.today, ctx.color()));
      }),
    );
}
