/** rel ledger [WHO] [--json]: what you have given against what you have asked. */
import type { App } from '../main.js';
import type { Ctx } from '../context.js';
import { ledgerRows, ledgerTotals, type LedgerRow } from '../domain/ledger.js';
import type { Channel, Day, Kind } from '../domain/types.js';
import { ledgerEntries } from '../store/touchpoints.js';
import { resolveWho, type Who } from './who.js';

export interface PersonLedger extends LedgerRow {
  entries: { date: Day; type: 'give' | 'ask'; kind: Kind; note: string | null; via: Channel }[];
}

export function register(app: App): void {
  app.program
    .command('ledger')
    .argument('[who...]', "one person's gives and asks, in order (a name, quotes not needed, or an id)")
    .description('the give-before-ask ledger: a mirror, not a scorecard')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  rel ledger\n  rel ledger maya\n  rel ledger --json | jq \'.[] | select(.asked_first)\'')
    .action(
      app.action(async (ctx, who: string[] | undefined, opts: { json?: boolean }) => {
        const render = await import('../render/ledger.js');
        if (!who?.length) {
          const rows = all(ctx);
          if (opts.json) return ctx.json(rows);
          ctx.out(render.ledgerTable(rows, ledgerTotals(rows), ctx.color()));
        } else {
          const view = one(await resolveWho(ctx, who), ctx);
          if (opts.json) return ctx.json(view);
          ctx.out(render.personLedger(view, ctx.color()));
        }
      }),
    );
}

export function all(ctx: Ctx): LedgerRow[] {
  return ledgerRows(ledgerEntries(ctx.db()));
}

export function one(person: Who, ctx: Ctx): PersonLedger {
  const entries = ledgerEntries(ctx.db(), person.id);
  const row = ledgerRows(entries)[0] ?? {
    id: person.id, name: person.name, gives: 0, asks: 0, balance: 0, last_give: null, last_ask: null, asked_first: false,
  };
  const lines: PersonLedger['entries'] = [];
  for (const e of entries) {
    if (e.give) lines.push({ date: e.date, type: 'give', kind: e.give, note: e.note, via: e.via });
    if (e.ask) lines.push({ date: e.date, type: 'ask', kind: e.ask, note: e.note, via: e.via });
  }
  return { ...row, entries: lines };
}

