/**
 * Outlook CSV: `First Name,Middle Name,Last Name,Title,Suffix,...,E-mail Address,E-mail 2 Address,
 * E-mail 3 Address,...,Mobile Phone,Business Phone,Home Phone,...,Company,Job Title,...,Birthday,...,
 * Notes,...,Categories`. `Title` is the honorific (Mr., Dr.) and is not imported; `Job Title` is the job.
 * Birthdays are `1/15/1990` (US month/day; day/month when the first part is over 12), ISO, or `0/0/00`
 * for none.
 */
import { dateField, eachRow, findTable, isOutlookHeader, joinName, readBirthday, splitMulti, uniq } from './csv.js';
import { emptyImported, type ParseResult } from './types.js';

const EMAILS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];
/** Phones of a person, most personal first; faxes, pagers, assistants' and switchboards are left out. */
const PHONES = ['Mobile Phone', 'Primary Phone', 'Business Phone', 'Business Phone 2', 'Home Phone', 'Home Phone 2',
  'Other Phone', 'Car Phone'];

export function parseOutlook(text: string): ParseResult {
  const t = findTable(text, isOutlookHeader,
    () => 'no Outlook header (First Name, Middle Name, Last Name ... E-mail Address ... Mobile Phone) in the first 20 rows');
  return eachRow(t, (row, where, problems) => {
    const get = (column: string): string => t.get(row, column);
    // Exchange accounts export an X.500 path (/o=ExchangeLabs/...) instead of an address: skip those.
    const emails = uniq(EMAILS.map(get).filter((e) => e.includes('@') && !e.startsWith('/')));
    const name =
      joinName(get('First Name'), get('Middle Name'), get('Last Name'), get('Suffix')) || get('Nickname') || emails[0] || '';
    if (name === '') return null;
    const p = emptyImported(name);
    p.emails = emails;
    p.phones = uniq(PHONES.map(get).filter(Boolean));
    p.company = get('Company') || null;
    p.title = get('Job Title') || null;
    p.tags = uniq(splitMulti(get('Categories'), /[;,]/));
    p.birthday = dateField(get('Birthday'), 'birthday', where, problems, (s) => readBirthday(s, 'us'));
    if (get('Notes') !== '') p.notes = [get('Notes')];
    return p;
  });
}
