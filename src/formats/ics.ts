/**
 * iCalendar (RFC 5545) export of rel's dates: one all-day VEVENT per event. Pure: `now` is an argument.
 *
 * Also home of the content-line helpers shared with the vCard writers (src/formats/vcard-write.ts and,
 * through src/sync/lines.ts, the cards of rel sync: RFC 6350 uses the same folding and TEXT escaping):
 * `foldLine`, `escapeText`, `utcStamp`.
 *
 * Why by hand, though ical.js (a dependency, for import) folds and escapes too (measured 2026-11-30,
 * ical.js 2.2, Node 24): its `helpers.foldline` makes continuation lines of 76 octets (it counts 75
 * after the leading space: 2 of 6 probe lines, ASCII and Arabic), against RFC 5545 3.1's 75; its TEXT
 * `toICAL` leaves a bare CR in the value ("a\r\nb" -> "a\r\\nb"), which breaks the content line. And
 * `rel export --format ics` does not load ical.js today: loading it costs ~22 ms of wall time (median of
 * 40 interleaved runs, `node -e 0` 75 ms vs `require('ical.js')` 97 ms, 2 busy cores). ics.test.ts
 * holds the 75-octet and UTF-8 rules.
 */
import type { Day } from '../domain/types.js';
import { dayParts, parseDay } from '../domain/dates.js';
import type { CalendarEvent } from './types.js';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * Fold one content line so that no physical line exceeds 75 octets of UTF-8 (CRLF not counted).
 * Continuation lines start with one space, which counts toward their 75. A line is only ever cut
 * between code points, so a multi-byte character is never split.
 */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS / 4) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Size(ch);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function utf8Size(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * Escape a TEXT value (RFC 5545 3.3.11, RFC 6350 3.4): backslash, comma and newline always;
 * semicolon too unless `semicolon` is false (RFC 6350 only requires it in compound values).
 */
export function escapeText(value: string, semicolon = true): string {
  let out = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  if (semicolon) out = out.replace(/;/g, '\\;');
  return out;
}

/** An instant as a UTC basic-format DATE-TIME: `20260301T093000Z`. Throws on an invalid date. */
export function utcStamp(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Error('utcStamp: invalid date');
  return instant.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/** `YYYY-MM-DD` → [year, month, day] after checking it is a real calendar day; throws otherwise. */
function splitDay(day: Day): [number, number, number] {
  const p = parseDay(day) === null ? null : dayParts(day);
  if (p && p.year !== null) return [p.year, p.month, p.day];
  throw new Error(`writeIcs: not a calendar day: ${JSON.stringify(day)}`);
}

function basicDate(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const [y, mo, d] = splitDay(event.date);
  const next = new Date(Date.UTC(y, mo - 1, d + 1));
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(y, mo, d)}`,
    `DTEND;VALUE=DATE:${basicDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())}`,
  ];
  if (event.yearly) {
    // A plain FREQ=YEARLY from 29 February only recurs in leap years (RFC 5545 skips invalid
    // dates). "The last day of February" gives the 28th in other years, which is what people expect.
    lines.push(mo === 2 && d === 29 ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY');
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/**
 * The whole feed. Events are written in the order given. Throws if an event's `date` is not a
 * real `YYYY-MM-DD` day or `now` is invalid (both are caller bugs, not user input).
 */
export function writeIcs(events: CalendarEvent[], now: Date): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//rel//rel//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:rel',
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
