import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  addDays, dayNumber, dayOfNumber, daysBetween, daysToAnniversary, nextAnniversary, parseBirthday, parseDay, parseFutureDay, parsePastDay, todayOf, weekdayOf, withinLast,
} from '../../src/domain/dates.js';
import { MUTATING, rng, usage, RANDOM_STRINGS } from '../support.js';

const TODAY = '2026-03-11'; // a Wednesday

describe('todayOf (local calendar day; TZ is whatever the machine has)', () => {
  it.each<[string, Date, string]>([
    ['midnight', new Date(2026, 2, 11, 0, 0), '2026-03-11'],
    ['one ms before midnight', new Date(2026, 2, 11, 23, 59, 59, 999), '2026-03-11'],
    ['new year', new Date(2027, 0, 1, 0, 0, 0, 1), '2027-01-01'],
    ['leap day', new Date(2024, 1, 29, 12), '2024-02-29'],
    ['US DST start, just before', new Date(2026, 2, 8, 1, 59), '2026-03-08'],
    ['US DST start, in the skipped hour', new Date(2026, 2, 8, 2, 30), '2026-03-08'],
    ['US DST end, repeated hour', new Date(2026, 10, 1, 1, 30), '2026-11-01'],
    ['EU DST start, in the skipped hour', new Date(2026, 2, 29, 2, 30), '2026-03-29'],
    ['EU DST start, late evening', new Date(2026, 2, 29, 23, 30), '2026-03-29'],
    ['EU DST end, repeated hour', new Date(2026, 9, 25, 2, 30), '2026-10-25'],
    ['EU DST end, late evening', new Date(2026, 9, 25, 23, 59), '2026-10-25'],
    ['São Paulo 2018: a skipped midnight', new Date(2018, 10, 4, 0, 30), '2018-11-04'],
  ])('%s', (_label, now, want) => {
    expect(todayOf(now)).toBe(want);
  });

  it('is the local day, not the UTC day, every hour across a DST month', () => {
    for (let h = 0; h < 24 * 31; h++) {
      const now = new Date(2026, 2, 1, h);
      expect(todayOf(now)).toBe(`2026-03-${String(now.getDate()).padStart(2, '0')}`);
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => todayOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseDay', () => {
  it.each(['2026-03-11', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '0001-01-01', '9999-12-31',
    '2026-04-30'])('accepts %s', (text) => {
    expect(parseDay(text)).toBe(text);
  });
  it.each(['2026-02-29', '1900-02-29', '2100-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31',
    '2026-01-00', '2026-01-32', '2026-3-1', '26-03-01', ' 2026-03-01', '2026-03-01 ', '2026/03/01', '20260301',
    '2026-03-01T00:00', '', 'today', '２０２６-03-01', '+2026-03-01'])('refuses %j', (text) => {
    expect(parseDay(text)).toBeNull();
  });
});

describe('addDays, daysBetween, weekdayOf', () => {
  it.each<[string, number, string]>([
    ['2026-03-11', 0, '2026-03-11'], ['2026-03-11', 1, '2026-03-12'], ['2026-03-11', -11, '2026-02-28'],
    ['2024-02-28', 1, '2024-02-29'], ['2026-02-28', 1, '2026-03-01'], ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], ['2026-10-24', 2, '2026-10-26'], ['2026-03-07', 2, '2026-03-09'],
    ['2026-03-11', 365, '2027-03-11'], ['2024-01-01', 366, '2025-01-01'], ['0001-01-01', -1, '0000-12-31'],
    ['0099-12-31', 1, '0100-01-01'], ['1970-01-01', -1, '1969-12-31'], ['9999-12-30', 1, '9999-12-31'],
    // century years: 1900 and 2100 are not leap years, 0000, 0400 and 2000 are
    ['1900-02-28', 1, '1900-03-01'], ['2100-02-28', 1, '2100-03-01'], ['2000-02-28', 1, '2000-02-29'],
    ['0000-02-28', 1, '0000-02-29'], ['0400-03-01', -1, '0400-02-29'], ['0000-01-01', 3652424, '9999-12-31'],
  ])('%s + %i = %s', (day, n, want) => {
    expect(addDays(day, n)).toBe(want);
    expect(daysBetween(day, want)).toBe(n);
    expect(daysBetween(want, day)).toBe(0 - n); // not -n: -0 is not 0 to toBe
  });

  it('withinLast: today − n < day ≤ today, as daysBetween counts, across month, year and leap-day ends', () => {
    const rand = rng(7);
    for (let i = 0; i < 2000; i++) {
      const today = addDays('2023-12-20', Math.floor(rand() * 800));
      const n = 1 + Math.floor(rand() * 400);
      const day = addDays(today, Math.floor(rand() * 900) - 800);
      const ago = daysBetween(day, today);
      expect(withinLast(n, today)(day)).toBe(ago >= 0 && ago < n);
    }
    expect(withinLast(1, '2026-03-11')('2026-03-11')).toBe(true);
    expect(withinLast(1, '2026-03-11')('2026-03-10')).toBe(false);
    expect(withinLast(365, '2024-03-01')('2023-03-03')).toBe(true); // 364 days back, across 29 Feb 2024
    expect(withinLast(365, '2024-03-01')('2023-03-02')).toBe(false); // 365
  });

  it('dayOfNumber names the day dayNumber numbered, and refuses what is outside 0000-9999', () => {
    for (const day of ['0000-01-01', '1969-12-31', '1970-01-01', '2000-02-29', '2026-11-30', '9999-12-31']) {
      expect(dayOfNumber(dayNumber(day))).toBe(day);
    }
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(() => dayOfNumber(dayNumber('9999-12-31') + 1)).toThrow(new RangeError(`dayOfNumber: ${dayNumber('9999-12-31') + 1} is out of range`));
    expect(() => dayOfNumber(dayNumber('0000-01-01') - 1)).toThrow(RangeError);
    expect(() => dayOfNumber(1.5)).toThrow(RangeError);
  });

  it('refuses results outside 0000–9999, fractional n and malformed days (caller bugs)', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2026-03-11', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-3-11', 1)).toThrow(RangeError);
  });

  it.each<[string, number]>([
    ['1970-01-01', 4], ['2026-03-11', 3], ['2026-03-08', 0], ['2026-03-14', 6], ['2000-01-01', 6],
    ['1969-12-31', 3], ['0001-01-01', 1],
  ])('weekdayOf(%s) = %i', (day, want) => {
    expect(weekdayOf(day)).toBe(want);
  });

  it('agrees with Date in UTC for every day from 1999-12-01 to 2031-01-01', () => {
    let day = '1999-12-01';
    let n = 0;
    const end = MUTATING ? Date.UTC(2001, 2, 1) : Date.UTC(2031, 0, 1); // under npm run mutate: 2000 (leap) only
    for (let t = Date.UTC(1999, 11, 1); t <= end; t += 86_400_000, n++) {
      expect(day).toBe(new Date(t).toISOString().slice(0, 10));
      expect(parseDay(day)).toBe(day);
      expect(weekdayOf(day)).toBe(new Date(t).getUTCDay());
      expect(daysBetween('1999-12-01', day)).toBe(n);
      day = addDays(day, 1);
    }
  });
});

describe('parsePastDay (today is Wednesday 2026-03-11)', () => {
  it.each<[string, string]>([
    ['2026-03-11', '2026-03-11'], ['2026-03-10', '2026-03-10'], ['2024-02-29', '2024-02-29'],
    ['1999-12-31', '1999-12-31'], ['  2026-01-05 ', '2026-01-05'],
    ['today', TODAY], ['Today', TODAY], [' TODAY ', TODAY], ['yesterday', '2026-03-10'],
    ['1 day ago', '2026-03-10'], ['a day ago', '2026-03-10'], ['3 days ago', '2026-03-08'],
    ['11 days ago', '2026-02-28'], ['3d ago', '2026-03-08'], ['3 d ago', '2026-03-08'], ['3  DAYS   AGO', '2026-03-08'],
    ['a week ago', '2026-03-04'], ['one week ago', '2026-03-04'], ['1 week ago', '2026-03-04'],
    ['2 weeks ago', '2026-02-25'], ['2w ago', '2026-02-25'], ['an month ago', '2026-02-11'],
    ['a month ago', '2026-02-11'], ['2 months ago', '2026-01-11'], ['1 year ago', '2025-03-11'],
    ['wednesday', '2026-03-11'], ['wed', '2026-03-11'], ['Wed', '2026-03-11'],
    ['tuesday', '2026-03-10'], ['tue', '2026-03-10'], ['tues', '2026-03-10'], ['monday', '2026-03-09'],
    ['mon', '2026-03-09'], ['sunday', '2026-03-08'], ['sun', '2026-03-08'], ['saturday', '2026-03-07'],
    ['sat', '2026-03-07'], ['friday', '2026-03-06'], ['fri', '2026-03-06'], ['thursday', '2026-03-05'],
    ['thu', '2026-03-05'], ['thurs', '2026-03-05'],
    ['last monday', '2026-03-09'], ['last mon', '2026-03-09'], ['LAST  Thursday', '2026-03-05'],
    ['last wednesday', '2026-03-04'], ['last wed', '2026-03-04'],
  ])('%j → %s', (text, want) => {
    expect(parsePastDay(text, TODAY)).toBe(want);
  });

  it.each<[string, string, string]>([
    ['a month ago', '2026-03-31', '2026-02-28'],
    ['1 year ago', '2024-02-29', '2023-02-28'],
    ['yesterday', '2026-01-01', '2025-12-31'],
    ['1 day ago', '2024-03-01', '2024-02-29'],
    ['sunday', '2026-03-29', '2026-03-29'],
    ['yesterday', '2026-03-30', '2026-03-29'],
  ])('%j on %s → %s', (text, today, want) => {
    expect(parsePastDay(text, today)).toBe(want);
  });

  it.each<[string, string]>([
    ['2026-03-12', 'date 2026-03-12 is in the future: a touch cannot happen later than today'],
    ['2026-12-01', 'date 2026-12-01 is in the future: a touch cannot happen later than today'],
    ['tomorrow', 'date 2026-03-12 is in the future: a touch cannot happen later than today'],
    ['2026-02-30', 'date "2026-02-30" is not a real date: February 2026 has 28 days'],
    ['2025-02-29', 'date "2025-02-29" is not a real date: February 2025 has 28 days'],
    ['2026-04-31', 'date "2026-04-31" is not a real date: April 2026 has 30 days'],
    ['2026-13-01', 'date "2026-13-01" is not a real date: the month must be 01 to 12'],
    ['2026-00-01', 'date "2026-00-01" is not a real date: the month must be 01 to 12'],
    ['3/11/2026', 'unclear date "3/11/2026": write dates as YYYY-MM-DD, e.g. 2026-03-11'],
    ['11/3/2026', 'unclear date "11/3/2026"'], ['2026/03/11', 'unclear date "2026/03/11"'],
    ['11.03.2026', 'unclear date "11.03.2026"'], ['2026-3-1', 'unclear date "2026-3-1"'],
    ['03-11', 'unclear date "03-11"'], ['3/11', 'unclear date "3/11"'],
    ['0 days ago', 'bad interval "0 days"'], ['1.5 weeks ago', 'bad interval "1.5 weeks"'],
    ['200 years ago', 'at most 100 years'], ['3 fortnights ago', 'bad interval "3 fortnights"'],
  ])('refuses %j', (text, message) => {
    expect(usage(() => parsePastDay(text, TODAY)).message).toContain(message);
  });

  it.each(['', '   ', 'foo', 'last', 'last week', 'next monday', 'mond', 'ago', 'days ago', 'week ago',
    'in 3 days', '3 days', 'daily ago', 'now', 'constructor', '__proto__', 'hasOwnProperty', '2026-03-11x'])(
    'refuses %j, listing the accepted forms',
    (text) => {
      const e = usage(() => parsePastDay(text, TODAY));
      expect(e.message).toBe(`bad date "${text}": use YYYY-MM-DD, today, yesterday, N days ago, N weeks ago, `
        + 'N months ago, or a weekday (monday, mon, last monday)');
    },
  );
});

describe('parseFutureDay (from Wednesday 2026-03-11)', () => {
  it.each<[string, string]>([
    ['today', TODAY], ['tomorrow', '2026-03-12'], ['Tomorrow ', '2026-03-12'], ['2026-03-11', '2026-03-11'],
    ['2026-12-01', '2026-12-01'], ['2028-02-29', '2028-02-29'],
    ['1d', '2026-03-12'], ['3d', '2026-03-14'], ['2w', '2026-03-25'], ['1m', '2026-04-11'], ['1y', '2027-03-11'],
    ['3 days', '2026-03-14'], ['in 3 days', '2026-03-14'], ['IN 2 WEEKS', '2026-03-25'], ['a week', '2026-03-18'],
    ['in a month', '2026-04-11'], ['one year', '2027-03-11'], ['weekly', '2026-03-18'], ['quarterly', '2026-06-11'],
    ['fortnightly', '2026-03-25'],
    ['thursday', '2026-03-12'], ['thu', '2026-03-12'], ['friday', '2026-03-13'], ['sat', '2026-03-14'],
    ['sunday', '2026-03-15'], ['monday', '2026-03-16'], ['tue', '2026-03-17'],
    ['wednesday', '2026-03-18'], ['wed', '2026-03-18'], ['next wed', '2026-03-18'], ['next friday', '2026-03-13'],
  ])('%j → %s', (text, want) => {
    expect(parseFutureDay(text, TODAY)).toBe(want);
  });

  it.each<[string, string, string]>([
    ['1m', '2026-01-31', '2026-02-28'], ['1m', '2024-01-31', '2024-02-29'], ['1y', '2024-02-29', '2025-02-28'],
    ['tomorrow', '2026-12-31', '2027-01-01'], ['monday', '2026-12-30', '2027-01-04'], ['1d', '2026-03-28', '2026-03-29'],
  ])('%j from %s → %s', (text, from, want) => {
    expect(parseFutureDay(text, from)).toBe(want);
  });

  it.each<[string, string]>([
    ['yesterday', 'date 2026-03-10 is before 2026-03-11: a follow-up or snooze must be on 2026-03-11 or later'],
    ['2026-03-10', 'date 2026-03-10 is before 2026-03-11'], ['1999-01-01', 'date 1999-01-01 is before'],
    ['2026-02-30', 'date "2026-02-30" is not a real date: February 2026 has 28 days'],
    ['2026-13-01', 'the month must be 01 to 12'], ['3/11/2026', 'unclear date "3/11/2026": write dates as YYYY-MM-DD'],
    ['0d', 'bad interval "0d": the number must be 1 or more'], ['-2d', 'bad interval "-2d"'],
    ['1.5w', 'bad interval "1.5w"'], ['101y', 'bad interval "101y": too long, at most 100 years'],
    ['3x', 'bad interval "3x"'], ['in 0 days', 'bad interval "0 days"'],
  ])('refuses %j', (text, message) => {
    expect(usage(() => parseFutureDay(text, TODAY)).message).toContain(message);
  });

  it.each(['', 'soon', 'next', 'next year', 'in', 'later', 'days', 'last monday', 'never', 'toString'])(
    'refuses %j, listing the accepted forms',
    (text) => {
      expect(usage(() => parseFutureDay(text, TODAY)).message).toBe(`bad date "${text}": use YYYY-MM-DD, today, `
        + 'tomorrow, a weekday (friday, fri, next friday), next week, next month, or an interval (3d, 2w, 1m, in 2 weeks, monthly)');
    },
  );

  it('refuses a date past 9999-12-31', () => {
    expect(usage(() => parseFutureDay('1y', '9999-06-01')).message).toContain('too far ahead');
  });
});

describe('parseBirthday', () => {
  it.each<[string, string]>([
    ['1990-05-01', '1990-05-01'], [' 1990-05-01 ', '1990-05-01'], ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'], ['03-14', '--03-14'], ['--03-14', '--03-14'], ['02-29', '--02-29'],
    ['--02-29', '--02-29'], ['12-31', '--12-31'], ['01-01', '--01-01'],
  ])('%j → %s', (text, want) => {
    expect(parseBirthday(text)).toBe(want);
    expect(parseBirthday(text, TODAY)).toBe(want);
  });

  it.each<[string, string]>([
    ['1899-12-31', 'birthday "1899-12-31": the year must be 1900 or later (or leave it out: MM-DD)'],
    ['0990-05-01', 'the year must be 1900 or later'],
    ['1990-02-29', 'birthday "1990-02-29" is not a real date: February 1990 has 28 days'],
    ['1990-13-01', 'the month must be 01 to 12'], ['02-30', 'birthday "02-30" is not a real date: February has 29 days'],
    ['--04-31', 'April has 30 days'], ['13-01', 'the month must be 01 to 12'], ['00-10', 'the month must be 01 to 12'],
    ['5/1/1990', 'bad birthday "5/1/1990": use YYYY-MM-DD, or MM-DD when the year is unknown'],
    ['3-14', 'bad birthday "3-14"'], ['', 'bad birthday ""'], ['march 14', 'bad birthday "march 14"'],
    ['---03-14', 'bad birthday'], ['1990-5-1', 'bad birthday'],
  ])('refuses %j', (text, message) => {
    expect(usage(() => parseBirthday(text)).message).toContain(message);
  });

  it('refuses a birthday after today, when today is given', () => {
    expect(usage(() => parseBirthday('2026-03-12', TODAY)).message).toBe('birthday 2026-03-12 is in the future');
    expect(parseBirthday('2026-03-12')).toBe('2026-03-12');
    expect(parseBirthday('2026-03-11', TODAY)).toBe('2026-03-11');
  });
});

describe('nextAnniversary', () => {
  it.each<[string, string, string]>([
    ['1990-03-11', '2026-03-11', '2026-03-11'], ['1990-03-12', '2026-03-11', '2026-03-12'],
    ['1990-03-10', '2026-03-11', '2027-03-10'], ['--12-31', '2026-12-31', '2026-12-31'],
    ['--01-01', '2026-12-31', '2027-01-01'], ['--02-29', '2026-02-01', '2026-02-28'],
    ['--02-29', '2026-02-28', '2026-02-28'], ['--02-29', '2026-03-01', '2027-02-28'],
    ['--02-29', '2027-03-01', '2028-02-29'], ['2000-02-29', '2028-02-29', '2028-02-29'],
    ['2000-02-29', '2028-03-01', '2029-02-28'], ['--02-28', '2028-02-29', '2029-02-28'],
    ['2030-06-01', '2026-03-11', '2026-06-01'],
  ])('%s from %s → %s', (date, today, want) => {
    expect(nextAnniversary(date, today)).toBe(want);
    // the same rule in numbers (rel due): days from today to it
    expect(daysToAnniversary(date, Number(today.slice(0, 4)), dayNumber(today))).toBe(daysBetween(today, want));
  });

  it('past 9999-12-31 the day is still named (year 10000), not refused', () => {
    expect(nextAnniversary('--01-01', '9999-12-31')).toBe('10000-01-01');
  });

  it('refuses malformed stored dates (a caller bug)', () => {
    expect(() => nextAnniversary('03-14', TODAY)).toThrow(RangeError);
  });
});

describe('date parsers on random input', () => {
  const pieces = ['0', '1', '2', '3', '9', '12', '29', '31', '2026', '1990', '-', '--', '/', '.', ' ', '\t', '\n',
    'today', 'yesterday', 'tomorrow', 'ago', 'a', 'in ', 'last ', 'next ', 'mon', 'friday', 'day', 'days', 'w',
    'weeks', 'm', 'months', 'y', 'year', 'weekly', '1990-05-01', '--02-29', '2026-03-01', '03-14', 'x', 'é', '😀',
    '\u0000', '\ud800', '\u202e', '__proto__'];
  const isDay = (d: string): boolean => parseDay(d) === d;

  it.each<[string, (text: string) => string, (got: string) => boolean]>([
    ['parsePastDay', (t) => parsePastDay(t, TODAY), (d) => isDay(d) && d <= TODAY],
    ['parseFutureDay', (t) => parseFutureDay(t, TODAY), (d) => isDay(d) && d >= TODAY],
    ['parseBirthday', (t) => parseBirthday(t, TODAY), (b) => /^(\d{4}|-)-\d{2}-\d{2}$/.test(b)
      && nextAnniversary(b, TODAY) >= TODAY && (b.startsWith('-') || isDay(b))],
    ['parseDay', (t) => parseDay(t) ?? 'null', (d) => d === 'null' || isDay(d)],
  ])('%s returns a valid day or throws UsageError with a one-line message, for 2,000 strings', (_, parse, valid) => {
    const rand = rng(7);
    let ok = 0;
    for (let i = 0; i < RANDOM_STRINGS; i++) {
      const len = Math.floor(rand() * 6);
      let text = '';
      for (let j = 0; j < len; j++) text += pieces[Math.floor(rand() * pieces.length)];
      let got: string;
      try {
        got = parse(text);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as Error).message).not.toMatch(/[\p{Cc}\p{Cs}]/u);
        continue;
      }
      expect(valid(got), `${JSON.stringify(text)} → ${got}`).toBe(true);
      ok++;
    }
    expect(ok).toBeGreaterThan(RANDOM_STRINGS / 200); // the generator does reach the happy path
  });
});

describe('dates: what a user is told, month by month and at the edges', () => {
  it.each([
    ['01', 'January', 31], ['02', 'February', 28], ['03', 'March', 31], ['04', 'April', 30], ['05', 'May', 31],
    ['06', 'June', 30], ['07', 'July', 31], ['08', 'August', 31], ['09', 'September', 30], ['10', 'October', 31],
    ['11', 'November', 30], ['12', 'December', 31],
  ])('month %s: %s 2025 has %i days', (mm, name, days) => {
    expect(parseDay(`2025-${mm}-${days}`)).toBe(`2025-${mm}-${days}`);
    expect(usage(() => parsePastDay(`2025-${mm}-${days + 1}`, TODAY)).message).toBe(
      `date "2025-${mm}-${days + 1}" is not a real date: ${name} 2025 has ${days} days`,
    );
  });

  it('November has 30 days: the 31st is refused and 30 Nov + 1 is 1 Dec', () => {
    expect(parseDay('2026-11-31')).toBeNull();
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(nextAnniversary('--11-31', '2026-11-01')).toBe('2026-11-30');
  });

  it('says what is wrong when the code is handed something that is not a day', () => {
    expect(() => daysBetween('2026-3-1', TODAY)).toThrow(new RangeError('not a day: 2026-3-1'));
    for (const bad of ['2026/03/11', '2026-03-1x', ' 2026-03-11', '2026-03-111', '20x6-03-11', '2026-0x-11', '2026-03-11 ', '']) {
      expect(() => daysBetween(bad, TODAY), bad).toThrow(new RangeError(`not a day: ${bad}`));
    }
    expect(() => todayOf(new Date('nope'))).toThrow(new RangeError('todayOf: invalid Date'));
    expect(() => addDays('9999-12-31', 1)).toThrow(new RangeError('addDays: 9999-12-31 + 1 is out of range'));
    expect(() => addDays(TODAY, 0.5)).toThrow(new RangeError('addDays: 2026-03-11 + 0.5 is out of range'));
    expect(() => nextAnniversary('1990-03-144', TODAY)).toThrow(new RangeError('nextAnniversary: not a date: 1990-03-144'));
    expect(() => nextAnniversary('x1990-03-14', TODAY)).toThrow(new RangeError('nextAnniversary: not a date: x1990-03-14'));
  });

  it('refuses a past date too far back to count', () => {
    expect(usage(() => parsePastDay('100 years ago', '0050-06-01')).message).toBe(
      'date "100 years ago" is too far back: the earliest is 1900-01-01',
    );
  });

  it.each([
    // Each must be refused as a whole, not read from a part that looks right.
    ['3 days agox', 'bad date "3 days agox": use YYYY-MM-DD, today, yesterday, N days ago, N weeks ago, N months ago, or a weekday (monday, mon, last monday)'],
    ['x3 days ago', 'bad date "x3 days ago": use YYYY-MM-DD'],
    ['monday1', 'bad date "monday1": use YYYY-MM-DD'],
    ['x3/11/2026', 'bad date "x3/11/2026": use YYYY-MM-DD'],
    ['2 a week ago', 'bad interval "2 a week"'],
  ])('parsePastDay refuses %j', (text, message) => {
    expect(usage(() => parsePastDay(text, TODAY)).message).toContain(message);
  });

  it.each([
    ['friday3', 'bad date "friday3": use YYYY-MM-DD, today, tomorrow, a weekday (friday, fri, next friday), next week, next month, or an interval (3d, 2w, 1m, in 2 weeks, monthly)'],
    ['2w in 3', 'bad interval "2w in 3"'],
    ['weekly2', 'bad date "weekly2"'],
  ])('parseFutureDay refuses %j', (text, message) => {
    expect(usage(() => parseFutureDay(text, TODAY)).message).toContain(message);
  });

  it.each(['03-145', '--03-145', '1990-03-145'])('parseBirthday refuses %j', (text) => {
    expect(usage(() => parseBirthday(text)).message).toBe(`bad birthday "${text}": use YYYY-MM-DD, or MM-DD when the year is unknown`);
  });
});
