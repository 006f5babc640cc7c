/**
 * Reads iCalendar (RFC 5545) events for rel capture, with ical.js: every VEVENT of a file, recurring ones
 * expanded (RRULE, RDATE, EXDATE, instances overridden by RECURRENCE-ID) up to a given instant, in their
 * time zones (the file's VTIMEZONEs; else the TZID as an IANA or Windows zone name, as Outlook writes it).
 *
 * The file is cut into its VEVENTs first and each is parsed alone, so that one broken event is skipped
 * and reported with its line instead of failing the whole file. Loaded only by rel capture.
 */
import ICAL from 'ical.js';
import type { Attendee, Address, EventInstance } from '../domain/capture.js';
import { cut, compactDay } from './calendar-blocks.js';
import { type Occurrence, simpleSeries } from './calendar-series.js';
import { leanEvent } from './calendar-lean.js';
import { wallClockInstant } from './windows-zones.js';

export interface Broken {
  location: string;
  reason: string;
}


/** A recurring event is expanded at most this many times (a FREQ=MINUTELY rule must not hang capture). */
const MAX_INSTANCES = 50_000;

/** Is this text an iCalendar object? */
export const looksLikeCalendar = (head: string): boolean => /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(head);

/**
 * The event instances of one iCalendar text whose start is within [from, to], how many started before
 * `from`, and the events that could not be read. `file` names the source in locations ("work.ics:42").
 */
export function readCalendar(
  text: string,
  file: string,
  from: Date,
  to: Date,
  /** false: every event through ical.js (the tests compare both ways). */
  fast = true,
): { events: EventInstance[]; earlier: number; broken: Broken[] } {
  const { events: blocks, zones, unclosed } = cut(text);
  const uids = new Map<string, number>();
  for (const b of blocks) if (b.uid !== undefined) uids.set(b.uid, (uids.get(b.uid) ?? 0) + 1);
  const singles: EventInstance[] = [];
  for (const z of zones) {
    try {
      const comp = new ICAL.Component(ICAL.parse(wrap(z.text)) as unknown[]).getFirstSubcomponent('vtimezone');
      if (comp) ICAL.TimezoneService.register(new ICAL.Timezone(comp));
    } catch {
      /* a broken VTIMEZONE: its TZID is then read as a zone name, if it is one */
    }
  }
  const broken: Broken[] = unclosed.map((line) => ({ location: `${file}:${line}`, reason: 'the event is cut short (no END line)' }));
  const byUid = new Map<string, { comp: ICAL.Component; line: number }[]>();
  // Parsing is most of the cost (ical.js: ~0.1 ms an event): a single event whose DTSTART is days before
  // `from` or after `to` (2 days: more than any zone's offset) is counted or dropped unparsed. A capture
  // from the day of the last one then reads a 20,000-event file in a fraction of the time.
  const first = compactDay(new Date(from.getTime() - 2 * 86_400_000));
  const last = compactDay(new Date(to.getTime() + 2 * 86_400_000));
  let earlier = 0;
  for (const b of blocks) {
    if (b.singleDay !== undefined && (b.singleDay < first || b.singleDay > last)) {
      if (b.singleDay < first) earlier++;
      continue;
    }
    // A single event whose UID no other block shares: read directly (src/formats/calendar-lean.ts).
    const lean = fast && b.singleDay !== undefined && (b.uid === undefined || uids.get(b.uid) === 1) ? leanEvent(b.text) : null;
    if (lean) {
      const { uid, ...rest } = lean;
      if (rest.start < from) earlier++;
      else if (rest.start <= to) singles.push({ location: `${file}:${b.line}`, key: uid ?? `${file}:${b.line}`, ...rest, linkText: b.links });
      continue;
    }
    try {
      const comp = new ICAL.Component(ICAL.parse(wrap(b.text)) as unknown[]).getFirstSubcomponent('vevent');
      if (!comp) throw new Error('no VEVENT');
      const start = comp.getFirstPropertyValue('dtstart');
      if (!(start instanceof ICAL.Time) || Number.isNaN(start.toJSDate().getTime())) throw new Error('no valid DTSTART');
      const uid = String(comp.getFirstPropertyValue('uid') ?? `${file}:${b.line}`);
      const list = byUid.get(uid) ?? [];
      list.push({ comp, line: b.line });
      linksOf.set(comp, b.links);
      byUid.set(uid, list);
    } catch (e) {
      broken.push({ location: `${file}:${b.line}`, reason: oneLine(e) });
    }
  }
  const events: EventInstance[] = singles;
  const window = { from, to, earlier };
  for (const [uid, comps] of byUid) {
    const master = comps.find((c) => !c.comp.hasProperty('recurrence-id'));
    const exceptions = comps.filter((c) => c !== master);
    try {
      if (!master) {
        // Overridden instances without their series (a shared calendar may hold only these).
        for (const x of exceptions) pushInstance(events, x.comp, uid, `${file}:${x.line}`, window);
      } else if (!master.comp.hasProperty('rrule') && !master.comp.hasProperty('rdate')) {
        pushInstance(events, master.comp, uid, `${file}:${master.line}`, window);
      } else {
        expand(events, master.comp, exceptions.map((x) => x.comp), uid, `${file}:${master.line}`, window, fast);
      }
    } catch (e) {
      broken.push({ location: `${file}:${(master ?? comps[0]!).line}`, reason: oneLine(e) });
    }
  }
  return { events, earlier: window.earlier, broken };
}

interface Window {
  from: Date;
  to: Date;
  /** Instances that started before `from`: counted, not returned. */
  earlier: number;
}

function expand(out: EventInstance[], master: ICAL.Component, exceptions: ICAL.Component[], uid: string, loc: string, w: Window, fast: boolean): void {
  const event = new ICAL.Event(master, { strictExceptions: false, exceptions });
  const zone = tzidOf(master, 'dtstart');
  const horizon = w.to.getTime() + 366 * 86_400_000; // an overridden instance may move later than its original start
  const early = w.from.getTime() - 2 * 86_400_000;
  const moved = new Set(
    exceptions.flatMap((x) => {
      const rid = x.getFirstPropertyValue('recurrence-id');
      return rid instanceof ICAL.Time ? [instant(rid, tzidOf(x, 'recurrence-id') ?? zone).getTime()] : [];
    }),
  );
  // An instance that was not moved is the series' start shifted: its end is its start plus the series'
  // length. Only moved instances need ical.js's occurrence details (half the time of a 10-year series).
  const first = master.getFirstPropertyValue('dtstart') as ICAL.Time;
  const firstStart = instant(first, zone);
  const length = endOf(master, first, firstStart).getTime() - firstStart.getTime();
  const seen = new Set<number>();
  // Instances days before `from` are counted by their wall-clock day alone: converting each one to an
  // instant (a zone lookup) was most of the time of a capture from cron, which starts from today. Only
  // one on the day of a moved instance (give or take a day for the zone) is looked up: it may have
  // moved into the window.
  const earlyDay = Number(compactDay(new Date(early)));
  const movedDays = new Set([...moved].flatMap((t) => [-1, 0, 1].map((d) => Number(compactDay(new Date(t + d * 86_400_000))))));
  const rdatesOnly = !master.hasProperty('rrule');
  const next = occurrences(event, first, zone, fast ? simpleSeries(master) : null);
  for (let n = 0, o = next(); o && n < MAX_INSTANCES; o = next(), n++) {
    const day = o.year * 10_000 + o.month * 100 + o.day;
    if (day < earlyDay && !(movedDays.has(day) && moved.has(o.at()))) {
      w.earlier++;
      if (rdatesOnly && o.time().compare(first) === 0) seen.add(firstStart.getTime());
      continue;
    }
    const original = new Date(o.at());
    if (original.getTime() > horizon) break;
    seen.add(original.getTime());
    if (!moved.has(original.getTime())) {
      if (original < w.from) w.earlier++;
      else if (original <= w.to) {
        out.push(toInstance(master, `${uid}|${original.toISOString()}`, loc, original, new Date(original.getTime() + length), o.isDate));
      }
      continue;
    }
    const d = event.getOccurrenceDetails(o.time());
    const comp = d.item.component;
    const start = instant(d.startDate, tzidOf(comp, 'dtstart') ?? zone);
    if (start < w.from) w.earlier++;
    if (start < w.from || start > w.to) continue;
    const end = instant(d.endDate, tzidOf(comp, 'dtend') ?? tzidOf(comp, 'dtstart') ?? zone);
    out.push(toInstance(comp, `${uid}|${original.toISOString()}`, loc, start, end, d.startDate.isDate));
  }
  // RFC 5545 3.8.5.2: DTSTART is the first instance of the set. ical.js leaves it out of a series made
  // of RDATEs alone; put it back unless an EXDATE removes it.
  if (!master.hasProperty('rrule') && !seen.has(firstStart.getTime())) {
    const excluded = master.getAllProperties('exdate').some((p) =>
      p.getValues().some((v) => v instanceof ICAL.Time && instant(v, p.getParameter('tzid') as string | null ?? zone).getTime() === firstStart.getTime()),
    );
    if (!excluded && !moved.has(firstStart.getTime())) {
      if (firstStart < w.from) w.earlier++;
      else if (firstStart <= w.to) out.push(toInstance(master, `${uid}|${firstStart.toISOString()}`, loc, firstStart, new Date(firstStart.getTime() + length), first.isDate));
    }
  }
}

/** One instance of a series as the loop above reads it; the ical.js time is made only when asked for. */
interface Next {
  year: number;
  month: number;
  day: number;
  isDate: boolean;
  at(): number;
  time(): ICAL.Time;
}

/** The instances of a series: computed directly when the rule is simple (src/formats/calendar-series.ts), else by ical.js. */
function occurrences(event: ICAL.Event, first: ICAL.Time, zone: string | null, simple: (() => Occurrence | null) | null): () => Next | null {
  if (simple) {
    return () => {
      const o = simple();
      return o && { year: o.year, month: o.month, day: o.day, isDate: false, at: () => o.at, time: () => ICAL.Time.fromData({ ...o, isDate: false }, first.zone) };
    };
  }
  const it = event.iterator();
  return () => {
    const t = it.next();
    return t && { year: t.year, month: t.month, day: t.day, isDate: t.isDate, at: () => instant(t, zone).getTime(), time: () => t };
  };
}

function pushInstance(out: EventInstance[], comp: ICAL.Component, uid: string, loc: string, w: Window): void {
  const s = comp.getFirstPropertyValue('dtstart') as ICAL.Time;
  const start = instant(s, tzidOf(comp, 'dtstart'));
  if (start < w.from) w.earlier++;
  if (start < w.from || start > w.to) return;
  const rid = comp.getFirstPropertyValue('recurrence-id');
  const key = rid instanceof ICAL.Time ? `${uid}|${instant(rid, tzidOf(comp, 'recurrence-id')).toISOString()}` : uid;
  out.push(toInstance(comp, key, loc, start, endOf(comp, s, start), s.isDate));
}

/** DTEND, else DTSTART + DURATION, else the start (a day later for an all-day event, RFC 5545 3.6.1). */
function endOf(comp: ICAL.Component, s: ICAL.Time, start: Date): Date {
  const e = comp.getFirstPropertyValue('dtend');
  if (e instanceof ICAL.Time) return instant(e, tzidOf(comp, 'dtend') ?? tzidOf(comp, 'dtstart'));
  const dur = comp.getFirstPropertyValue('duration');
  if (dur instanceof ICAL.Duration) return new Date(start.getTime() + dur.toSeconds() * 1000);
  return s.isDate ? new Date(start.getTime() + 86_400_000) : start;
}

const tzidOf = (comp: ICAL.Component, prop: string): string | null => {
  const t = comp.getFirstProperty(prop)?.getParameter('tzid');
  return typeof t === 'string' ? t : null;
};

/**
 * The instant of an ical.js time: UTC, or a zone the file defines, as ical.js computes it; a TZID the
 * file does not define is read as an IANA or Windows zone name; a floating time (or an unknown zone)
 * is local time.
 */
function instant(t: ICAL.Time, tzid: string | null): Date {
  const zone = t.zone?.tzid;
  if (t.isDate || zone === 'UTC' || (zone && zone !== 'floating') || !tzid) return t.toJSDate();
  return wallClockInstant(t, tzid) ?? t.toJSDate();
}

/** The link text of each parsed VEVENT, from its block. */
const linksOf = new WeakMap<ICAL.Component, string>();

/** What an event says besides its times; read once per component (a series has one for all its instances). */
type Details = Omit<EventInstance, 'location' | 'key' | 'start' | 'end' | 'allDay'>;
const detailsCache = new WeakMap<ICAL.Component, Details>();

function toInstance(comp: ICAL.Component, key: string, location: string, start: Date, end: Date, allDay: boolean): EventInstance {
  let d = detailsCache.get(comp);
  if (!d) detailsCache.set(comp, (d = details(comp)));
  return { location, key, start, end, allDay, ...d };
}

function details(comp: ICAL.Component): Details {
  const text = (p: string) => {
    const v = comp.getFirstPropertyValue(p);
    return v === null || v === undefined ? null : String(v);
  };
  const organizer = comp.getFirstProperty('organizer');
  return {
    status: text('status')?.toUpperCase() ?? null,
    privacy: text('class')?.toUpperCase() ?? null,
    summary: text('summary'),
    organizer: organizer ? address(organizer) : null,
    attendees: comp
      .getAllProperties('attendee')
      .filter((p) => !/^(ROOM|RESOURCE)$/i.test(String(p.getParameter('cutype') ?? '')))
      .map((p): Attendee => ({ ...address(p), partstat: String(p.getParameter('partstat') ?? '').toUpperCase() || null })),
    linkText: linksOf.get(comp) ?? '',
  };
}

/** mailto:x@y (or an EMAIL parameter, as Apple writes next to a urn:uuid value) and the CN. */
function address(p: ICAL.Property): Address {
  const param = p.getParameter('email');
  const value = String(p.getFirstValue() ?? '');
  const email = (typeof param === 'string' && param.includes('@') ? param : value).replace(/^mailto:/i, '').trim();
  const cn = p.getParameter('cn');
  return { email, name: typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null };
}

const wrap = (block: string) => `BEGIN:VCALENDAR\r\n${block}\r\nEND:VCALENDAR`;

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
