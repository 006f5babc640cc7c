import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { averageGap, driftingFrom, DRIFT_LIMIT, lastMonths, median, perMonth, type TouchSpan } from '../../src/domain/touch-history.js';

const today = '2026-03-15';
const ago = (n: number) => addDays(today, -n);
const span = (id: string, first: number | null, last: number | null, days: number, name = id.toUpperCase()): TouchSpan => ({
  id,
  name,
  first_touch: first === null ? null : ago(first),
  last_touch: last === null ? null : ago(last),
  touch_days: days,
});

describe('averageGap', () => {
  it.each([
    [span('a', 20, 0, 3), 10],
    [span('a', 21, 0, 3), 11], // 10.5 rounds up
    [span('a', 2, 0, 3), 1],
    [span('a', 30, 0, 2), null], // two days touched are not enough
    [span('a', null, null, 0), null],
  ])('%j → %s', (s, gap) => {
    expect(averageGap(s)).toBe(gap);
  });
});

describe('driftingFrom', () => {
  it('lists people whose gap is at least 1.5 times their usual gap, the largest ratio first', () => {
    const list = driftingFrom([span('a', 34, 20, 3), span('b', 40, 30, 3), span('c', 24, 10, 3)], today);
    expect(list).toEqual([
      { id: 'b', name: 'B', last_touch: ago(30), usual_gap_days: 5, gap_days: 30, ratio: 6 },
      { id: 'a', name: 'A', last_touch: ago(20), usual_gap_days: 7, gap_days: 20, ratio: 2.86 },
    ]);
  });

  it('someone touched after today is not drifting; nor is anyone with fewer than 3 days', () => {
    expect(driftingFrom([span('a', 40, -2, 5), span('b', 400, 300, 2)], today)).toEqual([]);
  });

  it(`keeps the ${DRIFT_LIMIT} largest ratios`, () => {
    // usual gap 10 for all; gaps 20..31 days: ratios 2.0 .. 3.1
    const spans = Array.from({ length: 12 }, (_, i) => span(`q${String(i).padStart(2, '0')}`, 40 + i, 20 + i, 3));
    expect(driftingFrom(spans, today).map((d) => d.id)).toEqual(['q11', 'q10', 'q09', 'q08', 'q07', 'q06', 'q05', 'q04', 'q03', 'q02']);
  });

  it('ties: the larger gap first, then by name (case and accents folded), then by id', () => {
    const spans = [span('z1', 50, 30, 3, 'Zoe'), span('z0', 50, 30, 3, 'zoe'), span('e', 50, 30, 3, 'Émile'), span('g', 100, 60, 3, 'Gus')];
    // Gus: usual 20, gap 60: 3.0; the others: usual 10, gap 30: 3.0 — Gus has the larger gap.
    expect(driftingFrom(spans, today).map((d) => d.id)).toEqual(['g', 'e', 'z1', 'z0']);
  });
});

describe('perMonth', () => {
  it('fills the 12 months up to today, oldest first, zero where nothing was counted', () => {
    const months = lastMonths(today);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(perMonth(new Map([['2026-03', 4], ['2025-04', 1], ['2024-01', 9]]), today)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
  });
});

describe('touch history: edges', () => {
  it.each([
    [[], null], [[5], 5], [[3, 1], 2], [[10, 1, 4], 4], [[4, 1, 3, 2], 2.5], [[-1, 1], 0],
  ])('median of %j is %j', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it('lastMonths crosses the year back, and takes a count', () => {
    expect(lastMonths('2026-02-10', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-12-31', 1)).toEqual(['2026-12']);
    expect(lastMonths('0001-01-01', 2)).toEqual(['0000-12', '0001-01']);
    expect(lastMonths('2026-03-15')).toHaveLength(12);
    expect(lastMonths('2026-03-15')[0]).toBe('2025-04');
  });

  it('averageGap needs 3 days touched, rounds, and is at least 1 day', () => {
    expect(averageGap(span('a', 20, 0, 3))).toBe(10);
    expect(averageGap(span('a', 20, 0, 2))).toBeNull();
    expect(averageGap(span('a', 21, 0, 3))).toBe(11); // 10.5 rounds up
    expect(averageGap(span('a', 2, 0, 3))).toBe(1);
    expect(averageGap(span('a', 1, 0, 3))).toBe(1); // 0.5: at least 1
    expect(averageGap(span('a', null, 0, 3))).toBeNull();
    expect(averageGap(span('a', 20, null, 3))).toBeNull();
  });

  it('a gap of exactly 1.5 times the usual one is drifting, just under is not', () => {
    // first touch 35 days ago, last 15 days ago, 3 days touched: a usual gap of 10 days
    expect(driftingFrom([span('a', 35, 15, 3)], today)).toEqual([
      { id: 'a', name: 'A', last_touch: ago(15), usual_gap_days: 10, gap_days: 15, ratio: 1.5 },
    ]);
    expect(driftingFrom([span('a', 34, 14, 3)], today)).toEqual([]);
  });

  it('someone touched today is not drifting, whatever their usual gap', () => {
    expect(driftingFrom([span('a', 2, 0, 3)], today)).toEqual([]);
  });
});
