/**
 * Wall-clock time to instant in a time zone, fast: a zone's offset is the same all day except near its
 * changes, so it is worked out once per local day and reused for every event of that day. Ten years of
 * a calendar is ~3,650 days but ~50,000 event times; asking ical.js (or Intl) for each one was a third
 * of the time of a capture.
 *
 * A day's offset is trusted only when the offsets at noon of the day before and of the day after are
 * equal: no zone changes its offset twice within 48 hours, so nothing changes in between. On the days
 * around a change (and in its gap or overlap) every time is asked of the zone itself, so the answers
 * are exactly the zone's (test/formats/zone-clock.test.ts compares every minute around changes).
 */
import type ICAL from 'ical.js';

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY = 86_400_000;
const NOON = 43_200_000;

/** The offset (ms, local minus UTC) at a wall time given as the UTC milliseconds of its fields. */
type Exact = (wallMs: number) => number;

/** `exact`, memoised by local day: one call per day (two on the days around a change). */
function byDay(exact: Exact): Exact {
  const noons = new Map<number, number>();
  const noon = (dayMs: number) => {
    let o = noons.get(dayMs);
    if (o === undefined) noons.set(dayMs, (o = exact(dayMs + NOON)));
    return o;
  };
  return (wallMs) => {
    const dayMs = Math.floor(wallMs / DAY) * DAY;
    const before = noon(dayMs - DAY);
    return before === noon(dayMs + DAY) ? before : exact(wallMs);
  };
}

const fields = (ms: number): Wall => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
};

const icalZones = new WeakMap<ICAL.Timezone, Exact>();

/**
 * The instant (ms) of a wall time in a zone the file defines, as ical.js's `Time.toJSDate` gives it
 * (the wall time minus `Timezone.utcOffset`, which reads only the six fields it is given).
 */
export function zonedInstant(zone: ICAL.Timezone, w: Wall): number {
  let offset = icalZones.get(zone);
  if (!offset) icalZones.set(zone, (offset = byDay((ms) => zone.utcOffset(fields(ms) as unknown as ICAL.Time) * 1000)));
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - offset(wall);
}

const named = new Map<string, Exact | null>();

/**
 * The same for a zone known by name (through `exact`, which answers for one wall time or gives null for
 * a zone nobody knows), memoised per name.
 */
export function namedInstant(name: string, w: Wall, exact: (w: Wall) => Date | null): Date | null {
  let offset = named.get(name);
  if (offset === undefined) {
    offset = exact(w) === null ? null : byDay((ms) => ms - exact(fields(ms))!.getTime());
    named.set(name, offset);
  }
  if (offset === null) return null;
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return new Date(wall - offset(wall));
}
