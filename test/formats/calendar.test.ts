import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/formats/calendar.js';
import { wallClockInstant } from '../../src/formats/windows-zones.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/capture/${name}`, import.meta.url), 'utf8');
const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2026-03-01T09:00:00Z');

describe('readCalendar: a Google Calendar export', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let events: ReturnType<typeof readCalendar>['events'];
  let broken: ReturnType<typeof readCalendar>['broken'];
  beforeEach(() => ({ events, broken } = readCalendar(fixture('google.ics'), 'google.ics', from, to)));
  const weekly = () => events.filter((e) => e.key.startsWith('weekly-maya@google.com'));

  it('expands the weekly RRULE up to now, without the EXDATE, with the overridden instance moved', () => {
    expect(weekly().map((e) => e.start.toISOString())).toEqual([
      '2026-01-05T15:00:00.000Z',
      '2026-01-12T15:00:00.000Z',
      // 2026-01-19 is an EXDATE
      '2026-01-26T15:00:00.000Z',
      '2026-02-02T15:00:00.000Z',
      '2026-02-10T20:00:00.000Z', // RECURRENCE-ID 2026-02-09 10:00 moved to Tuesday 15:00 New York
      '2026-02-16T15:00:00.000Z',
      '2026-02-23T15:00:00.000Z',
    ]);
    const moved = weekly()[4]!;
    expect(moved.summary).toBe('Maya / me 1:1 (moved to Tuesday)');
    expect(moved.key).toBe('weekly-maya@google.com|2026-02-09T15:00:00.000Z'); // keyed by the original start
    expect(moved.linkText).toContain('https://meet.google.com/abc-defg-hij');
    expect(weekly()[0]!.end.toISOString()).toBe('2026-01-05T15:30:00.000Z');
  });

  it('reads attendees with CN and PARTSTAT, the organizer, CLASS, STATUS, all-day, and leaves rooms out', () => {
    const group = events.find((e) => e.key === 'group@google.com')!;
    expect(group.attendees.map((a) => [a.email, a.name, a.partstat])).toEqual([
      ['me@example.com', 'me@example.com', 'ACCEPTED'],
      ['maya@acme.example', 'Maya Chen', 'ACCEPTED'],
      ['ana@example.org', 'Ana Maia', 'ACCEPTED'],
      ['priya@startup.example', 'Priya Patel', 'ACCEPTED'],
      ['ben@contoso.example', 'Ben Okafor', 'DECLINED'],
    ]);
    expect(group.organizer).toEqual({ email: 'me@example.com', name: 'Me' });
    expect(events.find((e) => e.key === 'private@google.com')!.privacy).toBe('PRIVATE');
    expect(events.find((e) => e.key === 'cancelled@google.com')!.status).toBe('CANCELLED');
    expect(events.find((e) => e.key === 'allday@google.com')!.allDay).toBe(true);
  });

  it('skips a broken event and says where it is', () => {
    expect(broken).toEqual([{ location: 'google.ics:189', reason: expect.stringMatching(/date/) }]);
    expect(events.some((e) => e.key.startsWith('broken@'))).toBe(false);
  });

  it('stops at `to`: the rest of the series is not expanded', () => {
    const early = readCalendar(fixture('google.ics'), 'g', from, new Date('2026-01-20T00:00:00Z')).events;
    expect(early.filter((e) => e.key.startsWith('weekly-maya')).length).toBe(2);
  });

  it('a file cut short reports the unfinished event', () => {
    const text = fixture('google.ics');
    const cut = text.slice(0, text.indexOf('SUMMARY:Coffee with Tomás'));
    expect(readCalendar(cut, 'cut.ics', from, to).broken.at(-1)).toEqual({ location: expect.stringMatching(/^cut\.ics:\d+$/), reason: 'the event is cut short (no END line)' });
  });
});

describe('readCalendar: RDATE and a series with only RDATEs', () => {
  it('adds the RDATE instances to the RRULE ones, and expands a series made of RDATEs alone', () => {
    const cal = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:r1', 'DTSTART:20260202T100000Z', 'DTEND:20260202T110000Z', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE:20260220T150000Z',
      'SUMMARY:Mentoring', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:maya@acme.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:r2', 'DTSTART:20260203T100000Z', 'DURATION:PT45M', 'RDATE:20260205T100000Z,20260207T100000Z',
      'SUMMARY:Course', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { events } = readCalendar(cal, 'r.ics', from, to);
    expect(events.map((e) => [e.key, e.end.getTime() - e.start.getTime()]).sort()).toEqual([
      ['r1|2026-02-02T10:00:00.000Z', 3_600_000],
      ['r1|2026-02-09T10:00:00.000Z', 3_600_000],
      ['r1|2026-02-20T15:00:00.000Z', 3_600_000],
      ['r2|2026-02-03T10:00:00.000Z', 2_700_000],
      ['r2|2026-02-05T10:00:00.000Z', 2_700_000],
      ['r2|2026-02-07T10:00:00.000Z', 2_700_000],
    ]);
  });
});

describe('readCalendar: Outlook / Exchange with Windows zone names', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let events: ReturnType<typeof readCalendar>['events'];
  let broken: ReturnType<typeof readCalendar>['broken'];
  beforeEach(() => ({ events, broken } = readCalendar(fixture('outlook.ics'), 'outlook.ics', from, to)));
  const byTitle = (s: string) => events.find((e) => e.summary === s)!;

  it('uses the VTIMEZONE the file defines for "Pacific Standard Time" and "W. Europe Standard Time"', () => {
    expect(broken).toEqual([]);
    expect(byTitle('Late sync with Ben').start.toISOString()).toBe('2026-02-11T07:30:00.000Z');
    expect(byTitle('Roadmap review').start.toISOString()).toBe('2026-02-20T09:00:00.000Z');
  });

  it('reads a Windows zone the file does not define through its IANA equivalent', () => {
    expect(byTitle('Tokyo breakfast').start.toISOString()).toBe('2026-02-20T23:00:00.000Z');
  });

  it('finds the Teams link in X-MICROSOFT-SKYPETEAMSMEETINGURL and in DESCRIPTION', () => {
    expect(byTitle('Late sync with Ben').linkText).toContain('teams.microsoft.com');
    expect(byTitle('Roadmap review').linkText).toContain('teams.microsoft.com');
    expect(byTitle('Tokyo breakfast').linkText).not.toContain('teams');
  });
});

describe('readCalendar: Apple iCloud', () => {
  it('reads the address from the EMAIL parameter when the value is a urn:uuid', () => {
    const { events } = readCalendar(fixture('icloud/work/shared/9F3E1A52-77B0-4C1D-9E0A-5C2F3D1B8A60.ics'), 'x.ics', from, to);
    expect(events).toHaveLength(1);
    expect(events[0]!.attendees).toEqual([{ email: 'ana@example.org', name: 'Ana Maia', partstat: 'ACCEPTED' }]);
    expect(events[0]!.start.toISOString()).toBe('2026-02-23T16:00:00.000Z'); // Lisbon is UTC+0 in February
  });
});

describe('wallClockInstant', () => {
  it.each([
    ['Pacific Standard Time', '2026-07-01T10:00:00', '2026-07-01T17:00:00.000Z'], // daylight time
    ['W. Europe Standard Time', '2026-01-15T10:00:00', '2026-01-15T09:00:00.000Z'],
    ['America/New_York', '2026-03-08T03:30:00', '2026-03-08T07:30:00.000Z'], // the morning clocks went forward
    ['Tokyo Standard Time', '2026-02-21T08:00:00', '2026-02-20T23:00:00.000Z'],
  ])('%s %s -> %s', (zone, wall, utc) => {
    const [y, mo, d, h, mi, s] = wall.split(/[-T:]/).map(Number);
    expect(wallClockInstant({ year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: s! }, zone)!.toISOString()).toBe(utc);
  });

  it('an unknown zone gives null', () => {
    expect(wallClockInstant({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, 'Mars Standard Time')).toBeNull();
  });
});

describe('the fast path for single events (src/formats/calendar-lean.ts) reads what ical.js reads', () => {
  const sorted = (r: ReturnType<typeof readCalendar>) => ({ ...r, events: [...r.events].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) });
  it.each([
    'google.ics',
    'outlook.ics',
    'icloud/home/6B29FC40-CA47-1067-B31D-00DD010662DA.ics',
    'icloud/work/shared/9F3E1A52-77B0-4C1D-9E0A-5C2F3D1B8A60.ics',
  ])('%s', (name) => {
    const text = fixture(name);
    const fast = sorted(readCalendar(text, name, from, to));
    expect(fast.events.length).toBeGreaterThan(0);
    expect(fast).toEqual(sorted(readCalendar(text, name, from, to, false)));
  });

  it('escapes, folded lines, DURATION, floating and all-day times, quoted parameters, a duplicated UID', () => {
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:a', 'DTSTART:20260210T100000', 'DURATION:PT1H30M', 'SUMMARY:Plans\\, and\\; more\\nlines \\\\ end',
      'ATTENDEE;CN="Chen, Maya";PARTSTAT=tentative:mailto:MAYA@acme.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTART;VALUE=DATE:20260211', 'SUMMARY:Offsite', 'CLASS:confidential', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c', 'DTSTART;TZID=Europe/Paris:20260212T100000', 'DTEND;TZID=Europe/Paris:20260212T110000', 'SUMMARY:Long summary that is fol',
      ' ded by the writer', 'ORGANIZER;CN=Org:mailto:org@x.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:d', 'DTSTART:20260213T100000Z', 'SUMMARY:first', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:d', 'DTSTART:20260214T100000Z', 'SUMMARY:second, same UID', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const fast = sorted(readCalendar(text, 'x.ics', from, to));
    expect(fast.events.map((e) => e.summary)).toEqual(['Plans, and; more\nlines \\ end', 'Offsite', 'Long summary that is folded by the writer', 'first']);
    expect(fast).toEqual(sorted(readCalendar(text, 'x.ics', from, to, false)));
  });
});
