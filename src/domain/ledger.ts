/**
 * The give-before-ask ledger: a mirror of what you have given each person against what you asked.
 * Pure: entries in, rows out.
 */
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

/** One row per person with any give or ask, the most recently active first. */
export function ledgerRows(entries: LedgerEntry[]): LedgerRow[] {
  const rows = new Map<string, LedgerRow>();
  for (const e of [...entries].sort(chronological)) {
    if (!e.give && !e.ask) continue;
    let row = rows.get(e.person_id);
    if (!row) {
      row = { id: e.person_id, name: e.name, gives: 0, asks: 0, balance: 0, last_give: null, last_ask: null, asked_first: false };
      rows.set(e.person_id, row);
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
  // The most recently active first, then by name (as localeCompare orders names), then id. The collator
  // is made only when two people tie on their last activity: the first one loads ICU's data, 12-40 ms of
  // a cold start, which rel show and rel brief (one person's ledger line) never need.
  let names: Intl.Collator | undefined;
  const lastActive = new Map([...rows.values()].map((r) => [r, byText(r.last_give ?? '', r.last_ask ?? '') > 0 ? r.last_give! : (r.last_ask ?? '')]));
  return [...rows.values()].sort(
    (a, b) =>
      byText(lastActive.get(b)!, lastActive.get(a)!) || (names ??= new Intl.Collator()).compare(a.name, b.name) || a.id.localeCompare(b.id),
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
