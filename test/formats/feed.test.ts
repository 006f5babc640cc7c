import { describe, expect, it } from 'vitest';
import { calendarEvents, exportPeople } from '../../src/formats/feed.js';
import type { RelPerson } from '../../src/formats/json.js';

const T = '2026-01-01T09:00:00.000Z';
const stamp = (id: string) => ({ id, created_at: T, updated_at: T });
const person = (over: Partial<RelPerson> = {}): RelPerson => ({
  ...stamp('p1'), name: 'Ana Lima', emails: ['ana@example.com'], phones: ['+351 912'], tags: ['work'], company: 'Acme',
  title: 'CTO', every_days: null, birthday: null, met: 'school', met_on: '2000-09-01', linkedin_url: 'linkedin.com/in/ana',
  snoozed_until: null, added_on: '2026-01-01', facts: [], touchpoints: [], follow_ups: [], dates: [], wishes: [], ...over,
});
const touch = (id: string, give: string | null, ask: string | null) =>
  ({ ...stamp(id), group_id: id, date: '2026-02-01', via: 'call', note: null, give, ask, intro_to: null });
const today = '2026-03-01';

describe('exportPeople', () => {
  it('carries every field the CSV and vCard writers use, with gives and asks counted', () => {
    const p = person({
      every_days: 14, birthday: '--03-14', last_touch: '2026-02-01', next_due: '2026-02-15', snoozed_until: '2026-04-01',
      vcard_n: 'Lima;Ana;Maria;;', facts: [{ ...stamp('f1'), text: 'likes tea', date: '2026-01-02' }],
      touchpoints: [touch('t1', 'advice', null), touch('t2', 'intro', 'referral'), touch('t3', null, 'help'), touch('t4', null, null), touch('t5', 'gift', null)],
    });
    expect(exportPeople([p])).toEqual([{
      id: 'p1', name: 'Ana Lima', emails: ['ana@example.com'], phones: ['+351 912'], company: 'Acme', title: 'CTO', tags: ['work'],
      every_days: 14, birthday: '--03-14', met: 'school', linkedin_url: 'linkedin.com/in/ana', met_on: '2000-09-01',
      vcard_n: 'Lima;Ana;Maria;;', snoozed_until: '2026-04-01', added_on: '2026-01-01', created_at: T, updated_at: T,
      facts: [{ text: 'likes tea', date: '2026-01-02' }], last_touch: '2026-02-01', next_due: '2026-02-15', gives: 3, asks: 2,
    }]);
  });

  it('a person without derived fields has them null', () => {
    expect(exportPeople([person()])[0]).toMatchObject({ last_touch: null, next_due: null, gives: 0, asks: 0 });
  });
});

describe('calendarEvents', () => {
  it('a birthday is yearly, from its own year or from 2000 when there is none (29 Feb is real then)', () => {
    expect(calendarEvents([person({ birthday: '1990-03-14' }), person({ ...stamp('p2'), name: 'Bo', birthday: '--02-29' })], today)).toEqual([
      { uid: 'p1-birthday@rel', summary: 'Birthday: Ana Lima', date: '1990-03-14', yearly: true, description: 'born 1990-03-14' },
      { uid: 'p2-birthday@rel', summary: 'Birthday: Bo', date: '2000-02-29', yearly: true, description: null },
    ]);
  });

  it('important dates: yearly as flagged, always yearly without a year', () => {
    const dates = [
      { ...stamp('d1'), label: 'wedding', date: '2020-06-01', yearly: true },
      { ...stamp('d2'), label: 'launch', date: '2026-05-01', yearly: false },
      { ...stamp('d3'), label: 'name day', date: '--07-26', yearly: false },
    ];
    expect(calendarEvents([person({ dates })], today)).toEqual([
      { uid: 'd1@rel', summary: 'wedding: Ana Lima', date: '2020-06-01', yearly: true, description: null },
      { uid: 'd2@rel', summary: 'launch: Ana Lima', date: '2026-05-01', yearly: false, description: null },
      { uid: 'd3@rel', summary: 'name day: Ana Lima', date: '2000-07-26', yearly: true, description: null },
    ]);
  });

  it.each([
    // next_due, last_touch, snoozed_until, date, description
    ['2026-03-10', '2026-02-24', null, '2026-03-10', 'every 2w; last touch 2026-02-24; due 2026-03-10'],
    ['2026-02-10', null, null, today, 'every 2w; never touched; due 2026-02-10'], // past: shown today
    ['2026-02-10', null, '2026-03-05', '2026-03-05', 'every 2w; never touched; due 2026-02-10'], // snoozed: when it ends
    ['2026-03-10', null, '2026-03-05', '2026-03-10', 'every 2w; never touched; due 2026-03-10'], // snooze ends first
    ['2026-02-10', null, '2026-03-01', today, 'every 2w; never touched; due 2026-02-10'], // snooze ends today
    ['2026-02-10', null, '2026-02-20', today, 'every 2w; never touched; due 2026-02-10'], // snooze over
  ] as const)('due %s, last touch %s, snoozed until %s: on %s', (next_due, last_touch, snoozed_until, date, description) => {
    expect(calendarEvents([person({ every_days: 14, next_due, last_touch, snoozed_until })], today)).toEqual([
      { uid: 'p1-due@rel', summary: 'Reach out to Ana Lima', date, yearly: false, description },
    ]);
  });

  it('open follow-ups only, on their day or today if past, or when a snooze ends', () => {
    const fu = (id: string, due_on: string, closed_by: string | null, note: string | null = null) =>
      ({ ...stamp(id), touchpoint_id: null, due_on, note, closed_by });
    const follow_ups = [fu('u1', '2026-03-20', null, 'send the deck'), fu('u2', '2026-02-01', null), fu('u3', '2026-03-20', 't9')];
    expect(calendarEvents([person({ follow_ups })], today)).toEqual([
      { uid: 'u1-follow-up@rel', summary: 'Follow up with Ana Lima', date: '2026-03-20', yearly: false, description: 'send the deck' },
      { uid: 'u2-follow-up@rel', summary: 'Follow up with Ana Lima', date: today, yearly: false, description: null },
    ]);
    expect(calendarEvents([person({ follow_ups, snoozed_until: '2026-03-25' })], today).map((e) => e.date)).toEqual(['2026-03-25', '2026-03-25']);
  });

  it('nothing to put in a calendar: no events', () => {
    expect(calendarEvents([person()], today)).toEqual([]);
    expect(calendarEvents([], today)).toEqual([]);
  });
});
