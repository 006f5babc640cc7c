/** A new person: only the name, added today. Everything else is set by the flags (rel add) or later. */
import type { Day, Person } from './types.js';

/** What a person says about themselves, as opposed to rel's bookkeeping (id, dates of the record, snooze). */
export type PersonDetails = Pick<
  Person,
  'name' | 'emails' | 'phones' | 'company' | 'title' | 'tags' | 'every_days' | 'birthday' | 'met' | 'met_on' | 'linkedin_url'
>;

/**
 * One person read from an imported file, before it is matched against the database: a person's details
 * (`met` in words, "LinkedIn connection"...; `every_days` from rel's own `X-REL-EVERY-DAYS` and the like),
 * the notes that become facts, and a last contact the file knows of.
 */
export interface ImportedPerson extends PersonDetails {
  /** Free-text notes from the file: each becomes a remembered fact. */
  notes: string[];
  last_touch: Day | null;
  /**
   * The structured name (a vCard N value, escaped: domain/structured-name.ts) the file gives, when it
   * says more than rel would write for the name; kept as people.vcard_n.
   */
  vcard_n?: string | null;
}

/** A person's details when nothing is known but the name (a new person, an imported record). */
export function blankDetails(name: string): PersonDetails {
  return {
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
  };
}

export function blankPerson(id: string, name: string, today: Day, nowIso: string): Person {
  return {
    id,
    ...blankDetails(name),
    snoozed_until: null,
    added_on: today,
    created_at: nowIso,
    updated_at: nowIso,
  };
}
