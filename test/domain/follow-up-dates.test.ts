/** parseFutureDay with a back-dated touch: words count from today, intervals from the touch, never before today. */
import { describe, expect, it } from 'vitest';
import { parseFutureDay } from '../../src/domain/dates.js';
import { usage } from '../support.js';

const TODAY = '2026-03-11'; // a Wednesday
const TOUCH = '2026-03-08'; // the Sunday before: rel log --on "3 days ago"

describe('parseFutureDay(text, touch, today) for a touch 3 days ago', () => {
  it.each<[string, string]>([
    ['tomorrow', '2026-03-12'], ['today', TODAY], ['friday', '2026-03-13'], ['next friday', '2026-03-13'],
    ['wednesday', '2026-03-18'], ['monday', '2026-03-16'], ['next week', '2026-03-18'], ['next month', '2026-04-11'],
    ['2026-03-20', '2026-03-20'],
    // intervals count from the touch
    ['1w', '2026-03-15'], ['2w', '2026-03-22'], ['in 3 days', TODAY], ['1m', '2026-04-08'], ['weekly', '2026-03-15'],
  ])('%j → %s', (text, want) => {
    expect(parseFutureDay(text, TOUCH, TODAY)).toBe(want);
  });

  it.each<[string, string]>([
    ['2d', 'date 2026-03-10 is before 2026-03-11 ("2d" counts from the touch on 2026-03-08): a follow-up or snooze must be on 2026-03-11 or later'],
    ['1d', 'date 2026-03-09 is before 2026-03-11 ("1d" counts from the touch on 2026-03-08)'],
    ['2026-03-09', 'date 2026-03-09 is before 2026-03-11: a follow-up or snooze must be on 2026-03-11 or later'],
    ['yesterday', 'date 2026-03-10 is before 2026-03-11: a follow-up or snooze must be on 2026-03-11 or later'],
  ])('refuses %j: %s', (text, message) => {
    expect(usage(() => parseFutureDay(text, TOUCH, TODAY)).message).toContain(message);
  });

  it('a touch today: words and intervals agree', () => {
    for (const [text, want] of [['tomorrow', '2026-03-12'], ['1d', '2026-03-12'], ['next week', '2026-03-18'], ['1w', '2026-03-18']]) {
      expect(parseFutureDay(text!, TODAY)).toBe(want);
    }
  });
});
