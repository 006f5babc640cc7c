import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import {
  dayGaps, lastMonths, median, networkStats, sparkline, usualGap, type StatsPerson, type StatsTouch,
} from '../../src/domain/stats.js';

const today = '2026-03-15';
const person = (id: string, over: Partial<StatsPerson> = {}): StatsPerson => ({
  id, name: id.toUpperCase(), added_on: '2025-01-01', every_days: null, last_touch: null, ...over,
});
const touch = (person_id: string, date: string, over: Partial<StatsTouch> = {}): StatsTouch => ({
  person_id, date, give: null, ask: null, ...over,
});
const ago = (n: number, from = today): string => addDays(from, -n);
/** Touches of one person `gaps` days apart, the last `lastAgo` days before today. */
const series = (id: string, lastAgo: number, gaps: number[]): StatsTouch[] => {
  let d = ago(lastAgo);
  const out = [touch(id, d)];
  for (const g of [...gaps].reverse()) out.unshift(touch(id, (d = addDays(d, -g))));
  return out;
};

describe('networkStats: no data', () => {
  it('is all zeros and nulls', () => {
    expect(networkStats([], [], today)).toEqual({
      contacts: 0, touched_30d: 0, touched_90d: 0, touched_365d: 0, never_touched: 0,
      with_rhythm: 0, rhythm_on_time: 0, rhythm_kept_share: null,
      gives_365d: 0, asks_365d: 0, give_ask_ratio: null,
      per_month: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      months: ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12',
        '2026-01', '2026-02', '2026-03'],
      drifting: [],
    });
  });

  it('people without touches are all cards collected', () => {
    expect(networkStats([person('a'), person('b')], [], today)).toMatchObject({ contacts: 2, never_touched: 2, touched_365d: 0 });
  });
});

describe('networkStats: who was touched recently (today − N < date ≤ today)', () => {
  it.each([
    // days ago, in 30d, in 90d, in 365d
    [0, 1, 1, 1],
    [29, 1, 1, 1],
    [30, 0, 1, 1],
    [89, 0, 1, 1],
    [90, 0, 0, 1],
    [364, 0, 0, 1],
    [365, 0, 0, 0],
    [3000, 0, 0, 0],
    [-1, 0, 0, 0], // a touch after today does not count
  ])('a touch %i days ago → %i / %i / %i', (days, d30, d90, d365) => {
    const s = networkStats([person('a')], [touch('a', ago(days))], today);
    expect([s.touched_30d, s.touched_90d, s.touched_365d]).toEqual([d30, d90, d365]);
  });

  it('counts people, not touches', () => {
    const s = networkStats([person('a'), person('b')], [touch('a', ago(1)), touch('a', ago(2)), touch('a', ago(3))], today);
    expect([s.touched_30d, s.never_touched]).toEqual([1, 1]);
  });

  it('uses the stored last touch when the touches passed in do not reach it', () => {
    const s = networkStats([person('a', { last_touch: ago(5) })], [touch('a', ago(400))], today);
    expect([s.touched_30d, s.never_touched]).toEqual([1, 0]);
  });

  it('a person touched only long ago is neither recent nor a collected card', () => {
    const s = networkStats([person('a')], [touch('a', '2019-06-01')], today);
    expect([s.touched_365d, s.never_touched]).toEqual([0, 0]);
  });

  it('ignores touches of people not passed in', () => {
    const s = networkStats([person('a')], [touch('zz', today, { give: 'gift' })], today);
    expect([s.touched_30d, s.gives_365d, s.per_month[11]]).toEqual([0, 0, 0]);
  });
});

describe('networkStats: rhythms kept', () => {
  it.each([
    // last touch, added on, every, on time?
    [ago(30), '2025-01-01', 30, true], // due exactly today: not late yet
    [ago(31), '2025-01-01', 30, false],
    [ago(1), '2025-01-01', 1, true],
    [ago(2), '2025-01-01', 1, false],
    [null, ago(10), 14, true], // never touched: counted from the day added
    [null, ago(15), 14, false],
    ['2024-02-29', '2024-01-01', 365 * 2 + 15, true], // 2024-02-29 + 745 = 2026-03-15
  ])('last %s, added %s, every %i days → on time %s', (last, added, every, onTime) => {
    const s = networkStats([person('a', { last_touch: last, added_on: added, every_days: every })], [], today);
    expect([s.with_rhythm, s.rhythm_on_time, s.rhythm_kept_share]).toEqual([1, onTime ? 1 : 0, onTime ? 1 : 0]);
  });

  it('the share is on time / with a rhythm, ignoring people without one', () => {
    const people = [
      person('a', { every_days: 7, last_touch: ago(1) }),
      person('b', { every_days: 7, last_touch: ago(100) }),
      person('c', { every_days: 7 }),
      person('d', { last_touch: ago(1000) }),
    ];
    const s = networkStats(people, [touch('c', ago(3))], today);
    expect([s.with_rhythm, s.rhythm_on_time, s.rhythm_kept_share]).toEqual([3, 2, 2 / 3]);
  });
});

describe('networkStats: gives and asks in the last 365 days', () => {
  it.each<[string, StatsTouch[], number, number, number | null]>([
    ['none', [], 0, 0, null],
    ['gives only', [touch('a', ago(1), { give: 'intro' })], 1, 0, null],
    ['asks only', [touch('a', ago(1), { ask: 'help' })], 0, 1, 0],
    ['both in one touch', [touch('a', ago(1), { give: 'advice', ask: 'intro' })], 1, 1, 1],
    ['three gives, two asks', [
      touch('a', ago(1), { give: 'gift' }), touch('b', ago(2), { give: 'gift' }), touch('b', ago(364), { give: 'help' }),
      touch('a', ago(3), { ask: 'help' }), touch('b', ago(4), { ask: 'help' }),
    ], 3, 2, 1.5],
    ['older than 365 days does not count', [touch('a', ago(365), { give: 'gift' }), touch('a', ago(400), { ask: 'help' })], 0, 0, null],
  ])('%s', (_, touches, gives, asks, ratio) => {
    const s = networkStats([person('a'), person('b')], touches, today);
    expect([s.gives_365d, s.asks_365d, s.give_ask_ratio]).toEqual([gives, asks, ratio]);
  });
});

describe('networkStats: touches per month', () => {
  it.each([
    ['2026-03-15', '2025-04', '2026-03'],
    ['2026-01-01', '2025-02', '2026-01'],
    ['2026-12-31', '2026-01', '2026-12'],
    ['2024-02-29', '2023-03', '2024-02'],
  ])('today %s → %s … %s', (day, first, last) => {
    const { months } = networkStats([], [], day);
    expect([months.length, months[0], months[11]]).toEqual([12, first, last]);
  });

  it('counts each row (a meeting with two people is two touches) in its calendar month', () => {
    const touches = [
      touch('a', '2025-03-31'), // before the first month shown
      touch('a', '2025-04-01'),
      touch('a', '2025-04-30'),
      touch('a', '2025-12-31'),
      touch('b', '2026-01-01'),
      touch('a', '2026-02-28'),
      touch('a', '2026-03-01'), touch('b', '2026-03-01'), // one meeting, two people
      touch('a', '2026-03-15'),
      touch('a', '2026-03-16'), // after today
    ];
    const s = networkStats([person('a'), person('b')], touches, today);
    expect(s.per_month).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3]);
  });

  it('counts Feb 29 in a leap year', () => {
    const s = networkStats([person('a')], [touch('a', '2024-02-29'), touch('a', '2024-03-01')], '2024-03-01');
    expect(s.months.slice(-2)).toEqual(['2024-02', '2024-03']);
    expect(s.per_month.slice(-2)).toEqual([1, 1]);
  });
});

describe('networkStats: drifting', () => {
  it.each([
    // gaps between touches (oldest first), days since the last, drifting?, usual gap, ratio
    [[7, 7], 10, false, 7, null],
    [[7, 7], 11, true, 7, 1.57],
    [[7, 7, 7, 100], 14, false, 30, null], // the average counts a long break: (7 + 7 + 7 + 100) / 4 = 30
    [[10, 20], 22, false, 15, null], // an even count averages the middle two
    [[10, 21], 24, true, 16, 1.5], // 15.5 rounds to 16; 24 / 16 = 1.5 exactly
    [[30], 300, false, null, null], // two touches are not enough
    [[], 300, false, null, null], // nor is one
  ])('gaps %j, last touch %i days ago → drifting %s', (gaps, lastAgo, drifting, usual, ratio) => {
    const s = networkStats([person('a')], series('a', lastAgo, gaps), today);
    const expected = { id: 'a', name: 'A', last_touch: ago(lastAgo), usual_gap_days: usual, gap_days: lastAgo, ratio };
    expect(s.drifting).toEqual(drifting ? [expected] : []);
  });

  it('same-day touches count once, both for the three needed and for the gaps', () => {
    const touches = [touch('a', ago(100)), touch('a', ago(100)), touch('a', ago(93)), touch('a', ago(93))];
    expect(networkStats([person('a')], touches, today).drifting).toEqual([]);
    const more = [...touches, touch('a', ago(86))];
    expect(networkStats([person('a')], more, today).drifting).toMatchObject([{ usual_gap_days: 7, gap_days: 86, ratio: 12.29 }]);
  });

  it('a person seen weekly years ago and not since is the most drifting', () => {
    const touches = [...series('old', 365 * 5, [7, 7]), ...series('new', 30, [7, 7])];
    const s = networkStats([person('new'), person('old')], touches, today);
    expect(s.drifting.map((d) => d.id)).toEqual(['old', 'new']);
  });

  it('the stored last touch, when later, shortens the gap', () => {
    const s = networkStats([person('a', { last_touch: ago(3) })], series('a', 100, [7, 7]), today);
    expect(s.drifting).toEqual([]);
  });

  it('keeps the 10 largest ratios, ties by larger gap, then name, then id', () => {
    const people = [person('p1', { name: 'Zoe' }), person('p0', { name: 'zoe' }), person('p2', { name: 'Émile' })];
    const touches = [...series('p1', 14, [7, 7]), ...series('p0', 14, [7, 7]), ...series('p2', 28, [14, 14])];
    for (let i = 0; i < 12; i++) {
      people.push(person(`q${i}`));
      touches.push(...series(`q${i}`, 20 + i, [10, 10]));
    }
    const ids = networkStats(people, touches, today).drifting.map((d) => d.id);
    expect(ids).toEqual(['q11', 'q10', 'q9', 'q8', 'q7', 'q6', 'q5', 'q4', 'q3', 'q2']);
    const few = networkStats(people.slice(0, 3), touches, today).drifting.map((d) => d.id);
    expect(few).toEqual(['p2', 'p1', 'p0']);
  });
});

describe('helpers', () => {
  it.each([
    [[], null], [[5], 5], [[3, 1], 2], [[9, 1, 5], 5], [[1, 2, 3, 10], 2.5],
  ])('median %j = %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [[], []],
    [['2026-03-01'], []],
    [['2026-03-08', '2026-03-01', '2026-03-01', '2026-03-31'], [7, 23]],
    [['2024-02-28', '2024-03-01', '2023-02-28', '2023-03-01'], [1, 364, 2]],
  ])('dayGaps %j = %j', (days, gaps) => {
    expect(dayGaps(days)).toEqual(gaps);
  });

  it.each([
    [['2026-01-01', '2026-01-08'], null],
    [['2026-01-01', '2026-01-01', '2026-01-08', '2026-01-08'], null],
    [['2026-01-01', '2026-01-08', '2026-01-22'], 10.5],
  ])('usualGap %j = %s', (days, gap) => {
    expect(usualGap(days)).toBe(gap);
  });

  it.each([
    ['2026-03-31', 3, ['2026-01', '2026-02', '2026-03']],
    ['2026-01-15', 2, ['2025-12', '2026-01']],
    ['0001-01-01', 2, ['0000-12', '0001-01']],
    ['2026-05-01', 1, ['2026-05']],
  ])('lastMonths(%s, %i)', (day, count, months) => {
    expect(lastMonths(day, count)).toEqual(months);
  });
});

describe('sparkline', () => {
  it.each([
    [[], ''],
    [[0, 0, 0], '▁▁▁'],
    [[1], '█'],
    [[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    [[0, 1, 100], '▁▂█'], // a small non-zero value is still visibly more than nothing
    [[5, 5], '██'],
    [[-3, Number.NaN, Number.POSITIVE_INFINITY, 2], '▁▁▁█'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '▂▂▃▃▄▅▅▆▆▇▇█'],
  ])('%j → %s', (values, line) => {
    expect(sparkline(values)).toBe(line);
  });
});

describe('networkStats: the last touch is the later of the stored one and the touches', () => {
  it.each([
    // stored last touch, touch days ago (in the order handed over), on time with a 30-day rhythm?
    [ago(100), [5], true],
    [ago(5), [400], true],
    [null, [100, 5, 50], true],
    [null, [100, 50], false],
    [ago(100), [50, 40], false],
  ])('stored %s, touches %j days ago: on time %s', (last_touch, days, onTime) => {
    const s = networkStats([person('a', { every_days: 30, last_touch })], days.map((d) => touch('a', ago(d))), today);
    expect([s.rhythm_on_time, s.never_touched]).toEqual([onTime ? 1 : 0, 0]);
  });

  it('a touch after today counts for nothing: not a touch, not a month, not recent', () => {
    const s = networkStats([person('a', { every_days: 30 }), person('b', { last_touch: ago(-1) })], [touch('a', ago(-1), { give: 'gift' })], today);
    expect([s.never_touched, s.per_month[11], s.gives_365d, s.touched_30d, s.rhythm_on_time]).toEqual([1, 0, 0, 0, 0]);
  });

  it('a rhythm of 0 days is no rhythm', () => {
    expect(networkStats([person('a', { every_days: 0, last_touch: today })], [], today)).toMatchObject({ with_rhythm: 0, rhythm_kept_share: null });
  });

  it('drifting uses distinct touch days in date order, and a later stored last touch', () => {
    // Touched 40, 30 and 20 days ago (handed over out of order): usual gap 10, 20 days since: drifting.
    const touches = [touch('a', ago(30)), touch('a', ago(20)), touch('a', ago(40))];
    expect(networkStats([person('a')], touches, today).drifting).toMatchObject([{ id: 'a', usual_gap_days: 10, gap_days: 20, ratio: 2 }]);
    expect(networkStats([person('a', { last_touch: ago(1) })], touches, today).drifting).toEqual([]);
    // Two touches on one day are one day touched: two days are not enough for a usual gap.
    expect(networkStats([person('a')], [touch('a', ago(40)), touch('a', ago(40)), touch('a', ago(30))], today).drifting).toEqual([]);
  });

  it('sparkline keeps a zero beside a larger value at the bottom', () => {
    expect(sparkline([0, 8, 1])).toBe('▁█▂');
  });
});
