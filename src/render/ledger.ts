/** The human views of `rel ledger`: tables, plain lines or TSV, written as they are made. */
import type { Format } from './format.js';
import type { LedgerRow, LedgerShape } from '../domain/ledger.js';
import { paint, type Paint } from './paint.js';
import { DAY_WIDTH, map, streamedTableLines, tableLines, widest, writeLines, type Fit } from './table.js';
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

/** Writes the whole ledger as its lines are read (`rows`: none held), in the columns `shape` measured. */
export function writeLedger(
  write: (text: string) => void,
  shape: LedgerShape,
  rows: Iterable<LedgerRow>,
  format: Exclude<Format, 'json'>,
  fit: Fit,
  quiet = false,
): void {
  if (format === 'tsv') return writeLines(write, tsvLines(rows, FIELDS));
  if (format === 'plain') {
    return writeLines(write, map(rows, (r) => `${r.name} — gave ${r.gives}, asked ${r.asks}, balance ${signed(r.balance)}${r.asked_first ? ', asked first' : ''}`));
  }
  const natural = [
    widest(shape.otherNames, shape.asciiName),
    shape.givesDigits,
    shape.asksDigits,
    widest(map(shape.balances, signed)),
    shape.lastGive ? DAY_WIDTH : 0,
    shape.lastAsk ? DAY_WIDTH : 0,
    shape.askedFirst ? ASKED_FIRST.length : 0,
  ];
  const c = paint(fit.color);
  writeLines(write, streamedTableLines(LEDGER_COLUMNS, natural, map(rows, (r) => ledgerCells(r, c)), fit));
  if (quiet) return;
  const { totals } = shape;
  const ratio = totals.asks === 0 ? '' : ` (${(totals.gives / totals.asks).toFixed(1)} gives for each ask; the aim is 10)`;
  write(`\nYou gave ${plural(totals.gives, 'time')} and asked ${plural(totals.asks, 'time')}${ratio}.\n`);
}

const ASKED_FIRST = 'asked first';

/** The whole ledger's columns: "asked first" gives way first, then the dates; the name is cut last. */
export const LEDGER_COLUMNS = [{ head: 'name', cut: 1 }, 'gave', 'asked', 'balance', { head: 'last give', cut: 2, min: DAY_WIDTH }, { head: 'last ask', cut: 2, min: DAY_WIDTH }, { head: '', cut: 3 }];

/** A ledger line's cells in LEDGER_COLUMNS, painted with `c`. */
export const ledgerCells = (r: LedgerRow, c: Paint) => [
  r.name,
  String(r.gives),
  String(r.asks),
  (r.balance < 0 ? c.yellow : c.green)(signed(r.balance)),
  r.last_give ?? '',
  r.last_ask ?? '',
  r.asked_first ? c.yellow(ASKED_FIRST) : '',
];

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
