/**
 * From rel's full export (formats/json.ts) to what the other writers take: ExportPerson rows for CSV
 * and vCard, CalendarEvents for the iCalendar feed. Pure: `today` is an argument.
 *
 * The feed has, per person: the birthday (yearly), each important date (yearly or once), the day
 * the rhythm next falls due, and each open follow-up. A due day already past is put on `today` (the
 * calendar shows who to reach now); a snooze moves it to the day the snooze ends. Event uids are
 * stable (`<person id>-birthday@rel`, `<date id>@rel`, `<person id>-due@rel`,
 * `<follow-up id>-follow-up@rel`), so a calendar that subscribes updates instead of duplicating.
 */
import { formatEvery } from '../domain/interval.js';
import type { Day } from '../domain/types.js';
import type { RelPerson } from './json.js';
import type { CalendarEvent, ExportPerson } from './types.js';

export function exportPeople(people: RelPerson[]): ExportPerson[] {
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    emails: p.emails,
    phones: p.phones,
    company: p.company,
    title: p.title,
    tags: p.tags,
    every_days: p.every_days,
    birthday: p.birthday,
    met: p.met,
    linkedin_url: p.linkedin_url,
    vcard_n: p.vcard_n ?? null,
    met_on: p.met_on,
    snoozed_until: p.snoozed_until,
    added_on: p.added_on,
    created_at: p.created_at,
    updated_at: p.updated_at,
    facts: p.facts.map((f) => ({ text: f.text, date: f.date })),
    last_touch: p.last_touch ?? null,
    next_due: p.next_due ?? null,
    gives: p.gives ?? p.touchpoints.filter((t) => t.give !== null).length,
    asks: p.asks ?? p.touchpoints.filter((t) => t.ask !== null).length,
  }));
}

/** `--MM-DD` (no year) starts in 2000, a leap year, so that 29 February is a real first day. */
const firstDay = (date: string): Day => (date.startsWith('--') ? `2000${date.slice(1)}` : date);
const latest = (...days: (Day | null)[]): Day => days.filter((d): d is Day => d !== null).reduce((a, b) => (b > a ? b : a));

export function calendarEvents(people: RelPerson[], today: Day): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const p of people) {
    if (p.birthday) {
      events.push({ uid: `${p.id}-birthday@rel`, summary: `Birthday: ${p.name}`, date: firstDay(p.birthday), yearly: true,
        description: p.birthday.startsWith('--') ? null : `born ${p.birthday}` });
    }
    for (const d of p.dates) {
      events.push({ uid: `${d.id}@rel`, summary: `${d.label}: ${p.name}`, date: firstDay(d.date),
        yearly: d.yearly || d.date.startsWith('--'), description: null });
    }
    const snooze = p.snoozed_until !== null && p.snoozed_until > today ? p.snoozed_until : null;
    if (p.next_due) {
      const last = p.last_touch ? `last touch ${p.last_touch}` : 'never touched';
      events.push({ uid: `${p.id}-due@rel`, summary: `Reach out to ${p.name}`, date: latest(p.next_due, today, snooze),
        yearly: false, description: `every ${formatEvery(p.every_days ?? 0)}; ${last}; due ${p.next_due}` });
    }
    for (const f of p.follow_ups) {
      if (f.closed_by !== null) continue;
      events.push({ uid: `${f.id}-follow-up@rel`, summary: `Follow up with ${p.name}`, date: latest(f.due_on, today, snooze),
        yearly: false, description: f.note });
    }
  }
  return events;
}
