import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readCalendar } from '../../src/formats/calendar.js';
import { simpleSeries } from '../../src/formats/calendar-series.js';

// Zones as Google, Outlook and Apple write them in an export: the rules of today, from 1970 (New York),
// a southern-hemisphere zone (Sydney: summer time over the new year) and one that changes at 01:00 UTC.
const ZONES = {
  'America/New_York': ['-0500', '-0400', '19700308T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', '19701101T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'],
  'Australia/Sydney': ['+1000', '+1100', '19701004T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU', '19700405T030000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU'],
  'Europe/London': ['+0000', '+0100', '19700329T010000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', '19701025T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
} as const;
const vtimezone = (tzid: keyof typeof ZONES) => {
  const [std, dst, dstStart, dstRule, stdStart, stdRule] = ZONES[tzid];
  return [
    'BEGIN:VTIMEZONE', `TZID:${tzid}`,
    'BEGIN:DAYLIGHT', `TZOFFSETFROM:${std}`, `TZOFFSETTO:${dst}`, `DTSTART:${dstStart}`, `RRULE:${dstRule}`, 'END:DAYLIGHT',
    'BEGIN:STANDARD', `TZOFFSETFROM:${dst}`, `TZOFFSETTO:${std}`, `DTSTART:${stdStart}`, `RRULE:${stdRule}`, 'END:STANDARD',
    'END:VTIMEZONE',
  ];
};
const calendar = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...vtimezone('America/New_York'), ...vtimezone('Australia/Sydney'), ...vtimezone('Europe/London'),
    ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const event = (uid: string, dtstart: string, lines: string[]) => [
  'BEGIN:VEVENT', `UID:${uid}`, `DTSTART${dtstart}`, 'DURATION:PT45M', `SUMMARY:${uid}`, 'ATTENDEE;CN=Maya:mailto:maya@example.com', ...lines, 'END:VEVENT',
];

const from = new Date('2020-01-01T00:00:00Z');
const to = new Date('2026-06-01T00:00:00Z');
const both = (text: string) => {
  const sorted = (r: ReturnType<typeof readCalendar>) => ({ ...r, events: [...r.events].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) });
  return { fast: sorted(readCalendar(text, 'x.ics', from, to)), ical: sorted(readCalendar(text, 'x.ics', from, to, false)) };
};

describe('weekly and daily series are expanded as ical.js expands them', () => {
  // Times in the gap (02:30 on the spring-forward Sunday) and in the overlap (01:30 on the fall-back
  // Sunday), Sundays (the days zones change), Sydney and London, every INTERVAL, COUNT and UNTIL.
  const series = [
    event('ny-sunday-gap', ';TZID=America/New_York:20190106T023000', ['RRULE:FREQ=WEEKLY']),
    event('ny-sunday-overlap', ';TZID=America/New_York:20190106T013000', ['RRULE:FREQ=WEEKLY;BYDAY=SU;WKST=MO']),
    event('ny-daily-late', ';TZID=America/New_York:20191230T233000', ['RRULE:FREQ=DAILY;INTERVAL=3']),
    event('ny-daily-midnight', ';TZID=America/New_York:20200101T000000', ['RRULE:FREQ=DAILY;COUNT=900']),
    event('sydney-weekly', ';TZID=Australia/Sydney:20190407T024500', ['RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20251231T000000Z',
      'EXDATE;TZID=Australia/Sydney:20200419T024500,20200503T024500', 'EXDATE;TZID=Australia/Sydney:20231008T024500']),
    event('london-daily', ';TZID=Europe/London:20200301T010000', ['RRULE:FREQ=DAILY;UNTIL=20201101T000000Z']),
    event('utc-weekly', ':20200102T090000Z', ['RRULE:FREQ=WEEKLY;COUNT=200', 'EXDATE:20200109T090000Z,20210107T090000Z']),
    event('until-on-an-instance', ';TZID=America/New_York:20200106T100000', ['RRULE:FREQ=WEEKLY;UNTIL=20200203T150000Z']),
  ];

  it('every instance: start, end, key, and the EXDATEs left out', () => {
    const { fast, ical } = both(calendar(series));
    expect(fast.events.length).toBeGreaterThan(2500);
    expect(fast).toEqual(ical);
    const sydney = fast.events.filter((e) => e.key.startsWith('sydney-weekly|')).map((e) => e.start.toISOString());
    expect(sydney.filter((s) => s.startsWith('2020-04') || s.startsWith('2020-05'))).toEqual([
      '2020-04-04T16:45:00.000Z', '2020-05-16T16:45:00.000Z', '2020-05-30T16:45:00.000Z', // 04-19 and 05-03 are EXDATEs
    ]);
    expect(sydney).toContain('2020-04-04T16:45:00.000Z'); // 2020-04-05 02:45 happens twice in Sydney: read as standard time (+10), as ical.js does // 2020-04-05 02:45: Sydney's own overlap hour, read as ical.js reads it
  });

  it('a moved instance and a cancelled one', () => {
    const text = calendar([
      event('moved', ';TZID=America/New_York:20200106T100000', ['RRULE:FREQ=WEEKLY;COUNT=20']),
      ['BEGIN:VEVENT', 'UID:moved', 'RECURRENCE-ID;TZID=America/New_York:20200309T100000', 'DTSTART;TZID=America/New_York:20200310T160000',
        'DTEND;TZID=America/New_York:20200310T170000', 'SUMMARY:moved to Tuesday', 'END:VEVENT'],
      ['BEGIN:VEVENT', 'UID:moved', 'RECURRENCE-ID:20200316T140000Z', 'DTSTART:20200316T140000Z', 'STATUS:CANCELLED', 'SUMMARY:off', 'END:VEVENT'],
    ]);
    const { fast, ical } = both(text);
    expect(fast).toEqual(ical);
    const moved = fast.events.find((e) => e.key === 'moved|2020-03-09T14:00:00.000Z')!;
    expect([moved.summary, moved.start.toISOString(), moved.end.toISOString()]).toEqual(['moved to Tuesday', '2020-03-10T20:00:00.000Z', '2020-03-10T21:00:00.000Z']);
    expect(fast.events.find((e) => e.key === 'moved|2020-03-16T14:00:00.000Z')!.status).toBe('CANCELLED');
  });
});

describe('simpleSeries takes only the rules it computes exactly', () => {
  const master = (dtstart: string, lines: string[]) => {
    const text = calendar([event('s', dtstart, lines)]);
    readCalendar(text, 'x.ics', from, from); // registers the file's zones, as a capture does
    const vevent = /BEGIN:VEVENT[\s\S]*?END:VEVENT/.exec(text)![0];
    return new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vevent}\r\nEND:VCALENDAR`) as unknown[]).getFirstSubcomponent('vevent')!;
  };
  it.each([
    ['weekly', ';TZID=America/New_York:20200106T100000', 'RRULE:FREQ=WEEKLY'],
    ['weekly on its own day', ':20200106T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO;INTERVAL=2;UNTIL=20210101T000000Z'],
    ['daily', ';TZID=Europe/London:20200106T100000', 'RRULE:FREQ=DAILY;COUNT=5'],
  ])('%s: computed', (_name, dtstart, rule) => {
    const next = simpleSeries(master(dtstart, [rule]))!;
    expect(next).not.toBeNull();
    expect(next()).toMatchObject({ year: 2020, month: 1, day: 6, hour: 10 });
  });
  it.each([
    ['monthly', ';TZID=America/New_York:20200106T100000', 'RRULE:FREQ=MONTHLY'],
    ['two weekdays', ';TZID=America/New_York:20200106T100000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE'],
    ['another weekday', ';TZID=America/New_York:20200106T100000', 'RRULE:FREQ=WEEKLY;BYDAY=TU'],
    ['UNTIL as a date', ';TZID=America/New_York:20200106T100000', 'RRULE:FREQ=WEEKLY;UNTIL=20200301'],
    ['a floating start', ':20200106T100000', 'RRULE:FREQ=WEEKLY'],
    ['a zone the file does not define', ';TZID=Pacific Standard Time:20200106T100000', 'RRULE:FREQ=WEEKLY'],
    ['an all-day series', ';VALUE=DATE:20200106', 'RRULE:FREQ=WEEKLY'],
    ['an RDATE too', ':20200106T100000Z', 'RRULE:FREQ=WEEKLY\r\nRDATE:20200108T100000Z'],
    ['an EXDATE as a date', ':20200106T100000Z', 'RRULE:FREQ=WEEKLY\r\nEXDATE;VALUE=DATE:20200113'],
  ])('%s: left to ical.js', (_name, dtstart, rule) => {
    expect(simpleSeries(master(dtstart, rule.split('\r\n')))).toBeNull();
  });
});
