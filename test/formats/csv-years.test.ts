// Two-digit years in CSV dates (Outlook and Google write 1/8/18). Kept apart from csv.test.ts, which is
// being reworked for issue 12; these pin the POSIX pivot a careless change would move (issue 16).
import { describe, expect, it } from 'vitest';
import { readDay } from '../../src/formats/csv.js';

describe('readDay: two-digit years follow POSIX (69-99 → 19xx, 00-68 → 20xx)', () => {
  it.each([
    ['1/1/69', '1969-01-01'],
    ['1/1/68', '2068-01-01'],
    ['1/1/99', '1999-01-01'],
    ['1/1/00', '2000-01-01'],
    ['12.31.70', null], // dots are day first: month 31 does not exist
    ['31.12.69', '1969-12-31'],
  ])('%s → %s', (text, day) => {
    expect(readDay(text, 'us')).toBe(day);
  });
});
