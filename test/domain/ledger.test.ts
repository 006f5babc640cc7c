import { describe, expect, it, vi } from 'vitest';
import { inLedgerOrder, ledgerRows, ledgerTotals, type LedgerEntry } from '../../src/domain/ledger.js';
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

describe('ledgerRows: order within a day and between people', () => {
  const at = (person: string, date: string, time: string, give: Kind | null, ask: Kind | null, name = person.toUpperCase()): LedgerEntry =>
    ({ person_id: person, name, date, created_at: `${date}T${time}Z`, give, ask, note: null });

  it('on one day, what was logged first came first: an ask logged before a give is asked first', () => {
    const give = at('a', '2026-02-01', '18:00:00', 'gift', null);
    const ask = at('a', '2026-02-01', '09:00:00', null, 'help');
    expect(ledgerRows([give, ask])[0]).toMatchObject({ asked_first: true, gives: 1, asks: 1, balance: 0 });
    expect(ledgerRows([ask, give])[0]).toMatchObject({ asked_first: true });
    const later = at('a', '2026-02-01', '20:00:00', null, 'help');
    expect(ledgerRows([later, give])[0]).toMatchObject({ asked_first: false, balance: 0 });
  });

  it('a person last active with a give and one last active with an ask sort by that latest day', () => {
    const rows = ledgerRows([
      at('g', '2026-03-05', '10:00:00', 'gift', null), at('g', '2026-01-01', '10:00:00', null, 'help'),
      at('k', '2026-03-01', '10:00:00', 'gift', null), at('k', '2026-03-09', '10:00:00', null, 'help'),
      at('o', '2026-02-01', '10:00:00', null, 'help'),
    ]);
    expect(rows.map((r) => [r.id, r.last_give, r.last_ask, r.balance])).toEqual([
      ['k', '2026-03-01', '2026-03-09', 0],
      ['g', '2026-03-05', '2026-01-01', 0],
      ['o', null, '2026-02-01', -1],
    ]);
  });

  it('people last active on the same day sort by name, then id', () => {
    const rows = ledgerRows([
      at('3', '2026-03-01', '10:00:00', 'gift', null, 'Bea'),
      at('1', '2026-03-01', '11:00:00', 'gift', null, 'Bea'),
      at('2', '2026-03-01', '12:00:00', 'gift', null, 'Al'),
    ]);
    expect(rows.map((r) => `${r.name}/${r.id}`)).toEqual(['Al/2', 'Bea/1', 'Bea/3']);
  });

  it('totals of nothing are zero', () => {
    expect(ledgerTotals([])).toEqual({ gives: 0, asks: 0, people: 0, asked_first: 0 });
  });
});

describe('ledgerRows: names in the order a person reads them, without a collator', () => {
  const at = (person: string, name: string, date: string): LedgerEntry =>
    ({ person_id: person, name, date, created_at: `${date}T09:00:00Z`, give: 'gift', ask: null, note: null });

  // Making the first Intl.Collator loads ICU's data: 7-40 ms of a cold start (rel ledger, rel show).
  it('makes no Intl.Collator, for one person or for many tied ones', () => {
    const made = vi.spyOn(Intl, 'Collator');
    try {
      expect(ledgerRows([at('a', 'Émile', '2026-01-01'), at('a', 'Émile', '2026-02-01')])).toHaveLength(1);
      expect(ledgerRows([at('a', 'Émile', '2026-01-01'), at('b', 'Zoe', '2026-02-01')]).map((r) => r.id)).toEqual(['b', 'a']);
      expect(ledgerRows([at('z', 'Zoe', '2026-01-01'), at('e', 'Émile', '2026-01-01')]).map((r) => r.id)).toEqual(['e', 'z']);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });

  it('people tied on their last activity are ordered by name as a person reads it (É before Z, case aside), then id', () => {
    const rows = ledgerRows([
      at('z', 'Zoe', '2026-01-01'), at('e2', 'Émile', '2026-01-01'), at('e1', 'Émile', '2026-01-01'),
      at('b', 'bea', '2026-01-01'), at('a', 'Álvaro', '2026-01-01'), at('c', 'Carl', '2026-01-01'), at('e0', 'Emile', '2026-01-01'),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Álvaro', 'bea', 'Carl', 'Emile', 'Émile', 'Émile', 'Zoe']);
    expect(rows.filter((r) => r.name === 'Émile').map((r) => r.id)).toEqual(['e1', 'e2']);
  });

  it('inLedgerOrder orders ties by the folded name it is given (people.name_key), then as written, then id', () => {
    const row = (id: string, name: string, last: string) =>
      ({ id, name, gives: 1, asks: 0, balance: 1, last_give: last, last_ask: null, asked_first: false });
    const rows = inLedgerOrder([
      { row: row('1', 'Zed', '2026-01-01'), key: 'a' },
      { row: row('2', 'Abe', '2026-01-01'), key: 'b' },
      { row: row('4', 'Émile', '2026-01-01'), key: 'b' },
      { row: row('3', 'Émile', '2026-01-01'), key: 'b' },
      { row: row('5', 'Old', '2025-01-01'), key: 'a' },
      { row: row('6', 'New', '2026-02-01'), key: 'z' },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['6', '1', '2', '3', '4', '5']);
  });

  it('counts an ask as activity: someone only asked of lately comes before someone given to long ago', () => {
    const row = (id: string, last_give: string | null, last_ask: string | null) =>
      ({ id, name: id, gives: last_give ? 1 : 0, asks: last_ask ? 1 : 0, balance: 0, last_give, last_ask, asked_first: false });
    const rows = inLedgerOrder([
      { row: row('a', '2025-01-01', null), key: 'a' },
      { row: row('z', null, '2026-02-01'), key: 'z' },
      { row: row('m', '2026-01-01', '2025-06-01'), key: 'm' },
    ]);
    expect(rows.map((r) => r.id)).toEqual(['z', 'm', 'a']);
  });

  it('entries handed over out of order are put in order first (asked first is about order)', () => {
    const e = (date: string, time: string, give: LedgerEntry['give'], ask: LedgerEntry['ask']): LedgerEntry =>
      ({ person_id: 'p', name: 'P', date, created_at: `${date}T${time}Z`, give, ask, note: null });
    const late = [e('2026-02-01', '09:00:00', null, 'advice'), e('2026-01-01', '09:00:00', 'gift', null)];
    expect(ledgerRows(late)[0]).toMatchObject({ asked_first: false, last_give: '2026-01-01', last_ask: '2026-02-01' });
    const sameDay = [e('2026-01-01', '10:00:00', 'gift', null), e('2026-01-01', '09:00:00', null, 'advice')];
    expect(ledgerRows(sameDay)[0]).toMatchObject({ asked_first: true });
  });
});
