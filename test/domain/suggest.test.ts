import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { friendlyRhythm, suggestRhythms, type SuggestPerson, type SuggestTouch } from '../../src/domain/suggest.js';

const today = '2026-03-15';
const person = (id: string, every_days: number | null = null, name = id.toUpperCase()): SuggestPerson => ({ id, name, every_days });
const ago = (n: number): string => addDays(today, -n);
/** Touches of one person `gap` days apart, `count` of them, the last `lastAgo` days before today. */
const every = (person_id: string, gap: number, count: number, lastAgo = 0): SuggestTouch[] =>
  Array.from({ length: count }, (_, i) => ({ person_id, date: ago(lastAgo + i * gap) }));

describe('friendlyRhythm: the nearest of 1w 2w 1m 2m 3m 6m 1y on a log scale', () => {
  it.each([
    [1, 7], [7, 7], [9.5, 7], [9.9, 14], [14, 14], [20, 14], [20.5, 30], [30, 30], [42, 30], [43, 60],
    [60, 60], [73, 60], [74, 90], [90, 90], [127, 90], [128, 180], [180, 180], [256, 180], [257, 365],
    [365, 365], [5000, 365],
  ])('%s days → %i', (days, rhythm) => {
    expect(friendlyRhythm(days)).toBe(rhythm);
  });
});

describe('suggestRhythms: people without a rhythm', () => {
  it.each([
    // gap, touches, suggested, reason
    [7, 3, 7, 'no rhythm set; you touch about every 1w (usually 7 days apart, 3 touches in 2 years)'],
    [12, 5, 14, 'no rhythm set; you touch about every 2w (usually 12 days apart, 5 touches in 2 years)'],
    [1, 10, 7, 'no rhythm set; you touch about every 1w (usually 1 day apart, 10 touches in 2 years)'],
    [31, 4, 30, 'no rhythm set; you touch about every 1m (usually 31 days apart, 4 touches in 2 years)'],
    [100, 4, 90, 'no rhythm set; you touch about every 3m (usually 100 days apart, 4 touches in 2 years)'],
    [300, 3, 365, 'no rhythm set; you touch about every 1y (usually 300 days apart, 3 touches in 2 years)'],
  ])('every %i days, %i touches → %i', (gap, count, suggested, reason) => {
    expect(suggestRhythms([person('a')], every('a', gap, count), today)).toEqual([
      { id: 'a', name: 'A', every_days: null, suggested_days: suggested, touches: count, reason },
    ]);
  });

  it.each<[string, SuggestTouch[]]>([
    ['no touches', []],
    ['one touch', every('a', 7, 1)],
    ['two touches', every('a', 7, 2)],
    ['three touches on two days', [...every('a', 7, 2), { person_id: 'a', date: today }]],
    ['ten touches on one day', every('a', 0, 10)],
    ['three touches, one after today', [...every('a', 7, 2), { person_id: 'a', date: addDays(today, 1) }]],
    ['only long ago', every('a', 7, 10, 800)],
    ['touches of someone else', every('zz', 7, 10)],
  ])('no suggestion with %s', (_, touches) => {
    expect(suggestRhythms([person('a')], touches, today)).toEqual([]);
  });

  it('same-day duplicates count once and make no zero gaps', () => {
    const touches = [...every('a', 14, 4), ...every('a', 14, 4)];
    expect(suggestRhythms([person('a')], touches, today)).toMatchObject([{ suggested_days: 14, touches: 4 }]);
  });

  it('only the last 2 years count (today − 730 < date ≤ today)', () => {
    const recent = every('a', 30, 3, 0); // 0, 30, 60 days ago
    const edge = [{ person_id: 'a', date: ago(729) }, { person_id: 'a', date: ago(730) }];
    const [s] = suggestRhythms([person('a')], [...recent, ...edge], today);
    expect(s).toMatchObject({ touches: 4, suggested_days: 30 }); // gaps 30, 30, 669: median 30
  });

  it('works across a leap day', () => {
    const touches = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'].map((date) => ({ person_id: 'a', date }));
    expect(suggestRhythms([person('a')], touches, '2024-03-01')).toMatchObject([{ suggested_days: 7, touches: 4 }]);
  });
});

describe('suggestRhythms: people with a rhythm', () => {
  it.each([
    // set, real gap, shown?, suggested
    [7, 30, true, 30],
    [7, 14, true, 14], // exactly twice
    [30, 60, true, 60],
    [30, 14, true, 14], // 14 / 30 ≤ 0.5
    [14, 7, true, 7], // exactly half
    [30, 30, false, 30],
    [30, 40, false, 30],
    [60, 90, false, 90], // 1.5 × is close enough
    [45, 30, false, 30],
    [365, 180, true, 180],
    [10, 14, false, 14],
  ])('set every %i days, touched every %i → shown %s', (set, gap, shown, suggested) => {
    const got = suggestRhythms([person('a', set)], every('a', gap, 5), today);
    expect(got.map((s) => [s.every_days, s.suggested_days])).toEqual(shown ? [[set, suggested]] : []);
  });

  it('explains the mismatch in the user\'s own units', () => {
    const [s] = suggestRhythms([person('a', 7)], every('a', 31, 4), today);
    expect(s!.reason).toBe('you set every 1w but touch about every 1m (usually 31 days apart, 4 touches in 2 years)');
  });

  it('a rhythm of 0 days counts as none', () => {
    expect(suggestRhythms([person('a', 0)], every('a', 7, 3), today)).toMatchObject([
      { every_days: 0, reason: expect.stringMatching(/^no rhythm set/) },
    ]);
  });
});

describe('suggestRhythms: order', () => {
  it('no rhythm first by touches, then mismatches by touches, ties by name then id', () => {
    const people = [
      person('m1', 7, 'Mia'), person('m2', 7, 'Ann'),
      person('n1', null, 'Zed'), person('n2', null, 'bob'), person('n3', null, 'Bob'), person('n4', null, 'Émile'),
      person('quiet', null, 'Quiet'), person('ok', 30, 'Okay'),
    ];
    const touches = [
      ...every('m1', 30, 6), ...every('m2', 30, 3),
      ...every('n1', 7, 9), ...every('n2', 7, 4), ...every('n3', 7, 4), ...every('n4', 7, 4),
      ...every('quiet', 7, 2), ...every('ok', 30, 8),
    ];
    const ids = suggestRhythms(people, touches, today).map((s) => s.id);
    expect(ids).toEqual(['n1', 'n3', 'n2', 'n4', 'm1', 'm2']);
    expect(suggestRhythms([...people].reverse(), [...touches].reverse(), today).map((s) => s.id)).toEqual(ids);
  });

  it('nobody → nothing', () => {
    expect(suggestRhythms([], [], today)).toEqual([]);
  });
});
