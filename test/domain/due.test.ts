import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { byUrgency, dueItemOf, dueItems, firstInOrder, mostUrgent, rankDue, type DueDate, type DueItem, type DuePerson, type DueFollowUp } from '../../src/domain/due.js';
import { rng } from '../support.js';

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

  it('is total: one person with follow-ups on the same day comes out the same whatever the input order', () => {
    const p = person({ id: 'a' });
    const followUps = [
      { id: 'f1', person_id: 'a', due_on: '2026-02-20', note: 'send the deck' },
      { id: 'f2', person_id: 'a', due_on: '2026-02-20', note: null },
      { id: 'f3', person_id: 'a', due_on: '2026-02-20', note: 'intro to Bo' },
    ];
    const notes = (fs: typeof followUps) => dueItems([p], fs, opts).map((i) => i.note);
    const want = [null, 'intro to Bo', 'send the deck'];
    expect(notes(followUps)).toEqual(want);
    expect(notes([...followUps].reverse())).toEqual(want);
    expect(notes([followUps[2]!, followUps[0]!, followUps[1]!])).toEqual(want);
  });
});

describe('rankDue: ranking in numbers, writing only what is shown', () => {
  /** A random network with many ties: few names, rhythms and days, so every tie-break is reached. */
  function network(seed: number) {
    const rnd = rng(seed);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const people: DuePerson[] = [];
    const followUps: DueFollowUp[] = [];
    const dates: DueDate[] = [];
    for (let i = 0; i < 60; i++) {
      const id = `p${Math.floor(rnd() * 50)}`; // some handed over twice
      people.push(person({
        id,
        name: pick(['Al', 'Bo', 'Cy', 'Al']),
        every_days: rnd() < 0.7 ? pick([1, 7, 14, 30]) : null,
        last_touch: rnd() < 0.8 ? addDays(opts.today, -Math.floor(rnd() * 60)) : null,
        added_on: addDays(opts.today, -Math.floor(rnd() * 90)),
        birthday: rnd() < 0.4 ? `--03-${String(1 + Math.floor(rnd() * 16)).padStart(2, '0')}` : null,
      }));
      for (let f = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0; f > 0; f--) { // some on the same day
        followUps.push({ id: `f${i}-${f}`, person_id: id, due_on: addDays(opts.today, Math.floor(rnd() * 6) - 4), note: pick([null, 'send the deck', 'intro']) });
      }
      if (rnd() < 0.3) dates.push({ id: `d${i}`, person_id: id, label: pick(['wedding', 'anniversary']), date: pick(['--03-01', '--03-05', '2020-03-05', '2026-03-09']), yearly: rnd() < 0.7 });
    }
    return { people, followUps, dates };
  }

  it('orders the items as byUrgency orders them written out, on random networks full of ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { people, followUps, dates } = network(seed);
      const items = dueItems(people, followUps, { ...opts, withinDays: seed % 3 }, dates);
      expect(items.length).toBeGreaterThan(10);
      expect(items).toEqual([...items].sort(byUrgency));
    }
  });

  it('writes one item as dueItems writes it: the table writes its screenful, --json all', () => {
    const { people, followUps, dates } = network(7);
    const ranked = rankDue(people, followUps, opts, dates);
    const items = dueItems(people, followUps, opts, dates);
    expect(ranked.map((r) => dueItemOf(r, opts))).toEqual(items);
    expect(dueItemOf(ranked[3]!, opts)).toEqual(items[3]);
    expect(new Set(items.map((i) => i.reason))).toEqual(new Set(['overdue', 'follow-up', 'birthday', 'date']));
  });

  it('mostUrgent gives rankDue\'s first k items and its count, for every k, on random networks full of ties', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { people, followUps, dates } = network(seed);
      const o = { ...opts, withinDays: seed % 3 };
      const all = rankDue(people, followUps, o, dates);
      // The order they are handed over in does not matter: the same people (each once: of one handed over
      // twice, the first counts) reversed give the same first items.
      const once = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i).reverse();
      for (const k of [0, 1, 2, 5, 20, all.length - 1, all.length, all.length + 3, Infinity]) {
        expect(mostUrgent(people, followUps, o, dates, k)).toEqual({ first: all.slice(0, k), count: all.length });
        expect(mostUrgent(once, [...followUps].reverse(), o, [...dates].reverse(), k).first).toEqual(all.slice(0, k));
      }
    }
  });
});

describe('firstInOrder', () => {
  const byNumber = (a: number, b: number) => a - b;
  it('is the sorted array\'s first k, whatever the order the items come in', () => {
    const rnd = rng(3);
    for (let round = 0; round < 200; round++) {
      const xs = Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 15)); // with repeats
      const k = Math.floor(rnd() * 45);
      expect(firstInOrder(xs, k, byNumber)).toEqual([...xs].sort(byNumber).slice(0, k));
    }
  });

  it('keeps, of items equal in the order, the first met, as a stable sort does, and leaves its input alone', () => {
    const xs = [{ n: 2, tag: 'a' }, { n: 1, tag: 'b' }, { n: 2, tag: 'c' }, { n: 1, tag: 'd' }, { n: 0, tag: 'e' }];
    const copy = structuredClone(xs);
    expect(firstInOrder(xs, 4, (a, b) => a.n - b.n).map((x) => x.tag)).toEqual(['e', 'b', 'd', 'a']);
    expect(xs).toEqual(copy);
    expect(firstInOrder(xs, 0, (a, b) => a.n - b.n)).toEqual([]);
    expect(firstInOrder(xs, -1, (a, b) => a.n - b.n)).toEqual([]);
  });
});

describe('dueItems: the why a user reads, and ties', () => {
  it('puts the earlier due date first when two people score the same', () => {
    // 60 days on a 30-day rhythm and 14 days on a 7-day rhythm both score 2.00; the monthly one has
    // been due since 30 Jan, the weekly one since 22 Feb. Names sort the other way round.
    const items = dueItems(
      [
        person({ id: 'w', name: 'Amy', last_touch: '2026-02-15', every_days: 7 }),
        person({ id: 'm', name: 'Zed', last_touch: '2025-12-31', every_days: 30 }),
      ],
      [],
      opts,
    );
    expect(items.map((i) => [i.name, i.score, i.date])).toEqual([
      ['Zed', 2, '2026-01-30'],
      ['Amy', 2, '2026-02-22'],
    ]);
  });

  it('puts the earlier name first when score and date are the same, then the id', () => {
    const p = (id: string, name: string) => person({ id, name, last_touch: '2026-02-01', every_days: 14 });
    expect(names(dueItems([p('1', 'Bea'), p('2', 'Al'), p('3', 'Bea')], [], opts))).toEqual(['Al', 'Bea', 'Bea']);
    expect(dueItems([p('3', 'Bea'), p('1', 'Bea')], [], opts).map((i) => i.id)).toEqual(['1', '3']);
  });

  it('says how an overdue score is made', () => {
    const [touched] = dueItems([person({ id: 'a', last_touch: '2026-01-15', every_days: 30 })], [], opts);
    expect(touched).toMatchObject({ why: '45 days since the last touch, rhythm 30d: 45 / 30 = 1.50', score: 1.5, date: '2026-02-14', days_overdue: 15 });
    const [never] = dueItems([person({ id: 'a', added_on: '2026-02-01', every_days: 7 })], [], opts);
    expect(never!.why).toBe('28 days since added, never touched, rhythm 7d: 28 / 7 = 4.00');
  });

  it.each([
    // birthday, score, why, days_overdue
    ['--03-01', 3, 'birthday today: 3.00', 0],
    ['--03-02', 0.93, 'birthday in 1 days: 1 - 1 / 15 = 0.93', -1],
    ['--03-10', 0.4, 'birthday in 9 days: 1 - 9 / 15 = 0.40', -9],
    ['--03-15', 0.07, 'birthday in 14 days: 1 - 14 / 15 = 0.07', -14],
  ])('birthday %s scores %d: %s', (birthday, score, why, overdue) => {
    const [i] = dueItems([person({ id: 'a', birthday })], [], opts);
    expect(i).toMatchObject({ reason: 'birthday', score, why, days_overdue: overdue });
  });

  it('shows a birthday exactly at the edge of the window and not one day beyond', () => {
    const p = person({ id: 'a', birthday: '--03-08' }); // 7 days ahead
    expect(dueItems([p], [], { ...opts, birthdayDays: 7 })).toHaveLength(1);
    expect(dueItems([p], [], { ...opts, birthdayDays: 6 })).toEqual([]);
    expect(dueItems([p], [], { ...opts, birthdayDays: 7 })[0]!.why).toBe('birthday in 7 days: 1 - 7 / 8 = 0.13');
  });

  it.each([
    ['2026-02-22', 'follow-up 7 days late: 1 + 7 / 7 = 2.00', 2],
    ['2026-03-01', 'follow-up 0 days late: 1 + 0 / 7 = 1.00', 1],
    ['2026-03-04', 'follow-up in 3 days: 1 + -3 / 7 = 0.57', 0.57],
  ])('a follow-up on %s says %s', (due_on, why, score) => {
    const items = dueItems([person({ id: 'a' })], [{ id: 'f', person_id: 'a', due_on, note: null }], { ...opts, withinDays: 3 });
    expect(items[0]).toMatchObject({ reason: 'follow-up', why, score });
  });

  it('leaves out a follow-up past the --within horizon and one whose person is not listed (snoozed)', () => {
    const f = (due_on: string, person_id = 'a') => ({ id: due_on, person_id, note: null, due_on });
    expect(dueItems([person({ id: 'a' })], [f('2026-03-05')], { ...opts, withinDays: 3 })).toEqual([]);
    expect(dueItems([person({ id: 'a' })], [f('2026-03-04')], { ...opts, withinDays: 3 })).toHaveLength(1);
    expect(dueItems([person({ id: 'a', snoozed_until: '2026-03-02' })], [f('2026-02-01')], opts)).toEqual([]);
    expect(dueItems([person({ id: 'a' })], [f('2026-02-01', 'b')], opts)).toEqual([]);
  });

  it('lists a person handed over twice once', () => {
    const p = person({ id: 'a', last_touch: '2026-01-01', every_days: 30 });
    expect(dueItems([p, { ...p }], [], opts)).toHaveLength(1);
  });

  it('is due on the day it is due with --within, counted from the horizon', () => {
    const p = person({ id: 'a', last_touch: '2026-02-20', every_days: 14 }); // due 2026-03-06
    expect(dueItems([p], [], { ...opts, withinDays: 4 })).toEqual([]);
    expect(dueItems([p], [], { ...opts, withinDays: 5 })[0]!.why).toBe('9 days since the last touch, rhythm 14d: 9 / 14 = 0.64');
  });

  it.each([
    // date, yearly, why, score, label
    [{ date: '2020-03-01', yearly: true }, 'wedding (6 years) today: 3.00', 3],
    [{ date: '2025-03-04', yearly: true }, 'wedding (1 year) in 3 days: 1 - 3 / 15 = 0.80', 0.8],
    [{ date: '--03-04', yearly: true }, 'wedding in 3 days: 1 - 3 / 15 = 0.80', 0.8],
    [{ date: '2026-03-15', yearly: false }, 'wedding in 14 days: 1 - 14 / 15 = 0.07', 0.07],
  ])('an important date %o says %s', (d, why, score) => {
    const [i] = dueItems([person({ id: 'a' })], [], opts, [{ id: 'd', person_id: 'a', label: 'wedding', ...d }]);
    expect(i).toMatchObject({ reason: 'date', why, score, label: 'wedding' });
  });

  it('leaves out an important date beyond the window, passed, or of someone not listed', () => {
    const d = (date: string, yearly: boolean, person_id = 'a') => [{ id: 'd', person_id, label: 'x', date, yearly }];
    const p = [person({ id: 'a' })];
    expect(dueItems(p, [], opts, d('2026-03-16', false))).toEqual([]);
    expect(dueItems(p, [], opts, d('2026-03-15', false))).toHaveLength(1);
    expect(dueItems(p, [], opts, d('2026-02-28', false))).toEqual([]);
    expect(dueItems(p, [], opts, d('--03-04', true, 'b'))).toEqual([]);
    const [today] = dueItems(p, [], opts, d('2026-03-01', false));
    expect(today).toMatchObject({ days_overdue: 0, date: '2026-03-01', note: null });
  });
});

describe('byUrgency', () => {
  it('is a comparator: swapping the two items flips the sign at every tie-break', () => {
    const a = dueItems([person({ id: 'a', name: 'Al', last_touch: '2026-02-01', every_days: 14 })], [], opts)[0]!;
    const pairs: [DueItem, DueItem][] = [
      [a, { ...a, score: a.score - 1 }],
      [a, { ...a, date: '2026-02-16' }],
      [a, { ...a, name: 'Bo' }],
      [a, { ...a, id: 'b' }],
      [{ ...a, reason: 'date' }, { ...a, reason: 'follow-up' }],
      [a, { ...a, label: 'z' }],
      [a, { ...a, note: 'a note' }],
      [{ ...a, note: 'a' }, { ...a, note: 'b' }],
    ];
    for (const [first, second] of pairs) {
      expect(Math.sign(byUrgency(first, second))).toBe(-1);
      expect(Math.sign(byUrgency(second, first))).toBe(1);
    }
    expect(byUrgency(a, { ...a })).toBe(0);
  });
});
