// Content lines as calendar programs write them: parameters, escapes, folding, alarms and links. Each file
// is read both ways (the fast path for single events, and ical.js alone) and must come out the same.
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/formats/calendar.js';

const from = new Date('2026-02-01T00:00:00Z');
const to = new Date('2026-02-28T12:00:00Z');
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => cal('BEGIN:VEVENT', 'UID:e', 'DTSTART:20260210T100000Z', ...lines, 'END:VEVENT');

function read(text: string) {
  const fast = readCalendar(text, 'x.ics', from, to);
  expect(fast).toEqual(readCalendar(text, 'x.ics', from, to, false));
  return fast;
}
const one = (text: string) => {
  const r = read(text);
  expect(r.broken).toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
};

describe('calendar lines: parameters', () => {
  it('a quoted CN may hold ; : and ,', () => {
    expect(one(event('ATTENDEE;CN="Doe; John: Jr, MD";PARTSTAT=DECLINED:mailto:john@x.example')).attendees)
      .toEqual([{ email: 'john@x.example', name: 'Doe; John: Jr, MD', partstat: 'DECLINED' }]);
  });

  it('a parameter given twice: the last is used, by both readers', () => {
    expect(one(event('ATTENDEE;CN=First;CN=Second:mailto:a@x.example')).attendees[0]!.name).toBe('Second');
  });

  it('a parameter with a list of values (DELEGATED-FROM) is read all the same', () => {
    expect(one(event('ATTENDEE;DELEGATED-FROM="mailto:a@x.example","mailto:b@x.example";CN=Cy:mailto:cy@x.example')).attendees)
      .toEqual([{ email: 'cy@x.example', name: 'Cy', partstat: null }]);
  });

  it('lower-case names and parameters, and an address in capitals after MAILTO:', () => {
    expect(one(cal('begin:vevent', 'uid:e', 'dtstart:20260210T100000Z', 'attendee;cn=Ana;partstat=tentative:MAILTO:Ana@X.example', 'end:vevent')))
      .toMatchObject({ start: new Date('2026-02-10T10:00:00Z'), attendees: [{ email: 'Ana@X.example', name: 'Ana', partstat: 'TENTATIVE' }] });
  });

  it('an EMAIL parameter without an @ is not an address: the value is', () => {
    expect(one(event('ORGANIZER;EMAIL=none;CN=Org:mailto:org@x.example')).organizer).toEqual({ email: 'org@x.example', name: 'Org' });
  });

  it('a TZID the file defines in a VTIMEZONE (Outlook\'s own names)', () => {
    const text = cal(
      'BEGIN:VTIMEZONE', 'TZID:Custom Zone', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:e', 'DTSTART;TZID=Custom Zone:20260210T100000', 'DTEND;TZID=Custom Zone:20260210T103000', 'END:VEVENT',
    );
    expect(one(text)).toMatchObject({ start: new Date('2026-02-10T04:30:00Z'), end: new Date('2026-02-10T05:00:00Z') });
  });
});

describe('calendar lines: times without a known zone', () => {
  it.each([
    ['DTSTART:20260210T100000', 'floating (no zone): local time'],
    ['DTSTART;TZID=Mars/Olympus_Mons:20260210T100000', 'a zone nobody knows: local time'],
  ])('%s is %s', (line) => {
    const e = one(cal('BEGIN:VEVENT', 'UID:e', line, 'DURATION:PT1H', 'END:VEVENT'));
    expect([e.start, e.end]).toEqual([new Date(2026, 1, 10, 10, 0, 0), new Date(2026, 1, 10, 11, 0, 0)]);
  });

  it('a series in a zone nobody knows is expanded in local time too', () => {
    const r = read(cal('BEGIN:VEVENT', 'UID:s', 'DTSTART;TZID=Mars/Olympus_Mons:20260210T100000', 'RRULE:FREQ=DAILY;COUNT=2', 'END:VEVENT'));
    expect(r.events.map((e) => e.start)).toEqual([new Date(2026, 1, 10, 10, 0, 0), new Date(2026, 1, 11, 10, 0, 0)]);
  });

  it('a time in UTC stays UTC in a series', () => {
    const r = read(cal('BEGIN:VEVENT', 'UID:s', 'DTSTART:20260210T100000Z', 'DTEND:20260210T103000Z', 'RRULE:FREQ=DAILY;COUNT=2', 'END:VEVENT'));
    expect(r.events.map((e) => [e.start.toISOString(), e.end.toISOString()])).toEqual([
      ['2026-02-10T10:00:00.000Z', '2026-02-10T10:30:00.000Z'], ['2026-02-11T10:00:00.000Z', '2026-02-11T10:30:00.000Z'],
    ]);
  });
});

describe('calendar lines: text values', () => {
  it.each([
    ['Plan\\nB', 'Plan\nB'],
    ['Plan\\NB', 'Plan\nB'],
    ['a\\\\nb', 'a\\nb'],
    ['one\\, two\\; three', 'one, two; three'],
    ['nothing to undo', 'nothing to undo'],
  ])('SUMMARY:%s reads %j', (value, summary) => {
    expect(one(event(`SUMMARY:${value}`)).summary).toBe(summary);
  });

  it('folded with a space or a tab', () => {
    expect(one(event('SUMMARY:Quarterly plan', ' ning with', '\t the team')).summary).toBe('Quarterly planning with the team');
  });
});

describe('calendar lines: what is not the event', () => {
  it('an alarm inside the event is not read: its description is no link, its trigger no start', () => {
    const e = one(event('BEGIN:VALARM', 'TRIGGER:-PT15M', 'ACTION:DISPLAY', 'DESCRIPTION:https://zoom.us/j/123', 'DTSTART:20260301T000000Z', 'END:VALARM', 'SUMMARY:Call'));
    expect(e).toMatchObject({ summary: 'Call', start: new Date('2026-02-10T10:00:00Z'), linkText: '' });
  });

  it('the link text is every link-bearing property, unfolded, one per line', () => {
    const e = one(event(
      'LOCATION:Room 1', 'DTSTAMP:20260101T000000Z', 'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC', ' continued', 'URL:https://meet.google.com/abc-',
      ' defg-hij', 'DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/1', '\t9', 'X-GOOGLE-CONFERENCE:https://meet.google.com/x',
    ));
    expect(e.linkText).toBe('Room 1\nhttps://meet.google.com/abc-defg-hij\nJoin: https://teams.microsoft.com/l/meetup-join/19\nhttps://meet.google.com/x');
  });
});

describe('calendar lines: what cannot be read', () => {
  it.each([
    ['a DTEND that is not a time', ['DTEND:tomorrow'], /./],
    ['a DURATION that is not a duration', ['DURATION:an hour'], /./],
  ])('%s: the event is broken, the file is still read', (_what, lines, reason) => {
    const r = read(cal('BEGIN:VEVENT', 'UID:bad', 'DTSTART:20260210T100000Z', ...lines, 'END:VEVENT', 'BEGIN:VEVENT', 'UID:ok', 'DTSTART:20260211T100000Z', 'END:VEVENT'));
    expect(r.events.map((e) => e.key)).toEqual(['ok']);
    expect(r.broken).toEqual([{ location: 'x.ics:3', reason: expect.stringMatching(reason) }]);
  });

  it('a line that is no property of an event is left out, not an error', () => {
    expect(one(event('not a property', 'SUMMARY:ok')).summary).toBe('ok');
  });

  it('a DTSTART that is not a time is broken', () => {
    const r = read(cal('BEGIN:VEVENT', 'UID:bad', 'DTSTART:soon', 'END:VEVENT'));
    expect(r).toMatchObject({ events: [], broken: [{ location: 'x.ics:3' }] });
  });
});
