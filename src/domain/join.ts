/**
 * rel merge KEEP OTHER: the person that remains when two records of one person are joined. Pure.
 * KEEP's name and fields stay; OTHER's emails, phones and tags are added (without repeats, compared
 * as the import compares them); a field KEEP lacks is filled from OTHER. The records that belong to
 * a person (touches, facts, follow-ups, dates, wishes) are moved by the store, not here.
 */
import { emailKey, phoneKey, tagKey, unique } from './merge.js';
import type { Person } from './types.js';

const FILL = ['company', 'title', 'every_days', 'birthday', 'met', 'met_on', 'linkedin_url', 'snoozed_until'] as const;

export function joinPeople(keep: Person, other: Person, now: string): Person {
  const joined: Person = {
    ...keep,
    emails: unique([...keep.emails, ...other.emails], emailKey),
    phones: unique([...keep.phones, ...other.phones], phoneKey),
    tags: unique([...keep.tags, ...other.tags], tagKey),
    added_on: other.added_on < keep.added_on ? other.added_on : keep.added_on,
    updated_at: now,
  };
  for (const f of FILL) if (joined[f] === null) (joined as unknown as Record<string, unknown>)[f] = other[f];
  return joined;
}
