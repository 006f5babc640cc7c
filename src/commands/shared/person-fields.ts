/**
 * The person options shared by `rel add` and `rel edit`: declared once, checked once at the edge,
 * turned into a typed patch.
 */
import type { Command } from 'commander';
import type { Ctx } from '../../app.js';
import { parseBirthday } from '../../domain/dates.js';
import { contactClashes } from '../../domain/duplicates.js';
import { intervalDays, parseInterval } from '../../domain/interval.js';
import { cleanName, cleanNote } from '../../domain/text.js';
import type { Day, Person } from '../../domain/types.js';
import { UsageError } from '../../errors.js';
import { shortId } from '../../render/words.js';
import { contactCards, peopleNamed } from '../../store/people.js';
import { foldName } from '../../domain/names.js';

export interface RawPersonFlags {
  email: string[];
  phone: string[];
  company?: string;
  title?: string;
  tag: string[];
  every?: string | boolean;
  birthday?: string | boolean;
  met?: string;
  note: string[];
  force?: boolean;
}

/** What add/edit may set; `undefined` leaves a field as it is. */
export interface PersonPatch {
  emails: string[];
  phones: string[];
  company?: string | null;
  title?: string | null;
  tags: string[];
  every_days?: number | null;
  birthday?: string | null;
  met?: string | null;
  notes: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function personOptions(cmd: Command): Command {
  return cmd
    .option('--email <email>', 'an email address (repeatable)', collect, [])
    .option('--phone <phone>', 'a phone number (repeatable)', collect, [])
    .option('--company <company>', 'where they work')
    .option('--title <title>', 'their job title')
    .option('--tag <tag>', 'a tag, e.g. friends, work (repeatable)', collect, [])
    .option('--every <interval>', 'how often to keep in touch: 2w, 1m, quarterly...')
    .option('--birthday <date>', 'YYYY-MM-DD, or MM-DD when the year is unknown')
    .option('--met <text>', 'how and where you met')
    .option('--note <fact>', 'something to remember about them (repeatable)', collect, [])
    .option('--force', 'allow an email or phone number that another person already has');
}

export function parseEmail(text: string): string {
  const e = text.trim().normalize('NFC');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new UsageError(`bad email "${text}": expected something like name@example.com`);
  return e;
}

export function parsePhone(text: string): string {
  const p = text.trim();
  if (!/^\+?[\d\s().\-/]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(p) || (p.match(/\d/g) ?? []).length < 3) {
    throw new UsageError(`bad phone number "${text}": use digits, spaces and + ( ) - .`);
  }
  return p;
}

/** Tags are compared as typed but lower-cased and trimmed; no spaces or commas. */
export function parseTag(text: string): string {
  const t = cleanName(text, 'tag').toLowerCase();
  if (/[\s,]/.test(t)) throw new UsageError(`bad tag "${text}": a tag is one word (use - or _ to join words)`);
  return t;
}

const optionalText = (v: string | undefined, what: string) =>
  v === undefined ? undefined : v.trim() === '' ? null : cleanName(v, what);

/** The flags as a typed patch; `today` refuses a birthday in the future. */
export function parsePersonFlags(raw: RawPersonFlags, today: Day): PersonPatch {
  return {
    emails: unique(raw.email.map(parseEmail)),
    phones: unique(raw.phone.map(parsePhone)),
    company: optionalText(raw.company, 'company'),
    title: optionalText(raw.title, 'title'),
    tags: unique(raw.tag.map(parseTag)),
    every_days:
      raw.every === undefined ? undefined : raw.every === false ? null : intervalDays(parseInterval(String(raw.every))),
    birthday: raw.birthday === undefined ? undefined : raw.birthday === false ? null : parseBirthday(String(raw.birthday), today),
    met: raw.met === undefined ? undefined : raw.met.trim() === '' ? null : cleanNote(raw.met, 'met'),
    notes: raw.note.map((n) => cleanNote(n, 'note')),
  };
}

/** Applies a patch: scalar fields replaced when given, list values added (no duplicates). */
export function applyPatch(p: Person, patch: PersonPatch): Person {
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  return {
    ...p,
    emails: unique([...p.emails, ...patch.emails]),
    phones: unique([...p.phones, ...patch.phones]),
    tags: unique([...p.tags, ...patch.tags]),
    company: pick(patch.company, p.company),
    title: pick(patch.title, p.title),
    every_days: pick(patch.every_days, p.every_days),
    birthday: pick(patch.birthday, p.birthday),
    met: pick(patch.met, p.met),
  };
}

export function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Refuses a second copy of someone: an email or phone in `added` that another person has is a
 * UsageError naming them, unless `force`. The same name alone only warns (stderr): two people may
 * share a name. Call it inside the write's transaction, with `person` as it will be stored.
 */
export function checkDuplicates(
  ctx: Ctx,
  person: Person,
  added: { emails: string[]; phones: string[]; name: boolean },
  force: boolean,
): void {
  const db = ctx.db();
  const who = (o: { id: string; name: string }) => `${o.name} (${shortId(o.id)})`;
  if (!force && (added.emails.length || added.phones.length)) {
    const [clash] = contactClashes({ ...person, emails: added.emails, phones: added.phones }, contactCards(db));
    if (clash) {
      throw new UsageError(
        `${clash.value} belongs to ${who(clash.other)}: edit them instead (rel edit ${shortId(clash.other.id)}), or use --force to allow it`,
      );
    }
  }
  if (added.name) {
    const same = peopleNamed(db, foldName(person.name)).filter((o) => o.id !== person.id);
    if (same.length) {
      const ids = same.map((o) => shortId(o.id)).join(', ');
      const many = same.length === 1 ? 'another person is' : `${same.length} other people are`;
      ctx.err(`rel: warning: ${many} already called ${person.name} (${ids}); tell them apart by id`);
    }
  }
}
