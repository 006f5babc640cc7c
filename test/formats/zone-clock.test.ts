import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../../src/formats/windows-zones.js';
import { namedInstant, zonedInstant, type Wall } from '../../src/formats/zone-clock.js';

const zone = (tzid: string, std: string, dst: string, dstStart: string, dstRule: string, stdStart: string, stdRule: string) =>
  new ICAL.Timezone(
    new ICAL.Component(
      ICAL.parse(
        ['BEGIN:VCALENDAR', 'BEGIN:VTIMEZONE', `TZID:${tzid}`,
          'BEGIN:DAYLIGHT', `TZOFFSETFROM:${std}`, `TZOFFSETTO:${dst}`, `DTSTART:${dstStart}`, `RRULE:${dstRule}`, 'END:DAYLIGHT',
          'BEGIN:STANDARD', `TZOFFSETFROM:${dst}`, `TZOFFSETTO:${std}`, `DTSTART:${stdStart}`, `RRULE:${stdRule}`, 'END:STANDARD',
          'END:VTIMEZONE', 'END:VCALENDAR'].join('\r\n'),
      ) as unknown[],
    ).getFirstSubcomponent('vtimezone')!,
  );
const newYork = zone('America/New_York', '-0500', '-0400', '19700308T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', '19701101T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
const sydney = zone('Australia/Sydney', '+1000', '+1100', '19701004T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU', '19700405T030000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU');

/** Every 15 minutes of the wall clock from `first` for `days` days. */
function* walls(first: string, days: number): Generator<Wall> {
  const start = Date.parse(`${first}T00:00:00Z`);
  for (let ms = start; ms < start + days * 86_400_000; ms += 15 * 60_000) {
    const d = new Date(ms);
    yield { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0 };
  }
}

describe('zonedInstant: what ical.js says, for every quarter hour around the changes', () => {
  it.each([
    ['New York, spring forward (02:00 to 03:00)', newYork, '2026-03-06'],
    ['New York, fall back (02:00 to 01:00)', newYork, '2026-10-30'],
    ['Sydney, summer time ends over a weekend in April', sydney, '2026-04-02'],
    ['Sydney, summer time starts in October', sydney, '2025-10-02'],
  ])('%s', (_name, tz, first) => {
    const got: number[] = [];
    const want: number[] = [];
    const offsets = new Set<number>();
    for (const w of walls(first, 5)) {
      got.push(zonedInstant(tz, w));
      want.push(ICAL.Time.fromData({ ...w, isDate: false }, tz).toJSDate().getTime());
      offsets.add(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - want.at(-1)!);
    }
    expect(got).toEqual(want);
    expect(offsets.size).toBe(2); // the zone does change in these days
  });

  it('a day far from any change', () => {
    expect(new Date(zonedInstant(newYork, { year: 2026, month: 7, day: 1, hour: 9, minute: 30, second: 0 })).toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(new Date(zonedInstant(newYork, { year: 2026, month: 1, day: 15, hour: 9, minute: 30, second: 0 })).toISOString()).toBe('2026-01-15T14:30:00.000Z');
  });
});

describe('namedInstant: what the zone name says (IANA or Windows), day by day', () => {
  it.each([['Europe/Berlin', '2026-03-27'], ['W. Europe Standard Time', '2026-10-23'], ['AUS Eastern Standard Time', '2026-04-02']])('%s', (name, first) => {
    for (const w of walls(first, 5)) expect(namedInstant(name, w, (x) => wallClockInstant(x, name))).toEqual(wallClockInstant(w, name));
  });
  it('an unknown zone gives null', () => {
    expect(namedInstant('Mars Standard Time', { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, (x) => wallClockInstant(x, 'Mars Standard Time'))).toBeNull();
  });
});
