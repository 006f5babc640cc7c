// rel capture --since: which event instances fall in the window, how many came before it (capture says
// "N before --since"), and what each instance says. Every case is read both ways (the fast path for
// single events, and ical.js alone) and must come out the same.
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/formats/calendar.js';

const from = new Date('2026-02-01T00:00:00Z');
const to = new Date('2026-02-28T12:00:00Z');
const cal = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');

/** readCalendar both ways; they must agree. Events sorted by key. */
function read(text: string, f = from, t = to) {
  const sorted = (r: ReturnType<typeof readCalendar>) => ({ ...r, events: [...r.events].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) });
  const fast = sorted(readCalendar(text, 'x.ics', f, t));
  expect(fast).toEqual(sorted(readCalendar(text, 'x.ics', f, t, false)));
  return fast;
}
const starts = (r: ReturnType<typeof read>) => r.events.map((e) => `${e.key} ${e.start.toISOString()}`);

describe('readCalendar: single events and the window', () => {
  it('from and to are inside the window; before is counted, after is not', () => {
    const r = read(cal(
      ['UID:far-before', 'DTSTART:20260101T100000Z'],
      ['UID:just-before', 'DTSTART:20260131T235959Z'],
      ['UID:at-from', 'DTSTART:20260201T000000Z'],
      ['UID:at-to', 'DTSTART:20260228T120000Z'],
      ['UID:just-after', 'DTSTART:20260228T120001Z'],
      ['UID:far-after', 'DTSTART:20260310T100000Z'],
    ));
    expect(starts(r)).toEqual(['at-from 2026-02-01T00:00:00.000Z', 'at-to 2026-02-28T12:00:00.000Z']);
    expect(r.earlier).toBe(2);
    expect(r.broken).toEqual([]);
  });

  it('an event two days before --since, in a zone far west, is read and placed by its instant', () => {
    const r = read(cal(
      ['UID:hawaii', 'DTSTART;TZID=Pacific/Honolulu:20260131T150000'], // 2026-02-01T01:00Z: inside
      ['UID:kiritimati', 'DTSTART;TZID=Pacific/Kiritimati:20260201T120000'], // 2026-01-31T22:00Z: before
    ));
    expect(starts(r)).toEqual(['hawaii 2026-02-01T01:00:00.000Z']);
    expect(r.earlier).toBe(1);
  });

  it('an event without a UID is keyed by its place in the file', () => {
    const r = read(cal(['DTSTART:20260210T100000Z', 'SUMMARY:no uid']));
    expect(r.events.map((e) => [e.key, e.location])).toEqual([['x.ics:4', 'x.ics:4']]);
  });

  it('ends: DTEND, else DTSTART + DURATION, else a day for an all-day event, else the start', () => {
    const r = read(cal(
      ['UID:a-end', 'DTSTART:20260210T100000Z', 'DTEND:20260210T113000Z'],
      ['UID:b-duration', 'DTSTART:20260210T100000Z', 'DURATION:PT45M'],
      ['UID:c-allday', 'DTSTART;VALUE=DATE:20260210'],
      ['UID:d-instant', 'DTSTART:20260210T100000Z'],
      ['UID:e-allday-end', 'DTSTART;VALUE=DATE:20260210', 'DTEND;VALUE=DATE:20260213'],
    ));
    expect(r.events.map((e) => [e.key, e.allDay, (e.end.getTime() - e.start.getTime()) / 60_000])).toEqual([
      ['a-end', false, 90], ['b-duration', false, 45], ['c-allday', true, 1440], ['d-instant', false, 0], ['e-allday-end', true, 4320],
    ]);
  });

  it('what an event says: status and class in capitals, attendees without rooms, the organizer from its EMAIL parameter', () => {
    const r = read(cal([
      'UID:m', 'DTSTART:20260210T100000Z', 'SUMMARY:Planning', 'STATUS:tentative', 'CLASS:private',
      'ORGANIZER;CN=" ";EMAIL=org@x.example:urn:uuid:1234',
      'ATTENDEE;CN=Ana;PARTSTAT=accepted:mailto:ana@x.example',
      'ATTENDEE:MAILTO:bo@x.example',
      'ATTENDEE;CUTYPE=room;CN=Room 1:mailto:room1@x.example',
      'ATTENDEE;CUTYPE=RESOURCE:mailto:projector@x.example',
      'ATTENDEE;CUTYPE=INDIVIDUAL;EMAIL=cy@x.example;CN=Cy:urn:uuid:5678',
    ]));
    expect(r.events[0]).toMatchObject({
      status: 'TENTATIVE', privacy: 'PRIVATE', summary: 'Planning', organizer: { email: 'org@x.example', name: null },
      attendees: [
        { email: 'ana@x.example', name: 'Ana', partstat: 'ACCEPTED' },
        { email: 'bo@x.example', name: null, partstat: null },
        { email: 'cy@x.example', name: 'Cy', partstat: null },
      ],
    });
  });

  it('an event with nothing but a start has no status, class, summary, organizer or attendees', () => {
    expect(read(cal(['UID:bare', 'DTSTART:20260210T100000Z'])).events[0]).toMatchObject({
      status: null, privacy: null, summary: null, organizer: null, attendees: [], allDay: false,
    });
  });

  it('a broken VTIMEZONE leaves its TZID to be read as a zone name', () => {
    const text = cal(['UID:z', 'DTSTART;TZID=Europe/Berlin:20260210T100000']).replace(
      'BEGIN:VEVENT', 'BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nnot a property line\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT');
    expect(starts(read(text))).toEqual(['z 2026-02-10T09:00:00.000Z']);
  });

  it('an event with no DTSTART is broken, named by its line; the others are read', () => {
    const r = read(cal(['UID:ok', 'DTSTART:20260210T100000Z'], ['UID:no-start', 'SUMMARY:when?']));
    expect(starts(r)).toEqual(['ok 2026-02-10T10:00:00.000Z']);
    expect(r.broken).toEqual([{ location: 'x.ics:8', reason: 'no valid DTSTART' }]);
  });
});

describe('readCalendar: series and the window', () => {
  it('a weekly series: instances before --since are counted, the ones in the window listed with their original start in the key', () => {
    const r = read(cal(['UID:w', 'DTSTART:20260105T100000Z', 'DTEND:20260105T110000Z', 'RRULE:FREQ=WEEKLY;COUNT=10', 'SUMMARY:Weekly']));
    expect(starts(r)).toEqual([
      'w|2026-02-02T10:00:00.000Z 2026-02-02T10:00:00.000Z', 'w|2026-02-09T10:00:00.000Z 2026-02-09T10:00:00.000Z',
      'w|2026-02-16T10:00:00.000Z 2026-02-16T10:00:00.000Z', 'w|2026-02-23T10:00:00.000Z 2026-02-23T10:00:00.000Z',
    ]);
    expect(r.earlier).toBe(4);
    expect(r.events.every((e) => e.end.getTime() - e.start.getTime() === 3_600_000 && e.summary === 'Weekly' && !e.allDay)).toBe(true);
  });

  it('a daily series begun a year before: every earlier day counted', () => {
    const r = read(cal(['UID:d', 'DTSTART:20250101T100000Z', 'RRULE:FREQ=DAILY;COUNT=400']));
    expect(r.events.map((e) => e.start.toISOString().slice(0, 10))).toEqual(['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04']);
    expect(r.earlier).toBe(396);
  });

  it('a series the day before --since, at the edge of the window', () => {
    const r = read(cal(['UID:e', 'DTSTART:20260130T230000Z', 'RRULE:FREQ=DAILY;COUNT=3']));
    expect(starts(r)).toEqual(['e|2026-02-01T23:00:00.000Z 2026-02-01T23:00:00.000Z']);
    expect(r.earlier).toBe(2);
  });

  it('an all-day yearly series is all-day, a day long', () => {
    const r = read(cal(['UID:y', 'DTSTART;VALUE=DATE:20200214', 'RRULE:FREQ=YEARLY']));
    expect(r.events.map((e) => [e.key.slice(0, 2), e.allDay, e.end.getTime() - e.start.getTime()])).toEqual([['y|', true, 86_400_000]]);
    expect(r.earlier).toBe(6);
  });

  it('instances moved into, out of, and within the window', () => {
    const r = read(cal(
      ['UID:s', 'DTSTART:20260105T100000Z', 'DTEND:20260105T110000Z', 'RRULE:FREQ=WEEKLY;COUNT=8', 'SUMMARY:Series'],
      // Jan 26 (before) moved into the window
      ['UID:s', 'RECURRENCE-ID:20260126T100000Z', 'DTSTART:20260203T150000Z', 'DTEND:20260203T153000Z', 'SUMMARY:Moved in'],
      // Feb 16 moved after the window: gone, not counted
      ['UID:s', 'RECURRENCE-ID:20260216T100000Z', 'DTSTART:20260305T100000Z', 'DTEND:20260305T110000Z', 'SUMMARY:Moved out'],
      // Jan 5 moved to Jan 6: still before, counted once
      ['UID:s', 'RECURRENCE-ID:20260105T100000Z', 'DTSTART:20260106T100000Z', 'DTEND:20260106T110000Z', 'SUMMARY:Moved early'],
      // Feb 9 moved within the window, with its own length
      ['UID:s', 'RECURRENCE-ID:20260209T100000Z', 'DTSTART:20260210T080000Z', 'DTEND:20260210T100000Z', 'SUMMARY:Moved a day'],
    ));
    expect(r.events.map((e) => [e.key, e.start.toISOString(), (e.end.getTime() - e.start.getTime()) / 60_000, e.summary])).toEqual([
      ['s|2026-01-26T10:00:00.000Z', '2026-02-03T15:00:00.000Z', 30, 'Moved in'],
      ['s|2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z', 60, 'Series'],
      ['s|2026-02-09T10:00:00.000Z', '2026-02-10T08:00:00.000Z', 120, 'Moved a day'],
      ['s|2026-02-23T10:00:00.000Z', '2026-02-23T10:00:00.000Z', 60, 'Series'],
    ]);
    expect(r.earlier).toBe(3); // Jan 5 (moved to Jan 6), Jan 12, Jan 19
  });

  it('instances moved to exactly --since or exactly the end of the window are in it; a second before --since is counted before', () => {
    const r = read(cal(
      ['UID:e', 'DTSTART:20260120T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=6', 'SUMMARY:Series'],
      ['UID:e', 'RECURRENCE-ID:20260127T100000Z', 'DTSTART:20260201T000000Z', 'SUMMARY:At from'],
      ['UID:e', 'RECURRENCE-ID:20260217T100000Z', 'DTSTART:20260131T235959Z', 'SUMMARY:Just before'],
      ['UID:e', 'RECURRENCE-ID:20260224T100000Z', 'DTSTART:20260228T120000Z', 'SUMMARY:At to'],
    ));
    expect(r.events.map((e) => [e.key, e.start.toISOString(), e.summary])).toEqual([
      ['e|2026-01-27T10:00:00.000Z', '2026-02-01T00:00:00.000Z', 'At from'],
      ['e|2026-02-03T10:00:00.000Z', '2026-02-03T10:00:00.000Z', 'Series'],
      ['e|2026-02-10T10:00:00.000Z', '2026-02-10T10:00:00.000Z', 'Series'],
      ['e|2026-02-24T10:00:00.000Z', '2026-02-28T12:00:00.000Z', 'At to'],
    ]);
    expect(r.earlier).toBe(2); // Jan 20, and Feb 17 moved to a second before --since
  });

  it('a series of RDATEs alone starting exactly at --since, or exactly at the end of the window, starts in it', () => {
    const r = read(cal(
      ['UID:a', 'DTSTART:20260201T000000Z', 'RDATE:20260301T100000Z'],
      ['UID:b', 'DTSTART:20260228T120000Z', 'RDATE:20260301T100000Z'],
      ['UID:c', 'DTSTART:20260131T235959Z', 'RDATE:20260301T100000Z'],
    ));
    expect(r.events.map((e) => e.key)).toEqual(['a|2026-02-01T00:00:00.000Z', 'b|2026-02-28T12:00:00.000Z']);
    expect(r.earlier).toBe(1); // c's DTSTART
  });

  it('overridden instances without their series (a shared calendar) are read alone', () => {
    const r = read(cal(
      ['UID:o', 'RECURRENCE-ID:20260209T100000Z', 'DTSTART:20260210T100000Z', 'SUMMARY:Only this one'],
      ['UID:o', 'RECURRENCE-ID:20260112T100000Z', 'DTSTART:20260112T100000Z', 'SUMMARY:Long ago'],
      ['UID:o', 'RECURRENCE-ID:20260302T100000Z', 'DTSTART:20260302T100000Z', 'SUMMARY:Later'],
    ));
    expect(r.events.map((e) => [e.key, e.start.toISOString(), e.summary])).toEqual([
      ['o|2026-02-09T10:00:00.000Z', '2026-02-10T10:00:00.000Z', 'Only this one'],
    ]);
    expect(r.earlier).toBe(1);
  });

  it('a series of RDATEs alone: DTSTART is its first instance, unless an EXDATE removes it', () => {
    const r = read(cal(
      ['UID:r1', 'DTSTART:20260203T100000Z', 'RDATE:20260205T100000Z'],
      ['UID:r2', 'DTSTART:20260203T100000Z', 'RDATE:20260205T100000Z', 'EXDATE:20260203T100000Z'],
      ['UID:r3', 'DTSTART:20260115T100000Z', 'RDATE:20260205T100000Z'],
      ['UID:r4', 'DTSTART:20260301T100000Z', 'RDATE:20260205T100000Z'],
    ));
    expect(r.events.map((e) => e.key)).toEqual([
      'r1|2026-02-03T10:00:00.000Z', 'r1|2026-02-05T10:00:00.000Z',
      'r2|2026-02-05T10:00:00.000Z',
      'r3|2026-02-05T10:00:00.000Z',
      'r4|2026-02-05T10:00:00.000Z',
    ]);
    expect(r.earlier).toBe(1); // r3's DTSTART
  });

  it('an EXDATE in the series\' zone removes the DTSTART of a series of RDATEs; one at another instant does not', () => {
    const r = read(cal(
      ['UID:z1', 'DTSTART;TZID=Europe/Berlin:20260203T100000', 'RDATE;TZID=Europe/Berlin:20260205T100000', 'EXDATE;TZID=Europe/Berlin:20260203T100000'],
      ['UID:z2', 'DTSTART;TZID=Europe/Berlin:20260203T100000', 'RDATE;TZID=Europe/Berlin:20260205T100000', 'EXDATE:20260203T100000Z'],
      ['UID:z3', 'DTSTART;TZID=Europe/Berlin:20260203T100000', 'RDATE;TZID=Europe/Berlin:20260205T100000', 'EXDATE:20260203T090000Z'],
    ));
    expect(r.events.map((e) => e.key)).toEqual([
      'z1|2026-02-05T09:00:00.000Z',
      'z2|2026-02-03T09:00:00.000Z', 'z2|2026-02-05T09:00:00.000Z',
      'z3|2026-02-05T09:00:00.000Z',
    ]);
  });

  it('a series whose DTSTART is far before --since, made of RDATEs, counts its start once', () => {
    const r = read(cal(['UID:r', 'DTSTART:20250601T100000Z', 'RDATE:20250701T100000Z,20260210T100000Z']));
    expect(r.events.map((e) => e.key)).toEqual(['r|2026-02-10T10:00:00.000Z']);
    expect(r.earlier).toBe(2);
  });
});
