import { describe, expect, it } from 'vitest';
import { dayParts, digitsAt } from '../../src/domain/day.js';
import { MUTATING } from '../support.js';

describe('dayParts', () => {
  it.each<[string, ReturnType<typeof dayParts>]>([
    ['2026-03-14', { year: 2026, month: 3, day: 14 }],
    ['0000-12-31', { year: 0, month: 12, day: 31 }],
    ['--03-14', { year: null, month: 3, day: 14 }],
    ['--02-29', { year: null, month: 2, day: 29 }],
    ['2026-13-45', { year: 2026, month: 13, day: 45 }], // the shape only: parseDay says it is not real
  ])('%s', (text, want) => {
    expect(dayParts(text)).toEqual(want);
  });

  it.each([
    '', '2026-3-14', '2026-03-4', '26-03-14', '2026/03/14', '2026-03-14 ', ' 2026-03-14', '2026-03-1x', 'x026-03-14',
    '-03-14', '---03-14', '--3-14', '--03-1', '--03/14', '-x03-14', 'x-03-14', '--0314', '2026-0314', '202603-14',
    '2026-03-141', '+026-03-14', '--03-14-', '２０２６-03-14',
  ])('refuses %j', (text) => {
    expect(dayParts(text)).toBeNull();
  });

  // The rule as it was written before, as a regular expression: the digit-by-digit reader must agree.
  const RE = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/;
  const oracle = (text: string) => {
    const m = RE.exec(text);
    return m ? { year: m[1] === undefined ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  };

  it('agrees with the pattern on random texts of digits and dashes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '0123456789-----x ';
    for (let i = 0; i < (MUTATING ? 3000 : 30000); i++) {
      const text = Array.from({ length: 5 + Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(dayParts(text), text).toEqual(oracle(text));
    }
    for (const text of ['2026-03-14', '--03-14']) {
      for (let at = 0; at < text.length; at++) {
        for (const c of '0-x/') {
          const changed = text.slice(0, at) + c + text.slice(at + 1);
          expect(dayParts(changed), changed).toEqual(oracle(changed));
        }
      }
    }
  });
});

describe('digitsAt', () => {
  it('reads the digits it is told to, and says -1 for anything else', () => {
    expect(digitsAt('x2026y', 1, 4)).toBe(2026);
    expect(digitsAt('0099', 0, 4)).toBe(99);
    expect(digitsAt('12/4', 0, 4)).toBe(-1);
    expect(digitsAt('12:4', 0, 4)).toBe(-1); // ':' is the code after '9'
    expect(digitsAt('12', 0, 3)).toBe(-1); // past the end
  });
});
