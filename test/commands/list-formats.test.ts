// Not per command: --format plain|tsv and -q on the lists of date, need, offer and suggest (issue 11:
// every read command that prints a table has them, as rel due, list and ledger do).
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

describe('--format plain|tsv and -q on the lists of date, need, offer and suggest', () => {
  const t = useTempRel({ now: '2026-03-04T09:00', env: { XDG_CONFIG_HOME: '/nonexistent-rel-test-config' } });
  const seed = async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['add', 'Bob Stone']);
  };

  it('rel date WHO: plain lines, a TSV of the JSON field names, nothing at all with -q or when empty', async () => {
    await seed();
    expect((await t.rel(['date', 'maya', '--format', 'plain'])).out).toBe('');
    expect((await t.rel(['date', 'maya', '-q'])).out).toBe('');
    expect((await t.rel(['date', 'maya'])).out).toMatch(/^No dates for Maya Chen/);
    await t.rel(['date', 'maya', 'wedding', '2026-09-12']);
    await t.rel(['date', 'maya', 'work anniversary', '2021-05-03', '--yearly']);
    // In the order of the table: the next to come first.
    expect((await t.rel(['date', 'maya', '--format', 'plain'])).out).toBe(
      'Maya Chen — work anniversary: every year on 3 May (since 2021), next 2026-05-03\nMaya Chen — wedding: on 12 Sep 2026, next 2026-09-12\n',
    );
    const tsv = (await t.rel(['date', 'maya', '--format', 'tsv'])).out.trimEnd().split('\n');
    expect(tsv[0]).toBe('id\tname\tlabel\tdate\tyearly\tnext');
    expect(tsv.slice(1).map((l) => l.split('\t').slice(1))).toEqual([
      ['Maya Chen', 'work anniversary', '2021-05-03', 'true', '2026-05-03'],
      ['Maya Chen', 'wedding', '2026-09-12', 'false', '2026-09-12'],
    ]);
    expect((await t.rel(['date', 'maya', '--format', 'json'])).json()).toHaveLength(2);
  });

  it('rel need and rel offer: plain and TSV lists, -q empty', async () => {
    await seed();
    expect((await t.rel(['need', '-q'])).out).toBe('');
    await t.rel(['need', 'maya', 'a', 'backend', 'job']);
    await t.rel(['offer', 'bob', 'hires', 'backend', 'engineers']);
    expect((await t.rel(['need', '--format', 'plain'])).out).toBe('Maya Chen — a backend job\n');
    expect((await t.rel(['offer', '--format', 'plain'])).out).toBe('Bob Stone — hires backend engineers\n');
    const tsv = (await t.rel(['need', '--format', 'tsv'])).out.trimEnd().split('\n');
    expect(tsv[0]).toBe('id\tname\tkind\ttext\tcreated_at\tclosed_on');
    expect(tsv[1]!.split('\t').slice(1, 4)).toEqual(['Maya Chen', 'need', 'a backend job']);
  });

  it('rel suggest: plain and TSV, -q prints nothing when there is nothing to suggest', async () => {
    await seed();
    expect((await t.rel(['suggest', '-q'])).out).toBe('');
    expect((await t.rel(['suggest', '--format', 'tsv'])).out).toBe('');
    for (const d of ['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']) await t.rel(['log', 'bob', '--on', d]);
    const plain = (await t.rel(['suggest', '--format', 'plain'])).out;
    expect(plain).toMatch(/^Bob Stone — every 1m: /);
    const tsv = (await t.rel(['suggest', '--format', 'tsv'])).out.trimEnd().split('\n');
    expect(tsv[0]).toBe('id\tname\tevery_days\tsuggested_days\ttouches\treason');
    expect(tsv[1]!.split('\t').slice(1, 5)).toEqual(['Bob Stone', '', '30', '4']);
  });

  it('--json and --format that disagree are refused', async () => {
    await seed();
    const r = await t.rel(['date', 'maya', '--json', '--format', 'tsv']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('rel: --json and --format tsv disagree: use one of them\n');
  });
});
