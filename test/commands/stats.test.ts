import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { relAt } from '../helpers.js';
import { aCto } from './fixtures.js';

describe('rel stats', () => {
  const { rel, tmp } = aCto();

  it('--json: the documented counts, 12 months oldest first, and the drifting', async () => {
    for (const d of ['2025-10-01', '2025-10-08', '2025-10-15', '2025-10-22']) await rel(['log', 'jose', '--on', d]);
    await rel(['log', 'maya', '--on', '2026-02-20', '--give', 'advice']);
    await rel(['log', 'maya', '--on', '2026-03-01', '--ask', 'referral']);
    const v = (await rel(['stats', '--json'])).json();
    expect(v).toMatchObject({
      contacts: 3, touched_30d: 1, touched_90d: 1, touched_365d: 2, never_touched: 1, with_rhythm: 2, rhythm_on_time: 1,
      rhythm_kept_share: 0.5, gives_365d: 1, asks_365d: 1, give_ask_ratio: 1,
    });
    expect(v.per_month).toEqual([0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 1, 1]);
    expect(v.months[0]).toBe('2025-04');
    expect(v.drifting).toEqual([{ id: expect.any(String), name: 'José Núñez', last_touch: '2025-10-22', usual_gap_days: 7, gap_days: 133, ratio: 19 }]);
  });

  it('in a terminal: the counts, a sparkline of touches per month, and who is drifting', async () => {
    for (const d of ['2025-10-01', '2025-10-08', '2025-10-15']) await rel(['log', 'jose', '--on', d]);
    const out = (await rel(['stats'])).out;
    expect(out).toMatch(/^3 contacts\n/);
    expect(out).toMatch(/never touched\s+2 \(67%\)/);
    expect(out).toMatch(/▁▁▁▁▁▁█▁▁▁▁▁/);
    expect(out).toMatch(/AMJJASONDJFM/);
    expect(out).toMatch(/José Núñez\s+2025-10-15 \(140 days ago\)\s+7 days\s+20\.0x/);
    // The Drifting table of a name of 21 characters, a silence of hundreds of days and a gap of weeks fits 70 columns whole.
    await rel(['edit', 'jose', '--name', 'José Núñez Benchmarks']);
    for (const d of ['2023-06-01', '2023-08-01', '2023-10-01']) await rel(['log', 'maya', '--on', d]);
    const narrow = (await rel(['stats'], { stdoutIsTTY: true, columns: 70, env: { NO_COLOR: '1' }, rows: 1000 })).out;
    expect(narrow).toMatch(/José Núñez Benchmarks +2025-10-15 \(140 days ago\) +7 days +20\.0x\n/);
    expect(narrow).not.toContain('…');
  });

  it('an empty network', async () => {
    const empty = relAt(join(tmp.dir, 'empty.db'));
    expect((await empty(['stats'])).out).toMatch(/^0 contacts\n\nNo one yet/);
    expect((await empty(['stats', '--json'])).json()).toMatchObject({ contacts: 0, per_month: Array(12).fill(0), drifting: [] });
  });
});
