/**
 * The give-before-ask ledger: a mirror of what you have given each person against what you asked.
 * Pure: entries in, rows out.
 */
import { byCodePoint, byText, foldName } from './names.js';
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

const chronological = (a: LedgerEntry, b: LedgerEntry) => byText(a.date, b.date) || byText(a.created_at, b.created_at);

/** Is every entry on or after the one before it? (The store hands them over in order.) */
function inOrder(entries: LedgerEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (chronological(entries[i - 1]!, entries[i]!) > 0) return false;
  return true;
}

/** One row per person with any give or ask, the most recently active first (inLedgerOrder). */
export function ledgerRows(entries: LedgerEntry[]): LedgerRow[] {
  const rows = new Map<string, KeyedLedgerRow>();
  for (const e of inOrder(entries) ? entries : [...entries].sort(chronological)) {
    if (!e.give && !e.ask) continue;
    let keyed = rows.get(e.person_id);
    if (!keyed) {
      const row = { id: e.person_id, name: e.name, gives: 0, asks: 0, balance: 0, last_give: null, last_ask: null, asked_first: false };
      keyed = { row, key: foldName(e.name) };
      rows.set(e.person_id, keyed);
    }
    const { row } = keyed;
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
  return inLedgerOrder([...rows.values()]);
}

/** A ledger row with the person's folded name (people.name_key), which orders ties. */
export interface KeyedLedgerRow {
  row: LedgerRow;
  key: string;
}

/**
 * The ledger's order: the most recently active first, then by name as a person reads it (folded: case
 * and accents aside, so Émile comes before Zoe), then as written, then id; text in code point order
 * (byCodePoint), so that SQLite, which orders the whole ledger (store/touchpoints.ts ledgerInOrder), gives
 * this order. Not Intl.Collator: making the first one loads ICU's collation data, 7-40 ms of a cold
 * start, and the whole ledger has ties on most days.
 */
export function inLedgerOrder(keyed: KeyedLedgerRow[]): LedgerRow[] {
  const lastActive = (r: LedgerRow) => (byText(r.last_give ?? '', r.last_ask ?? '') > 0 ? r.last_give! : (r.last_ask ?? ''));
  const sorted = keyed.map((k) => ({ ...k, active: lastActive(k.row) }));
  sorted.sort((a, b) => byText(b.active, a.active) || byCodePoint(a.key, b.key) || byCodePoint(a.row.name, b.row.name) || byCodePoint(a.row.id, b.row.id));
  return sorted.map((k) => k.row);
}

/**
 * What rel ledger's table needs before its first row (store/touchpoints.ts ledgerShape), so that no row
 * is held: the totals, the widest name among ASCII names (its length) and the names that are not ASCII
 * (measured by the renderer), the longest count of gives and of asks, each distinct balance, and whether
 * any line has a last give, a last ask, or an ask first.
 */
export interface LedgerShape {
  totals: LedgerTotals;
  asciiName: number;
  otherNames: string[];
  givesDigits: number;
  asksDigits: number;
  balances: number[];
  lastGive: boolean;
  lastAsk: boolean;
  askedFirst: boolean;
}

export function ledgerTotals(rows: LedgerRow[]): LedgerTotals {
  return {
    gives: rows.reduce((n, r) => n + r.gives, 0),
    asks: rows.reduce((n, r) => n + r.asks, 0),
    people: rows.length,
    asked_first: rows.filter((r) => r.asked_first).length,
  };
}
