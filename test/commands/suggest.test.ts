import { beforeEach, describe, expect, it } from 'vitest';
import { aCto } from './fixtures.js';

describe('rel suggest', () => {
  const { rel } = aCto();
  beforeEach(async () => {
    for (const d of ['2026-01-05', '2026-02-04', '2026-03-03']) await rel(['log', 'jose', '--on', d]); // 1w set, ~1m real
    for (const d of ['2026-02-10', '2026-02-17', '2026-02-24', '2026-03-02']) await rel(['log', 'ana', '--on', d]); // none set, 1w real
  });

  it('--json: people without a rhythm first, then the ones far off', async () => {
    const list = (await rel(['suggest', '--json'])).json();
    expect(list.map((s: { name: string; every_days: number | null; suggested_days: number }) => [s.name, s.every_days, s.suggested_days])).toEqual([
      ['Ana', null, 7], ['José Núñez', 7, 30],
    ]);
    expect(list[1].reason).toBe('you set every 1w but touch about every 1m (usually 29 days apart, 3 touches in 2 years)');
    expect((await rel(['suggest'])).out).toMatch(/José Núñez\s+every 1w\s+every 1m/);
  });

  it('--accept sets them all in one change, and rel undo puts them back', async () => {
    const r = await rel(['suggest', '--accept']);
    expect(r.out).toBe('Set 2 rhythms:\n  Ana: every 1w (was none)\n  José Núñez: every 1m (was every 1w)\nrel undo takes them back.\n');
    expect((await rel(['show', 'ana', '--json'])).json().every_days).toBe(7);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(30);
    expect((await rel(['suggest', '--json'])).json()).toEqual([]);
    expect((await rel(['undo'])).out).toBe('Undid suggest: rhythms for 2 people.\n');
    expect((await rel(['show', 'ana', '--json'])).json().every_days).toBe(null);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(7);
  });

  it('--accept WHO sets only theirs; someone without a suggestion is named, the others are accepted (issue 11)', async () => {
    expect((await rel(['suggest', '--accept', 'ana', '--json'])).json()).toMatchObject([{ name: 'Ana', every_days: null, suggested_days: 7 }]);
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(7);
    const r = await rel(['suggest', '--accept', 'maya', 'jose']);
    expect(r.err).toBe('rel: no suggestion for Maya Chen (rel suggest needs 3 touches on different days in 2 years); left as it was\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Set 1 rhythm:\n  José Núñez: every 1m (was every 1w)\nrel undo takes it back.\n');
    expect((await rel(['show', 'jose', '--json'])).json().every_days).toBe(30);
  });

  it('--accept WHO where no one has a suggestion: exit 2, nothing changed', async () => {
    const r = await rel(['suggest', '--accept', 'maya']);
    expect(r.err).toBe('rel: no suggestion for Maya Chen (rel suggest needs 3 touches on different days in 2 years); nothing was changed\n');
    expect(r.code).toBe(2);
    expect((await rel(['undo', '--list', '--json'])).json().filter((c: { command: string }) => c.command === 'suggest')).toEqual([]);
  });
});
