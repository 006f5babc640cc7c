import { describe, expect, it } from 'vitest';
import { dueItems, type DuePerson, type DueFollowUp } from '../../src/domain/due.js';

const person = (over: Partial<DuePerson> & { id: string }): DuePerson => ({
  name: over.id,
  every_days: null,
  birthday: null,
  snoozed_until: null,
  added_on: '2026-01-01',
  last_touch: null,
  ...over,
});
const opts = { today: '2026-03-01', withinDays: 0, birthdayDays: 14 };
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('dueItems: rhythms', () => {
  it.each([
    // last touch, rhythm, due?, days_overdue
    ['2026-01-30', 30, true, 0], // due exactly today
    ['2026-01-31', 30, false, -1], // due tomorrow
    ['2026-01-01', 30, true, 29],
    ['2026-02-28', 1, true, 0],
  ])('last touch %s with a %i-day rhythm: due=%s', (last, every, due, overdue) => {
    const items = dueItems([person({ id: 'a', last_touch: last, every_days: every })], [], opts);
    expect(items.length).toBe(due ? 1 : 0);
    if (due) expect(items[0]).toMatchObject({ reason: 'overdue', days_overdue: overdue, last_touch: last, every_days: every });
  });

  it('counts from the day added when never touched', () => {
    const [item] = dueItems([person({ id: 'a', added_on: '2026-02-01', every_days: 14 })], [], opts);
    expect(item).toMatchObject({ reason: 'overdue', date: '2026-02-15', days_overdue: 14, last_touch: null });
    expect(item!.why).toContain('never touched');
  });

  it('people without a rhythm are never overdue', () => {
    expect(dueItems([person({ id: 'a', last_touch: '2020-01-01' })], [], opts)).toEqual([]);
  });

  it('--within looks ahead', () => {
    const p = person({ id: 'a', last_touch: '2026-02-20', every_days: 14 }); // due 2026-03-06
    expect(dueItems([p], [], opts)).toEqual([]);
    expect(dueItems([p], [], { ...opts, withinDays: 5 })[0]).toMatchObject({ days_overdue: -5 });
  });

  it('ranks by days since the last touch divided by the rhythm, not by raw days', () => {
    const items = dueItems(
      [
        person({ id: 'weekly', last_touch: '2026-02-15', every_days: 7 }), // 14/7 = 2.0
        person({ id: 'monthly', last_touch: '2026-01-01', every_days: 30 }), // 59/30 = 1.97
        person({ id: 'yearly', last_touch: '2024-12-01', every_days: 365 }), // 455/365 = 1.25
      ],
      [],
      opts,
    );
    expect(names(items)).toEqual(['weekly', 'monthly', 'yearly']);
    expect(items.map((i) => i.score)).toEqual([2, 1.97, 1.25]);
  });

  it('leaves snoozed people out until the snooze ends', () => {
    const p = person({ id: 'a', last_touch: '2026-01-01', every_days: 7, birthday: '--03-02' });
    expect(dueItems([{ ...p, snoozed_until: '2026-03-05' }], [], opts)).toEqual([]);
    expect(dueItems([{ ...p, snoozed_until: '2026-03-01' }], [], opts).length).toBe(2);
  });
});

describe('dueItems: follow-ups and birthdays', () => {
  const fu = (due_on: string): DueFollowUp => ({ id: `f${due_on}`, person_id: 'a', due_on, note: 'send the deck' });

  it.each([
    ['2026-03-01', true, 0, 1],
    ['2026-02-22', true, 7, 2],
    ['2026-03-02', false, 0, 0],
  ])('a follow-up on %s: due=%s', (date, due, late, score) => {
    const items = dueItems([person({ id: 'a' })], [fu(date)], opts);
    expect(items.length).toBe(due ? 1 : 0);
    if (due) expect(items[0]).toMatchObject({ reason: 'follow-up', date, days_overdue: late, score, note: 'send the deck' });
  });

  it.each([
    ['1990-03-01', true, '2026-03-01', 0],
    ['--03-15', true, '2026-03-15', -14],
    ['--03-16', false, '', 0],
    ['--02-28', false, '', 0], // just passed: next is a year away
    ['1988-02-29', true, '2026-03-01', 0], // no 29 Feb in 2026... falls on 28 Feb, which has passed
  ])('birthday %s within 14 days: %s', (birthday, due, date, overdue) => {
    const items = dueItems([person({ id: 'a', birthday })], [], opts);
    if (birthday === '1988-02-29') {
      // 29 Feb falls on 28 Feb in a non-leap year: already passed on 1 Mar 2026.
      expect(items).toEqual([]);
      return;
    }
    expect(items.length).toBe(due ? 1 : 0);
    if (due) expect(items[0]).toMatchObject({ reason: 'birthday', date, days_overdue: overdue });
  });

  it('--within widens the birthday window', () => {
    const p = person({ id: 'a', birthday: '--04-01' });
    expect(dueItems([p], [], opts)).toEqual([]);
    expect(dueItems([p], [], { ...opts, withinDays: 31, birthdayDays: 31 })).toHaveLength(1);
  });

  it('orders a birthday today above an ordinary overdue contact, and a late follow-up by lateness', () => {
    const items = dueItems(
      [
        person({ id: 'bday', birthday: '--03-01' }),
        person({ id: 'slack', last_touch: '2026-01-20', every_days: 30 }), // 40/30 = 1.33
        person({ id: 'a' }),
        person({ id: 'soon', birthday: '--03-10' }), // 1 - 9/15 = 0.4
      ],
      [fu('2026-02-22')], // 7 days late: 2.0
      opts,
    );
    expect(items.map((i) => `${i.name}:${i.reason}`)).toEqual(['bday:birthday', 'a:follow-up', 'slack:overdue', 'soon:birthday']);
  });

  it('every item explains its score', () => {
    const items = dueItems([person({ id: 'a', last_touch: '2026-01-01', every_days: 30, birthday: '--03-05' })], [fu('2026-02-28')], opts);
    for (const i of items) expect(i.why).toMatch(/= \d+\.\d\d$/);
  });
});

describe('dueItems: order', () => {
  it('is total: one person with two dates on the same day comes out the same whatever the input order', () => {
    const p = person({ id: 'a' });
    const dates = [
      { id: 'd2', person_id: 'a', label: 'wedding', date: '--03-05', yearly: true },
      { id: 'd1', person_id: 'a', label: 'anniversary', date: '--03-05', yearly: true },
    ];
    const labels = (ds: typeof dates) => dueItems([p], [], opts, ds).map((i) => i.label);
    expect(labels(dates)).toEqual(['anniversary', 'wedding']);
    expect(labels([...dates].reverse())).toEqual(['anniversary', 'wedding']);
  });
});
