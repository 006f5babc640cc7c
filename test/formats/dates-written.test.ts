// Dates as the exporting programs write them, and what day (or yearless birthday) each becomes.
import { describe, expect, it } from 'vitest';
import { readBirthday, readDay } from '../../src/formats/dates.js';

describe('readDay: more of what exports write', () => {
  it.each([
    // ISO, single-digit month and day, a time after it
    ['2024-3-5', 'us', '2024-03-05'],
    ['2024-03-12T10:00:00Z', 'us', '2024-03-12'],
    ['2024-03-12 10:00', 'us', '2024-03-12'],
    ['  2024-03-12  ', 'strict', '2024-03-12'],
    // slashes: US month/day unless the first part is over 12; day/month in Europe
    ['3/4/2020', 'us', '2020-03-04'],
    ['3/4/2020', 'dmy', '2020-04-03'],
    ['13/4/2020', 'us', '2020-04-13'],
    ['4/13/2020', 'dmy', null],
    ['4/13/2020', 'strict', '2020-04-13'],
    ['13/13/2020', 'us', null],
    ['3/12/2024 10:00 AM', 'us', '2024-03-12'],
    ['1/8/18 6:14 PM', 'us', '2018-01-08'],
    // dots and dashes are day first, whatever the setting
    ['3.4.2020', 'us', '2020-04-03'],
    ['3-4-2020', 'us', '2020-04-03'],
    ['03.04.20', 'us', '2020-04-03'],
    ['3.4/2020', 'us', null],
    // month names, long and short, with a dot, in any case
    ['12-Mar-2024', 'us', '2024-03-12'],
    ['12 mar. 2024', 'us', '2024-03-12'],
    ['5 December 2024', 'us', '2024-12-05'],
    ['Sep 7, 2020', 'us', '2020-09-07'],
    ['SEPT. 7 2020', 'us', '2020-09-07'],
    ['September 7, 2020', 'us', '2020-09-07'],
    ['12 Marchember 2024', 'us', null],
    ['12 Mär 2024', 'us', null],
    // more than one blank between the parts; 12 as the first part is still a month in the US
    ['12  Mar  2024', 'us', '2024-03-12'],
    ['Mar  12,  2024', 'us', '2024-03-12'],
    ['12/4/2020', 'us', '2020-12-04'],
    ['3/12/2020', 'strict', null],
    // a date with anything before or after it (but a time) is not read
    ['on 2024-03-12', 'us', null],
    ['2024-03-12 or so', 'us', null],
    ['about 3/4/2020', 'us', null],
    ['3/4/2020 maybe', 'us', null],
    ['the 12 Mar 2024', 'us', null],
    ['12 Mar 2024 or 13', 'us', null],
    ['on Mar 12, 2024', 'us', null],
    ['Mar 12, 2024 or so', 'us', null],
    ['Mar 12, 24', 'us', null],
    ['2024', 'us', null],
    ['', 'us', null],
  ] as const)('readDay(%j, %s) = %j', (text, slash, day) => expect(readDay(text, slash)).toBe(day));
});

describe('readBirthday: yearless when the year is unknown', () => {
  it.each([
    ['--0314', 'strict', '--03-14'],
    ['--3-14', 'strict', null],
    ['--02-29', 'strict', '--02-29'],
    ['0000-02-29', 'strict', '--02-29'],
    ['1899-12-31', 'strict', '--12-31'],
    ['1900-01-01', 'strict', '1900-01-01'],
    ['1899-02-30', 'strict', null],
    ['2/29/99', 'us', '--02-29'],
    ['29.02.1999', 'strict', null],
    ['29.02.2000', 'strict', '2000-02-29'],
    ['14 Mar 1604', 'us', '--03-14'],
    ['not a date', 'us', null],
    // a placeholder year before 1900 is no year: 29 February is then a real birthday
    ['1899-02-29', 'strict', '--02-29'],
    ['  --03-14 ', 'strict', '--03-14'],
    ['x--03-14', 'strict', null],
    ['--03-14x', 'strict', null],
  ] as const)('readBirthday(%j, %s) = %j', (text, slash, day) => expect(readBirthday(text, slash)).toBe(day));
});
