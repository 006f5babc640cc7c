/**
 * rel's own export: everything, with stable ids, so that a database can be moved or merged.
 *
 *   { "format": "rel", "version": 1, "exported_at": "2026-03-01T09:00:00.000Z",
 *     "people": [ { id, name, emails, phones, tags, company, title, every_days, birthday, met, met_on,
 *                   linkedin_url, vcard_n, snoozed_until, added_on, created_at, updated_at,
 *                   last_touch, next_due,            (derived: written for readers, ignored on import)
 *                   facts: [{ id, text, date, created_at, updated_at }],
 *                   touchpoints: [{ id, group_id, date, via, note, give, ask, intro_to, created_at, updated_at }],
 *                   follow_ups: [{ id, touchpoint_id, due_on, note, closed_by, created_at, updated_at }],
 *                   dates: [{ id, label, date, yearly, created_at, updated_at }],
 *                   wishes: [{ id, kind, text, closed_on, created_at, updated_at }] } ] }
 *
 * The reader checks the whole structure. A wrong top level throws UsageError; a bad person (or a bad
 * record of theirs) is a problem naming the path of the field (`people[3].touchpoints[0].date: ...`)
 * and that person is left out. Pure.
 */
import { parseDay } from '../domain/dates.js';
import { parseN } from '../domain/structured-name.js';
import { CHANNELS, KINDS, type Day, type Person } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { ParseResult, Problem } from './types.js';
import { RelJsonScanner, ScanError } from './json-scan.js';

export const REL_FORMAT = 'rel';
export const REL_VERSION = 1;

interface Stamped {
  id: string;
  created_at: string;
  updated_at: string;
}
export interface RelFact extends Stamped { text: string; date: Day }
export interface RelTouch extends Stamped {
  group_id: string; date: Day; via: string; note: string | null; give: string | null; ask: string | null; intro_to: string | null;
}
export interface RelFollowUp extends Stamped {
  touchpoint_id: string | null; due_on: Day; note: string | null; closed_by: string | null;
}
export interface RelDate extends Stamped { label: string; date: string; yearly: boolean }
export interface RelWish extends Stamped { kind: 'need' | 'offer'; text: string; closed_on: Day | null }

/** A person as exported: every stored field of Person, what rel derives, and their records. */
export interface RelPerson extends Person {
  /** The structured name kept from an import (a vCard N value: domain/structured-name.ts); absent in older exports. */
  vcard_n?: string | null;
  last_touch?: Day | null;
  next_due?: Day | null;
  /** Read for the writers that show no touch (vCard, CSV, the feed), in place of the touchpoints: never in a rel export. */
  gives?: number;
  asks?: number;
  facts: RelFact[];
  touchpoints: RelTouch[];
  follow_ups: RelFollowUp[];
  dates: RelDate[];
  wishes: RelWish[];
}

export interface RelExport {
  format: typeof REL_FORMAT;
  version: typeof REL_VERSION;
  exported_at: string;
  people: RelPerson[];
}

export function writeRelJson(people: RelPerson[], now: Date): string {
  return [...relJsonChunks(people, now)].join('');
}

/**
 * The same text as JSON.stringify(export, null, 2) and a newline, made one person at a time, so that an
 * export of a lifetime is written as it is read, never held whole (rel export).
 */
export function* relJsonChunks(people: Iterable<RelPerson>, now: Date): Generator<string> {
  const head: Omit<RelExport, 'people'> = { format: REL_FORMAT, version: REL_VERSION, exported_at: now.toISOString() };
  const start = JSON.stringify(head, null, 2).slice(0, -2); // without the closing "\n}"
  let first = true;
  for (const p of people) {
    // A person sits two levels deep, four spaces before each line: stringified inside a wrapper of two
    // levels and cut out of it, JSON.stringify indents it (a replace of every line break took a fifth of
    // an export's time).
    const wrapped = JSON.stringify([[p]], null, 2);
    const text = wrapped.slice(WRAP_START, wrapped.length - WRAP_END);
    yield first ? `${start},\n  "people": [\n${text}` : `,\n${text}`;
    first = false;
  }
  yield first ? `${start},\n  "people": []\n}\n` : '\n  ]\n}\n';
}

/** `[\n  [\n` and `\n  ]\n]`: what JSON.stringify([[person]], null, 2) puts around a person. */
const WRAP_START = 6;
const WRAP_END = 6;

class Bad extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

type ReadPeople = { people: { where: string; person: RelPerson }[]; problems: Problem[] };

/** Reads a rel export; people with a bad field become problems. */
export function readRelJson(text: string): ReadPeople {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`not valid JSON: ${jsonWhere(text, e)}`);
  }
  checkHead(doc);
  const reader = peopleReader();
  const raws = (doc as { people: unknown[] }).people;
  raws.forEach((raw: unknown, i: number) => {
    raws[i] = null; // each person's parsed tree is garbage once read: the tree and the people are not held whole at once
    reader.add(raw);
  });
  return { people: reader.people, problems: reader.problems };
}

/**
 * Reads a rel export given in pieces of text, one person at a time (src/formats/json-scan.ts): the same
 * people and problems as readRelJson. Throws ScanError or SyntaxError when the text is not the JSON
 * the scanner expects (the caller then reads it whole, with readRelJson, which says what is wrong).
 */
export function readRelJsonPieces(pieces: Iterable<string>): ReadPeople {
  const reader = peopleReader();
  scanPeople(pieces, (raw) => reader.add(raw));
  return { people: reader.people, problems: reader.problems };
}

/** Gives each element of "people" to `person` as parsed JSON; then checks the head of the export. */
function scanPeople(pieces: Iterable<string>, person: (raw: unknown) => void): void {
  const head: Obj = {};
  const scanner = new RelJsonScanner({ field: (key, value) => (head[key] = value), person });
  for (const piece of pieces) scanner.feed(piece);
  scanner.end();
  if (scanner.peopleArray) head.people = [];
  checkHead(head);
}

/** What must hold of the whole export before its people are read. */
function checkHead(doc: unknown): asserts doc is Obj & { people: unknown[] } {
  if (!isObj(doc) || doc.format !== REL_FORMAT) {
    throw new UsageError('this JSON is not a rel export (expected an object with "format": "rel")');
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new UsageError('version: expected a whole number, 1 or more');
  }
  if (doc.version > REL_VERSION) {
    throw new UsageError(`this export is version ${doc.version}, from a newer rel (this rel reads version ${REL_VERSION}): upgrade rel`);
  }
  if (!Array.isArray(doc.people)) throw new UsageError('people: expected an array');
}

/** Reads people one by one (people[0], people[1]...): a bad one, or one repeating an id, is a problem. */
function peopleReader(keep?: (where: string, person: RelPerson) => void): ReadPeople & { add(raw: unknown): void } {
  const people: { where: string; person: RelPerson }[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let i = 0;
  return {
    people,
    problems,
    add(raw) {
      const where = `people[${i++}]`;
      try {
        const person = readPerson(raw, where);
        const dup = claimIds(person, seen);
        if (dup !== undefined) throw new Bad(`${where}: id ${JSON.stringify(dup)} appears twice in the file`);
        if (keep) keep(where, person);
        else people.push({ where, person });
      } catch (e) {
        if (!(e instanceof Bad)) throw e;
        problems.push({ where, why: `${e.message}; person skipped` });
      }
    },
  };
}

/**
 * Adds the ids of a person and of their records to `seen`, or, when one is there already (from an earlier
 * person, or twice in this one: two touches with one id), returns it and adds none. One loop, not a list
 * of ids searched and then added: 2,100,000 ids at 100,000 people.
 */
function claimIds(person: RelPerson, seen: Set<string>): string | undefined {
  const ids = [person.id];
  for (const kind of OWNED) for (const r of person[kind]) ids.push(r.id);
  let i = 0;
  for (let held = seen.size; i < ids.length; i++, held++) {
    seen.add(ids[i]!);
    if (seen.size === held) break; // it was there: one look-up for the test and the add
  }
  if (i === ids.length) return undefined;
  for (let j = 0; j < i; j++) seen.delete(ids[j]!);
  return ids[i];
}

/** JSON.parse's message with a line and column (V8 gives a position, or only a snippet around it). */
function jsonWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  let pos: number | null = null;
  const at = / at position (\d+)/.exec(msg);
  const snippet = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(msg);
  if (at) pos = Number(at[1]);
  else if (/end of JSON input/.test(msg)) pos = text.length;
  else if (snippet) {
    const start = text.indexOf(snippet[3]!);
    if (start >= 0) pos = start + (snippet[2] ? 10 : Math.max(0, snippet[3]!.indexOf(snippet[1]!)));
  }
  const what = msg.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '');
  if (pos === null) return what;
  const before = text.slice(0, pos);
  return `${what} at line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
}

// ---- field readers: each throws Bad naming the path ----

function field(o: Obj, key: string, path: string): unknown {
  if (!(key in o)) throw new Bad(`${path}.${key}: missing`);
  return o[key];
}
function str(o: Obj, key: string, path: string, nullable = false): string | null {
  const v = field(o, key, path);
  if (v === null && nullable) return null;
  if (typeof v !== 'string' || (v === '' && !nullable)) {
    throw new Bad(`${path}.${key}: expected ${nullable ? 'a string or null' : 'a non-empty string'}, got ${JSON.stringify(v)}`);
  }
  return v;
}
const text = (o: Obj, key: string, path: string): string => str(o, key, path)!;
const optText = (o: Obj, key: string, path: string): string | null => str(o, key, path, true);
function day(o: Obj, key: string, path: string, nullable = false): Day | null {
  const v = str(o, key, path, nullable);
  if (v === null) return null;
  if (parseDay(v) === null) throw new Bad(`${path}.${key}: expected a YYYY-MM-DD day, got ${JSON.stringify(v)}`);
  return v;
}
function yearlyDate(o: Obj, key: string, path: string, nullable = false): string | null {
  const v = str(o, key, path, nullable);
  if (v === null) return null;
  if (parseDay(v) === null && !(/^--\d{2}-\d{2}$/.test(v) && parseDay(`2000${v.slice(1)}`) !== null)) {
    throw new Bad(`${path}.${key}: expected YYYY-MM-DD or --MM-DD, got ${JSON.stringify(v)}`);
  }
  return v;
}
function instant(o: Obj, key: string, path: string): string {
  const v = text(o, key, path);
  if (!isUtcStamp(v) && Number.isNaN(Date.parse(v))) throw new Bad(`${path}.${key}: expected an ISO 8601 time, got ${JSON.stringify(v)}`);
  return v;
}
/**
 * A time exactly as rel writes it (toISOString: 2026-03-01T09:00:00.000Z) on a day every month has (1 to
 * 28): Date.parse takes all of these, so the import need not ask it for each of the 400,000 stamps of
 * 10,000 people (~0.1 s); anything else is left to Date.parse.
 */
export function isUtcStamp(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(23) !== 90 /* Z */) return false;
  for (let i = 0; i < 23; i++) {
    const c = v.charCodeAt(i);
    const want = STAMP_SHAPE.charCodeAt(i);
    if (want === 57 /* 9: a digit */ ? c < 48 || c > 57 : c !== want) return false;
  }
  const two = (at: number) => (v.charCodeAt(at) - 48) * 10 + v.charCodeAt(at + 1) - 48;
  const month = two(5);
  const day = two(8);
  return month >= 1 && month <= 12 && day >= 1 && day <= 28 && two(11) <= 23 && two(14) <= 59 && two(17) <= 59;
}
const STAMP_SHAPE = '9999-99-99T99:99:99.999';

function strings(o: Obj, key: string, path: string): string[] {
  const v = field(o, key, path);
  if (!Array.isArray(v)) throw new Bad(`${path}.${key}: expected an array of strings`);
  v.forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '') throw new Bad(`${path}.${key}[${i}]: expected a non-empty string, got ${JSON.stringify(s)}`);
  });
  return v as string[];
}
function oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[], nullable = false): T | null {
  const v = str(o, key, path, nullable);
  if (v === null) return null;
  if (!(values as readonly string[]).includes(v)) throw new Bad(`${path}.${key}: expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`);
  return v as T;
}
function list<T>(o: Obj, key: string, path: string, read: (r: Obj, p: string) => T): T[] {
  const v = field(o, key, path);
  if (!Array.isArray(v)) throw new Bad(`${path}.${key}: expected an array`);
  return v.map((r: unknown, i: number) => {
    const p = `${path}.${key}[${i}]`;
    if (!isObj(r)) throw new Bad(`${p}: expected an object`);
    return read(r, p);
  });
}
/** A kept vCard N: null, or a value of at most five components. */
function structuredName(o: Obj, path: string): string | null {
  const v = optText(o, 'vcard_n', path);
  if (v !== null && parseN(v).length > 5) throw new Bad(`${path}.vcard_n: expected a vCard N value (at most five components), got ${JSON.stringify(v)}`);
  return v;
}
const stamped = (o: Obj, p: string): Stamped => ({ id: text(o, 'id', p), created_at: instant(o, 'created_at', p), updated_at: instant(o, 'updated_at', p) });

function readPerson(raw: unknown, path: string): RelPerson {
  if (!isObj(raw)) throw new Bad(`${path}: expected an object`);
  const o = raw;
  const every = field(o, 'every_days', path);
  if (every !== null && !(typeof every === 'number' && Number.isInteger(every) && every > 0 && every <= 36500)) {
    throw new Bad(`${path}.every_days: expected a whole number of days (1 to 36500) or null, got ${JSON.stringify(every)}`);
  }
  return {
    ...stamped(o, path),
    name: text(o, 'name', path),
    emails: strings(o, 'emails', path),
    phones: strings(o, 'phones', path),
    tags: strings(o, 'tags', path),
    company: optText(o, 'company', path),
    title: optText(o, 'title', path),
    every_days: every as number | null,
    birthday: yearlyDate(o, 'birthday', path, true),
    met: optText(o, 'met', path),
    met_on: day(o, 'met_on', path, true),
    linkedin_url: optText(o, 'linkedin_url', path),
    ...('vcard_n' in o ? { vcard_n: structuredName(o, path) } : {}),
    snoozed_until: day(o, 'snoozed_until', path, true),
    added_on: day(o, 'added_on', path)!,
    facts: list(o, 'facts', path, (r, p) => ({ ...stamped(r, p), text: text(r, 'text', p), date: day(r, 'date', p)! })),
    touchpoints: list(o, 'touchpoints', path, (r, p) => ({
      ...stamped(r, p), group_id: text(r, 'group_id', p), date: day(r, 'date', p)!, via: oneOf(r, 'via', p, CHANNELS)!,
      note: optText(r, 'note', p), give: oneOf(r, 'give', p, KINDS, true), ask: oneOf(r, 'ask', p, KINDS, true),
      intro_to: 'intro_to' in r ? optText(r, 'intro_to', p) : null,
    })),
    follow_ups: list(o, 'follow_ups', path, (r, p) => ({
      ...stamped(r, p), touchpoint_id: optText(r, 'touchpoint_id', p), due_on: day(r, 'due_on', p)!,
      note: optText(r, 'note', p), closed_by: optText(r, 'closed_by', p),
    })),
    dates: list(o, 'dates', path, (r, p) => {
      const yearly = field(r, 'yearly', p);
      if (typeof yearly !== 'boolean') throw new Bad(`${p}.yearly: expected true or false, got ${JSON.stringify(yearly)}`);
      return { ...stamped(r, p), label: text(r, 'label', p), date: yearlyDate(r, 'date', p)!, yearly };
    }),
    wishes: list(o, 'wishes', path, (r, p) => ({
      ...stamped(r, p), kind: oneOf(r, 'kind', p, ['need', 'offer'] as const)!, text: text(r, 'text', p),
      closed_on: day(r, 'closed_on', p, true),
    })),
  };
}

/** The kinds of records a person owns in an export, in the order they are written. */
export type Owned = 'facts' | 'touchpoints' | 'follow_ups' | 'dates' | 'wishes';
export const OWNED: readonly Owned[] = ['facts', 'touchpoints', 'follow_ups', 'dates', 'wishes'];

/** A person as rel import holds them between reading the file and writing: their own fields, and only their records' ids. */
export type RelHead = Omit<RelPerson, Owned> & { where: string; ids: Record<Owned, string[]> };

/** A rel export as rel import uses it: the people without their records, and the records when it writes them. */
export interface RelSource {
  /** Every person read (none with a problem), by id, in the file's order. */
  people: Map<string, RelHead>;
  /** The same people whole, with their records, in the same order: read from the file again when it was streamed. */
  records(): Iterable<RelPerson>;
}

export type RelParsed = ParseResult & { rel: RelSource };

/** rel JSON as rel import reads it: a record per person for matching, and the people (readRelJson: held whole). */
export function parseRelJson(text: string): RelParsed {
  const { people, problems } = readRelJson(text);
  const heads = new Map(people.map(({ where, person }) => [person.id, headOf(person, where)]));
  return forImport(heads, problems, () => people.map(({ person }) => person));
}

/**
 * The same from a file read twice, in pieces (`pieces()` reads it from the start each time): once to read
 * and check everyone, keeping their own fields and their records' ids; again, from records(), to hand
 * over each person's records as the import writes them. The whole file's records are never held: the
 * peak of importing 100,000 people with 2,000,000 touchpoints went from 1.5 GiB to 0.85 (10,000 people:
 * 390 MiB to ~320 on Node 24). When the second read finds other people or
 * records than the first (the file changed in between), records() throws `changed()`.
 */
export function parseRelJsonPieces(pieces: () => Iterable<string>, changed: () => Error): RelParsed {
  const { heads, order, problems } = firstRead(pieces());
  return forImport(heads, problems, function* again() {
    let i = 0;
    let batch: RelPerson[] = [];
    const scanner = new RelJsonScanner({
      field: () => {},
      person: (raw) => {
        const head = i < order.length ? order[i++] : undefined;
        if (head === undefined) throw changed();
        if (head === null) return;
        const person = recordsOf(raw, head);
        if (person === null) throw changed();
        batch.push(person);
      },
    });
    try {
      for (const piece of pieces()) {
        scanner.feed(piece);
        const out = batch;
        batch = [];
        yield* out;
      }
      scanner.end();
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof ScanError) throw changed();
      throw e;
    }
    if (i !== order.length) throw changed();
  });
}

/**
 * The first read: everyone checked, their heads by id and in the file's order (null for each element of
 * "people" left out). A function of its own, so that the reader's set of every id in the file (2,100,000
 * at 100,000 people) is let go when it returns, not held by the second read's closure.
 */
function firstRead(pieces: Iterable<string>): { heads: Map<string, RelHead>; order: (RelHead | null)[]; problems: Problem[] } {
  const heads = new Map<string, RelHead>();
  const order: (RelHead | null)[] = [];
  const reader = peopleReader((where, person) => {
    const head = headOf(person, where);
    heads.set(person.id, head);
    order[order.length - 1] = head;
  });
  scanPeople(pieces, (raw) => {
    order.push(null);
    reader.add(raw);
  });
  return { heads, order, problems: reader.problems };
}

function headOf(person: RelPerson, where: string): RelHead {
  const { facts, touchpoints, follow_ups, dates, wishes, ...own } = person;
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
  return { ...own, where, ids: { facts: ids(facts), touchpoints: ids(touchpoints), follow_ups: ids(follow_ups), dates: ids(dates), wishes: ids(wishes) } };
}

/**
 * A person's records as the second read finds them, given their head from the first: the same records
 * readPerson gives, without checking each field again (the first read did, on the same bytes: the
 * caller's `changed` stands guard over the file). Null when the element is not the person the first
 * read found, or a record is not where it was: the file changed.
 */
export function recordsOf(raw: unknown, head: RelHead): RelPerson | null {
  if (!isObj(raw) || raw.id !== head.id) return null;
  const records = (kind: Owned): Obj[] | null => {
    const rs = raw[kind];
    const ids = head.ids[kind];
    if (!Array.isArray(rs) || rs.length !== ids.length) return null;
    for (let k = 0; k < rs.length; k++) if (!isObj(rs[k]) || (rs[k] as Obj).id !== ids[k]) return null;
    return rs as Obj[];
  };
  const facts = records('facts');
  const touchpoints = records('touchpoints');
  const follow_ups = records('follow_ups');
  const dates = records('dates');
  const wishes = records('wishes');
  if (!facts || !touchpoints || !follow_ups || !dates || !wishes) return null;
  const { where: _, ids: __, ...own } = head;
  const stamp = (r: Obj) => ({ id: r.id as string, created_at: r.created_at as string, updated_at: r.updated_at as string });
  return {
    ...own,
    facts: facts.map((r) => ({ ...stamp(r), text: r.text as string, date: r.date as Day })),
    touchpoints: touchpoints.map((r) => ({
      ...stamp(r), group_id: r.group_id as string, date: r.date as Day, via: r.via as string, note: r.note as string | null,
      give: r.give as string | null, ask: r.ask as string | null, intro_to: 'intro_to' in r ? (r.intro_to as string | null) : null,
    })),
    follow_ups: follow_ups.map((r) => ({
      ...stamp(r), touchpoint_id: r.touchpoint_id as string | null, due_on: r.due_on as Day, note: r.note as string | null,
      closed_by: r.closed_by as string | null,
    })),
    dates: dates.map((r) => ({ ...stamp(r), label: r.label as string, date: r.date as string, yearly: r.yearly as boolean })),
    wishes: wishes.map((r) => ({ ...stamp(r), kind: r.kind as 'need' | 'offer', text: r.text as string, closed_on: r.closed_on as Day | null })),
  };
}

function forImport(heads: Map<string, RelHead>, problems: Problem[], records: () => Iterable<RelPerson>): RelParsed {
  const list = [...heads.values()].map((p) => ({
    where: p.where,
    id: p.id,
    value: {
      name: p.name, emails: p.emails, phones: p.phones, tags: p.tags, company: p.company, title: p.title,
      birthday: p.birthday, met: p.met, met_on: p.met_on, linkedin_url: p.linkedin_url, every_days: p.every_days,
      notes: [], last_touch: null, ...(p.vcard_n ? { vcard_n: p.vcard_n } : {}),
    },
  }));
  return { records: list, problems, rel: { people: heads, records } };
}
