/**
 * Imported records checked once, at the edge, like anything the user types: names through cleanName,
 * notes through cleanNote, emails kept exactly as written but only when they look like addresses,
 * tags made rel tags (one lower-case word). A record without a usable name is a problem, not an
 * abort; a bad field is dropped with a problem and the person kept. Pure.
 */
import { RelError } from '../errors.js';
import { EARLIEST_DAY } from './dates.js';
import type { ImportedPerson } from './person.js';
import type { Day, Problem } from './types.js';
import type { MergeRecord } from './merge.js';
import { keptN, nTooLong, parseN } from './structured-name.js';
import { cleanName, cleanNote } from './text.js';

/** What a parser hands over. */
export type RawRecord = ImportedPerson;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Groups every contact of an address book is in: Google's "My Contacts" (`myContacts` in its vCards,
 * `* myContacts` or `System Group: My Contacts` in its CSVs), Android's "My Contacts". Never a tag.
 */
export const isSystemGroup = (label: string): boolean => /^(\*\s*)?(system group:\s*)?my\s*contacts$/i.test(label.trim());

/** A rel tag from an imported label: "Work, Past" → "work-past"; null when nothing is left (or a system group). */
export function importedTag(label: string): string | null {
  if (isSystemGroup(label)) return null;
  const t = label.normalize('NFC').trim().toLowerCase().replace(/[\s,]+/g, '-').replace(/^-+|-+$/g, '');
  if (t === '' || [...t].length > 200 || /[\p{Cc}\p{Cs}]/u.test(t)) return null;
  return t;
}

/**
 * With `today`, dates are held to what rel takes when typed (issue 11): none before 1900, no birthday,
 * meeting or last touch after today; such a date is left out with a problem.
 */
export function tidyRecord(raw: RawRecord, where: string, problems: Problem[], today?: Day): MergeRecord | null {
  const why = (e: unknown): string => (e instanceof RelError ? e.message : String(e));
  let name: string;
  try {
    name = cleanName(raw.name);
  } catch (e) {
    problems.push({ where, why: `${why(e)}; skipped` });
    return null;
  }
  const text = (value: string | null, what: string, clean = cleanName): string | null => {
    if (value === null || value.trim() === '') return null;
    // A one-line field with a tab or a line break in it (a spreadsheet cell, a pasted company) is made one line.
    const v = clean === cleanName ? value.replace(/\s*[\t\r\n]+\s*/g, ' ') : value;
    try {
      return clean(v, what);
    } catch (e) {
      problems.push({ where, why: `${why(e)}; left out` });
      return null;
    }
  };
  const emails: string[] = [];
  for (const e of raw.emails) {
    const v = e.trim().normalize('NFC');
    if (v === '') continue;
    if (EMAIL.test(v) && [...v].length <= 254) emails.push(v);
    else problems.push({ where, why: `email ${JSON.stringify(v.slice(0, 60))} is not an address; left out` });
  }
  const phones = raw.phones.map((p) => text(p, 'phone')).filter((p): p is string => p !== null);
  const tags = raw.tags.map(importedTag).filter((t): t is string => t !== null);
  const notes = raw.notes.map((n) => text(n, 'note', cleanNote)).filter((n): n is string => n !== null);
  const day = (value: string | null, what: string): string | null => {
    if (value === null || today === undefined || !/^\d{4}-/.test(value)) return value; // --MM-DD has no year
    if (value >= EARLIEST_DAY && value <= today) return value;
    problems.push({ where, why: `${what} ${value} is ${value < EARLIEST_DAY ? 'before 1900' : 'in the future'}; left out` });
    return null;
  };
  // The structured name, as it spells the cleaned name; nothing when it says no more than rel would write.
  const tooLong = raw.vcard_n == null ? null : nTooLong(raw.vcard_n);
  if (tooLong !== null) problems.push({ where, why: `${tooLong}; left out` });
  const n = raw.vcard_n == null || tooLong !== null ? null : keptN(name, parseN(raw.vcard_n));
  return {
    where,
    name,
    emails,
    phones,
    tags: [...new Set(tags)],
    company: text(raw.company, 'company'),
    title: text(raw.title, 'title'),
    birthday: day(raw.birthday, 'birthday'),
    met: text(raw.met, 'met', cleanNote),
    met_on: day(raw.met_on, 'met on'),
    linkedin_url: text(raw.linkedin_url, 'LinkedIn URL'),
    every_days: raw.every_days,
    notes,
    last_touch: day(raw.last_touch, 'last touch'),
    ...(n === null ? {} : { vcard_n: n }),
  };
}
