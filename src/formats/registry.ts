/**
 * Every file format rel reads or writes, one entry each: its name and aliases, how it is told from a
 * file's content, and its reader and writer. rel import and rel export, their --format and --help,
 * detection and completion all derive from this list, so a new format is one entry here and its own
 * file. This module is on the start-up path (the commands' help names the formats): an entry holds only
 * words and loaders; each parser is imported when a file is actually read or written.
 */
import type { Day } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { RelPerson, RelSource } from './json.js';
import type { ParseResult } from './types.js';

/** What a reader hands to rel import: the records, the problems, and for rel JSON the people as exported. */
export interface Parsed extends ParseResult {
  /** rel JSON: the people as exported, by id, and their touches, facts... when the import writes them. */
  rel?: RelSource;
}

/** Reads a whole file's text. `map`: the --map of a generic CSV (null: none given). */
export type Reader = (text: string, map: Record<string, string> | null) => Parsed;

/** Writes people as they come (one at a time from the database), in chunks of text. */
export type Writer = (people: Iterable<RelPerson>, at: { now: Date; today: Day }) => Iterable<string>;

export interface FormatEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  /** One line for rel import --help / rel export --help. */
  readonly about: string;
  /** Told from the start of the file (vCard, JSON). */
  readonly start?: RegExp;
  /** Told from a header row of a CSV: the program's column names, loaded when detecting. */
  readonly header?: () => Promise<(cells: string[]) => boolean>;
  readonly read?: () => Promise<Reader>;
  /** Each record is its own person even when names repeat (a LinkedIn row is one connection). */
  readonly distinctRecords?: boolean;
  readonly write?: () => Promise<Writer>;
  /** The writer shows each person's touchpoints (rel JSON); the others get none, and the counts of gives and asks. */
  readonly writesTouches?: boolean;
}

/** vCard and CSV exports go out this many people at a time: a lifetime is never held whole. */
const BATCH = 500;

/** In the order a CSV header is tried: a more specific program's columns before a more general one's. */
export const FORMATS: readonly FormatEntry[] = [
  {
    name: 'linkedin',
    aliases: [],
    about: "LinkedIn's Connections.csv (its Notes: preamble, 2018 to today)",
    header: async () => (await import('./csv.js')).isLinkedInHeader,
    read: async () => (await import('./linkedin.js')).parseLinkedIn,
    distinctRecords: true,
  },
  {
    name: 'google',
    aliases: ['gmail'],
    about: 'Google Contacts CSV (Google CSV, old and new)',
    header: async () => (await import('./csv.js')).isGoogleHeader,
    read: async () => (await import('./google.js')).parseGoogle,
  },
  {
    name: 'thunderbird',
    aliases: [],
    about: 'Thunderbird address book CSV (comma or semicolon)',
    header: async () => (await import('./thunderbird.js')).isThunderbirdHeader,
    read: async () => (await import('./thunderbird.js')).parseThunderbird,
  },
  {
    name: 'outlook',
    aliases: [],
    about: 'Outlook CSV, in English, German, French, Spanish, Italian, Portuguese or Dutch',
    header: async () => {
      const { outlookLanguage } = await import('./outlook.js');
      return (cells) => outlookLanguage(cells) !== null;
    },
    read: async () => (await import('./outlook.js')).parseOutlook,
  },
  {
    name: 'vcard',
    aliases: ['vcf', 'vcards'],
    about: 'vCard 2.1, 3.0 or 4.0 (.vcf); rel writes 4.0: the N a person came with, X-REL- for id, rhythm, last contact',
    start: /^BEGIN:VCARD/i,
    read: async () => (await import('./vcard.js')).parseVcards,
    write: async () => {
      const [{ writeVcards }, { exportPeople }, { inBatches }] = await Promise.all([
        import('./vcard-write.js'), import('./feed.js'), import('./batches.js'),
      ]);
      return (people) => inBatches(people, BATCH, (batch) => writeVcards(exportPeople(batch)));
    },
  },
  {
    name: 'csv',
    aliases: [],
    about: 'any CSV with a header row (--map says which column is which); rel writes one row per person',
    read: async () => {
      const [{ isRelCsv, parseRelCsv }, { parseMappedCsv }] = await Promise.all([import('./csv-rel.js'), import('./csv.js')]);
      return (text, map) => (map === null && isRelCsv(text) ? parseRelCsv(text) : parseMappedCsv(text, map ?? {}));
    },
    write: async () => {
      const [{ writeCsv }, { exportPeople }, { inBatches }] = await Promise.all([
        import('./csv-rel.js'), import('./feed.js'), import('./batches.js'),
      ]);
      const header = writeCsv([]).length; // the header row, written once
      return (people) => inBatches(people, BATCH, (batch) => writeCsv(exportPeople(batch)), header);
    },
  },
  {
    name: 'json',
    aliases: ['rel'],
    about: "rel's own export: everything, with stable ids (another machine, a backup)",
    start: /^[{[]/,
    read: async () => (await import('./json.js')).parseRelJson,
    writesTouches: true,
    write: async () => {
      const { relJsonChunks } = await import('./json.js');
      return (people, at) => relJsonChunks(people, at.now);
    },
  },
  {
    name: 'ics',
    aliases: ['ical', 'icalendar'],
    about: 'an iCalendar feed: birthdays and dates (yearly), when each person is next due, follow-ups',
    write: async () => {
      const [{ writeIcs }, { calendarEvents }] = await Promise.all([import('./ics.js'), import('./feed.js')]);
      return (people, at) => [writeIcs(calendarEvents([...people], at.today), at.now)]; // its events need everyone at once
    },
  },
];

export const READABLE = FORMATS.filter((f) => f.read).map((f) => f.name);
export const WRITABLE = FORMATS.filter((f) => f.write).map((f) => f.name);

/** The entry a --format names (by name or alias, any case), for reading or for writing. */
export function formatNamed(text: string, use: 'read' | 'write'): FormatEntry {
  const t = text.trim().toLowerCase();
  const entry = FORMATS.find((f) => f[use] && (f.name === t || f.aliases.includes(t)));
  if (!entry) throw new UsageError(`bad --format "${text}": use one of ${(use === 'read' ? READABLE : WRITABLE).join(', ')}`);
  return entry;
}

/** "  linkedin   LinkedIn's Connections.csv ..." lines for --help. */
export function formatsHelp(use: 'read' | 'write'): string {
  const entries = FORMATS.filter((f) => f[use]);
  const width = Math.max(...entries.map((f) => f.name.length)) + 2;
  return entries.map((f) => `  ${f.name.padEnd(width)}${f.about}`).join('\n');
}
