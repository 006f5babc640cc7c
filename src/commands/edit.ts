/** rel edit WHO [--name N] [person options] [--untag T] [--no-every] [--no-birthday] */
import { write, type App, type Ctx } from '../app.js';
import { newId } from '../store/ids.js';
import { foldName } from '../domain/names.js';
import { cleanName } from '../domain/text.js';
import { UsageError } from '../errors.js';
import { getPerson, updatePerson } from '../store/people.js';
import { insertFact } from '../store/touchpoints.js';
import { applyPatch, checkDuplicates, parsePersonFlags, parseTag, personOptions, type PersonPatch, type RawPersonFlags } from './shared/person-fields.js';
import { personView } from './shared/person-view.js';
import type { PersonView } from '../render/profile.js';
import { resolveWho } from './shared/who.js';

export interface EditOptions {
  id: string;
  name?: string;
  patch: PersonPatch;
  untag: string[];
  removeEmails: string[];
  removePhones: string[];
  /** Allow an email or phone that another person has. */
  force?: boolean;
}

type RawEdit = RawPersonFlags & { name?: string; untag: string[]; rmEmail: string[]; rmPhone: string[]; json?: boolean };
const collect = (value: string, previous: string[]) => [...previous, value];

export function register(app: App): void {
  personOptions(app.program.command('edit').argument('<who...>', 'a name (or part of one; quotes not needed) or an id'))
    .description('change a person: scalar fields are replaced, emails, phones, tags and notes are added')
    .option('--name <name>', 'rename them')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect, [])
    .option('--rm-email <email>', 'remove an email (repeatable)', collect, [])
    .option('--rm-phone <phone>', 'remove a phone number (repeatable)', collect, [])
    .option('--no-every', 'no rhythm: leave them out of rel due')
    .option('--no-birthday', 'forget the birthday')
    .option('--json', 'print the person as JSON')
    .addHelpText('after', '\nExamples:\n  rel edit maya --company Globex --title CTO\n  rel edit maya --every 2w --untag work --tag friends')
    .action(
      app.action(async (ctx, who: string[], raw: RawEdit) => {
        const opts: EditOptions = {
          id: '',
          name: raw.name === undefined ? undefined : cleanName(raw.name),
          patch: parsePersonFlags(raw, ctx.today),
          untag: raw.untag.map(parseTag),
          removeEmails: raw.rmEmail,
          removePhones: raw.rmPhone,
          force: Boolean(raw.force),
        };
        const p = opts.patch;
        const nothing =
          opts.name === undefined && !opts.untag.length && !opts.removeEmails.length && !opts.removePhones.length &&
          !p.emails.length && !p.phones.length && !p.tags.length && !p.notes.length &&
          [p.company, p.title, p.every_days, p.birthday, p.met].every((v) => v === undefined);
        if (nothing) throw new UsageError('nothing to change: give at least one option (see rel edit --help)');
        opts.id = (await resolveWho(ctx, who)).id;
        const view = run(opts, ctx);
        if (raw.json) return ctx.json(view);
        const { profile } = await import('../render/profile.js');
        ctx.out(`Updated ${view.name}.\n\n${profile(view, ctx.today, ctx.color())}`);
      }),
    );
}

export function run(opts: EditOptions, ctx: Ctx): PersonView {
  const db = ctx.db();
  write(ctx, 'edit', (name: string) => `edit: ${name}`, () => {
    const before = getPerson(db, opts.id);
    if (!before) throw new UsageError(`no person with id ${opts.id}`);
    // Removing an email or phone that is not there is a typo worth saying; a tag that is not there is
    // simply not there (rel edit maya --untag work --tag friends works whether or not she had "work").
    const drop = (list: string[], gone: string[], strict = true) => {
      const missing = gone.filter((g) => !list.some((v) => v.toLowerCase() === g.toLowerCase()));
      if (strict && missing.length) throw new UsageError(`${before.name} has no ${missing.map((m) => `"${m}"`).join(', ')}`);
      return list.filter((v) => !gone.some((g) => g.toLowerCase() === v.toLowerCase()));
    };
    const kept = {
      ...before,
      tags: drop(before.tags, opts.untag, false),
      emails: drop(before.emails, opts.removeEmails),
      phones: drop(before.phones, opts.removePhones),
    };
    const after = { ...applyPatch(kept, opts.patch), name: opts.name ?? before.name, updated_at: ctx.nowIso };
    const added = {
      emails: after.emails.filter((e) => !before.emails.includes(e)),
      phones: after.phones.filter((p) => !before.phones.includes(p)),
      name: opts.name !== undefined && foldName(opts.name) !== foldName(before.name),
    };
    checkDuplicates(ctx, after, added, Boolean(opts.force));
    updatePerson(db, after);
    for (const text of opts.patch.notes) {
      insertFact(db, { id: newId(), person_id: opts.id, text, date: ctx.today }, ctx.nowIso);
    }
    return after.name;
  });
  return personView(ctx, opts.id);
}
