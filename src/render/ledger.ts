/** The human views of `rel ledger`. */
import type { PersonLedger } from '../commands/ledger.js';
import type { LedgerRow, LedgerTotals } from '../domain/ledger.js';
import { paint } from './paint.js';
import { table } from './table.js';
import { balanceText as signed, plural } from './words.js';


export function ledgerTable(rows: LedgerRow[], totals: LedgerTotals, color: boolean): string {
  if (rows.length === 0) return 'Nothing given or asked yet. Log one: rel log maya --give intro';
  const c = paint(color);
  const body = table(
    ['name', 'gave', 'asked', 'balance', 'last give', 'last ask', ''],
    rows.map((r) => [
      r.name,
      String(r.gives),
      String(r.asks),
      (r.balance < 0 ? c.yellow : c.green)(signed(r.balance)),
      r.last_give ?? '',
      r.last_ask ?? '',
      r.asked_first ? c.yellow('asked first') : '',
    ]),
    color,
  );
  const ratio = totals.asks === 0 ? '' : ` (${(totals.gives / totals.asks).toFixed(1)} gives for each ask; the aim is 10)`;
  return `${body}\n\nYou gave ${plural(totals.gives, 'time')} and asked ${plural(totals.asks, 'time')}${ratio}.`;
}

export function personLedger(l: PersonLedger, color: boolean): string {
  const c = paint(color);
  if (l.entries.length === 0) return `Nothing given to or asked of ${l.name} yet.`;
  const body = table(
    ['date', 'what', 'kind', 'note'],
    l.entries.map((e) => [e.date, e.type === 'give' ? c.green('gave') : c.yellow('asked'), e.kind, (e.note ?? '').split('\n')[0]!]),
    color,
  );
  const flag = l.asked_first ? c.yellow('\nYou asked before you had given.') : '';
  return `${c.bold(l.name)}\n${body}\n\nGave ${l.gives}, asked ${l.asks}, balance ${signed(l.balance)}.${flag}`;
}
