/**
 * A fast path for the common case of rel capture: a single (non-recurring) VEVENT, already cut down to the
 * properties capture reads (src/formats/calendar.ts). Reading it with ical.js (parse, then decorate each
 * value) was most of the time of capturing a 20,000-event calendar; this reads the same few properties
 * directly and still uses ical.js for what is hard: time zones defined in the file, durations.
 *
 * Anything unusual (a parameter it cannot split, a date it cannot read, a property of a series) returns
 * null and the event goes through ical.js as before, which also reports what is broken. The rule lives
 * twice, so test/formats/calendar.test.ts reads every fixture both ways and requires the same result.
 */
import ICAL from 'ical.js';
import type { Address, Attendee, EventInstance } from '../domain/capture.js';
import { wallClockInstant } from './windows-zones.js';
import { namedInstant, zonedInstant } from './zone-clock.js';

export type Lean = Omit<EventInstance, 'location' | 'key' | 'linkText'> & { uid: string | null };

interface Line {
  name: string;
  params: Map<string, string>;
  value: string;
}

export function leanEvent(block: string): Lean | null {
  const lines: Line[] = [];
  for (const raw of block.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    if (/^(BEGIN|END):/i.test(raw)) continue;
    const l = splitLine(raw);
    if (!l) return null;
    lines.push(l);
  }
  const first = (name: string) => lines.find((l) => l.name === name);
  const dtstart = first('DTSTART');
  if (!dtstart || lines.some((l) => l.name === 'RRULE' || l.name === 'RDATE' || l.name === 'RECURRENCE-ID')) return null;
  const start = time(dtstart);
  if (!start) return null;
  const dtend = first('DTEND');
  const duration = first('DURATION');
  let end: Date | null = start.date;
  if (dtend) end = time(dtend)?.date ?? null;
  else if (duration) {
    try {
      end = new Date(start.date.getTime() + ICAL.Duration.fromString(duration.value).toSeconds() * 1000);
    } catch {
      return null;
    }
  } else if (start.allDay) end = new Date(start.date.getTime() + 86_400_000);
  if (!end) return null;
  const text = (name: string) => {
    const l = first(name);
    return l ? unescapeText(l.value) : null;
  };
  const organizer = first('ORGANIZER');
  return {
    uid: text('UID'),
    start: start.date,
    end,
    allDay: start.allDay,
    status: text('STATUS')?.toUpperCase() ?? null,
    privacy: text('CLASS')?.toUpperCase() ?? null,
    summary: text('SUMMARY'),
    organizer: organizer ? address(organizer) : null,
    attendees: lines
      .filter((l) => l.name === 'ATTENDEE' && !/^(ROOM|RESOURCE)$/i.test(l.params.get('CUTYPE') ?? ''))
      .map((l): Attendee => ({ ...address(l), partstat: l.params.get('PARTSTAT')?.toUpperCase() || null })),
  };
}

/** NAME;PARAM=a;PARAM="b;c":value, or null when it is not that. */
function splitLine(line: string): Line | null {
  const m = /^[A-Za-z0-9-]+/.exec(line);
  if (!m) return null;
  const params = new Map<string, string>();
  let i = m[0].length;
  while (line[i] === ';') {
    const eq = line.indexOf('=', i);
    if (eq < 0) return null;
    const key = line.slice(i + 1, eq).toUpperCase();
    let j = eq + 1;
    let value: string;
    if (line[j] === '"') {
      const close = line.indexOf('"', j + 1);
      if (close < 0) return null;
      value = line.slice(j + 1, close);
      j = close + 1;
    } else {
      let k = j;
      while (k < line.length && line[k] !== ';' && line[k] !== ':') k++;
      value = line.slice(j, k);
      j = k;
    }
    if (line[j] === ',') return null; // a list of values: leave it to ical.js
    params.set(key, value); // given twice (which RFC 5545 does not allow), the last one, as ical.js reads it
    i = j;
  }
  if (line[i] !== ':') return null;
  return { name: m[0].toUpperCase(), params, value: line.slice(i + 1) };
}

/** A DATE or DATE-TIME value as ical.js reads it: UTC, a zone of the file, else an IANA/Windows name, else local. */
function time(l: Line): { date: Date; allDay: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(l.value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] === undefined) return { date: new Date(y, mo - 1, d), allDay: true };
  if (l.params.get('VALUE')?.toUpperCase() === 'DATE') return null;
  const wall = { year: y, month: mo, day: d, hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  // A time that is not on the clock (25:00, February 30) is left to ical.js, which says what is wrong.
  const check = new Date(Date.UTC(y, mo - 1, d, wall.hour, wall.minute, wall.second));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== wall.hour || check.getUTCMinutes() !== wall.minute || check.getUTCSeconds() !== wall.second) return null;
  if (m[7] === 'Z') return { date: check, allDay: false };
  const tzid = l.params.get('TZID');
  const local = () => new Date(y, mo - 1, d, wall.hour, wall.minute, wall.second);
  if (!tzid) return { date: local(), allDay: false };
  const zone = ICAL.TimezoneService.get(tzid);
  if (zone) return { date: new Date(zonedInstant(zone, wall)), allDay: false };
  return { date: namedInstant(tzid, wall, (w) => wallClockInstant(w, tzid)) ?? local(), allDay: false };
}

/** mailto:x@y (or an EMAIL parameter, as Apple writes next to a urn:uuid value) and the CN. */
function address(l: Line): Address {
  const param = l.params.get('EMAIL');
  const email = (param?.includes('@') ? param : l.value).replace(/^mailto:/i, '').trim();
  const cn = l.params.get('CN')?.trim();
  return { email, name: cn ? cn : null };
}

/** RFC 5545 TEXT: \n, \N, \, \; and \\. */
const unescapeText = (v: string) => v.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
