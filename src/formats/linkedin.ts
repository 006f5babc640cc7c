/**
 * LinkedIn's Connections.csv. Current exports: a BOM and a "Notes:" paragraph, then
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` with `12 Mar 2024` dates.
 * Older exports: no preamble, no URL, dates like `1/8/18, 6:14 PM` or `1/8/2018` (US month/day).
 */
import { dateField, eachRow, findTable, isLinkedInHeader, joinName, keepNameParts, readDay } from './csv.js';
import { emptyImported, type ParseResult } from './types.js';

export function parseLinkedIn(text: string): ParseResult {
  const t = findTable(text, isLinkedInHeader,
    () => 'no LinkedIn header (First Name, Last Name, ..., Connected On) in the first 20 rows');
  return eachRow(t, (row, where, problems) => {
    const name = joinName(t.get(row, 'First Name'), t.get(row, 'Last Name'));
    if (name === '') return null;
    const p = emptyImported(name);
    keepNameParts(p, name, [t.get(row, 'Last Name'), t.get(row, 'First Name')]);
    const email = t.get(row, 'Email Address');
    if (email !== '') p.emails = [email];
    p.company = t.get(row, 'Company') || null;
    p.title = t.get(row, 'Position') || null;
    p.linkedin_url = t.get(row, 'URL') || null;
    p.met = 'LinkedIn';
    p.met_on = dateField(t.get(row, 'Connected On'), 'connection date', where, problems, (s) => readDay(s, 'us'));
    return p;
  });
}
