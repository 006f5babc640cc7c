/** rel rm WHO [--yes]: asks in a terminal; without one it needs --yes. */
import { write, type App, type Ctx } from '../app.js';
import { UsageError } from '../errors.js';
import { deletePerson } from '../store/people.js';
import { countTouchpoints } from '../store/touchpoints.js';
import { resolveWho, type Who } from './shared/who.js';

export function register(app: App): void {
  app.program
    .command('rm')
    .argument('<who...>', 'a name (or part of one; quotes not needed) or an id')
    .description('remove a person with their touches, facts and follow-ups')
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)')
    .addHelpText('after', '\nExamples:\n  rel rm "old colleague"\n  rel rm 3f2a9c1e --yes')
    .action(
      app.action(async (ctx, who: string[], opts: { yes?: boolean }) => {
        const person = await resolveWho(ctx, who);
        if (!opts.yes) {
          if (!ctx.deps.stdinIsTTY) throw new UsageError(`not removing ${person.name} without --yes (no terminal to ask)`);
          const n = countTouchpoints(ctx.db(), person.id);
          const ok = await ctx.deps.prompt.confirm({
            message: `Remove ${person.name} and ${n} touch${n === 1 ? '' : 'es'}?`,
            default: false,
          });
          if (!ok) return ctx.out('Nothing removed.');
        }
        run(person, ctx);
        ctx.out(`Removed ${person.name}.`);
      }),
    );
}

export function run(person: Who, ctx: Ctx): void {
  const db = ctx.db();
  write(ctx, 'rm', `rm: ${person.name}`, () => deletePerson(db, person.id));
}
