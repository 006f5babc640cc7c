/** Plain data passed between the format parsers/writers (pure) and the import/export commands. */
import { blankDetails, type ImportedPerson } from '../domain/person.js';
import type { Day, Person, Problem } from '../domain/types.js';

export type { ImportedPerson } from '../domain/person.js';
export type { Problem } from '../domain/types.js';

/** Where in the file a record or a problem is: "line 12", "card 3". */
export interface Located<T> {
  where: string;
  value: T;
  /** rel's own id, from a file rel wrote (its CSV `id`, its vCard `X-REL-ID`): the same person, not a namesake. */
  id?: string;
}

export interface ParseResult {
  records: Located<ImportedPerson>[];
  problems: Problem[];
}

/** A person as handed to the writers (vCard, CSV): the stored person plus what is derived. */
export interface ExportPerson extends Person {
  /** The vCard N the person was imported with (domain/structured-name.ts), when rel keeps one. */
  vcard_n?: string | null;
  facts: { text: string; date: Day }[];
  last_touch: Day | null;
  next_due: Day | null;
  gives: number;
  asks: number;
}

/** One all-day event of the iCalendar feed. */
export interface CalendarEvent {
  /** Stable across exports so a calendar app updates rather than duplicates. */
  uid: string;
  summary: string;
  date: Day;
  yearly: boolean;
  description: string | null;
}

/**
 * The name of a record: `name`, else (in every format alike) its first email, else its first phone,
 * with a problem saying so; '' when it has none of them (the record is then skipped for no name).
 */
export function nameOrContact(name: string, emails: string[], phones: string[], warn: (why: string) => void): string {
  if (name !== '') return name;
  const [by, value] = emails[0] ? ['email', emails[0]] : phones[0] ? ['phone', phones[0]] : [null, ''];
  if (by !== null) warn(`no name; named by its ${by}`);
  return value;
}

export function emptyImported(name: string): ImportedPerson {
  return { ...blankDetails(name), notes: [], last_touch: null };
}
