/** vCard export (4.0), read back by vcard.ts. Pure. */
import { escapeText, foldLine, utcStamp } from './ics.js';
import type { ExportPerson } from './types.js';
import { dayParts } from '../domain/dates.js';
import { nameValue } from '../domain/structured-name.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * vCard 4.0, CRLF, folded at 75 octets. FN always holds the full name, and it is what rel reads back.
 * N is the one the person was imported with (`N:山田;太郎;;;`), else rel's own (domain/structured-name.ts:
 * `N:Chen;Maya;;;` for a clear "Given Family" in a Latin script, else the whole name as given name).
 */
export function writeVcards(people: ExportPerson[]): string {
  return people.flatMap(cardFor).map(foldLine).map((l) => `${l}\r\n`).join('');
}

function cardFor(p: ExportPerson): string[] {
  const t = (v: string): string => escapeText(v, false);
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${UUID.test(p.id) ? `urn:uuid:${p.id.toLowerCase()}` : t(p.id)}`];
  lines.push(`FN:${t(p.name)}`, `N:${nameValue(p.name, p.vcard_n)}`);
  for (const e of p.emails.filter(Boolean)) lines.push(`EMAIL:${t(e)}`);
  for (const tel of p.phones.filter(Boolean)) lines.push(`TEL;VALUE=text:${t(tel)}`);
  if (p.company) lines.push(`ORG:${escapeText(p.company)}`);
  if (p.title) lines.push(`TITLE:${t(p.title)}`);
  const tags = p.tags.filter(Boolean);
  if (tags.length > 0) lines.push(`CATEGORIES:${tags.map(t).join(',')}`);
  const bday = p.birthday ? birthdayValue(p.birthday) : null;
  if (bday) lines.push(`BDAY:${bday}`);
  for (const f of p.facts) lines.push(`NOTE:${t(f.text)}`);
  if (p.linkedin_url) lines.push(`URL;TYPE=linkedin:${p.linkedin_url}`);
  if (p.met) lines.push(`X-REL-MET:${t(p.met)}`);
  if (p.met_on) lines.push(`X-REL-MET-ON:${p.met_on}`);
  const rev = new Date(p.updated_at);
  if (!Number.isNaN(rev.getTime())) lines.push(`REV:${utcStamp(rev)}`);
  lines.push(`X-REL-ID:${t(p.id)}`);
  if (p.every_days !== null) lines.push(`X-REL-EVERY-DAYS:${p.every_days}`);
  if (p.last_touch !== null) lines.push(`X-REL-LAST-CONTACT:${p.last_touch}`);
  lines.push('END:VCARD');
  return lines;
}

function birthdayValue(birthday: string): string | null {
  const p = dayParts(birthday);
  if (!p) return null;
  const md = `${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
  return p.year === null ? `--${md}` : `${String(p.year).padStart(4, '0')}${md}`;
}
