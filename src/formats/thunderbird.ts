/**
 * Thunderbird's address book CSV ("Export" → "Comma Separated", or with `;` where the list separator
 * is one): `First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,
 * Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,...,Job Title,Department,Organization,
 * Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,...,Notes` (a UK build writes
 * `Organisation`), each line ending in a separator. The birthday is three cells; no year is a yearless birthday.
 */
import { eachRow, findTable, headerHas, joinName, uniq } from './csv.js';
import { emptyImported, type ParseResult } from './types.js';

export const isThunderbirdHeader = (c: string[]): boolean => headerHas(c, 'display name', 'primary email', 'secondary email');

const PHONES = ['Mobile Number', 'Work Phone', 'Home Phone'];
const pad = (s: string): string => s.padStart(2, '0');

export function parseThunderbird(text: string): ParseResult {
  const t = findTable(text, isThunderbirdHeader,
    () => 'no Thunderbird header (First Name, Last Name, Display Name, ... Primary Email, Secondary Email) in the first 20 rows');
  return eachRow(t, (row, where, problems) => {
    const get = (column: string): string => t.get(row, column);
    const emails = uniq([get('Primary Email'), get('Secondary Email')].filter(Boolean));
    const name = get('Display Name') || joinName(get('First Name'), get('Last Name')) || get('Nickname') || emails[0] || '';
    if (name === '') return null;
    const p = emptyImported(name);
    p.emails = emails;
    p.phones = uniq(PHONES.map(get).filter(Boolean));
    p.company = get('Organization') || get('Organisation') || null;
    p.title = get('Job Title') || null;
    const [y, m, d] = [get('Birth Year'), get('Birth Month'), get('Birth Day')];
    if (m !== '' || d !== '') {
      const day = /^\d{1,2}$/.test(m) && /^\d{1,2}$/.test(d) ? `${pad(m)}-${pad(d)}` : null;
      const full = day && /^\d{4}$/.test(y) ? `${y}-${day}` : null;
      const ok = (iso: string): boolean => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
      if (full && ok(full)) p.birthday = full;
      else if (day && y === '' && ok(`2000-${day}`)) p.birthday = `--${day}`;
      else problems.push({ where, why: `birthday "${[y, m, d].join('-')}" (Birth Year, Birth Month, Birth Day) not understood; kept the person without it` });
    }
    if (get('Notes') !== '') p.notes = [get('Notes')];
    return p;
  });
}
