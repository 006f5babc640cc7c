/**
 * CSV plumbing shared by the CSV importers (LinkedIn, Google, Outlook, mapped): rows with line numbers,
 * header search, cells by name, multi-values, dates, columns left unread; plus the mapped import. rel's
 * own CSV (export and import) is in csv-rel.ts. Pure: text in, plain data out. Telling the format apart is in detect.ts.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { keptN } from '../domain/structured-name.js';
import { UsageError } from '../errors.js';
import { readBirthday, readDay } from './dates.js';
import { emptyImported, nameOrContact, type ImportedPerson, type ParseResult, type Problem } from './types.js';

/** One CSV record and the 1-based physical line where it starts. */
export interface Row { line: number; cells: string[] }

/** The rows after the header. `get` gives the trimmed cell under a header name (case-insensitive), or ''. */
export interface Table {
  header: string[];
  rows: Row[];
  get(row: Row, column: string): string;
  /** Header names matching `re`, in file order. */
  columns(re: RegExp): string[];
  /** The cell under the last header of that name (French Outlook has "Titre" twice: the second is the job). */
  getLast(row: Row, column: string): string;
  /** Header positions a reader asked for (get, getLast, columns): the rest was not imported. */
  used: Set<number>;
}

export const HEADER_SEARCH = 20;
export const DELIMITERS = [',', ';', '\t'];
const norm = (s: string): string => s.trim().toLowerCase();

// The dates of imported files live in dates.ts; the CSV readers take them from here.
export { readBirthday, readDay, type Slash } from './dates.js';

/** Every non-blank record; line endings are normalised to LF first (also inside quoted fields). */
export function readRows(text: string, delimiter = ',', toLine?: number): Row[] {
  const src = text.replace(/\r\n?/g, '\n');
  let out: { record: string[]; info: { lines: number } }[];
  try {
    out = parse(src, {
      bom: true, relax_column_count: true, relax_quotes: true, info: true,
      delimiter, record_delimiter: '\n', ...(toLine === undefined ? {} : { to_line: toLine }),
    }) as unknown as typeof out;
  } catch (e) {
    if (e instanceof CsvError) throw new UsageError(`not valid CSV: ${e.message}`);
    throw e;
  }
  // Empty lines are records too (skip_empty_lines is off), so each record starts right after the last.
  const rows: Row[] = [];
  let end = 0;
  for (const { record, info } of out) {
    if (record.some((c) => c.trim() !== '')) rows.push({ line: end + 1, cells: record });
    end = info.lines;
  }
  return rows;
}

export function headerHas(cells: string[], ...names: string[]): boolean {
  const set = new Set(cells.map(norm));
  return names.every((n) => set.has(n));
}

export const isLinkedInHeader = (c: string[]): boolean => headerHas(c, 'first name', 'last name', 'connected on');
export const isGoogleHeader = (c: string[]): boolean =>
  headerHas(c, 'e-mail 1 - value') || headerHas(c, 'given name', 'group membership') || headerHas(c, 'first name', 'labels');

function makeTable(header: string[], rows: Row[]): Table {
  const index = new Map<string, number>();
  const last = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(norm(h))) index.set(norm(h), i);
    last.set(norm(h), i);
  });
  const used = new Set<number>();
  const cell = (row: Row, i: number | undefined): string => {
    if (i === undefined) return '';
    used.add(i);
    return (row.cells[i] ?? '').trim();
  };
  return {
    header,
    rows,
    used,
    get: (row, column) => cell(row, index.get(norm(column))),
    getLast: (row, column) => cell(row, last.get(norm(column))),
    columns: (re) => header.filter((h, i) => re.test(h.trim()) && used.add(i)),
  };
}

/**
 * Finds the header among the first 20 records (LinkedIn puts a "Notes:" paragraph first), trying `,`
 * then `;` and tab as the delimiter. Throws UsageError with `missing(rows)` when there is none.
 */
export function findTable(text: string, isHeader: (cells: string[]) => boolean, missing: (rows: Row[]) => string): Table {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UsageError('the file is empty');
  let first: Row[] | null = null;
  let error: unknown = null;
  for (const d of DELIMITERS) {
    let rows: Row[];
    try {
      rows = readRows(text, d);
    } catch (e) {
      error ??= e;
      continue;
    }
    first ??= rows;
    const at = rows.slice(0, HEADER_SEARCH).findIndex((r) => isHeader(r.cells));
    if (at >= 0) return makeTable(rows[at]!.cells, rows.slice(at + 1));
  }
  if (first === null) throw error;
  throw new UsageError(missing(first.slice(0, HEADER_SEARCH)));
}

/** Splits a multi-valued cell: ` ::: ` (Google), `;` or `,` by default. */
export function splitMulti(value: string, sep: RegExp = /\s*:::\s*|[;,]/): string[] {
  return value.split(sep).map((v) => v.trim()).filter((v) => v !== '');
}

/** Drops repeats, comparing case-insensitively; keeps the first spelling. */
export function uniq(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

export const joinName = (...parts: string[]): string => parts.map((p) => p.trim()).filter(Boolean).join(' ');

/**
 * The structured name of a row's name columns (family, given, additional, prefix, suffix), kept on `p` as a
 * vCard N (domain/structured-name.ts) when `p` is named by those columns (`joined`) and it says more than
 * rel would write for the name: Given "Mary Ann", Family "Smith" keeps `Smith;Mary Ann;;;`; Maya / Chen
 * keeps nothing.
 */
export function keepNameParts(p: ImportedPerson, joined: string, parts: string[]): void {
  const n = p.name === joined ? keptN(p.name, parts.map((v) => [v])) : null;
  if (n !== null) p.vcard_n = n;
}

/** Reads one date cell; '', `0/0/00` and `1/1/4501` (Outlook) are none; a date not understood is a problem. */
export function dateField(
  raw: string, what: string, where: string, problems: Problem[], read: (s: string) => string | null,
): string | null {
  const s = raw.trim();
  if (s === '' || /^0+[/.-]0+[/.-]0+$|^0?1[/.-]0?1[/.-]4501$/.test(s)) return null;
  const value = read(s);
  if (value === null) problems.push({ where, why: `${what} "${s}" not understood; kept the person without it` });
  return value;
}

/**
 * Runs `read` over every row; a null result (no name) is a problem and the row is skipped. Names are
 * made one line. Then each column no reader asked for whose values look like emails, phones or dates
 * is a problem too (unusedColumns): nothing is lost without a word.
 */
export function eachRow(
  table: Table, read: (row: Row, where: string, problems: Problem[]) => ImportedPerson | null,
): ParseResult {
  const result: ParseResult = { records: [], problems: [] };
  for (const row of table.rows) {
    const where = `line ${row.line}`;
    const value = read(row, where, result.problems);
    if (value === null) result.problems.push({ where, why: 'no name' });
    else result.records.push({ where, value: { ...value, name: value.name.replace(/\s*[\r\n\t]+\s*/g, ' ') } });
  }
  for (const p of unusedColumns(table)) result.problems.push(p);
  return result;
}

const LOOKS: [what: string, field: string, test: (s: string) => boolean][] = [
  ['emails', 'email', (s) => /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(s)],
  ['phones', 'phone', (s) => /^\+?[\d\s().\/-]+$/.test(s) && s.replace(/\D/g, '').length >= 6 && readDay(s, 'us') === null],
  ['dates', 'birthday', (s) => readDay(s, 'dmy') !== null || readDay(s, 'us') !== null],
];
/** Rows looked at to tell what a column holds. */
const SAMPLE = 200;

/** Columns not read whose (sampled) values all look like emails, phones or dates, with the --map that would take them. */
export function unusedColumns(table: Table): Problem[] {
  const problems: Problem[] = [];
  table.header.forEach((h, i) => {
    if (table.used.has(i) || h.trim() === '') return;
    const values = table.rows.slice(0, SAMPLE).map((r) => (r.cells[i] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) return;
    const kind = LOOKS.find(([, , test]) => values.every(test));
    if (kind === undefined) return;
    const name = h.trim();
    problems.push({
      where: `column ${JSON.stringify(name)}`,
      why: `looks like ${kind[0]} but no field takes it; --map ${kind[1]}=${JSON.stringify(name)} (with the name columns) would import it`,
    });
  });
  return problems;
}

// ---- rel import --format csv [--map ...] ----

export const MAP_FIELDS = ['name', 'first', 'last', 'email', 'phone', 'company', 'title', 'tags', 'birthday', 'note', 'met'] as const;
type Field = (typeof MAP_FIELDS)[number];
const isField = (s: string): s is Field => (MAP_FIELDS as readonly string[]).includes(s);

/** Header names recognised without --map, best first. */
const AUTO: Record<Field, string[]> = {
  name: ['name', 'full name', 'display name'],
  first: ['first name', 'given name', 'first'],
  last: ['last name', 'family name', 'surname', 'last'],
  email: ['email', 'e-mail', 'emails', 'email address', 'e-mail address', 'mail'],
  phone: ['phone', 'phones', 'phone number', 'mobile', 'mobile phone', 'telephone', 'tel'],
  company: ['company', 'organization', 'organisation', 'org'],
  title: ['job title', 'position', 'title', 'role'],
  tags: ['tags', 'labels', 'groups', 'categories'],
  birthday: ['birthday', 'birth date', 'birthdate', 'date of birth', 'dob'],
  note: ['note', 'notes'],
  met: ['met', 'how we met', 'met on'],
};

/** Parses `name=Full Name,email=Mail,phone="Phone, mobile"` (quotes protect commas; `""` is a quote). */
export function parseMap(spec: string): Record<string, string> {
  const pairs: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === '"' && quoted && spec[i + 1] === '"') (cur += '"'), i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) pairs.push(cur), (cur = '');
    else cur += ch;
  }
  if (quoted) throw new UsageError(`--map: a quote is not closed in ${spec}`);
  pairs.push(cur);
  const map: Record<string, string> = {};
  for (const pair of pairs.filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, Math.max(eq, 0)).trim().toLowerCase();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || column === '') throw new UsageError(`--map: expected FIELD=COLUMN, got "${pair.trim()}"`);
    if (!isField(key)) throw new UsageError(`--map: unknown field "${key}"; valid fields: ${MAP_FIELDS.join(', ')}`);
    if (key in map) throw new UsageError(`--map: field "${key}" is mapped twice`);
    map[key] = column;
  }
  return map;
}

/** Undoes writeCsv's formula guard (csv-rel.ts): `'=x` -> `=x`. */
export const unguard = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/**
 * A generic CSV with a map from rel fields to header names (see parseMap). With an empty map, the
 * header is recognised by its names (AUTO). With a map, only the mapped fields are read.
 */
export function parseMappedCsv(text: string, map: Record<string, string>): ParseResult {
  const fields = Object.keys(map);
  const bad = fields.find((f) => !isField(f));
  if (bad !== undefined) throw new UsageError(`unknown field "${bad}"; valid fields: ${MAP_FIELDS.join(', ')}`);
  const explicit = fields.length > 0;
  if (explicit && !['name', 'first', 'last'].some((f) => f in map)) {
    throw new UsageError('--map must say where the name is: name=COLUMN, or first=COLUMN and/or last=COLUMN');
  }
  const wanted = Object.values(map);
  const isHeader = explicit
    ? (c: string[]) => headerHas(c, ...wanted.map(norm))
    : (c: string[]) => [...AUTO.name, ...AUTO.first, ...AUTO.last].some((n) => headerHas(c, n));
  const table = findTable(text, isHeader, (rows) => {
    if (!explicit) return 'no header with a name column (name, full name, first name...) in the first 20 rows; use --map';
    const score = (r: Row) => wanted.filter((w) => headerHas(r.cells, norm(w))).length;
    // Most mapped columns found; on a tie, the widest row (a header, rather than a one-cell preamble).
    const better = (r: Row, b: Row) => score(r) - score(b) || r.cells.length - b.cells.length;
    const best = rows.reduce<Row | undefined>((b, r) => (b === undefined || better(r, b) > 0 ? r : b), undefined);
    const cells = best?.cells ?? [];
    const absent = wanted.filter((w) => !headerHas(cells, norm(w)));
    const names = absent.map((a) => `"${a}"`).join(', ');
    return `column${absent.length > 1 ? 's' : ''} ${names} not in the header; the columns are: ${cells.map((c) => c.trim()).join(', ')}`;
  });
  const column: Partial<Record<Field, string>> = {};
  for (const f of MAP_FIELDS) column[f] = explicit ? map[f] : AUTO[f].find((n) => headerHas(table.header, n));
  return eachRow(table, (row, where, problems) => {
    const v = (f: Field): string => (column[f] === undefined ? '' : unguard(table.get(row, column[f])));
    const emails = uniq(splitMulti(v('email')));
    const phones = uniq(splitMulti(v('phone')));
    const name = nameOrContact(v('name') || joinName(v('first'), v('last')), emails, phones, (why) => problems.push({ where, why }));
    if (name === '') return null;
    const p = emptyImported(name);
    keepNameParts(p, joinName(v('first'), v('last')), [v('last'), v('first')]);
    p.emails = emails;
    p.phones = phones;
    p.company = v('company') || null;
    p.title = v('title') || null;
    p.tags = uniq(splitMulti(v('tags')));
    p.birthday = dateField(v('birthday'), 'birthday', where, problems, (s) => readBirthday(s, 'strict'));
    if (v('note')) p.notes = [v('note')];
    const met = v('met');
    p.met_on = met ? readDay(met, 'strict') : null;
    p.met = met && p.met_on === null ? met : null;
    return p;
  });
}
