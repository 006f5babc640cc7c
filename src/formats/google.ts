/**
 * Google Contacts CSV, both headers:
 * - current: `First Name,Middle Name,Last Name,...,Organization Name,Organization Title,...,Birthday,
 *   Notes,...,Labels,E-mail 1 - Label,E-mail 1 - Value,...,Phone 1 - Label,Phone 1 - Value,...`
 * - older: `Name,Given Name,Additional Name,Family Name,...,Birthday,...,Notes,...,Group Membership,
 *   E-mail 1 - Type,E-mail 1 - Value,...,Organization 1 - Name,Organization 1 - Title,...`
 * Several values in one cell are joined by ` ::: `; `* ` marks the primary one.
 */
import { dateField, eachRow, findTable, isGoogleHeader, joinName, keepNameParts, readBirthday, uniq, type Row, type Table } from './csv.js';
import { emptyImported, nameOrContact, type ParseResult } from './types.js';

const MULTI = /\s*:::\s*/;

/** The values of a ` ::: `-joined cell, the primary (`* `) ones first and unmarked. */
function primaryFirst(cells: string[]): string[] {
  const all = cells.flatMap((c) => c.split(MULTI)).map((v) => v.trim()).filter(Boolean);
  const primary = all.filter((v) => v.startsWith('* ')).map((v) => v.slice(2).trim());
  return uniq([...primary, ...all.filter((v) => !v.startsWith('* '))]);
}

/** The values of every `E-mail N - Value` / `Phone N - Value` column. */
const numbered = (t: Table, row: Row, kind: RegExp): string[] => primaryFirst(t.columns(kind).map((c) => t.get(row, c)));

/**
 * Labels / Group Membership to tags. "My Contacts" (`* myContacts`, `System Group: My Contacts`) is
 * dropped: every contact has it. Other system groups (`* starred`, `System Group: Friends`...) are kept
 * without their marker, in lower case: "starred", "friends". User labels are kept as written.
 */
export function googleTags(cell: string): string[] {
  const tags: string[] = [];
  for (const raw of cell.split(MULTI).map((v) => v.trim()).filter(Boolean)) {
    const bare = raw.replace(/^\*\s*/, '').replace(/^System Group:\s*/i, '').trim();
    if (/^my\s*contacts$/i.test(bare) || bare === '') continue;
    tags.push(bare === raw ? raw : bare.toLowerCase());
  }
  return uniq(tags);
}

export function parseGoogle(text: string): ParseResult {
  const t = findTable(text, isGoogleHeader,
    () => 'no Google Contacts header (First Name ... Labels, or Given Name ... Group Membership) in the first 20 rows');
  return eachRow(t, (row, where, problems) => {
    const get = (...columns: string[]): string => columns.map((c) => t.get(row, c)).find(Boolean) ?? '';
    const emails = numbered(t, row, /^e-mail \d+ - value$/i);
    const phones = numbered(t, row, /^phone \d+ - value$/i);
    const [given, additional, family, suffix] = [get('First Name', 'Given Name'), get('Middle Name', 'Additional Name'),
      get('Last Name', 'Family Name'), get('Name Suffix')];
    const joined = joinName(given, additional, family, suffix);
    const name = nameOrContact(get('Name') || joined || get('Nickname', 'File As'), emails, phones, (why) => problems.push({ where, why }));
    if (name === '') return null;
    const p = emptyImported(name);
    keepNameParts(p, joined, [family, given, additional, get('Name Prefix'), suffix]);
    p.emails = emails;
    p.phones = phones;
    p.company = primaryFirst([get('Organization Name', 'Organization 1 - Name')])[0] ?? null;
    p.title = primaryFirst([get('Organization Title', 'Organization 1 - Title')])[0] ?? null;
    p.tags = googleTags(get('Labels', 'Group Membership'));
    p.birthday = dateField(get('Birthday'), 'birthday', where, problems, (s) => readBirthday(s, 'strict'));
    const notes = get('Notes');
    if (notes !== '') p.notes = [notes];
    return p;
  });
}
