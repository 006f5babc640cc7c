/**
 * The instances of the commonest recurring events, computed directly: a daily or weekly RRULE with
 * nothing but INTERVAL, COUNT, UNTIL (in UTC) and a BYDAY of DTSTART's own weekday, its EXDATEs, a
 * DTSTART in UTC or in a zone the file defines. That is what Google, Outlook and Apple write for "every
 * week" and "every day". ical.js's iterator, which handles every rule of RFC 5545, took ~40 µs an
 * instance: most of the time of capturing ten years of a calendar again.
 *
 * Anything else gives null and is expanded by ical.js (src/formats/calendar.ts). One difference is on
 * purpose: an EXDATE removes the instance it names, as RFC 5545 says; ical.js walks its EXDATEs with a
 * cursor and misses one that follows an EXDATE naming no instance. test/formats/calendar-series.test.ts
 * expands fixtures and generated series (across zone changes, gaps and overlaps) both ways.
 */
import ICAL from 'ical.js';
import { type Wall, zonedInstant } from './zone-clock.js';

export interface Occurrence extends Wall {
  /** The instant it starts, ms. */
  at: number;
}

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The instant of a DATE-TIME in UTC or a zone the file defines; null for a floating or unknown zone or a DATE. */
function instantOf(t: ICAL.Time): ((w: Wall) => number) | null {
  if (t.isDate || !t.zone) return null;
  if (t.zone === ICAL.Timezone.utcTimezone || t.zone.tzid === 'UTC') return (w) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  if (t.zone === ICAL.Timezone.localTimezone || t.zone.tzid === 'floating' || !t.zone.component) return null;
  const zone = t.zone;
  return (w) => zonedInstant(zone, w);
}

/** A function giving the next instance (null after the last), or null when the series is not that simple. */
export function simpleSeries(master: ICAL.Component): (() => Occurrence | null) | null {
  if (master.hasProperty('rdate') || master.hasProperty('exrule')) return null;
  const rules = master.getAllProperties('rrule');
  if (rules.length !== 1) return null;
  const rule = rules[0]!.getFirstValue();
  const start = master.getFirstPropertyValue('dtstart');
  if (!(rule instanceof ICAL.Recur) || !(start instanceof ICAL.Time)) return null;
  const days = rule.freq === 'WEEKLY' ? 7 : rule.freq === 'DAILY' ? 1 : 0;
  const interval = rule.interval ?? 1;
  if (days === 0 || !Number.isInteger(interval) || interval < 1) return null;
  for (const [part, values] of Object.entries(rule.parts)) {
    const ownDay = part === 'BYDAY' && days === 7 && Array.isArray(values) && values.length === 1 && values[0] === WEEKDAYS[start.dayOfWeek() - 1];
    if (!ownDay) return null;
  }
  const at = instantOf(start);
  if (!at) return null;
  let until = Infinity;
  if (rule.until) {
    if (rule.until.isDate || rule.until.zone !== ICAL.Timezone.utcTimezone) return null;
    until = rule.until.toJSDate().getTime();
  }
  const excluded = new Set<number>();
  for (const p of master.getAllProperties('exdate')) {
    for (const v of p.getValues()) {
      const exAt = v instanceof ICAL.Time ? instantOf(v) : null;
      if (!exAt) return null;
      excluded.add(exAt(v));
    }
  }
  const count = rule.count ?? Infinity;
  const first = Date.UTC(start.year, start.month - 1, start.day);
  const { hour, minute, second } = start;
  let n = 0;
  return () => {
    for (;;) {
      if (n >= count) return null;
      const d = new Date(first + n * days * interval * DAY);
      n++;
      const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute, second };
      const instant = at(wall);
      if (instant > until) return null;
      if (!excluded.has(instant)) return { ...wall, at: instant };
    }
  };
}
