import { describe, expect, it } from 'vitest';
import { width } from '../../src/render/columns.js';
import { fitWidths, streamedTableLines, table, tableLines } from '../../src/render/table.js';
import { useTempRel } from '../helpers.js';

const NOTE = 'a long note about the conference in Lisbon, the kids, and the new job at a company with a long name';

describe('fitWidths', () => {
  it('cuts the most cuttable columns first, down to their narrowest, and drops them before touching the next', () => {
    const cols = [{ head: 'a' }, { head: 'b', cut: 1 }, { head: 'c', cut: 3 }, { head: 'd', cut: 3, min: 10 }];
    expect(fitWidths([10, 20, 40, 10], cols, undefined)).toEqual([10, 20, 40, 10]);
    expect(fitWidths([10, 20, 40, 10], cols, 200)).toEqual([10, 20, 40, 10]);
    expect(fitWidths([10, 20, 40, 10], cols, 70)).toEqual([10, 20, 24, 10]); // 10 + 20 + 24 + 10 + 3 gaps
    expect(fitWidths([10, 20, 40, 10], cols, 54)).toEqual([10, 20, 8, 10]);
    expect(fitWidths([10, 20, 40, 10], cols, 50)).toEqual([10, 20, 16, 0]); // d is whole or gone; c gets its room
    expect(fitWidths([10, 20, 40, 10], cols, 40)).toEqual([10, 20, 0, 0]); // the name stays whole
    expect(fitWidths([10, 20, 40, 10], cols, 25)).toEqual([10, 13, 0, 0]);
    expect(fitWidths([10, 20, 40, 10], cols, 12)).toEqual([10, 0, 0, 0]);
    expect(fitWidths([10, 20, 40, 10], cols, 6)).toEqual([6, 0, 0, 0]); // what never gives way is cut last
  });
});

describe('tables fit the terminal', () => {
  const t = useTempRel({ now: '2026-03-04T09:00' });
  const seed = async () => {
    await t.rel(['add', 'Maya Chen-Okonkwo de la Fuente', '--every', '2w', '--company', 'The Extremely Long Company Name Ltd', '--tag', 'friends', '--tag', 'lisbon', '--tag', 'conference-2025']);
    await t.rel(['add', 'José Núñez 🎉', '--every', '1m', '--company', 'Acme']);
    await t.rel(['log', 'maya', '-m', NOTE, '--give', 'intro', '--follow-up', '2026-03-04', '--on', '2026-02-01']);
    await t.rel(['log', 'jose', '--ask', 'advice', '-m', NOTE, '--on', '2026-01-01']);
  };
  const views = [['list'], ['ledger'], ['ledger', 'maya'], ['due']];

  it.each([40, 80, 200])('at %i columns no line of list, ledger or due is wider than the terminal', async (columns) => {
    await seed();
    for (const argv of views) {
      const r = await t.rel([...argv, '-q'], { stdoutIsTTY: true, columns, env: { NO_COLOR: '1' }, rows: 1000 }); // -q: the table alone
      expect(r.code).toBe(0);
      const lines = r.out.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(width(l), `${argv.join(' ')}: ${l}`).toBeLessThanOrEqual(columns);
      if (columns === 200) expect(r.out).not.toContain('…');
    }
  });

  it.each([40, 60, 80])('at %i columns rel list shows every name, and the rhythm before the snooze, the tags or the company', async (columns) => {
    await seed();
    await t.rel(['snooze', 'jose', '2026-04-01']);
    const r = await t.rel(['list', '-q'], { stdoutIsTTY: true, columns, env: { NO_COLOR: '1' }, rows: 1000 });
    const [head, ...rows] = r.out.trimEnd().split('\n');
    expect(head).toMatch(/name/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/José Núñez/);
    expect(rows[1]).toMatch(/Maya Chen/);
    // Whole columns go, the least needed first: the snooze's day and the tags, then the id and the company.
    expect(head).toMatch({ 40: /^name +last touch$/, 60: /^name +rhythm +last touch$/, 80: /^id +name +company +rhythm +last touch$/ }[columns]!);
    if (columns >= 60) {
      expect(rows[0]).toMatch(/José Núñez 🎉 +(Acme +)?every 1m  +\d+ days ago$/);
      expect(rows[1]).toMatch(/every 2w  +\d+ days ago$/);
    }
    expect((await t.rel(['list', '-q'], { stdoutIsTTY: true, columns: 200, env: { NO_COLOR: '1' }, rows: 1000 })).out).toMatch(
      /^id +name +company +tags +rhythm +snoozed +last touch\n/,
    );
  });

  it('rel due shows a last touch whole or not at all, at any width', async () => {
    await seed();
    let shown = 0;
    for (let columns = 50; columns <= 120; columns += 2) {
      const out = (await t.rel(['due', '-q'], { stdoutIsTTY: true, columns, env: { NO_COLOR: '1' }, rows: 1000 })).out;
      expect(out, `${columns} columns`).not.toMatch(/\d+ (d|da|day|days|days a|days ag)…/);
      if (/last touch/.test(out)) {
        shown++;
        expect(out).toMatch(/\d+ days ago/);
      }
    }
    expect(shown).toBeGreaterThan(10);
  });

  it('at 80 columns the notes are cut first: names stay whole', async () => {
    await seed();
    const due = await t.rel(['due'], { stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(due.out).toContain('Maya Chen-Okonkwo de la Fuente');
    expect(due.out).not.toContain(NOTE.slice(0, 30));
    const ledger = await t.rel(['ledger', 'maya'], { stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(ledger.out).toMatch(/2026-02-01 {2}gave {2}intro {2}a long note about the .*…\n/);
    const list = await t.rel(['list'], { stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(list.out).toContain('Maya Chen-Okonkwo de la Fuente');
    expect(list.out).toContain('every 2w');
  });

  it('to a pipe nothing is cut; --json and show keep the full text', async () => {
    await seed();
    expect((await t.rel(['ledger', 'maya'])).out).toContain(NOTE);
    expect((await t.rel(['list'])).out).toContain('The Extremely Long Company Name Ltd');
    expect(JSON.stringify((await t.rel(['ledger', 'maya', '--json'], { stdoutIsTTY: true, columns: 40 })).json())).toContain(NOTE);
  });

  it('a coloured table is cut like a plain one', () => {
    const out = table(['name', { head: 'note', cut: 3 }], [['\x1b[1mMaya\x1b[22m', `\x1b[2m${NOTE}\x1b[22m`]], { color: true, width: 30 });
    for (const l of out.split('\n')) expect(width(l)).toBeLessThanOrEqual(30);
    expect(out).toContain('…\x1b[0m');
  });
});

describe('a table written as its rows are read', () => {
  const rows = [['Ann', 'Acme'], ['陈美玲', 'a company far wider than promised']];

  it('is as wide as the widths given before the first row, and cuts a cell wider than promised with "…"', () => {
    expect([...streamedTableLines(['name', 'company'], [6, 10], rows, { color: false })]).toEqual([
      'name    company',
      'Ann     Acme',
      '陈美玲  a company…',
    ]);
  });

  it('fits the given widths to the terminal, as a table held whole is fitted to its widest cells', () => {
    const cols = [{ head: 'name', cut: 1 }, { head: 'company', cut: 3 }];
    const natural = [6, 33];
    const held = [...tableLines(cols, rows, { color: false, width: 24 })];
    expect([...streamedTableLines(cols, natural, rows, { color: false, width: 24 })]).toEqual(held);
    expect(held).toEqual(['name    company', 'Ann     Acme', '陈美玲  a company far w…']);
  });

  it('reads its rows once, as they come', () => {
    let read = 0;
    function* source() {
      for (const r of rows) {
        read++;
        yield r;
      }
    }
    const lines = streamedTableLines(['name', 'company'], [6, 33], source(), { color: false });
    expect(lines.next().value).toBe('name    company');
    expect(read).toBe(0);
    lines.next();
    expect(read).toBe(1);
    expect([...lines]).toHaveLength(1);
    expect(read).toBe(2);
  });
});
