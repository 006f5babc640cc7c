import { describe, expect, it } from 'vitest';
import { oldestFirst } from '../../src/store/transfer.js';
import type { RelTouch } from '../../src/formats/json.js';

const touch = (date: string, created_at: string, id: string): RelTouch =>
  ({ id, group_id: 'g', date, via: 'call', note: null, give: null, ask: null, intro_to: null, created_at, updated_at: created_at });
const key = (t: RelTouch) => `${t.date} ${t.created_at} ${t.id}`;

describe('oldestFirst: a person\'s touches as rel export writes them', () => {
  it('orders by day, then by when they were logged, then by id, whatever order they came in', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 300; round++) {
      // In day order, as the (person_id, date) index gives them, with ties on a day in any order.
      const touches = Array.from({ length: rnd(8) }, () => touch(`2026-01-0${1 + rnd(3)}`, `2026-01-01T0${rnd(3)}:00:00.000Z`, `t${rnd(5)}`))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const expected = touches.map(key).sort();
      expect(oldestFirst([...touches]).map(key)).toEqual(expected);
    }
  });

  it('leaves touches already in order as they are', () => {
    const touches = [touch('2026-01-01', 'b', 'x'), touch('2026-01-02', 'a', 'a'), touch('2026-01-02', 'a', 'b')];
    const copy = [...touches];
    expect(oldestFirst(touches)).toBe(touches);
    expect(touches).toEqual(copy);
  });
});
