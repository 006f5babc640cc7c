import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { escapeText, foldLine, utcStamp, writeIcs } from '../../src/formats/ics.js';
import type { CalendarEvent } from '../../src/formats/types.js';

const now = new Date('2026-03-01T09:30:15.123Z');
const octets = (s: string): number => Buffer.byteLength(s, 'utf8');

const events: CalendarEvent[] = [
  { uid: 'bday-p1@rel', summary: 'Birthday: Renée Dubois 🎂', date: '2026-04-15', yearly: true, description: null },
  {
    uid: 'due-p2@rel',
    summary: 'Catch up with ليلى حداد, Jr; again',
    date: '2026-12-31',
    yearly: false,
    description: 'Last touch 2026-10-01.\nAsk about the move; bring the book, "Dune" \\ paperback. ' + 'ä'.repeat(80),
  },
  { uid: 'bday-p3@rel', summary: 'Birthday: Leap Day', date: '2028-02-29', yearly: true, description: '' },
];

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

describe('writeIcs', () => {
  // Read before each test, not while the file is collected: under npm run mutate the code of a describe
  // body never runs the mutant (test/mutate-setup.ts), so a read here let the reader's mutants survive.
  let ics: string;
  beforeEach(() => (ics = writeIcs(events, now)));

  it('is a CRLF VCALENDAR with the calendar properties', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rel//rel//EN\r\nCALSCALE:GREGORIAN\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('rel');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('never writes a line longer than 75 octets', () => {
    const lines = ics.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('parses back with ical.js: DTSTART, DTEND, RRULE, SUMMARY, UID, DTSTAMP, DESCRIPTION', () => {
    const vevents = parse(ics).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(events.length);
    const got = vevents.map((v) => {
      const start = v.getFirstProperty('dtstart');
      const rrule = v.getFirstPropertyValue('rrule');
      return {
        uid: v.getFirstPropertyValue('uid'),
        summary: v.getFirstPropertyValue('summary'),
        start: start?.type + ' ' + String(start?.getFirstValue()),
        end: String(v.getFirstPropertyValue('dtend')),
        rrule: rrule instanceof ICAL.Recur ? rrule.toString() : null,
        stamp: String(v.getFirstPropertyValue('dtstamp')),
        description: v.getFirstPropertyValue('description'),
      };
    });
    expect(got).toEqual([
      {
        uid: 'bday-p1@rel',
        summary: 'Birthday: Renée Dubois 🎂',
        start: 'date 2026-04-15',
        end: '2026-04-16',
        rrule: 'FREQ=YEARLY',
        stamp: '2026-03-01T09:30:15Z',
        description: null,
      },
      {
        uid: 'due-p2@rel',
        summary: 'Catch up with ليلى حداد, Jr; again',
        start: 'date 2026-12-31',
        end: '2027-01-01',
        rrule: null,
        stamp: '2026-03-01T09:30:15Z',
        description: events[1]!.description,
      },
      {
        uid: 'bday-p3@rel',
        summary: 'Birthday: Leap Day',
        start: 'date 2028-02-29',
        end: '2028-03-01',
        rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
        stamp: '2026-03-01T09:30:15Z',
        description: null,
      },
    ]);
  });

  it('a 29 February birthday falls on 28 February in common years', () => {
    const vevent = parse(ics).getAllSubcomponents('vevent')[2]!;
    const iter = new ICAL.Event(vevent).iterator();
    const days = [1, 2, 3, 4, 5].map(() => iter.next()?.toString());
    expect(days).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it('writes an empty calendar for no events', () => {
    const cal = parse(writeIcs([], now));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
  });

  it.each(['2026-02-30', '2026-4-1', '--04-15', ''])('throws on a malformed day %j', (date) => {
    expect(() => writeIcs([{ ...events[0]!, date }], now)).toThrow(/not a calendar day/);
  });

  it('throws on an invalid now', () => {
    expect(() => writeIcs(events, new Date('nope'))).toThrow();
  });
});

describe('content-line helpers', () => {
  it.each([
    ['a,b;c\\d\ne\r\nf', 'a\\,b\\;c\\\\d\\ne\\nf'],
    ['plain', 'plain'],
  ])('escapeText(%j) → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('escapeText can leave semicolons alone (vCard non-compound values)', () => {
    expect(escapeText('a;b,c', false)).toBe('a;b\\,c');
  });

  it('utcStamp drops milliseconds', () => {
    expect(utcStamp(now)).toBe('20260301T093015Z');
  });

  it.each([
    ['x'.repeat(75), 1],
    ['x'.repeat(76), 2],
    ['x'.repeat(75 + 74), 2],
    ['x'.repeat(75 + 75), 3],
    ['€'.repeat(60), 3],
    ['👍🏽'.repeat(40), 5],
  ])('folds without splitting characters (%#)', (line, count) => {
    const folded = foldLine(line).split('\r\n');
    expect(folded).toHaveLength(count);
    for (const l of folded) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
});

describe('ics: the edges a careless change would move', () => {
  it.each([
    // the last character of a 76- or 75-octet line, by its UTF-8 size
    ['\u007f', 74, 1], ['\u0080', 74, 2], ['\u0080', 73, 1],
    ['\u07ff', 74, 2], ['\u07ff', 73, 1], ['\u0800', 73, 2], ['\u0800', 72, 1],
    ['\uffff', 72, 1], ['\uffff', 73, 2], ['\u{10000}', 71, 1], ['\u{10000}', 72, 2],
  ])('a line of x and %j after %i x is %i physical line(s)', (ch, xs, lines) => {
    expect(foldLine('x'.repeat(xs) + ch).split('\r\n')).toHaveLength(lines);
  });

  it('a continuation line counts its leading space', () => {
    const [first, second] = foldLine('x'.repeat(75 + 75)).split('\r\n');
    expect([first!.length, second]).toEqual([75, ` ${'x'.repeat(74)}`]);
  });

  it('the end of an all-day event is the next day, across months and years, and for 29 February', () => {
    const one = (date: string, yearly = false) => writeIcs([{ uid: 'u', summary: 's', date, yearly, description: null }], now);
    expect(one('2026-12-31')).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(one('2026-04-30')).toContain('DTEND;VALUE=DATE:20260501\r\n');
    expect(one('2028-02-29', true)).toContain('RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n');
    expect(one('2028-03-29', true)).toContain('RRULE:FREQ=YEARLY\r\nSUMMARY:s\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n');
    expect(one('2028-02-28', true)).toContain('RRULE:FREQ=YEARLY\r\n');
    expect(one('2028-01-29', true)).toContain('RRULE:FREQ=YEARLY\r\n');
    expect(one('0999-01-01')).toContain('DTSTART;VALUE=DATE:09990101\r\n');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', 'x2026-04-01', '2026-04-01x'])('refuses %j, naming it', (date) => {
    expect(() => writeIcs([{ uid: 'u', summary: 's', date, yearly: false, description: null }], now)).toThrow(
      new Error(`writeIcs: not a calendar day: ${JSON.stringify(date)}`),
    );
  });

  it('says why it refuses an invalid now', () => {
    expect(() => utcStamp(new Date('nope'))).toThrow(new Error('utcStamp: invalid date'));
  });

  it('escapes a lone CR as a newline', () => {
    expect(escapeText('a\rb')).toBe('a\\nb');
  });
});
