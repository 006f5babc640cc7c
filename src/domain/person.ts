/** A new person: only the name, added today. Everything else is set by the flags (rel add) or later. */
import type { Day, Person } from './types.js';

export function blankPerson(id: string, name: string, today: Day, nowIso: string): Person {
  return {
    id,
    name,
    emails: [],
    phones: [],
    company: null,
    title: null,
    tags: [],
    every_days: null,
    birthday: null,
    met: null,
    met_on: null,
    linkedin_url: null,
    snoozed_until: null,
    added_on: today,
    created_at: nowIso,
    updated_at: nowIso,
  };
}
