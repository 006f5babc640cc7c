/**
 * Cuts an iCalendar text into its VEVENT and VTIMEZONE blocks for src/formats/calendar.ts, noting what
 * lets it skip or shortcut an event before any parsing: the DTSTART day of a single event, its UID, and
 * the text of the properties where a video link may be.
 */

export interface Block {
  line: number;
  text: string;
  /** A single event (no RRULE, RDATE, RECURRENCE-ID): the YYYYMMDD of its DTSTART, as written. */
  singleDay?: string;
  /** The raw, unfolded values of the properties where a video link may be (not given to ical.js). */
  links: string;
  /** The UID as written (one line). */
  uid?: string;
}

export const compactDay = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

/** The VEVENT properties ical.js is given; the others (DTSTAMP, SEQUENCE, X-APPLE-..., VALARMs) are not read. */
const PARSED = new Set(['DTSTART', 'DTEND', 'DURATION', 'UID', 'SUMMARY', 'STATUS', 'CLASS', 'ORGANIZER', 'ATTENDEE', 'RRULE', 'RDATE', 'EXDATE',
  'EXRULE', 'RECURRENCE-ID']);
/** Where a video link may be: only searched, as text (a DESCRIPTION is often most of an event). */
const LINKS = new Set(['URL', 'LOCATION', 'DESCRIPTION', 'X-GOOGLE-CONFERENCE', 'X-MICROSOFT-SKYPETEAMSMEETINGURL', 'X-MICROSOFT-ONLINEMEETINGCONFLINK']);

/**
 * Cuts the text into its VEVENT and VTIMEZONE blocks, each with its first line number. Of a VEVENT only
 * the properties capture reads are kept for ical.js (a third of the parsing time of a Google export);
 * the link-bearing ones are kept as unfolded text; the DTSTART day of a single event is noted.
 */
export function cut(text: string): { events: Block[]; zones: Block[]; unclosed: number[] } {
  const events: Block[] = [];
  const zones: Block[] = [];
  const unclosed: number[] = [];
  const lines = text.split(/\r?\n/);
  type Current = { line: number; lines: string[]; kind: 'VEVENT' | 'VTIMEZONE'; day?: string; uid?: string; recurs: boolean; links: string[] };
  let current: Current | null = null;
  let depth = 0;
  let keep: 'parse' | 'link' | null = null; // what happens to the continuation lines of the current property
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!current) {
      const m = /^BEGIN:(VEVENT|VTIMEZONE)\s*$/i.exec(line);
      if (m) {
        current = { line: i + 1, lines: [line], kind: m[1]!.toUpperCase() as 'VEVENT' | 'VTIMEZONE', recurs: false, links: [] };
        depth = 1;
      }
      continue;
    }
    if (current.kind === 'VTIMEZONE') current.lines.push(line);
    else if (depth === 1) {
      const first = line.charCodeAt(0);
      if (first === 0x20 || first === 0x09) {
        if (keep === 'parse') current.lines.push(line);
        else if (keep === 'link') current.links[current.links.length - 1] += line.slice(1);
        continue;
      }
      const name = /^[A-Za-z0-9-]+/.exec(line)?.[0].toUpperCase() ?? '';
      keep = PARSED.has(name) || name === 'END' || name === '' ? 'parse' : LINKS.has(name) ? 'link' : null;
      if (keep === 'parse') current.lines.push(line);
      else if (keep === 'link') current.links.push(line.slice(line.indexOf(':') + 1));
      if (name === 'DTSTART' && current.day === undefined) current.day = /^DTSTART[^:]*:(\d{8})/i.exec(line)?.[1] ?? '';
      else if (name === 'RRULE' || name === 'RDATE' || name === 'RECURRENCE-ID') current.recurs = true;
      else if (name === 'UID' && current.uid === undefined) current.uid = line.slice(4);
    }
    if (/^BEGIN:/i.test(line)) depth++;
    else if (/^END:/i.test(line) && --depth === 0) {
      const block: Block = { line: current.line, text: current.lines.join('\r\n'), links: current.links.join('\n') };
      if (current.kind === 'VEVENT' && !current.recurs && current.day) block.singleDay = current.day;
      if (current.uid !== undefined) block.uid = current.uid;
      (current.kind === 'VEVENT' ? events : zones).push(block);
      current = null;
      keep = null;
    }
  }
  if (current) unclosed.push(current.line); // the file was cut short
  return { events, zones, unclosed };
}

