/**
 * What `rel need` and `rel offer` share: a need ("looking for a backend job in Lisbon") and an offer
 * ("hires backend engineers") are both a wish of one person, open until closed; rel match pairs them.
 *   rel need WHO TEXT...     add one          rel need WHO      list theirs
 *   rel need                 list everyone's  rel need --close ID   met (or withdrawn): no longer matched
 */
import { write, type App, type Ctx } from '../../app.js';
import { cleanName } from '../../domain/text.js';
import { UsageError } from '../../errors.js';
import { newId } from '../../store/ids.js';
import { closeWish, insertWish, wishes, wishesByIdPrefix, type WishRow } from '../../store/insight.js';
import type { WishKind } from '../../domain/types.js';
import { resolveWho, type Who } from './who.js';
import type { WishView } from '../../render/insight.js';
import { formatOption, parseFormat, printList, QUIET, type RawOutput } from './output.js';

type RawWish = { close?: string; all?: boolean } & RawOutput;

const view = (r: WishRow): WishView => ({
  id: r.id, kind: r.kind, person_id: r.person_id, name: r.name, text: r.text, created_at: r.created_at, closed_on: r.closed_on,
});

const WORDS = {
  need: { verb: 'needs', a: 'a', closed: 'met', example: 'looking for a backend job in Lisbon' },
  offer: { verb: 'offers', a: 'an', closed: 'no longer offered', example: 'hires backend engineers' },
} as const;

export function registerWish(app: App, kind: WishKind): void {
  const w = WORDS[kind];
  app.program
    .command(kind)
    .argument('[who]', `a name (or part of one) or an id; none: everyone's open ${kind}s`)
    .argument('[text...]', `what they ${kind === 'need' ? 'need' : 'can offer'}; none: list their ${kind}s`)
    .description(`what someone ${w.verb}: add, list, or close one (rel match pairs needs and offers)`)
    .option('--close <id>', `close ${w.a} ${kind} (${w.closed}): its id, or the start of it, from the list`)
    .option('--all', `list closed ${kind}s too`)
    .option('--json', 'print as JSON (the same as --format json)')
    .addOption(formatOption(`the list: who and what they ${kind === 'need' ? 'need' : 'offer'}`))
    .option(...QUIET)
    .addHelpText(
      'after',
      `
Examples:
  rel ${kind} maya ${w.example}
  rel ${kind}                 (everyone's open ${kind}s)
  rel ${kind} maya            (Maya's ${kind}s)
  rel ${kind} --close 3f2a9c1e`,
    )
    .action(
      app.action(async (ctx, who: string | undefined, words: string[], raw: RawWish) => {
        const format = parseFormat(raw);
        const person = who === undefined ? undefined : await resolveWho(ctx, who);
        if (raw.close !== undefined) {
          if (words.length > 0) throw new UsageError(`--close takes only the ${kind}'s id, not a text`);
          const closed = close(ctx, kind, raw.close, person);
          if (format === 'json') return ctx.json(closed);
          return ctx.out(`Closed ${closed.name}'s ${kind} (${w.closed}): ${closed.text}`);
        }
        if (person && words.length > 0) {
          const added = add(ctx, kind, person, cleanName(words.join(' '), kind));
          if (format === 'json') return ctx.json(added);
          return ctx.out(`${added.name} ${w.verb}: ${added.text}  (${added.id.slice(0, 8)}; rel match pairs it)`);
        }
        const list = listWishes(ctx, kind, person, Boolean(raw.all));
        const { wishList } = await import('../../render/insight.js');
        await printList(ctx, list, format, Boolean(raw.quiet), {
          fields: ['id', 'name', 'kind', 'text', 'created_at', 'closed_on'],
          plain: (w) => `${w.name} — ${w.text}${w.closed_on === null ? '' : ` (closed ${w.closed_on})`}`,
          table: () => wishList(kind, list, person?.name ?? null, ctx.fit()),
        });
      }),
    );
}

export function add(ctx: Ctx, kind: WishKind, person: Who, text: string): WishView {
  const db = ctx.db();
  const id = newId();
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  write(ctx, kind, `${kind}: ${person.name}: ${short}`, () => insertWish(db, { id, person_id: person.id, kind, text }, ctx.nowIso));
  return { id, kind, person_id: person.id, name: person.name, text, created_at: ctx.nowIso, closed_on: null };
}

export function listWishes(ctx: Ctx, kind: WishKind, person: Who | undefined, all: boolean): WishView[] {
  return wishes(ctx.db(), kind, { personId: person?.id, all }).map(view);
}

/** Closes the open need or offer whose id starts with `idPrefix` (of `person` when given). */
export function close(ctx: Ctx, kind: WishKind, idPrefix: string, person: Who | undefined): WishView {
  const prefix = idPrefix.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) {
    throw new UsageError(`bad ${kind} id "${idPrefix}": use the id (or its first 4+ characters) from rel ${kind}`);
  }
  const db = ctx.db();
  const found = wishesByIdPrefix(db, kind, prefix).filter((r) => person === undefined || r.person_id === person.id);
  if (found.length === 0) throw new UsageError(`no ${kind} ${prefix}${person ? ` of ${person.name}` : ''}; see rel ${kind}`);
  if (found.length > 1) throw new UsageError(`${kind} id ${prefix} is ambiguous: ${found.map((r) => r.id.slice(0, 8)).join(', ')}`);
  const row = found[0]!;
  if (row.closed_on !== null) throw new UsageError(`${row.name}'s ${kind} "${row.text}" was already closed on ${row.closed_on}`);
  write(ctx, kind, `${kind}: closed ${row.name}'s "${row.text.length > 30 ? `${row.text.slice(0, 29)}…` : row.text}"`, () =>
    closeWish(db, row.id, ctx.today, ctx.nowIso),
  );
  return view({ ...row, closed_on: ctx.today });
}
