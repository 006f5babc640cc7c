import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../../src/domain/dates.js';
import { nameDrifting, packHistories, scanHistories, DRIFT_LIMIT, type TouchHistories } from '../../src/domain/touch-history.js';

const today = '2026-03-15';
const ago = (n: number) => addDays(today, -n);
/** People as [id, days, stored last touch], packed. */
const histories = (...people: [string, string[], (string | null)?][]): TouchHistories => ({
  ...packHistories(people.map(([id, days]) => [id, days.join(',')])),
  lastTouch: people.map(([, , last]) => last ?? null),
});

describe('packHistories', () => {
  it('packs day numbers by person, in their order', () => {
    const packed = packHistories([['a', '2026-03-15,2024-02-29'], ['b', null], ['c', '0001-01-01,9999-12-31,2026-03-15']]);
    expect(packed.ids).toEqual(['a', 'b', 'c']);
    expect([...packed.starts]).toEqual([0, 2, 2, 5]);
    expect([...packed.days]).toEqual(['2026-03-15', '2024-02-29', '0001-01-01', '9999-12-31', '2026-03-15'].map(dayNumber));
  });

  it('reads irregular text with the careful parser, which refuses what is not a day', () => {
    expect([...packHistories([['a', '2026-03-15,2026-03-16']]).days]).toEqual([dayNumber('2026-03-15'), dayNumber('2026-03-16')]);
    expect(() => packHistories([['a', '2026-3-15,2026-03-16']])).toThrow(RangeError);
    expect(() => packHistories([['a', '2026-03-15;2026-03-16']])).toThrow(RangeError);
  });
});

describe('scanHistories', () => {
  it('counts rows per month and ignores days after today, in any order', () => {
    const h = histories(['a', ['2026-03-16', '2026-03-01', '2025-04-01', '2026-03-01', '2025-03-31', '2026-01-31']]);
    expect(scanHistories(h, today).per_month).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2]);
  });

  it('unsorted days give the same drift as sorted ones', () => {
    const days = [ago(100), ago(93), ago(86), ago(79)];
    const sorted = scanHistories(histories(['a', days]), today);
    const shuffled = scanHistories(histories(['a', [days[2]!, days[0]!, days[3]!, days[1]!]]), today);
    expect(shuffled).toEqual(sorted);
    expect(sorted.drifting).toEqual([{ id: 'a', last_touch: ago(79), usual_gap_days: 7, gap_days: 79, ratio: 11.29 }]);
  });

  it('someone with a touch after today is not drifting (the last touch is ahead)', () => {
    const h = histories(['a', [ago(100), ago(93), ago(86)], addDays(today, 3)]);
    expect(scanHistories(h, today).drifting).toEqual([]);
  });

  it('keeps DRIFT_LIMIT candidates and everyone tied with the last; names break the ties', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `p${i}`);
    const scan = scanHistories(histories(...ids.map((id): [string, string[]] => [id, [ago(40), ago(30), ago(20)]])), today);
    expect(scan.drifting).toHaveLength(14); // all tied: ratio 2, gap 20
    const names = new Map(ids.map((id, i) => [id, `Name ${String.fromCharCode(110 - i)}`]));
    const named = nameDrifting(scan.drifting, names);
    expect(named).toHaveLength(DRIFT_LIMIT);
    expect(named[0]).toEqual({ id: 'p13', name: 'Name a', last_touch: ago(20), usual_gap_days: 10, gap_days: 20, ratio: 2 });
  });

  it('the stored last touch, when later than the touches, is the last touch', () => {
    expect(scanHistories(histories(['a', [ago(100), ago(93), ago(86)], ago(50)]), today).drifting).toEqual([
      { id: 'a', last_touch: ago(50), usual_gap_days: 7, gap_days: 50, ratio: 7.14 },
    ]);
  });

  it('handles a long history (the gap buffer grows)', () => {
    const days = Array.from({ length: 600 }, (_, i) => ago(700 - i));
    expect(scanHistories(histories(['a', days]), today).drifting).toMatchObject([{ usual_gap_days: 1, gap_days: 101, ratio: 101 }]);
  });
});
