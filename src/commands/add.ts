/** rel add NAME [person options] [--json] */
import { write, type App, type Ctx } from '../app.js';
import { loadConfig } from '../config.js';
import { newId } from '../store/ids.js';
import { defaultEveryDays } from '../domain/settings.js';
import { cleanName } from '../domain/text.js';
import { blankPerson } from '../domain/person.js';
import { insertPerson } from '../store/people.js';
import { insertFact } from '../store/touchpoints.js';
import { applyPatch, checkDuplicates, parsePersonFlags, personOptions, type PersonPatch, type RawPersonFlags } from './shared/person-fields.js';
import { personView } from './shared/person-view.js';
import type { PersonView } from '../render/profile.js';

export interface AddOptions {
  name: string;
  patch: PersonPatch;
  json: boolean;
  /** Allow an email or phone that another person has. */
  force?: boolean;
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
  rel add "Tomás Ruiz" --birthday 03-14 --met "PyCon 2026" --note "two kids, Ana and Leo"

An email or phone number that someone else already has is refused (name them with rel edit instead,
or add --force); a name that someone else has only gets a warning.`,
    )
    .action(
      app.action(async (ctx, name: string, raw: RawPersonFlags & { json?: boolean }) => {
        const patch = parsePersonFlags(raw, ctx.today);
        // Without --every, the rhythm is default.every of rel config (none unless set).
        if (patch.every_days === undefined) patch.every_days = defaultEveryDays(loadConfig(ctx.deps)) ?? undefined;
        const view = run({ name: cleanName(name), patch, json: Boolean(raw.json), force: Boolean(raw.force) }, ctx);
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
    checkDuplicates(ctx, person, { emails: person.emails, phones: person.phones, name: true }, Boolean(opts.force));
    insertPerson(db, person);
    for (const text of opts.patch.notes) {
      insertFact(db, { id: newId(), person_id: person.id, text, date: ctx.today }, ctx.nowIso);
    }
  });
  return personView(ctx, person.id);
}
