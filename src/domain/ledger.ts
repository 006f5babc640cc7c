/**
 * The give-before-ask ledger: a mirror of what you have given each person against what you asked.
 * Pure: entries in, rows out.
 */
import { foldName } from './names.js';
import type { Day, Kind } from './types.js';

export interface LedgerEntry {
  person_id: string;
  name: string;
  date: Day;
  /** Orders entries of the same day: the instant they were logged. */
  created_at: string;
  give: Kind | null;
  ask: Kind | null;
  note: string | null;
  /** The person's folded name (people.name_key), when the caller has it: ties are ordered by it. */
  name_key?: string;
}

export interface LedgerRow {
  id: string;
  name: string;
  gives: number;
  asks: number;
  /** gives - asks */
  balance: number;
  last_give: Day | null;
  last_ask: Day | null;
  /** You asked this person for something before you had ever given them anything. */
  asked_first: boolean;
}

export interface LedgerTotals {
  gives: number;
  asks: number;
  people: number;
  asked_first: number;
}

/** ISO days and instants sort as plain strings (and ~50x faster than localeCompare). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const chronological = (a: LedgerEntry, b: LedgerEntry) => byText(a.date, b.date) || byText(a.created_at, b.created_at);

/** Is every entry on or after the one before it? (The store hands them over in order.) */
function inOrder(entries: LedgerEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (chronological(entries[i - 1]!, entries[i]!) > 0) return false;
  return true;
}

/** One row per person with any give or ask, the most recently active first. */
export function ledgerRows(entries: LedgerEntry[]): LedgerRow[] {
  const rows = new Map<string, LedgerRow>();
  const keys = new Map<LedgerRow, string>();
  for (const e of inOrder(entries) ? entries : [...entries].sort(chronological)) {
    if (!e.give && !e.ask) continue;
    let row = rows.get(e.person_id);
    if (!row) {
      row = { id: e.person_id, name: e.name, gives: 0, asks: 0, balance: 0, last_give: null, last_ask: null, asked_first: false };
      rows.set(e.person_id, row);
      keys.set(row, e.name_key ?? foldName(e.name));
    }
    // A touch with both a give and an ask counts the give first: you gave in that same meeting.
    if (e.give) {
      row.gives++;
      row.last_give = e.date;
    }
    if (e.ask) {
      if (row.gives === 0) row.asked_first = true;
      row.asks++;
      row.last_ask = e.date;
    }
    row.balance = row.gives - row.asks;
  }
  // The most recently active first, then by name as a person reads it (folded: case and accents aside,
  // so Émile comes before Zoe), then as written, then id. Not Intl.Collator: making the first one loads
  // ICU's collation data, 7-40 ms of a cold start, and the whole ledger has ties on most days.
  const lastActive = (r: LedgerRow) => (byText(r.last_give ?? '', r.last_ask ?? '') > 0 ? r.last_give! : (r.last_ask ?? ''));
  const active = new Map([...rows.values()].map((r) => [r, lastActive(r)]));
  return [...rows.values()].sort(
    (a, b) => byText(active.get(b)!, active.get(a)!) || byText(keys.get(a)!, keys.get(b)!) || byText(a.name, b.name) || byText(a.id, b.id),
  );
}

export function ledgerTotals(rows: LedgerRow[]): LedgerTotals {
  return {
    gives: rows.reduce((n, r) => n + r.gives, 0),
    asks: rows.reduce((n, r) => n + r.asks, 0),
    people: rows.length,
    asked_first: rows.filter((r) => r.asked_first).length,
  };
}
