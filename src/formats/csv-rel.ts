/**
 * rel's own CSV: `rel export --format csv` and reading it back whole. One row per person:
 * `id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks`
 * (lists joined by `; `). On import the id says which person a row is, so two "John Smith"s stay two
 * and a row rel already has changes nothing; every_days and last_touch come back; next_due, gives and
 * asks are derived and only read past. Pure.
 */
import { parseDay } from '../domain/dates.js';
import { eachRow, findTable, readBirthday, splitMulti, uniq, unguard } from './csv.js';
import { emptyImported, type ExportPerson, type ParseResult } from './types.js';

export const CSV_HEADER = ['id', 'name', 'emails', 'phones', 'company', 'title', 'tags', 'birthday',
  'every_days', 'last_touch', 'next_due', 'gives', 'asks'] as const;

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$|^(\d{4}|-)-\d{2}-\d{2}$/;
/** One or more phone numbers (`; `-joined): digits and the usual punctuation, maybe an extension. */
const PHONES = /^(\+?[\d\s().\/-]*\d[\d\s().\/-]*(\s*(ext\.?|x)\s*\d+)?)(;\s*\+?[\d\s().\/-]*\d[\d\s().\/-]*(\s*(ext\.?|x)\s*\d+)?)*$/i;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a `'` in front, except
 * numbers, dates and phone numbers: `+34 600 123 456` is written as it is.
 */
function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN.test(s) && !PHONES.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF after every record, quotes doubled; UTF-8 without BOM is the caller's encoding. */
export function writeCsv(people: ExportPerson[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const p of people) {
    const cells: (string | number | null)[] = [p.id, p.name, p.emails.join('; '), p.phones.join('; '), p.company,
      p.title, p.tags.join('; '), p.birthday, p.every_days, p.last_touch, p.next_due, p.gives, p.asks];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

const isRelHeader = (cells: string[]): boolean => cells.length === CSV_HEADER.length && cells.every((c, i) => c.trim() === CSV_HEADER[i]);

/** Whether the text is rel's own CSV (its first line is rel's header). */
export function isRelCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return isRelHeader(first.split(','));
}

export function parseRelCsv(text: string): ParseResult {
  const t = findTable(text, isRelHeader, () => `no rel CSV header (${CSV_HEADER.join(',')})`);
  const ids = new Map<string, string>();
  const result = eachRow(t, (row, where, problems) => {
    const v = (column: string): string => unguard(t.get(row, column));
    const name = v('name');
    if (name === '') return null;
    const p = emptyImported(name);
    p.emails = uniq(splitMulti(v('emails')));
    p.phones = uniq(splitMulti(v('phones'), /;/));
    p.company = v('company') || null;
    p.title = v('title') || null;
    p.tags = uniq(splitMulti(v('tags')));
    const bad = (what: string, value: string): void => void problems.push({ where, why: `${what} ${JSON.stringify(value)} not understood; kept the person without it` });
    const birthday = v('birthday');
    if (birthday !== '') p.birthday = readBirthday(birthday, 'strict') ?? (bad('birthday', birthday), null);
    const every = v('every_days');
    if (every !== '') p.every_days = /^\d{1,5}$/.test(every) && +every > 0 && +every <= 36500 ? +every : (bad('every_days', every), null);
    const last = v('last_touch');
    if (last !== '') p.last_touch = parseDay(last) ?? (bad('last_touch', last), null);
    for (const derived of ['next_due', 'gives', 'asks']) t.get(row, derived); // derived: read past, never imported
    const id = v('id');
    if (/^[\w-]{1,64}$/.test(id)) ids.set(where, id);
    else if (id !== '') bad('id', id);
    return p;
  });
  result.records = result.records.map((r) => (ids.has(r.where) ? { ...r, id: ids.get(r.where)! } : r));
  return result;
}
