/**
 * vCard import (2.1, 3.0, 4.0); the export (4.0) is in vcard-write.ts. Pure: text in, plain data out.
 *
 * Reading happens in two steps. Our own pre-pass splits the file into cards (so one broken card
 * cannot spoil the rest), unfolds lines, repairs vCard 2.1 (bare parameters, quoted-printable with
 * soft line breaks, whitespace-keeping folding) and keeps only the properties rel uses. ical.js then
 * parses the text properties of each card (escapes, structured and multi-valued values). Dates,
 * URLs and rel's X-REL-* values are read by the pre-pass directly.
 */
import ICAL from 'ical.js';
import { parseDay } from '../domain/dates.js';
import { keptN } from '../domain/structured-name.js';
import { decodeBase64, decodeQuotedPrintable } from './vcard-encoding.js';
import { tagGroupMembers, uidKey } from './vcard-groups.js';
import { emptyImported, nameOrContact, type ImportedPerson, type ParseResult, type Problem } from './types.js';

/** Properties handed to ical.js; everything else except RAW_PROPS is dropped (PHOTO, ADR...). */
const TEXT_PROPS = new Set(['FN', 'N', 'EMAIL', 'TEL', 'ORG', 'TITLE', 'NOTE', 'CATEGORIES']);
/** Properties whose value the pre-pass reads itself. */
const RAW_PROPS = new Set(['BDAY', 'URL', 'X-SOCIALPROFILE', 'X-REL-ID', 'X-REL-EVERY-DAYS', 'X-REL-LAST-CONTACT', 'X-REL-MET', 'X-REL-MET-ON',
  'UID', 'KIND', 'MEMBER', 'X-ADDRESSBOOKSERVER-KIND', 'X-ADDRESSBOOKSERVER-MEMBER']);
const COMPOUND = new Set(['N', 'ORG']);
/** Properties about the card rather than the person: dropped without a word. Others dropped are reported. */
const TECHNICAL = new Set(['VERSION', 'PRODID', 'REV', 'SOURCE', 'NAME', 'PROFILE', 'CLIENTPIDMAP', 'SORT-STRING', 'LABEL', 'CLASS',
  'X-ABUID', 'X-ABLABEL', 'X-ABSHOWAS', 'X-ABADR', 'X-PHONETIC-FIRST-NAME', 'X-PHONETIC-LAST-NAME', 'X-PHONETIC-ORG']);
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

interface Line {
  text: string;
  line: number;
}
interface RawCard {
  index: number;
  /** 1-based line of BEGIN:VCARD; `lines[k]` is file line `line + 1 + k`. */
  line: number;
  lines: string[];
  closed: boolean;
}
interface RawProp {
  name: string;
  params: Map<string, string>;
  value: string;
}

class CardError extends Error {}

/** What a card says besides the person: its UID, and for a contact group its members. */
interface CardMeta {
  uid: string | null;
  /** X-REL-ID: the card was written by rel. */
  relId: string | null;
  /** A group card (vCard 4 `KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`): its MEMBER values. */
  members: string[] | null;
  /** Properties with something about the person that rel has no field for (ADR, PHOTO, a homepage URL...). */
  dropped: Set<string>;
}

export function parseVcards(text: string): ParseResult {
  const problems: Problem[] = [];
  const cards = splitCards(text, { problems });
  const records: ParseResult['records'] = [];
  const groups: { where: string; name: string; members: string[] }[] = [];
  const byUid = new Map<string, ImportedPerson>();
  const dropped = new Map<string, number>();
  for (const card of cards) {
    const where = `card ${card.index} (line ${card.line})`;
    if (!card.closed) {
      problems.push({ where, why: 'BEGIN:VCARD without END:VCARD; card skipped' });
      continue;
    }
    try {
      const warnings: string[] = [];
      const meta: CardMeta = { uid: null, relId: null, members: null, dropped: new Set() };
      const value = readCard(card, warnings, meta);
      for (const name of meta.dropped) dropped.set(name, (dropped.get(name) ?? 0) + 1);
      if (meta.members !== null) groups.push({ where, name: value.name, members: meta.members });
      else {
        records.push(meta.relId === null ? { where, value } : { where, value, id: meta.relId });
        if (meta.uid !== null) byUid.set(uidKey(meta.uid), value);
      }
      for (const why of warnings) problems.push({ where, why });
    } catch (err) {
      const why = err instanceof CardError ? err.message : `unreadable (${String(err)})`;
      problems.push({ where, why: `${why}; card skipped` });
    }
  }
  tagGroupMembers(groups, records, byUid, problems);
  if (dropped.size > 0) {
    const list = [...dropped].map(([name, n]) => `${name} (in ${n} card${n === 1 ? '' : 's'})`).join(', ');
    problems.push({ where: 'file', why: `not imported, rel has no field for them: ${list}` });
  }
  return { records, problems };
}


/**
 * The cards of the file, one at a time: a card's lines are garbage once it is read, where the whole
 * file's lines held at once were ~100 MB of a 100,000-card import's peak. `found.problems` says, once
 * every card has been given, when there was none (an empty file, or not a vCard).
 */
function* splitCards(text: string, found: { problems: Problem[] }): Generator<RawCard> {
  const body = text.replace(/^\uFEFF/, '');
  const breaks = /\r\n|\r|\n/g;
  let index = 0;
  let card: RawCard | null = null;
  let count = 0;
  // Stryker disable next-line EqualityOperator: equivalent: the line after a last line break is empty, and unfold drops blank lines
  for (let at = 0, line = 1; at <= body.length; line++) {
    const m = breaks.exec(body);
    const raw = body.slice(at, m ? m.index : body.length);
    at = m ? m.index + m[0].length : body.length + 1;
    const marker = raw.length < 30 && /^\s*(BEGIN|END):VCARD\s*$/i.exec(raw)?.[1]?.toUpperCase();
    if (marker === 'BEGIN') {
      if (card) yield card;
      card = { index: ++index, line, lines: [], closed: false };
      count++;
    } else if (marker === 'END' && card) {
      card.closed = true;
      yield card;
      card = null;
    } else card?.lines.push(raw);
  }
  if (card) yield card;
  if (count > 0) return;
  const why = text.trim() === '' ? 'the file is empty' : 'no BEGIN:VCARD found: this is not a vCard file';
  found.problems.push({ where: 'file', why });
}

/**
 * Joins folded lines and quoted-printable soft breaks into logical lines. Drops blank lines and the
 * properties rel does not read, without ever joining their continuation lines (a base64 PHOTO).
 * Lines without a ':' or without a name are kept so that readCard can report them.
 */
function unfold(card: RawCard, dropped: Set<string>): Line[] {
  const is21 = card.lines.some((l) => (l.charCodeAt(0) | 32) === 118 && /^VERSION:\s*2\.1\s*$/i.test(l));
  const out: Line[] = [];
  let kept: Line | null = null;
  let inProperty = false;
  let qp = false;
  let softBreak = false;
  for (let k = 0; k < card.lines.length; k++) {
    const text = card.lines[k]!;
    const line = card.line + 1 + k;
    if (softBreak || (inProperty && (text.startsWith(' ') || text.startsWith('\t')))) {
      // 2.1 folds before existing whitespace (keep it); 3.0 and 4.0 insert one (drop it).
      if (kept) kept.text = softBreak ? kept.text.slice(0, -1) + text : kept.text + (is21 ? text : text.slice(1));
    } else if (text.trim() !== '') {
      inProperty = true;
      qp = /^[^:"]*QUOTED-PRINTABLE/i.test(text);
      const head = /^[^:;]*/.exec(text)?.[0] ?? '';
      const name = head.slice(head.lastIndexOf('.') + 1).trim().toUpperCase();
      kept = TEXT_PROPS.has(name) || RAW_PROPS.has(name) || name === '' || !text.includes(':') ? { text, line } : null;
      if (kept) out.push(kept);
      else if (!TECHNICAL.has(name) && /:\s*\S/.test(text)) dropped.add(name);
    }
    softBreak = qp && text.endsWith('=');
  }
  return out;
}

/**
 * Splits `group.NAME;P=V;BARE:value` (a ':' inside a quoted parameter does not count); null when there
 * is no ':'. Bare 2.1 parameters become ENCODING=x or TYPE=x; only ENCODING, CHARSET and
 * X-APPLE-OMIT-YEAR are used later.
 */
function splitLine(text: string): RawProp | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length && colon < 0; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === ':') colon = i;
  }
  if (colon <= 0) return null;
  const [head = '', ...rawParams] = text.slice(0, colon).split(';');
  const params = new Map<string, string>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const bare = p.trim().toUpperCase();
    const key = eq >= 0 ? p.slice(0, eq).trim().toUpperCase() : ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE';
    params.set(key, (eq >= 0 ? p.slice(eq + 1) : p).trim().replace(/^"(.*)"$/, '$1'));
  }
  return { name: head.slice(head.lastIndexOf('.') + 1).trim().toUpperCase(), params, value: text.slice(colon + 1) };
}


function readCard(card: RawCard, warnings: string[], meta: CardMeta): ImportedPerson {
  const icalLines: string[] = [];
  const raw: RawProp[] = [];
  for (const { text, line } of unfold(card, meta.dropped)) {
    const prop = splitLine(text);
    if (!prop) throw new CardError(`line ${line}: not a vCard property: ${JSON.stringify(text.slice(0, 40))}`);
    const { name, params } = prop;
    let value = prop.value;
    const encoding = params.get('ENCODING')?.toUpperCase();
    if (encoding === 'QUOTED-PRINTABLE' || ((encoding === 'BASE64' || encoding === 'B') && TEXT_PROPS.has(name))) {
      const decoded = encoding === 'QUOTED-PRINTABLE'
        ? decodeQuotedPrintable(value, params.get('CHARSET') ?? '')
        : decodeBase64(value, params.get('CHARSET') ?? '');
      if (decoded === null) throw new CardError(`line ${line}: ${name} is marked BASE64 but is not base64`);
      value = decoded.replace(/\r\n|\r|\n/g, '\\n');
    }
    if (RAW_PROPS.has(name)) {
      raw.push({ name, params, value: unescapeRaw(value) });
    } else {
      // ical.js undoes `\\`, `\n`, `\,` (and `\;` in N and ORG); Apple and Gmail also write `\"`, `\:`, and
      // `\;` elsewhere, and their readers drop the backslash: so do we.
      value = value.replace(/\\([\s\S])/g, (m: string, c: string) => ('\\nN,'.includes(c) || (c === ';' && COMPOUND.has(name)) ? m : c));
      // Everything goes to ical.js as 4.0 text, so a 4.0 `TEL;VALUE=uri` is unescaped like the rest.
      icalLines.push(`${name}${name === 'TEL' ? ';VALUE=text' : ''}:${value}`);
    }
  }
  const props = parseText(icalLines);
  const texts = (n: string): string[] => props.filter((p) => p.name === n).flatMap((p) => p.values.map(flat));
  const emails = unique(texts('email').map(clean), (e) => e.toLowerCase());
  const phones = unique(texts('tel').map((t) => clean(t.replace(/^tel:/i, '').replace(/;ext=/i, ' ext. '))));
  const person = emptyImported(nameOf(props, texts('fn'), emails, phones, warnings));
  person.emails = emails;
  person.phones = phones;
  const n = keptN(person.name, nameParts(props));
  if (n !== null) person.vcard_n = n;
  const org = props.find((p) => p.name === 'org')?.values[0];
  person.company = clean(flat(Array.isArray(org) ? org[0] : org)) || null;
  person.title = clean(texts('title')[0] ?? '') || null;
  person.tags = unique(texts('categories').map(clean));
  // Each NOTE is one note (rel writes one NOTE per fact); a multi-line note stays whole.
  person.notes = texts('note').map(clean).filter(Boolean);
  readRaw(person, raw, warnings, meta.dropped);
  const rawValues = (...names: string[]): string[] => raw.filter((r) => names.includes(r.name)).map((r) => r.value);
  meta.uid = rawValues('UID')[0] ?? null;
  const relId = rawValues('X-REL-ID')[0];
  meta.relId = relId !== undefined && /^[\w-]{1,64}$/.test(relId) ? relId : null;
  if (rawValues('KIND', 'X-ADDRESSBOOKSERVER-KIND').some((k) => k.toLowerCase() === 'group')) {
    meta.members = rawValues('MEMBER', 'X-ADDRESSBOOKSERVER-MEMBER');
  }
  return person;
}

interface JProp {
  name: string;
  values: unknown[];
}

function parseText(lines: string[]): JProp[] {
  if (lines.length === 0) return [];
  const jcal: unknown = ICAL.parse(`BEGIN:VCARD\r\nVERSION:4.0\r\n${lines.join('\r\n')}\r\nEND:VCARD\r\n`);
  const comp = Array.isArray(jcal) && jcal[0] === 'vcard' ? jcal : null;
  const props: unknown = comp?.[1];
  if (!Array.isArray(props)) throw new CardError('unreadable card');
  return props.filter(Array.isArray).map((p: unknown[]) => ({ name: String(p[0]), values: p.slice(3) }));
}

function flat(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(flat).filter(Boolean).join(' ');
  return v === undefined || v === null ? '' : String(v);
}

function clean(s: string): string {
  return s.trim().normalize('NFC');
}

function unique(values: string[], key: (v: string) => string = (v) => v): string[] {
  const seen = new Set<string>();
  return values.filter((v) => v !== '' && !seen.has(key(v)) && seen.add(key(v)));
}

/** The components of the card's N (ical.js gives a string, or a list for a component with several values); null without one. */
function nameParts(props: JProp[]): string[][] | null {
  const n = props.find((p) => p.name === 'n')?.values[0];
  if (n === undefined) return null;
  return (Array.isArray(n) ? n : [n]).map((c: unknown) => (Array.isArray(c) ? c : [c]).map(flat).filter(Boolean));
}

/** FN, else N as "Given Family", else (as a Google CSV row is) the email, else the phone, with a warning. */
function nameOf(props: JProp[], fns: string[], emails: string[], phones: string[], warnings: string[]): string {
  const fn = fns.map(clean).find(Boolean);
  if (fn) return fn;
  const n = props.find((p) => p.name === 'n')?.values[0];
  const parts = Array.isArray(n) ? n : [n];
  const name = clean([flat(parts[1]), flat(parts[0])].filter(Boolean).join(' '));
  if (name) return name;
  const named = nameOrContact('', emails, phones, (why) => warnings.push(why));
  if (named === '') throw new CardError('no name (neither FN nor N), no email, no phone');
  return named;
}

function unescapeRaw(value: string): string {
  return value.replace(/\\([\s\S])/g, (_m: string, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

function readRaw(person: ImportedPerson, raw: RawProp[], warnings: string[], dropped: Set<string>): void {
  for (const { name, params, value } of raw) {
    if (name === 'BDAY' && person.birthday === null) {
      person.birthday = normaliseBirthday(value, params.get('X-APPLE-OMIT-YEAR'));
      if (person.birthday === null) warnings.push(`BDAY ${JSON.stringify(value)} is not a date; birthday ignored`);
    } else if (name === 'URL' || name === 'X-SOCIALPROFILE') {
      const linkedIn = /^(https?:\/\/)?([\w-]+\.)*linkedin\.com(\/|$)/i.test(value);
      if (linkedIn && person.linkedin_url === null) person.linkedin_url = value.normalize('NFC');
      else if (!linkedIn && value !== '') dropped.add(name);
    } else if (name === 'X-REL-EVERY-DAYS') {
      const days = /^\d{1,5}$/.test(value) ? Number(value) : 0;
      if (days > 0) person.every_days = days;
      else warnings.push(`X-REL-EVERY-DAYS ${JSON.stringify(value)} is not a positive whole number; ignored`);
    } else if (name === 'X-REL-MET') {
      person.met = value.normalize('NFC') || null; // unescaped once, in readCard
    } else if (name === 'X-REL-MET-ON') {
      if (parseDay(value) !== null) person.met_on = value;
      else warnings.push(`X-REL-MET-ON ${JSON.stringify(value)} is not a YYYY-MM-DD day; ignored`);
    } else if (name === 'X-REL-LAST-CONTACT') {
      const day = parseDay(value);
      if (day) person.last_touch = day;
      else warnings.push(`X-REL-LAST-CONTACT ${JSON.stringify(value)} is not a YYYY-MM-DD day; ignored`);
    }
  }
}

/**
 * Any vCard birthday → `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (`--0415`, `--04-15`,
 * Apple's X-APPLE-OMIT-YEAR, and the placeholder years 1604 and 0000). A time part is dropped as
 * written. Null when it is not a real date.
 */
export function normaliseBirthday(value: string, omitYear?: string): string | null {
  const s = value.trim();
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(s);
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (yearless) return parseDay(`2000-${yearless[1]}-${yearless[2]}`) ? `--${yearless[1]}-${yearless[2]}` : null;
  if (!full) return null;
  const [, y, m, d] = full;
  if (y === '1604' || y === '0000' || y === omitYear) return parseDay(`2000-${m}-${d}`) ? `--${m}-${d}` : null;
  return parseDay(`${y}-${m}-${d}`);
}
