/**
 * A person as a vCard 3.0 file in a contacts vdir, read and rewritten without losing the phone's part.
 * Pure: text in, text out.
 *
 * rel owns FN, N (the one it keeps, else its own: domain/structured-name.ts), EMAIL, TEL, ORG, TITLE, BDAY,
 * NOTE (its facts, one per line), CATEGORIES (tags),
 * REV and its own X-REL-* properties. Every other property, and the group and parameters of the owned
 * ones, stay byte for byte when rel writes a card (src/sync/lines.ts).
 */
import { parseDay } from '../domain/dates.js';
import { formatN, keptN, nameValue, nSpells, nTooLong, parseN } from '../domain/structured-name.js';
import type { SyncedPerson } from '../domain/sync.js';
import { normaliseBirthday } from '../formats/vcard.js';
import { component, eolOf, escapeValue, param, parseLines, propLine, rewrite, splitValue, textOf as text, unescapeText, type Prop, type Wanted } from './lines.js';

/** What a card says about a person: the fields rel syncs. */
export type CardPerson = SyncedPerson;

export interface ReadCard {
  uid: string | null;
  person: CardPerson;
  /** REV as an ISO instant, when the card has a readable one. */
  rev: string | null;
}

/** Reads a card; null when the text holds no complete VCARD or it has no name. */
export function readCard(source: string): ReadCard | null {
  const props = parseLines(source);
  const at = component(props, 'VCARD');
  if (!at) return null;
  const own = props.slice(at.start + 1, at.end);
  const first = (name: string) => own.find((p) => p.name === name);
  const all = (name: string) => own.filter((p) => p.name === name);
  const n = first('N');
  let name = text(first('FN'));
  if (name === null) {
    const parts = n ? splitValue(n.value, ';') : [];
    name = [parts[1], parts[0]].map((s) => s?.trim()).filter(Boolean).join(' ') || null;
  }
  if (name === null) return null;
  // The server's N, kept when it says more than rel would write for the name (domain/structured-name.ts).
  const kept = n && nTooLong(n.value) === null ? keptN(name, parseN(n.value)) : null;
  const bday = first('BDAY');
  const every = text(first('X-REL-EVERY'));
  const metOn = text(first('X-REL-MET-ON'));
  const note = text(first('NOTE'));
  return {
    uid: text(first('UID')),
    rev: revOf(first('REV')?.value ?? ''),
    person: {
      name,
      emails: unique(all('EMAIL').map(text).filter((v): v is string => v !== null), (e) => e.toLowerCase()),
      phones: unique(all('TEL').map(text).filter((v): v is string => v !== null).map((t) => t.replace(/^tel:/i, ''))),
      company: org(first('ORG')),
      title: text(first('TITLE')),
      birthday: bday ? normaliseBirthday(bday.value.trim(), param(bday, 'X-APPLE-OMIT-YEAR')) : null,
      facts: note === null ? [] : note.split('\n').map((s) => s.trim()).filter(Boolean),
      tags: unique(all('CATEGORIES').flatMap((p) => splitValue(p.value, ',')).map((s) => s.trim())),
      every_days: every !== null && /^\d{1,5}$/.test(every) && Number(every) > 0 ? Number(every) : null,
      met: text(first('X-REL-MET')),
      met_on: metOn === null ? null : parseDay(metOn),
      linkedin_url: text(first('X-REL-LINKEDIN')),
      ...(kept === null ? {} : { vcard_n: kept }),
    },
  };
}

function org(p: Prop | undefined): string | null {
  if (!p) return null;
  return splitValue(p.value, ';')[0]?.trim() || null;
}

function unique(values: string[], key: (v: string) => string = (v) => v): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v !== '' && !seen.has(key(v)) && seen.add(key(v)));
}

/** REV in any of its forms (`20261130T101500Z`, `2026-11-30T10:15:00Z`) as an ISO instant. */
export function revOf(value: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const zone = m[7] === undefined || m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const t = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** An ISO instant as a vCard 3.0 / iCalendar UTC stamp: `2026-11-30T10:15:00Z` → `20261130T101500Z`. */
export function stamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/**
 * The card for `person`: `previous` rewritten (everything rel does not own kept byte for byte), or a
 * new vCard 3.0 with `uid`. `rev` is the instant the card's content was last changed.
 */
export function writeCard(person: CardPerson, uid: string, rev: string, previous: string | null): string {
  const props = previous === null ? null : parseLines(previous);
  const at = props && component(props, 'VCARD');
  if (!props || !at) {
    const eol = '\r\n';
    const fresh = parseLines(`BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//rel//sync//EN\r\nUID:${escapeValue(uid)}\r\nEND:VCARD\r\n`);
    return rewrite(fresh, 0, fresh.length - 1, wanted(person, uid, rev), eol);
  }
  return rewrite(props, at.start, at.end, wanted(person, uid, rev), eolOf(previous!));
}

const same = (p: Prop) => unescapeText(p.value).trim();
const one = (name: string, value: string | null, escaped = escapeValue, keyOf: (p: Prop) => string = same): Wanted => ({
  name,
  items: value === null || value === '' ? [] : [{ key: value, value: escaped(value) }],
  keyOf,
});

function wanted(p: CardPerson, uid: string, rev: string): Wanted[] {
  const n = nameValue(p.name, p.vcard_n);
  const bday = birthdayValue(p.birthday);
  return [
    one('UID', uid),
    one('FN', p.name),
    // N: the one kept (the server's, or an import's), else rel's own from FN. Without a kept one, a line
    // is kept as it is while it still spells the name (given and family, either order).
    {
      name: 'N',
      items: [{ key: n, value: n }],
      keyOf: (line) => (p.vcard_n == null && nSpells(p.name, line.value) ? n : formatN(parseN(line.value))),
    },
    {
      name: 'EMAIL',
      items: p.emails.map((e) => ({ key: e.toLowerCase(), value: escapeValue(e) })),
      keyOf: (e) => same(e).toLowerCase(),
    },
    { name: 'TEL', items: p.phones.map((t) => ({ key: t, value: escapeValue(t) })), keyOf: (t) => same(t).replace(/^tel:/i, '') },
    one('ORG', p.company, escapeValue, (o) => splitValue(o.value, ';')[0]?.trim() ?? ''),
    one('TITLE', p.title),
    {
      name: 'BDAY',
      items: bday === null ? [] : [{ key: p.birthday!, value: bday }],
      keyOf: (b) => normaliseBirthday(b.value.trim(), param(b, 'X-APPLE-OMIT-YEAR')) ?? '',
    },
    one('NOTE', p.facts.length === 0 ? null : p.facts.join('\n'), escapeValue, (n) =>
      same(n).split('\n').map((s) => s.trim()).filter(Boolean).join('\n')),
    {
      name: 'CATEGORIES',
      items: p.tags.length === 0 ? [] : [{ key: p.tags.join(','), value: p.tags.map(escapeValue).join(',') }],
      keyOf: (c) => splitValue(c.value, ',').map((s) => s.trim()).filter(Boolean).join(','),
    },
    one('X-REL-EVERY', p.every_days === null ? null : String(p.every_days)),
    one('X-REL-MET', p.met),
    one('X-REL-MET-ON', p.met_on),
    one('X-REL-LINKEDIN', p.linkedin_url),
    // REV changes only when the content does: an unchanged card is never rewritten (the caller checks).
    { name: 'REV', items: [{ key: rev, value: stamp(rev) }], keyOf: (r) => revOf(r.value) ?? '' },
  ];
}

/** 3.0 has no year-less date: Apple's form, which Google and iCloud read too. */
function birthdayValue(birthday: string | null): string | null {
  if (birthday === null) return null;
  const yearless = /^--(\d{2})-(\d{2})$/.exec(birthday);
  if (yearless) return `1604-${yearless[1]}-${yearless[2]}`;
  return parseDay(birthday);
}

/** The line ending of a new line: exported for the journal writer's new files. */
export const newLine = (name: string, value: string): string => propLine(name, value, '\r\n');
