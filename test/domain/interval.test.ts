import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { addInterval, formatEvery, intervalDays, parseInterval, type Interval } from '../../src/domain/interval.js';
import { MUTATING, rng, usage, RANDOM_STRINGS } from '../support.js';

describe('parseInterval', () => {
  it.each<[string, Interval]>([
    ['1d', { n: 1, unit: 'd' }],
    ['3d', { n: 3, unit: 'd' }],
    ['2w', { n: 2, unit: 'w' }],
    ['1m', { n: 1, unit: 'm' }],
    ['2y', { n: 2, unit: 'y' }],
    ['3D', { n: 3, unit: 'd' }],
    [' 2 W ', { n: 2, unit: 'w' }],
    ['10 d', { n: 10, unit: 'd' }],
    ['+4w', { n: 4, unit: 'w' }],
    ['007d', { n: 7, unit: 'd' }],
    ['1 day', { n: 1, unit: 'd' }],
    ['3 days', { n: 3, unit: 'd' }],
    ['3days', { n: 3, unit: 'd' }],
    ['2 weeks', { n: 2, unit: 'w' }],
    ['1 week', { n: 1, unit: 'w' }],
    ['6 wks', { n: 6, unit: 'w' }],
    ['1 month', { n: 1, unit: 'm' }],
    ['18 Months', { n: 18, unit: 'm' }],
    ['2 mo', { n: 2, unit: 'm' }],
    ['2 years', { n: 2, unit: 'y' }],
    ['1 YEAR', { n: 1, unit: 'y' }],
    ['5 yrs', { n: 5, unit: 'y' }],
    ['2\t weeks', { n: 2, unit: 'w' }],
    ['daily', { n: 1, unit: 'd' }],
    ['weekly', { n: 1, unit: 'w' }],
    ['fortnightly', { n: 2, unit: 'w' }],
    ['biweekly', { n: 2, unit: 'w' }],
    ['Monthly', { n: 1, unit: 'm' }],
    ['quarterly', { n: 3, unit: 'm' }],
    ['YEARLY', { n: 1, unit: 'y' }],
    ['annually', { n: 1, unit: 'y' }],
    ['  weekly  ', { n: 1, unit: 'w' }],
    ['100y', { n: 100, unit: 'y' }],
    ['1216m', { n: 1216, unit: 'm' }],
    ['5214w', { n: 5214, unit: 'w' }],
    ['36500d', { n: 36500, unit: 'd' }],
  ])('%j → %j', (text, want) => {
    expect(parseInterval(text)).toEqual(want);
  });

  it.each<[string, string]>([
    ['', 'use Nd, Nw, Nm, Ny or daily, weekly, fortnightly, monthly, quarterly, yearly'],
    ['   ', 'use Nd'],
    ['3x', 'use Nd'],
    ['3', 'use Nd'],
    ['d', 'use Nd'],
    ['w3', 'use Nd'],
    ['3 fortnights', 'use Nd'],
    ['3 d d', 'use Nd'],
    ['1e3d', 'use Nd'],
    ['hourly', 'use Nd'],
    ['every week', 'use Nd'],
    ['constructor', 'use Nd'],
    ['__proto__', 'use Nd'],
    ['0d', 'must be 1 or more'],
    ['000w', 'must be 1 or more'],
    ['0 days', 'must be 1 or more'],
    ['-3d', 'whole number'],
    ['-1 week', 'whole number'],
    ['1.5w', 'whole number'],
    ['1,5w', 'whole number'],
    ['.5m', 'whole number'],
    ['101y', 'at most 100 years'],
    ['1217m', 'at most 100 years'],
    ['5215w', 'at most 100 years'],
    ['36501d', 'at most 100 years'],
    ['99999999999999999999999y', 'at most 100 years'],
  ])('refuses %j (%s)', (text, detail) => {
    const e = usage(() => parseInterval(text));
    expect(e.message).toContain(`bad interval "${text}"`);
    expect(e.message).toContain(detail);
  });

  it('shows control characters in the bad input escaped, keeping the message on one line', () => {
    const e = usage(() => parseInterval('3\nx'));
    expect(e.message).toBe('bad interval "3\\u000Ax": use Nd, Nw, Nm, Ny or daily, weekly, fortnightly, monthly, quarterly, yearly');
  });
});

describe('intervalDays', () => {
  it.each<[string, number]>([
    ['1d', 1], ['10d', 10], ['1w', 7], ['2w', 14], ['fortnightly', 14], ['1m', 30], ['monthly', 30],
    ['quarterly', 90], ['6m', 180], ['1y', 365], ['yearly', 365], ['2y', 730], ['100y', 36500],
  ])('%s = %i days', (text, days) => {
    expect(intervalDays(parseInterval(text))).toBe(days);
  });
});

describe('addInterval', () => {
  it.each<[string, string, string]>([
    ['2026-03-01', '1d', '2026-03-02'],
    ['2026-02-28', '1d', '2026-03-01'],
    ['2024-02-28', '1d', '2024-02-29'],
    ['2026-12-31', '1d', '2027-01-01'],
    ['2026-03-01', '2w', '2026-03-15'],
    ['2026-12-25', '1w', '2027-01-01'],
    ['2026-03-28', '1d', '2026-03-29'], // EU DST starts 2026-03-29
    ['2026-03-07', '1d', '2026-03-08'], // US DST starts 2026-03-08
    ['2026-10-24', '2d', '2026-10-26'], // EU DST ends 2026-10-25
    ['2018-11-03', '1d', '2018-11-04'], // São Paulo skipped midnight on 2018-11-04
    ['2018-10-04', '1m', '2018-11-04'],
    ['2026-01-31', '1m', '2026-02-28'],
    ['2024-01-31', '1m', '2024-02-29'],
    ['2026-03-31', '1m', '2026-04-30'],
    ['2026-01-15', '1m', '2026-02-15'],
    ['2026-11-30', '3m', '2027-02-28'],
    ['2026-12-31', '1m', '2027-01-31'],
    ['2026-05-31', 'quarterly', '2026-08-31'],
    ['2026-01-31', '13m', '2027-02-28'],
    ['2024-02-29', '1y', '2025-02-28'],
    ['2024-02-29', '4y', '2028-02-29'],
    ['2026-03-11', '1y', '2027-03-11'],
    ['2099-02-28', '1y', '2100-02-28'],
    ['0050-06-15', '1y', '0051-06-15'],
    ['0099-12-31', '1d', '0100-01-01'],
    ['9899-12-31', '100y', '9999-12-31'],
  ])('%s + %s = %s', (day, text, want) => {
    expect(addInterval(day, parseInterval(text))).toBe(want);
  });

  it('refuses a malformed day or a result past 9999 (a caller bug, not user input)', () => {
    expect(() => addInterval('2026-3-1', { n: 1, unit: 'd' })).toThrow(RangeError);
    expect(() => addInterval('9999-12-31', { n: 1, unit: 'd' })).toThrow(RangeError);
    expect(() => addInterval('--03-04', { n: 1, unit: 'y' })).toThrow(new RangeError('addInterval: not a day: --03-04'));
    expect(() => addInterval('9999-12-01', { n: 1, unit: 'm' })).toThrow(new RangeError('addInterval: 9999-12-01 + 1m is out of range'));
    expect(addInterval('9999-11-30', { n: 1, unit: 'm' })).toBe('9999-12-30');
  });

  it('adding Nd agrees with adding N one-day steps, for every day of 2023–2025', () => {
    let day = '2023-01-01';
    for (let i = 0; i < 3 * 365 + 1; i++) { // 2024 is a leap year
      const next = addInterval(day, { n: 1, unit: 'd' });
      expect(addInterval('2023-01-01', { n: i + 1, unit: 'd' })).toBe(next);
      day = next;
    }
    expect(day).toBe('2026-01-01');
  });
});

describe('formatEvery', () => {
  it.each<[number, string]>([
    [1, '1d'], [2, '2d'], [10, '10d'], [7, '1w'], [14, '2w'], [21, '3w'], [28, '4w'], [30, '1m'],
    [60, '2m'], [90, '3m'], [180, '6m'], [210, '7m'], [365, '1y'], [730, '2y'], [360, '12m'],
    [420, '14m'], [45, '45d'], [36500, '100y'],
    [0, '0d'], [-7, '-7d'], [1.5, '1.5d'], [Number.NaN, 'NaNd'],
  ])('%d days → %s', (days, want) => {
    expect(formatEvery(days)).toBe(want);
  });

  it('round-trips through parseInterval for every accepted rhythm length', () => {
    for (let days = 1; days <= 36500; days += MUTATING && days > 1000 ? 997 : 1) {
      expect(intervalDays(parseInterval(formatEvery(days)))).toBe(days);
    }
  });
});

describe('parseInterval on random input', () => {
  const pieces = ['0', '1', '2', '3', '7', '9', '12', '100', '-', '+', '.', ',', ' ', '\t', '\n', 'd', 'w', 'm', 'y',
    'D', 'W', 'days', 'week', 'months', 'year', 'ly', 'daily', 'weekly', 'quarterly', 'x', 'é', '😀', '\u0000',
    '\ud800', '__proto__', 'constructor', '٣'];

  it('returns a valid interval or throws UsageError with a one-line message, for 2,000 strings', () => {
    const rand = rng(42);
    let ok = 0;
    for (let i = 0; i < RANDOM_STRINGS; i++) {
      const len = Math.floor(rand() * 5);
      let text = '';
      for (let j = 0; j < len; j++) text += pieces[Math.floor(rand() * pieces.length)];
      try {
        const got = parseInterval(text);
        expect(Number.isInteger(got.n) && got.n >= 1).toBe(true);
        expect(['d', 'w', 'm', 'y']).toContain(got.unit);
        expect(intervalDays(got)).toBeLessThanOrEqual(36500);
        expect(addInterval('2026-03-11', got) > '2026-03-11').toBe(true);
        ok++;
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as Error).message).not.toMatch(/[\p{Cc}\p{Cs}]/u);
      }
    }
    expect(ok).toBeGreaterThan(RANDOM_STRINGS / 40); // the generator does reach the happy path
  });
});
