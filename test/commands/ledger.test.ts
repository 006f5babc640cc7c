import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { rhythmsAndABirthday } from './fixtures.js';

describe('rel ledger', () => {
  const { rel } = rhythmsAndABirthday();

  it('rows per person with gives, asks, balance and the asked-first flag', async () => {
    await rel(['log', 'maya', '--give', 'intro', '--on', '2026-02-01']);
    await rel(['log', 'maya', '--give', 'advice', '--on', '2026-02-10']);
    await rel(['log', 'maya', '--ask', 'referral', '--on', '2026-02-15']);
    await rel(['log', 'ana', '--ask', 'help', '--on', '2026-02-20']);
    const rows = (await rel(['ledger', '--json'])).json();
    expect(rows).toEqual([
      expect.objectContaining({ name: 'Ana', gives: 0, asks: 1, balance: -1, last_give: null, last_ask: '2026-02-20', asked_first: true }),
      expect.objectContaining({ name: 'Maya Chen', gives: 2, asks: 1, balance: 1, last_give: '2026-02-10', last_ask: '2026-02-15', asked_first: false }),
    ]);
    const table = (await rel(['ledger'])).out;
    expect(table).toMatch(/Ana\s+0\s+1\s+-1/);
    expect(table).toMatch(/You gave 2 times and asked 2 times/);
  });

  it('prints --json compact for programs, indented on a terminal, and [] when nothing was given or asked', async () => {
    expect((await rel(['ledger', '--json'])).out).toBe('[]\n');
    await rel(['log', 'maya', '--give', 'intro', '--on', '2026-02-01']);
    const piped = (await rel(['ledger', '--json'])).out;
    const rows = JSON.parse(piped);
    expect(piped).toBe(`${JSON.stringify(rows)}\n`);
    expect(rows).toEqual([{ id: expect.any(String), name: 'Maya Chen', gives: 1, asks: 0, balance: 1, last_give: '2026-02-01', last_ask: null, asked_first: false }]);
    expect((await rel(['ledger', '--json'], { stdoutIsTTY: true })).out).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });

  it('follows rel rm, rel undo and rel merge', async () => {
    await rel(['log', 'maya', '--give', 'intro', '--on', '2026-02-01']);
    await rel(['log', 'ana', '--ask', 'help', '--on', '2026-02-20']);
    const lines = async () => (await rel(['ledger', '--json'])).json().map((r: { name: string; gives: number; asks: number; asked_first: boolean }) =>
      [r.name, r.gives, r.asks, r.asked_first]);
    const both = [['Ana', 0, 1, true], ['Maya Chen', 1, 0, false]];
    expect(await lines()).toEqual(both);
    expect((await rel(['rm', 'ana', '--yes'])).code).toBe(0);
    expect(await lines()).toEqual([['Maya Chen', 1, 0, false]]);
    expect((await rel(['undo'])).code).toBe(0);
    expect(await lines()).toEqual(both);
    expect((await rel(['merge', 'maya', 'ana'])).code).toBe(0); // Ana's ask becomes Maya's, after her give
    expect(await lines()).toEqual([['Maya Chen', 1, 1, false]]);
    expect((await rel(['undo'])).code).toBe(0);
    expect(await lines()).toEqual(both);
  });

  it('one person: entries in order with kinds and notes, and totals', async () => {
    await rel(['log', 'maya', '--give', 'intro', '-m', 'to Ana', '--on', '2026-02-01']);
    await rel(['log', 'maya', '--ask', 'advice', '-m', 'pricing', '--on', '2026-02-03']);
    const v = (await rel(['ledger', 'maya', '--json'])).json();
    expect(v).toMatchObject({ gives: 1, asks: 1, balance: 0 });
    expect(v.entries).toEqual([
      { date: '2026-02-01', type: 'give', kind: 'intro', note: 'to Ana', via: 'meeting' },
      { date: '2026-02-03', type: 'ask', kind: 'advice', note: 'pricing', via: 'meeting' },
    ]);
    expect((await rel(['ledger'])).code).toBe(0);
  });
});

describe('small but visible (issue 11 item 16)', () => {
  const t = useTempRel({ now: '2026-03-01T09:00' });

  it('the ledger of one person: a header over every column; balance 0 is "even", never "+0"', async () => {
    await t.rel(['add', 'Leo']);
    await t.rel(['log', 'leo', '--give', 'gift', '-m', 'a book']);
    await t.rel(['log', 'leo', '--ask', 'advice']);
    const out = (await t.rel(['ledger', 'leo'])).out;
    const [, header, ...rows] = out.split('\n');
    expect(header).toMatch(/^date\s+what\s+kind\s+note$/);
    const gift = rows.find((r) => r.includes('gift'))!;
    expect(gift.indexOf('gave')).toBe(header!.indexOf('what'));
    expect(gift.indexOf('gift')).toBe(header!.indexOf('kind'));
    expect(out).toContain('balance even.');
    expect((await t.rel(['show', 'leo'])).out).toContain('balance even');
    expect((await t.rel(['brief', 'leo'])).out).toContain('balance even');
    expect((await t.rel(['show', 'leo'])).out).not.toContain('+0');
  });
});
