/** rel add NAME [person options] [--json] */
import type { App } from '../main.js';
import { loadConfig } from '../config.js';
import { newId } from '../store/ids.js';
import { write, type Ctx } from '../context.js';
import { defaultEveryDays } from '../domain/settings.js';
import { cleanName } from '../domain/text.js';
import { blankPerson } from '../domain/person.js';
import { insertPerson } from '../store/people.js';
import { insertFact } from '../store/touchpoints.js';
import { applyPatch, parsePersonFlags, personOptions, type PersonPatch, type RawPersonFlags } from './person-fields.js';
import { personView, type PersonView } from './person-view.js';

export interface AddOptions {
  name: string;
  patch: PersonPatch;
  json: boolean;
}

export function register(app: App): void {
  personOptions(app.program.command('add').argument('<name>', "the person's name, quoted if it has spaces"))
    .description('add a person you know')
    .option('--json', 'print the new person as JSON')
    .addHelpText(
      'after',
      `
Examples:
  rel add "Maya Chen" --email maya@example.com --company Acme --every 1m --tag friends
  rel add "Tomás Ruiz" --birthday 03-14 --met "PyCon 2026" --note "two kids, Ana and Leo"`,
    )
    .action(
      app.action(async (ctx, name: string, raw: RawPersonFlags & { json?: boolean }) => {
        const patch = parsePersonFlags(raw);
        // Without --every, the rhythm is default.every of rel config (none unless set).
        if (patch.every_days === undefined) patch.every_days = defaultEveryDays(loadConfig(ctx.deps)) ?? undefined;
        const view = run({ name: cleanName(name), patch, json: Boolean(raw.json) }, ctx);
        if (raw.json) ctx.json(view);
        else {
          const { profile } = await import('../render/profile.js');
          ctx.out(`Added ${view.name}.\n\n${profile(view, ctx.today, ctx.color())}`);
        }
      }, { creates: true }),
    );
}

export function run(opts: AddOptions, ctx: Ctx): PersonView {
  const db = ctx.db();
  const person = applyPatch(blankPerson(newId(), opts.name, ctx.today, ctx.nowIso), opts.patch);
  write(ctx, 'add', `add: ${person.name}`, () => {
    insertPerson(db, person);
    for (const text of opts.patch.notes) {
      insertFact(db, { id: newId(), person_id: person.id, text, date: ctx.today }, ctx.nowIso);
    }
  });
  return personView(ctx, person.id);
}
