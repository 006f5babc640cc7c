import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt, tempDir } from '../helpers.js';

let tmp: ReturnType<typeof tempDir>;
let rel: ReturnType<typeof relAt>;
beforeEach(async () => {
  tmp = tempDir();
  rel = relAt(join(tmp.dir, 'rel.db'), { now: '2026-03-04T09:00' });
  await rel(['add', 'Maya Chen', '--every', '2w'], { now: '2026-01-01' });
  await rel(['add', 'José Núñez', '--birthday', '--03-10'], { now: '2026-01-01' });
  await rel(['add', 'Ana'], { now: '2026-01-01' });
  await rel(['log', 'maya', '--on', '2026-02-08']); // due 02-22: 10 days overdue
  await rel(['log', 'ana', '--on', '2026-02-20', '-m', 'send\tthe deck\nand the notes', '--follow-up', '2026-03-03'], { now: '2026-02-20' });
});
afterEach(() => tmp.cleanup());

describe('rel due --format', () => {
  it('plain: one line per item, no table, no colour, even on a terminal', async () => {
    const r = await rel(['due', '--format', 'plain'], { stdoutIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'Maya Chen — overdue 10 days (every 2w)',
        'Ana — follow-up, 1 day late: send the deck',
        'José Núñez — birthday in 6 days',
      ].join('\n') + '\n',
    );
    expect(r.out).not.toMatch(/\x1b/);
  });

  it('plain: an important date by its label', async () => {
    await rel(['date', 'ana', 'wedding', '2026-03-07']);
    expect((await rel(['due', '--format', 'plain'])).out).toContain('Ana — wedding in 3 days\n');
  });

  it('tsv: a header of the JSON field names, then one row per item; tabs and line breaks escaped', async () => {
    const json = (await rel(['due', '--json'])).json();
    const r = await rel(['due', '--format', 'tsv']);
    const [header, ...rows] = r.out.replace(/\n$/, '').split('\n');
    expect(header!.split('\t')).toEqual(Object.keys(json[0]));
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, n) => {
      const cells = row.split('\t');
      expect(cells).toHaveLength(header!.split('\t').length);
      expect(cells[1]).toBe(json[n].name);
      expect(cells[header!.split('\t').indexOf('every_days')]).toBe(json[n].every_days === null ? '' : String(json[n].every_days));
    });
    expect(r.out).toContain('send\\tthe deck\\nand the notes');
  });

  it('nothing due: plain prints nothing, tsv only its header (whatever -q says)', async () => {
    const empty = relAt(join(tmp.dir, 'empty.db'));
    expect((await empty(['due', '--format', 'plain'])).out).toBe('');
    expect((await empty(['due', '--format', 'tsv'])).out).toMatch(/^id\tname\treason\tdate\t[^\n]*\n$/);
    expect((await empty(['due', '--format', 'table'])).out).toBe('No one is due. Nice.\n');
  });

  it('--format json is --json; --limit applies; the two flags must agree', async () => {
    expect((await rel(['due', '--format', 'json'])).json()).toEqual((await rel(['due', '--json'])).json());
    expect((await rel(['due', '--format', 'json', '--json'])).code).toBe(0);
    expect((await rel(['due', '--format', 'plain', '--limit', '1'])).out).toBe('Maya Chen — overdue 10 days (every 2w)\n');
    const both = await rel(['due', '--json', '--format', 'tsv']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--json and --format tsv disagree/);
    const bad = await rel(['due', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/table, plain, tsv, json/);
  });
});
