/**
 * rel date WHO [LABEL DATE] [--yearly] [--rm ID|LABEL] [--json]: important dates besides the birthday.
 * With LABEL and DATE: remember one (the same label again changes it); with neither: list them.
 */
import { write, type App, type Ctx } from '../app.js';
import { nextOccurrence, parseImportantDate, type ImportantDate } from '../domain/important-dates.js';
import { byText } from '../domain/names.js';
import { cleanName } from '../domain/text.js';
import type { Day } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { newId } from '../store/ids.js';
import { datesOf, deleteDate, insertDate, updateDate, type DateRow } from '../store/insight.js';
import { resolveWho, type Who } from './shared/who.js';
import type { DateView } from '../render/insight.js';
import { formatOption, parseFormat, printList, QUIET, type RawOutput } from './shared/output.js';

/** A label is a few words: long enough for "Ana's first day at school". */
export const MAX_LABEL = 60;

type RawDate = { yearly?: boolean; rm?: string } & RawOutput;

export function parseLabel(text: string): string {
  const label = cleanName(text, 'label');
  if ([...label].length > MAX_LABEL) throw new UsageError(`label "${label.slice(0, 20)}…" is too long: at most ${MAX_LABEL} characters`);
  if (label.toLowerCase() === 'birthday') throw new UsageError('the birthday has its own field: rel edit WHO --birthday DATE');
  return label;
}

export function register(app: App): void {
  app.program
    .command('date')
    .argument('<who>', 'a name (or part of one) or an id')
    .argument('[label]', 'what the date is: "work anniversary", wedding, "Ana\'s birthday"')
    .argument('[date]', 'YYYY-MM-DD, or MM-DD for a yearly date without a year')
    .description('remember an important date; it comes up in rel due and rel brief')
    .option('--yearly', 'it comes back every year (an anniversary); otherwise it happens once')
    .option('--rm <id|label>', 'forget a date: its label or the start of its id')
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(formatOption('the list: label, when, next'))
    .option(...QUIET)
    .addHelpText(
      'after',
      `
Examples:
  rel date maya "work anniversary" 2021-05-03 --yearly
  rel date maya wedding 2026-09-12
  rel date maya "Ana's birthday" 06-14       (no year: every year)
  rel date maya                               (list)
  rel date maya --rm wedding`,
    )
    .action(
      app.action(async (ctx, who: string, label: string | undefined, date: string | undefined, raw: RawDate) => {
        const format = parseFormat(raw);
        if (raw.rm !== undefined && label !== undefined) throw new UsageError('--rm takes the date to forget; give no LABEL or DATE with it');
        if (label !== undefined && date === undefined) throw new UsageError(`when is "${label}"? give a DATE: YYYY-MM-DD, or MM-DD for a yearly date`);
        if (label === undefined && raw.yearly) throw new UsageError('--yearly goes with a LABEL and a DATE');
        const when = date === undefined ? undefined : parseImportantDate(date, Boolean(raw.yearly));
        const clean = label === undefined ? undefined : parseLabel(label);
        const person = await resolveWho(ctx, who);
        if (raw.rm !== undefined) {
          const gone = remove(ctx, person, raw.rm);
          if (format === 'json') return ctx.json(gone);
          return ctx.out(`Forgot ${person.name}'s ${gone.label} (${gone.date}).`);
        }
        if (clean !== undefined && when !== undefined) {
          const { view, before } = set(ctx, person, clean, when);
          if (format === 'json') return ctx.json(view);
          const { dateWords } = await import('../render/insight.js');
          const was = before ? ` (was ${dateWords(before)})` : '';
          const next = view.next === null ? '; it has passed, so it will not show in rel due' : `; next on ${view.next}`;
          return ctx.out(`${person.name}: ${view.label} ${dateWords(view)}${was}${next}.`);
        }
        const list = listDates(ctx, person);
        const { dateList, dateWords } = await import('../render/insight.js');
        await printList(ctx, list, format, Boolean(raw.quiet), {
          fields: ['id', 'name', 'label', 'date', 'yearly', 'next'],
          plain: (d) => `${d.name} — ${d.label}: ${dateWords(d)}${d.next === null ? ', passed' : `, next ${d.next}`}`,
          table: () => dateList(person.name, list, ctx.today, ctx.fit()),
        });
      }),
    );
}

const toView = (r: DateRow, who: Who, today: Day): DateView => ({
  id: r.id, person_id: r.person_id, name: who.name, label: r.label, date: r.date, yearly: r.yearly,
  next: nextOccurrence(r, today)?.on ?? null,
});

/** Remembers a date; one with the same label (ignoring case) is changed instead. */
export function set(ctx: Ctx, person: Who, label: string, when: ImportantDate): { view: DateView; before: DateRow | null } {
  const db = ctx.db();
  const before = datesOf(db, person.id).find((d) => d.label.toLowerCase() === label.toLowerCase()) ?? null;
  const row: DateRow = { id: before?.id ?? newId(), person_id: person.id, label, date: when.date, yearly: when.yearly };
  write(ctx, 'date', `date: ${person.name}: ${label} ${when.date}`, () => (before ? updateDate(db, row, ctx.nowIso) : insertDate(db, row, ctx.nowIso)));
  return { view: toView(row, person, ctx.today), before };
}


/** A person's dates, the next to come first; passed one-off dates last. */
export function listDates(ctx: Ctx, person: Who): DateView[] {
  return datesOf(ctx.db(), person.id)
    .map((r) => toView(r, person, ctx.today))
    .sort((a, b) => byText(a.next ?? '~', b.next ?? '~') || byText(a.label, b.label));
}

export function remove(ctx: Ctx, person: Who, which: string): DateView {
  const db = ctx.db();
  const key = which.trim().toLowerCase();
  const all = datesOf(db, person.id);
  const byLabel = all.filter((d) => d.label.toLowerCase() === key);
  const found = byLabel.length > 0 ? byLabel : key.length >= 4 ? all.filter((d) => d.id.startsWith(key)) : [];
  if (found.length === 0) {
    const known = all.length ? `: ${all.map((d) => d.label).join(', ')}` : '';
    throw new UsageError(`${person.name} has no date "${which.trim()}"${known}`);
  }
  if (found.length > 1) throw new UsageError(`"${which.trim()}" matches ${found.length} dates of ${person.name}; use more of the id`);
  const row = found[0]!;
  write(ctx, 'date', `date: forgot ${person.name}'s ${row.label}`, () => deleteDate(db, row.id));
  return toView(row, person, ctx.today);
}
