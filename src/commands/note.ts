/** rel note WHO FACT... */
import { write, type App, type Ctx } from '../app.js';
import { newId } from '../store/ids.js';
import { cleanNote } from '../domain/text.js';
import { insertFact } from '../store/touchpoints.js';
import { resolveWho, type Who } from './shared/who.js';

export function register(app: App): void {
  app.program
    .command('note')
    .argument('<who>', 'a name (or part of one) or an id')
    .argument('<fact...>', 'what to remember; the words are joined with spaces')
    .description('remember something a person told you')
    .option('--json', 'print the fact as JSON')
    .addHelpText('after', '\nExamples:\n  rel note maya daughter Ana starts school in May\n  rel note "tomás" "allergic to peanuts"')
    .action(
      app.action(async (ctx, who: string, words: string[], opts: { json?: boolean }) => {
        const text = cleanNote(words.join(' '), 'fact');
        const person = await resolveWho(ctx, who);
        const fact = run({ person, text }, ctx);
        if (opts.json) return ctx.json(fact);
        ctx.out(`Noted for ${person.name}: ${text}`);
      }),
    );
}

export function run(opts: { person: Who; text: string }, ctx: Ctx) {
  const db = ctx.db();
  const fact = { id: newId(), person_id: opts.person.id, text: opts.text, date: ctx.today };
  write(ctx, 'note', `note: ${opts.person.name}: ${opts.text.length > 40 ? `${opts.text.slice(0, 39)}…` : opts.text}`, () => insertFact(db, fact, ctx.nowIso));
  return { id: fact.id, person: opts.person, text: fact.text, date: fact.date };
}
