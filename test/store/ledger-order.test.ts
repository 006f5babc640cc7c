/**
 * SQLite orders the whole ledger (ledgerInOrder) and writes its JSON (ledgerJson); the domain defines
 * the order (inLedgerOrder). On random ledgers with names that test an order of text (accents, case,
 * full-width letters, emoji, ties on every key), the three agree.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { inLedgerOrder, ledgerTotals, type KeyedLedgerRow } from '../../src/domain/ledger.js';
import { foldName } from '../../src/domain/names.js';
import type { Db } from '../../src/store/open.js';
import { ledgerInOrder, ledgerJson, ledgerLines, ledgerShape } from '../../src/store/touchpoints.js';
import { readTogether } from '../../src/store/open.js';
import { LEDGER_COLUMNS, ledgerCells, writeLedger } from '../../src/render/ledger.js';
import { paint } from '../../src/render/paint.js';
import { tableLines } from '../../src/render/table.js';
import { useTempDb } from '../helpers.js';
import { rng } from '../support.js';

const t = useTempDb();
let db: Db;
beforeEach(() => {
  db = t.db;
});

const NAMES = ['Ana', 'ana', 'Émile', 'Emile', 'Zoe', 'Ｚｏｅ', '😀 Zoe', 'Zoe 😀', '\uffff', 'Bo "B"', 'Ｂｏ', '🎉', 'Ana\\b'];

function fill(seed: number): void {
  const rnd = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const person = db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 'x', 'x')`);
  const touch = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, give, ask, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'call', ?, ?, ?, 'x')`);
  db.transaction(() => {
    for (let i = 0; i < 150; i++) {
      const name = pick(NAMES);
      const id = pick(['p', '😀', 'Ｐ', 'p😀']) + i; // ids too are ordered as text
      person.run(id, name, foldName(name));
      for (let k = Math.floor(rnd() * 4); k > 0; k--) {
        const date = `2026-0${1 + Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 3)}`;
        touch.run(`${id}-${k}`, id, `g${id}${k}`, date, rnd() < 0.6 ? 'intro' : null, rnd() < 0.4 ? 'advice' : null, `${date}T0${k}:00:00Z`);
      }
    }
  })();
}

/** The ledger's lines in no particular order, with the folded name that orders ties: what inLedgerOrder orders. */
const keyed = (): KeyedLedgerRow[] =>
  (db.prepare(`SELECT l.*, p.name, p.name_key FROM ledger_people l JOIN people p ON p.id = l.person_id ORDER BY random()`).all() as {
    person_id: string; name: string; name_key: string; gives: number; asks: number; last_give: string | null; last_ask: string | null; asked_first: number;
  }[]).map((r) => ({
    row: { id: r.person_id, name: r.name, gives: r.gives, asks: r.asks, balance: r.gives - r.asks, last_give: r.last_give, last_ask: r.last_ask, asked_first: r.asked_first === 1 },
    key: r.name_key,
  }));

describe('the whole ledger, ordered and written by SQLite', () => {
  it('is in the order inLedgerOrder defines, and its JSON is JSON.stringify of those lines', () => {
    for (const seed of [1, 2, 3]) {
      db.exec('DELETE FROM people');
      fill(seed);
      const rows = ledgerInOrder(db);
      expect(rows.length).toBeGreaterThan(60);
      expect(rows).toEqual(inLedgerOrder(keyed()));
      expect(ledgerJson(db).toString('utf8')).toBe(JSON.stringify(rows));
    }
  });

  it('puts a full-width name before an emoji on the same day (code point order, as SQLite has it)', () => {
    const person = db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 'x', 'x')`);
    const give = db.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, give, created_at, updated_at) VALUES (?, ?, ?, '2026-01-02', 'call', 'gift', 'x', 'x')`);
    for (const [id, name] of [['a', '😀'], ['b', 'Ｚ'], ['c', 'z']] as const) {
      person.run(id, name, foldName(name));
      give.run(`t${id}`, id, `g${id}`);
    }
    expect(ledgerInOrder(db).map((r) => r.name)).toEqual(['z', 'Ｚ', '😀']);
    expect(ledgerJson(db).toString('utf8')).toBe(JSON.stringify(ledgerInOrder(db)));
  });

  it('is an empty list when nothing was given or asked', () => {
    expect(ledgerInOrder(db)).toEqual([]);
    expect(ledgerJson(db).toString('utf8')).toBe('[]');
  });
});

describe("rel ledger's table, written as its lines are read", () => {
  /** What rel ledger prints: streamed, in the widths and with the totals ledgerShape read first. */
  const streamed = (width?: number, color = false) => {
    let out = '';
    readTogether(db, () => writeLedger((t) => (out += t), ledgerShape(db), ledgerLines(db), 'table', { color, width }));
    return out;
  };
  /** The same table laid out with every line in hand. */
  const heldWhole = (width?: number, color = false) => [...tableLines(LEDGER_COLUMNS, ledgerInOrder(db).map((r) => ledgerCells(r, paint(color))), { color, width })];

  it('is the table laid out with every line in hand, on a pipe, in colour and at 40, 80 and 200 columns, and its totals are ledgerTotals', () => {
    for (const seed of [4, 5, 6]) {
      db.exec('DELETE FROM people');
      fill(seed);
      for (const [width, color] of [[undefined, false], [undefined, true], [40, false], [80, true], [200, false]] as const) {
        const [table] = streamed(width, color).split('\n\n');
        expect(table!.split('\n')).toEqual(heldWhole(width, color));
      }
      const totals = ledgerTotals(ledgerInOrder(db));
      expect(totals.people).toBeGreaterThan(60);
      expect(ledgerShape(db).totals).toEqual(totals);
      expect(streamed()).toContain(`You gave ${totals.gives} times and asked ${totals.asks} times`);
    }
  });

  it('measures, before the first line, a wide name in CJK and counts and balances wider than their headings', () => {
    const person = db.prepare(`INSERT INTO people (id, name, name_key, added_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 'x', 'x')`);
    const line = db.prepare(`INSERT INTO ledger_people (person_id, gives, asks, last_give, last_ask, asked_first) VALUES (?, ?, ?, ?, ?, ?)`);
    person.run('a', 'Ann Lee', 'ann lee');
    person.run('b', '陈美玲 王', '陈美玲 王');
    line.run('a', 123456789, 2, '2026-01-02', '2026-01-01', 1);
    line.run('b', 1, 98765432, '2026-01-03', null, 0);
    expect(streamed().split('\n').slice(0, 3)).toEqual([
      'name       gave       asked     balance     last give   last ask',
      '陈美玲 王  1          98765432  -98765431   2026-01-03',
      'Ann Lee    123456789  2         +123456787  2026-01-02  2026-01-01  asked first',
    ]);
    expect(heldWhole().slice(0, 3)).toEqual(streamed().split('\n').slice(0, 3));
  });

  it('has no lines and totals of nought when nothing was given or asked', () => {
    expect(ledgerShape(db).totals).toEqual({ gives: 0, asks: 0, people: 0, asked_first: 0 });
  });
});
