/**
 * Thunderbird's address book CSV ("Export" → "Comma Separated", or with `;` where the list separator
 * is one), its header in the language of Thunderbird. English: `First Name,Last Name,Display Name,
 * Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,
 * Mobile Number,...,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,
 * Birth Day,Custom 1,...,Notes` (a UK build writes `Organisation`); German: `Vorname,Nachname,
 * Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,...,Mobil-Tel.-Nr.,...,
 * Geburtsjahr,Geburtsmonat,Geburtstag,...,Notizen`. Lines may end in a separator. The birthday is
 * three cells; no year is a yearless birthday.
 */
import { dateField, eachRow, findTable, headerHas, joinName, keepNameParts, readBirthday, uniq } from './csv.js';
import { emptyImported, nameOrContact, type ParseResult } from './types.js';

interface Columns {
  first: string; last: string; display: string; nickname: string; emails: [string, string]; phones: string[];
  company: string[]; title: string; birth: [year: string, month: string, day: string]; notes: string;
}

const LANGUAGES: Columns[] = [
  {
    first: 'First Name', last: 'Last Name', display: 'Display Name', nickname: 'Nickname', emails: ['Primary Email', 'Secondary Email'],
    phones: ['Mobile Number', 'Work Phone', 'Home Phone'], company: ['Organization', 'Organisation'], title: 'Job Title',
    birth: ['Birth Year', 'Birth Month', 'Birth Day'], notes: 'Notes',
  },
  {
    first: 'Vorname', last: 'Nachname', display: 'Anzeigename', nickname: 'Spitzname',
    emails: ['Primäre E-Mail-Adresse', 'Sekundäre E-Mail-Adresse'], phones: ['Mobil-Tel.-Nr.', 'Tel. dienstlich', 'Tel. privat'],
    company: ['Organisation'], title: 'Arbeitstitel', birth: ['Geburtsjahr', 'Geburtsmonat', 'Geburtstag'], notes: 'Notizen',
  },
];

const languageOf = (c: string[]): Columns | undefined =>
  LANGUAGES.find((l) => headerHas(c, l.display.toLowerCase(), l.emails[0].toLowerCase(), l.emails[1].toLowerCase()));
export const isThunderbirdHeader = (c: string[]): boolean => languageOf(c) !== undefined;

const pad = (s: string): string => s.padStart(2, '0');

export function parseThunderbird(text: string): ParseResult {
  const t = findTable(text, isThunderbirdHeader,
    () => 'no Thunderbird header (First Name, Last Name, Display Name, ... Primary Email, Secondary Email) in the first 20 rows');
  const lang = languageOf(t.header)!;
  return eachRow(t, (row, where, problems) => {
    const get = (column: string): string => t.get(row, column);
    const emails = uniq(lang.emails.map(get).filter(Boolean));
    const phones = uniq(lang.phones.map(get).filter(Boolean));
    const name = nameOrContact(get(lang.display) || joinName(get(lang.first), get(lang.last)) || get(lang.nickname),
      emails, phones, (why) => problems.push({ where, why }));
    if (name === '') return null;
    const p = emptyImported(name);
    keepNameParts(p, joinName(get(lang.first), get(lang.last)), [get(lang.last), get(lang.first)]);
    p.emails = emails;
    p.phones = phones;
    p.company = lang.company.map(get).find(Boolean) ?? null;
    p.title = get(lang.title) || null;
    const [y, m, d] = lang.birth.map(get) as [string, string, string];
    if (m !== '' || d !== '') {
      const day = `${y === '' ? '-' : y}-${pad(m)}-${pad(d)}`; // 1988-07-21, or --11-05 without a year
      p.birthday = dateField(day, `birthday (${lang.birth.join(', ')})`, where, problems, (s) => readBirthday(s, 'strict'));
    }
    if (get(lang.notes) !== '') p.notes = [get(lang.notes)];
    return p;
  });
}
