/** rel export [--format json|csv|vcard|ics] [-o FILE] [--force] */
import { statSync } from 'node:fs';
import type { App, Ctx } from '../app.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic, WriteError } from '../files.js';
import type { RelPerson } from '../formats/json.js';
import { eachPerson, readEverything } from '../store/transfer.js';

export const EXPORT_FORMATS = ['json', 'csv', 'vcard', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** null: stdout. */
  output: string | null;
  force: boolean;
}

export function parseExportFlags(raw: { format?: string; output?: string; force?: boolean }): ExportOptions {
  const f = (raw.format ?? 'json').trim().toLowerCase();
  const format = ({ vcf: 'vcard', ical: 'ics', icalendar: 'ics' } as Record<string, string>)[f] ?? f;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`bad --format "${raw.format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (raw.output !== undefined && raw.output.trim() === '') throw new UsageError('-o needs a file name');
  return { format: format as ExportFormat, output: raw.output ?? null, force: Boolean(raw.force) };
}

export function register(app: App): void {
  app.program
    .command('export')
    .description('write everything out: rel JSON (to move or merge), CSV, vCard, or an iCalendar feed')
    .option('--format <format>', `${EXPORT_FORMATS.join(', ')}`, 'json')
    .option('-o, --output <file>', 'write to this file (created private, mode 600) instead of stdout')
    .option('--force', 'with -o: replace the file if it exists')
    .addHelpText(
      'after',
      `
Formats:
  json    everything, with stable ids: rel import reads it back (another machine, a backup)
  csv     one row per person: emails, phones, rhythm, last touch, next due, gives and asks
  vcard   vCard 4.0 for a phone or mail app (X-REL- properties keep the id, rhythm and last contact)
  rel import reads json, csv and vcard back: into the same database it changes nothing
  ics     a calendar: birthdays and dates (yearly), when each person is next due, follow-ups

Examples:
  rel export -o rel-backup.json
  rel export --format ics -o ~/rel.ics
  rel export --format csv -o people.csv      (open it in a spreadsheet; fields may hold quoted commas)`,
    )
    .action(
      app.action(async (ctx, raw: { format?: string; output?: string; force?: boolean }) => {
        const opts = parseExportFlags(raw);
        if (opts.output !== null && !opts.force) refuseExisting(opts.output);
        const { chunks, count } = await run(opts, ctx);
        if (opts.output === null) {
          for (const chunk of chunks) ctx.deps.out.write(chunk);
          return;
        }
        writePrivate(opts.output, chunks, opts.force);
        const people = count();
        ctx.out(`Exported ${people} ${people === 1 ? 'person' : 'people'} to ${opts.output} (${opts.format}).`);
      }),
    );
}

/**
 * The export's text, in chunks made as they are written (rel JSON: one person at a time, so a lifetime is
 * never held whole), and how many people it had (known once the chunks are read).
 */
export async function run(opts: ExportOptions, ctx: Ctx): Promise<{ chunks: Iterable<string>; count: () => number }> {
  if (opts.format === 'json') {
    let n = 0;
    const counted = (function* () {
      for (const p of eachPerson(ctx.db())) {
        n++;
        yield p;
      }
    })();
    const { relJsonChunks } = await import('../formats/json.js');
    return { chunks: relJsonChunks(counted, ctx.now), count: () => n };
  }
  if (opts.format === 'vcard' || opts.format === 'csv') {
    const [{ exportPeople }, writer] = await Promise.all([
      import('../formats/feed.js'),
      opts.format === 'vcard' ? import('../formats/vcard-write.js').then((m) => m.writeVcards) : import('../formats/csv-rel.js').then((m) => m.writeCsv),
    ]);
    let n = 0;
    const people = (function* () {
      for (const p of eachPerson(ctx.db())) {
        n++;
        yield p;
      }
    })();
    const header = opts.format === 'csv' ? writer([]).length : 0;
    return { chunks: inBatches(people, BATCH, (batch) => writer(exportPeople(batch)), header), count: () => n };
  }
  const people = readEverything(ctx.db());
  return { chunks: [await render(opts.format, people, ctx)], count: () => people.length };
}

/** People per chunk of a vCard or CSV export. */
const BATCH = 500;

/**
 * The text of `render(all people)`, made `size` people at a time: each batch rendered on its own, and
 * the first `header` characters (a CSV header row) kept only once. For writers whose text is a header
 * then one part per person (writeVcards, writeCsv).
 */
export function* inBatches<T>(items: Iterable<T>, size: number, render: (batch: T[]) => string, header = 0): Generator<string> {
  let batch: T[] = [];
  let first = true;
  const flush = () => {
    const text = render(batch);
    batch = [];
    const part = first ? text : text.slice(header);
    first = false;
    return part;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) yield flush();
  }
  if (batch.length > 0 || first) yield flush();
}

/** The calendar feed: its events need everyone at once. */
async function render(format: 'ics', people: RelPerson[], ctx: Ctx): Promise<string> {
  const [{ writeIcs }, { calendarEvents }] = await Promise.all([import('../formats/ics.js'), import('../formats/feed.js')]);
  return writeIcs(calendarEvents(people, ctx.today), ctx.now);
}

function refuseExisting(file: string): void {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    return; // not there: fine
  }
  throw new UsageError(isDir ? `${file} is a folder: name a file` : `${file} exists: use --force to replace it`);
}

/**
 * Writes `chunks` to `file` atomically and privately (src/files.ts): a 0600 temporary file beside it,
 * synced, then linked into place (refusing an existing file, even one that appeared meanwhile) or, with
 * --force, renamed over it. The file is never seen half-written.
 */
export function writePrivate(file: string, chunks: Iterable<string>, force: boolean): void {
  try {
    writeFileAtomic(file, chunks, { how: force ? 'replace' : 'create' });
  } catch (e) {
    if (e instanceof WriteError && e.code === 'EEXIST') throw new UsageError(`${file} exists: use --force to replace it`);
    if (e instanceof WriteError && e.code === 'EISDIR') throw new UsageError(`${file} is a folder: name a file`);
    throw e;
  }
}
