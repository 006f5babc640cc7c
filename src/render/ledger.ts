/** The human views of `rel ledger`: tables, plain lines or TSV, written as they are made. */
import type { Format } from './format.js';
import type { LedgerRow, LedgerTotals } from '../domain/ledger.js';
import { paint } from './paint.js';
import { tableLines, writeLines, type Fit } from './table.js';
import { tsvLines } from './tsv.js';
import { balanceText as signed, plural } from './words.js';
import type { Channel, Day, Kind } from '../domain/types.js';

export interface PersonLedger extends LedgerRow {
  entries: { date: Day; type: 'give' | 'ask'; kind: Kind; note: string | null; via: Channel }[];
}

/** The TSV columns: the JSON field names, in the JSON's order. */
const FIELDS = ['id', 'name', 'gives', 'asks', 'balance', 'last_give', 'last_ask', 'asked_first'] as const satisfies readonly (keyof LedgerRow)[];
const ENTRY_FIELDS = ['date', 'type', 'kind', 'note', 'via'] as const satisfies readonly (keyof PersonLedger['entries'][number])[];

export const NOTHING_YET = 'Nothing given or asked yet. Log one: rel log maya --give intro';

export function writeLedger(
  write: (text: string) => void,
  rows: LedgerRow[],
  totals: LedgerTotals,
  format: Exclude<Format, 'json'>,
  fit: Fit,
  quiet = false,
): void {
  if (format === 'tsv') return writeLines(write, tsvLines(rows, FIELDS));
  if (format === 'plain') {
    return writeLines(write, rows.map((r) => `${r.name} — gave ${r.gives}, asked ${r.asks}, balance ${signed(r.balance)}${r.asked_first ? ', asked first' : ''}`));
  }
  const c = paint(fit.color);
  const cols = [{ head: 'name', cut: 1 }, 'gave', 'asked', 'balance', { head: 'last give', cut: 2, min: 10 }, { head: 'last ask', cut: 2, min: 10 }, { head: '', cut: 3 }];
  const cells = rows.map((r) => [
    r.name,
    String(r.gives),
    String(r.asks),
    (r.balance < 0 ? c.yellow : c.green)(signed(r.balance)),
    r.last_give ?? '',
    r.last_ask ?? '',
    r.asked_first ? c.yellow('asked first') : '',
  ]);
  writeLines(write, tableLines(cols, cells, fit));
  if (quiet) return;
  const ratio = totals.asks === 0 ? '' : ` (${(totals.gives / totals.asks).toFixed(1)} gives for each ask; the aim is 10)`;
  write(`\nYou gave ${plural(totals.gives, 'time')} and asked ${plural(totals.asks, 'time')}${ratio}.\n`);
}

export function writePersonLedger(write: (text: string) => void, l: PersonLedger, format: Exclude<Format, 'json'>, fit: Fit, quiet = false): void {
  if (format === 'tsv') return writeLines(write, tsvLines(l.entries, ENTRY_FIELDS));
  if (format === 'plain') {
    return writeLines(write, l.entries.map((e) => `${e.date} — ${e.type === 'give' ? 'gave' : 'asked'} ${e.kind}${e.note ? `: ${e.note.split('\n')[0]}` : ''}`));
  }
  const c = paint(fit.color);
  if (!quiet) write(`${c.bold(l.name)}\n`);
  const cells = l.entries.map((e) => [e.date, e.type === 'give' ? c.green('gave') : c.yellow('asked'), e.kind, e.note ?? '']);
  writeLines(write, tableLines(['date', 'what', 'kind', { head: 'note', cut: 3 }], cells, fit));
  if (quiet) return;
  const flag = l.asked_first ? c.yellow('\nYou asked before you had given.') : '';
  write(`\nGave ${l.gives}, asked ${l.asks}, balance ${signed(l.balance)}.${flag}\n`);
}
