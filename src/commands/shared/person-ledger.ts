/** One person's gives and asks, in order, with their ledger line: rel ledger WHO and rel brief show it. */
import type { Ctx } from '../../app.js';
import { ledgerRows } from '../../domain/ledger.js';
import type { PersonLedger } from '../../render/ledger.js';
import { ledgerEntries } from '../../store/touchpoints.js';
import type { Who } from './who.js';

export function personLedger(person: Who, ctx: Ctx): PersonLedger {
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
