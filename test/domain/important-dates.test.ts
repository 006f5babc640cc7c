import { describe, expect, it } from 'vitest';
import { dueItems, type DueDate, type DuePerson } from '../../src/domain/due.js';
import { nextOccurrence, parseImportantDate, upcomingDates } from '../../src/domain/important-dates.js';
import { UsageError } from '../../src/errors.js';

describe('parseImportantDate', () => {
  it.each<[string, boolean, string, boolean]>([
    ['2021-05-03', true, '2021-05-03', true],
    ['2026-09-12', false, '2026-09-12', false],
    [' 2026-09-12 ', false, '2026-09-12', false],
    ['06-14', false, '--06-14', true], // no year: always yearly
    ['--06-14', true, '--06-14', true],
    ['02-29', false, '--02-29', true],
    ['1900-01-01', false, '1900-01-01', false], // the earliest day rel takes (issue 11: older is a typo)
  ])('%s (yearly %s) → %s yearly %s', (text, yearly, date, isYearly) => {
    expect(parseImportantDate(text, yearly)).toEqual({ date, yearly: isYearly });
  });

  it.each([['2026-02-30'], ['1850-01-01'], ['02-30'], ['13-01'], ['12/09/2026'], ['soon'], [''], ['2026-9-1']])('refuses %j', (text) => {
    expect(() => parseImportantDate(text, false)).toThrow(UsageError);
  });
});

describe('nextOccurrence', () => {
  const today = '2026-03-04';
  it.each<[string, boolean, string | null, number | null, number | null]>([
    // date, yearly, next, days, years
    ['2026-03-04', false, '2026-03-04', 0, null], // one-off today
    ['2026-09-12', false, '2026-09-12', 192, null],
    ['2026-03-03', false, null, null, null], // one-off, passed: never again
    ['2021-03-10', true, '2026-03-10', 6, 5],
    ['2021-03-01', true, '2027-03-01', 362, 6], // this year's has passed
    ['--03-04', true, '2026-03-04', 0, null],
    ['2026-03-04', true, '2026-03-04', 0, null], // the very first time: no years yet
    ['2027-05-01', true, '2027-05-01', 423, null], // yearly, first time still ahead: not before it
    ['2024-02-29', true, '2027-02-28', 361, 3], // 29 Feb falls on 28 Feb in other years
  ])('%s yearly %s → %s', (date, yearly, on, days, years) => {
    const next = nextOccurrence({ date, yearly }, today);
    expect(next).toEqual(on === null ? null : { on, days, years });
  });
});

describe('upcomingDates', () => {
  it('the birthday and dates within the window, soonest first, then by label', () => {
    const dates = [
      { id: 'a', label: 'wedding', date: '2026-03-10', yearly: false },
      { id: 'b', label: 'anniversary', date: '2010-03-10', yearly: true },
      { id: 'c', label: 'later', date: '2026-12-01', yearly: false },
      { id: 'd', label: 'gone', date: '2026-01-01', yearly: false },
    ];
    const got = upcomingDates('1980-03-05', dates, '2026-03-04', 60);
    expect(got.map((d) => [d.id, d.label, d.next, d.days, d.years])).toEqual([
      [null, 'birthday', '2026-03-05', 1, 46],
      ['b', 'anniversary', '2026-03-10', 6, 16],
      ['a', 'wedding', '2026-03-10', 6, null],
    ]);
    expect(upcomingDates(null, [], '2026-03-04', 60)).toEqual([]);
  });
});

describe('dueItems: important dates (reason date)', () => {
  const person = (id: string, over: Partial<DuePerson> = {}): DuePerson => ({
    id, name: id, every_days: null, birthday: null, snoozed_until: null, added_on: '2026-01-01', last_touch: null, ...over,
  });
  const date = (label: string, d: string, yearly: boolean, person_id = 'a'): DueDate => ({ id: label, person_id, label, date: d, yearly });
  const opts = { today: '2026-03-01', withinDays: 0, birthdayDays: 14 };

  it.each<[string, DueDate, boolean, number, number, string]>([
    ['a yearly date today', date('wedding', '2010-03-01', true), true, 0, 3, 'wedding (16 years) today: 3.00'],
    ['a yearly date in 7 days', date('wedding', '2010-03-08', true), true, -7, 0.53, 'wedding (16 years) in 7 days: 1 - 7 / 15 = 0.53'],
    ['a yearly date on the last day of the window', date('x', '--03-15', true), true, -14, 0.07, 'x in 14 days: 1 - 14 / 15 = 0.07'],
    ['a yearly date past the window', date('x', '--03-16', true), false, 0, 0, ''],
    ['a one-off date in 3 days', date('launch', '2026-03-04', false), true, -3, 0.8, 'launch in 3 days: 1 - 3 / 15 = 0.80'],
    ['a one-off date that has passed', date('launch', '2026-02-28', false), false, 0, 0, ''],
    ['a one-off date next year', date('launch', '2027-03-01', false), false, 0, 0, ''],
  ])('%s', (_, d, due, overdue, score, why) => {
    const items = dueItems([person('a')], [], opts, [d]);
    expect(items).toEqual(due ? [expect.objectContaining({ reason: 'date', label: d.label, days_overdue: overdue, score, why })] : []);
  });

  it('other items have a null label; a person passed twice counts once', () => {
    const p = person('a', { every_days: 7, last_touch: '2026-02-01', birthday: '--03-02' });
    const items = dueItems([p, p], [], opts, [date('x', '--03-03', true)]);
    expect(items.map((i) => [i.reason, i.label])).toEqual([['overdue', null], ['birthday', null], ['date', 'x']]);
  });

  it('dates of people not passed in, or snoozed, do not show', () => {
    const items = dueItems([person('a', { snoozed_until: '2026-03-05' })], [], opts, [date('x', '--03-03', true), date('y', '--03-03', true, 'zz')]);
    expect(items).toEqual([]);
  });

  it('ranks like birthdays: the sooner, the higher; on the day above an overdue rhythm', () => {
    const items = dueItems(
      [person('a', { every_days: 7, last_touch: '2026-02-15' }), person('b')],
      [],
      opts,
      [date('soon', '--03-02', true, 'b'), date('today', '--03-01', true, 'b'), date('later', '--03-10', true, 'b')],
    );
    expect(items.map((i) => i.label ?? i.reason)).toEqual(['today', 'overdue', 'soon', 'later']);
  });
});

describe('important dates: what a user is told, and the edges', () => {
  const FORMS = 'use YYYY-MM-DD, or MM-DD for a yearly date without a year';
  it.each([
    ['2026-02-30', 'date "2026-02-30" is not a real date: February 2026 has 28 days'],
    ['02-30', 'date "02-30" is not a real date'],
    ['--13-01', 'date "--13-01" is not a real date'],
    ['soon', `bad date "soon": ${FORMS}`],
    ['2026-09-12x', `bad date "2026-09-12x": ${FORMS}`],
    ['x2026-09-12', `bad date "x2026-09-12": ${FORMS}`],
    ['06-145', `bad date "06-145": ${FORMS}`],
    ['x06-14', `bad date "x06-14": ${FORMS}`],
  ])('parseImportantDate refuses %j: %s', (text, message) => {
    expect(() => parseImportantDate(text, false)).toThrow(new UsageError(message));
  });

  it('accepts 29 February without a year (it falls on the 28th in other years)', () => {
    expect(parseImportantDate('02-29', false)).toEqual({ date: '--02-29', yearly: true });
    expect(nextOccurrence({ date: '--02-29', yearly: true }, '2026-02-01')).toEqual({ on: '2026-02-28', days: 27, years: null });
  });

  it('a date without a year can never be one-off', () => {
    expect(nextOccurrence({ date: '--03-04', yearly: false }, '2026-03-01')).toBeNull();
  });

  it('upcomingDates keeps a date exactly at the end of the window and drops the next day', () => {
    const dates = [
      { id: 'in', label: 'in', date: '2026-03-14', yearly: false },
      { id: 'out', label: 'out', date: '2026-03-15', yearly: false },
    ];
    expect(upcomingDates(null, dates, '2026-03-04', 10).map((d) => d.id)).toEqual(['in']);
    expect(upcomingDates(null, dates, '2026-03-04', 11).map((d) => d.id)).toEqual(['in', 'out']);
  });

  it('upcomingDates orders one day by label whatever the input order', () => {
    const d = (label: string) => ({ id: label, label, date: '--03-10', yearly: true });
    for (const input of [[d('b'), d('a'), d('c')], [d('c'), d('b'), d('a')], [d('a'), d('c'), d('b')]]) {
      expect(upcomingDates(null, input, '2026-03-04', 30).map((x) => x.label)).toEqual(['a', 'b', 'c']);
    }
  });
});

describe('upcomingDates: several on one day', () => {
  it('sorts dates falling on the same day by label, whatever order they were stored in', () => {
    const dates = [
      { id: 'w', label: 'wedding', date: '2019-03-10', yearly: true },
      { id: 'a', label: 'adoption', date: '2022-03-10', yearly: true },
      { id: 'm', label: 'move', date: '--03-10', yearly: true },
      { id: 'a2', label: 'adoption', date: '--03-10', yearly: true },
    ];
    const got = upcomingDates('1990-03-10', dates, '2026-03-04', 30);
    expect(got.map((d) => [d.label, d.years])).toEqual([['adoption', 4], ['adoption', null], ['birthday', 36], ['move', null], ['wedding', 7]]);
    expect(upcomingDates('1990-03-10', [...dates].reverse(), '2026-03-04', 30).map((d) => d.label))
      .toEqual(['adoption', 'adoption', 'birthday', 'move', 'wedding']);
  });

  it('a yearly date whose first day is still ahead falls first on that day, with no years yet', () => {
    expect(nextOccurrence({ date: '2027-01-05', yearly: true }, '2026-03-04')).toEqual({ on: '2027-01-05', days: 307, years: null });
    expect(nextOccurrence({ date: '2026-03-04', yearly: true }, '2026-03-04')).toEqual({ on: '2026-03-04', days: 0, years: null });
    expect(nextOccurrence({ date: '2025-03-04', yearly: true }, '2026-03-04')).toEqual({ on: '2026-03-04', days: 0, years: 1 });
  });
});
