/**
 * Would adding or editing a person make a second copy of someone? Pure: the caller passes everyone else.
 * An email or phone that another person has is a clash (compared as import compares them: emails
 * ignoring case, phones by their digits); the same name alone is only worth a warning, since two
 * people can share a name.
 */
import { emailKey, phoneKey } from './merge.js';

export interface ContactCard {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
}

export interface Clash {
  /** The email or phone as the user gave it. */
  value: string;
  other: { id: string; name: string };
}

/** The emails and phones of `person` that someone in `others` (not `person` itself) already has. */
export function contactClashes(person: ContactCard, others: ContactCard[]): Clash[] {
  const wanted = new Set([...person.emails.map(emailKey), ...person.phones.map(phoneKey)]);
  const owner = new Map<string, ContactCard>(); // key -> the first other person who has it
  for (const o of others) {
    if (o.id === person.id) continue;
    for (const k of [...o.emails.map(emailKey), ...o.phones.map(phoneKey)]) {
      if (wanted.has(k) && !owner.has(k)) owner.set(k, o);
    }
  }
  const clashes: Clash[] = [];
  const check = (values: string[], key: (v: string) => string) => {
    for (const value of values) {
      const other = owner.get(key(value));
      if (other) clashes.push({ value, other: { id: other.id, name: other.name } });
    }
  };
  check(person.emails, emailKey);
  check(person.phones, phoneKey);
  return clashes;
}
