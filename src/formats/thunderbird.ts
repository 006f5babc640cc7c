/**
 * Thunderbird's address book CSV ("Export" → "Comma Separated", or with `;` where the list separator
 * is one): `First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,
 * Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,...,Job Title,Department,Organization,
 * Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,...,Notes` (a UK build writes
 * `Organisation`), each line ending in a separator. The birthday is three cells; no year is a yearless birthday.
 */
import { dateField, eachRow, findTable, headerHas, joinName, readBirthday, uniq } from './csv.js';
import { emptyImported, nameOrContact, type ParseResult } from './types.js';

export const isThunderbirdHeader = (c: string[]): boolean => headerHas(c, 'display name', 'primary email', 'secondary email');

const PHONES = ['Mobile Number', 'Work Phone', 'Home Phone'];
const pad = (s: string): string => s.padStart(2, '0');

export function parseThunderbird(text: string): ParseResult {
  const t = findTable(text, isThunderbirdHeader,
    () => 'no Thunderbird header (First Name, Last Name, Display Name, ... Primary Email, Secondary Email) in the first 20 rows');
  return eachRow(t, (row, where, problems) => {
    const get = (column: string): string => t.get(row, column);
    const emails = uniq([get('Primary Email'), get('Secondary Email')].filter(Boolean));
    const phones = uniq(PHONES.map(get).filter(Boolean));
    const name = nameOrContact(get('Display Name') || joinName(get('First Name'), get('Last Name')) || get('Nickname'),
      emails, phones, (why) => problems.push({ where, why }));
    if (name === '') return null;
    const p = emptyImported(name);
    p.emails = emails;
    p.phones = phones;
    p.company = get('Organization') || get('Organisation') || null;
    p.title = get('Job Title') || null;
    const [y, m, d] = [get('Birth Year'), get('Birth Month'), get('Birth Day')];
    if (m !== '' || d !== '') {
      const day = `${y === '' ? '-' : y}-${pad(m)}-${pad(d)}`; // 1988-07-21, or --11-05 without a year
      p.birthday = dateField(day, 'birthday (Birth Year, Birth Month, Birth Day)', where, problems, (s) => readBirthday(s, 'strict'));
    }
    if (get('Notes') !== '') p.notes = [get('Notes')];
    return p;
  });
}
