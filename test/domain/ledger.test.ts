import { describe, expect, it } from 'vitest';
import { ledgerRows, ledgerTotals, type LedgerEntry } from '../../src/domain/ledger.js';
import type { Kind } from '../../src/domain/types.js';

let n = 0;
const e = (person: string, date: string, give: Kind | null, ask: Kind | null): LedgerEntry => ({
  person_id: person,
  name: person.toUpperCase(),
  date,
  created_at: `2026-01-01T00:00:${String(n++).padStart(2, '0')}Z`,
  give,
  ask,
  note: null,
});

describe('ledgerRows', () => {
  it('counts gives and asks per person with a balance and the last dates', () => {
    const rows = ledgerRows([
      e('a', '2026-01-05', 'intro', null),
      e('a', '2026-02-01', 'advice', null),
      e('a', '2026-02-10', null, 'referral'),
      e('b', '2026-01-01', null, null),
    ]);
    expect(rows).toEqual([
      { id: 'a', name: 'A', gives: 2, asks: 1, balance: 1, last_give: '2026-02-01', last_ask: '2026-02-10', asked_first: false },
    ]);
  });

  it('flags people you asked before you had ever given to them, whatever order the entries come in', () => {
    const rows = ledgerRows([e('a', '2026-03-01', 'gift', null), e('a', '2026-02-01', null, 'help')]);
    expect(rows[0]).toMatchObject({ asked_first: true, balance: 0 });
  });

  it('a touch with both a give and an ask counts the give first', () => {
    expect(ledgerRows([e('a', '2026-02-01', 'advice', 'intro')])[0]).toMatchObject({ asked_first: false, gives: 1, asks: 1 });
  });

  it('orders by the most recent activity', () => {
    const rows = ledgerRows([e('old', '2025-01-01', 'gift', null), e('new', '2026-01-01', null, 'help')]);
    expect(rows.map((r) => r.id)).toEqual(['new', 'old']);
  });

  it('totals', () => {
    const rows = ledgerRows([e('a', '2026-01-01', null, 'help'), e('b', '2026-01-01', 'gift', null), e('b', '2026-01-02', 'gift', null)]);
    expect(ledgerTotals(rows)).toEqual({ gives: 2, asks: 1, people: 2, asked_first: 1 });
  });
});
