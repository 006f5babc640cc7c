// rel due --within: the look ahead read as a calendar, one line per person, in date order.
import { describe, expect, it } from 'vitest';
import { byPersonInDateOrder } from '../../src/domain/due-calendar.js';
import type { DueItem, DueReason } from '../../src/domain/due.js';

const item = (id: string, name: string, reason: DueReason, date: string, score: number, label: string | null = null): DueItem => ({
  id, name, reason, date, score, label, last_touch: null, every_days: null, days_overdue: 0, why: `${reason} ${date}`, note: null,
});

const show = (groups: DueItem[][]) => groups.map((g) => g.map((i) => `${i.name} ${i.reason} ${i.date}`));

describe('byPersonInDateOrder', () => {
  it('groups each person once, in the order of their earliest item; each group in date order', () => {
    const items = [
      item('b', 'Ben', 'birthday', '2026-03-09', 3),
      item('a', 'Ana', 'follow-up', '2026-03-05', 1),
      item('b', 'Ben', 'overdue', '2026-03-02', 1.2),
      item('a', 'Ana', 'overdue', '2026-03-07', 2),
      item('c', 'Cy', 'date', '2026-03-03', 3, 'wedding'),
    ];
    expect(show(byPersonInDateOrder(items))).toEqual([
      ['Ben overdue 2026-03-02', 'Ben birthday 2026-03-09'],
      ['Cy date 2026-03-03'],
      ['Ana follow-up 2026-03-05', 'Ana overdue 2026-03-07'],
    ]);
  });

  it('on the same day, the more urgent comes first: within a person and between people', () => {
    const items = [
      item('a', 'Ana', 'overdue', '2026-03-05', 1.5),
      item('b', 'Ben', 'follow-up', '2026-03-05', 2),
      item('a', 'Ana', 'birthday', '2026-03-05', 3),
    ];
    expect(show(byPersonInDateOrder(items))).toEqual([
      ['Ana birthday 2026-03-05', 'Ana overdue 2026-03-05'],
      ['Ben follow-up 2026-03-05'],
    ]);
  });

  it('keeps two people of the same name apart, and leaves the input as it was', () => {
    const items = [item('a2', 'Sam', 'overdue', '2026-03-04', 1), item('a1', 'Sam', 'overdue', '2026-03-04', 1)];
    const before = [...items];
    expect(byPersonInDateOrder(items).map((g) => g.map((i) => i.id))).toEqual([['a1'], ['a2']]);
    expect(items).toEqual(before);
    expect(byPersonInDateOrder([])).toEqual([]);
  });
});
