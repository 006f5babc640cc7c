import { describe, expect, it } from 'vitest';
import { followUpsClosedBy, setOn, type OpenFollowUp } from '../../src/domain/follow-ups.js';
import { localDate } from '../helpers.js';

const at = (local: string) => localDate(local).toISOString();
const fu = (id: string, touch_date: string | null, written: string): OpenFollowUp => ({ id, touch_date, created_at: at(written) });

describe('followUpsClosedBy', () => {
  const open = [
    fu('set-monday', '2026-03-02', '2026-03-02T18:00'), // logged the day it happened
    fu('backdated', '2026-03-01', '2026-03-04T08:00'), // a touch of Sunday logged on Wednesday
    fu('imported', null, '2026-02-01T12:00'),
    fu('today', '2026-03-04', '2026-03-04T09:00'),
  ];
  it.each<[string, 'auto' | 'keep' | 'close', string[]]>([
    ['2026-03-04', 'auto', ['set-monday', 'imported']], // the same day as the promise: never
    ['2026-03-05', 'auto', ['set-monday', 'backdated', 'imported', 'today']],
    ['2026-03-01', 'auto', ['imported']], // back-filling an older meeting closes no newer promise
    ['2026-03-05', 'keep', []],
    ['2026-03-01', 'close', ['set-monday', 'backdated', 'imported', 'today']],
  ])('a touch on %s (%s) closes %j', (date, mode, ids) => {
    expect(followUpsClosedBy(open, date, mode)).toEqual(ids);
  });

  it('set on: the later of the touch day and the local day it was written', () => {
    expect(open.map(setOn)).toEqual(['2026-03-02', '2026-03-04', '2026-02-01', '2026-03-04']);
  });
});

describe('setOn: a touch logged ahead of its day', () => {
  it('is set on the touch day, so a touch before that day does not close it', () => {
    const ahead = fu('ahead', '2026-03-06', '2026-03-04T10:00'); // rel log --date 2026-03-06, written on the 4th
    expect(setOn(ahead)).toBe('2026-03-06');
    expect(followUpsClosedBy([ahead], '2026-03-05', 'auto')).toEqual([]);
    expect(followUpsClosedBy([ahead], '2026-03-06', 'auto')).toEqual([]);
    expect(followUpsClosedBy([ahead], '2026-03-07', 'auto')).toEqual(['ahead']);
  });
});
