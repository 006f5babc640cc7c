/** rel export [--format json|csv|vcard|ics] [-o FILE] [--force] */
import { statSync } from 'node:fs';
import type { App, Ctx } from '../app.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic, WriteError } from '../files.js';
import { formatNamed, formatsHelp, type FormatEntry } from '../formats/registry.js';
import { eachPerson } from '../store/transfer.js';

export interface ExportOptions {
  format: FormatEntry;
  /** null: stdout. */
  output: string | null;
  force: boolean;
}

export function parseExportFlags(raw: { format?: string; output?: string; force?: boolean }): ExportOptions {
  const format = formatNamed(raw.format ?? 'json', 'write');
  if (raw.output !== undefined && raw.output.trim() === '') throw new UsageError('-o needs a file name');
  return { format, output: raw.output ?? null, force: Boolean(raw.force) };
}

export function register(app: App): void {
  app.program
    .command('export')
    .description('write everything out: rel JSON (to move or merge), CSV, vCard, or an iCalendar feed')
    .option('--format <format>', 'one of the formats below', 'json')
    .option('-o, --output <file>', 'write to this file (created private, mode 600) instead of stdout')
    .option('--force', 'with -o: replace the file if it exists')
    .addHelpText(
      'after',
      `
Formats:
${formatsHelp('write')}
rel import reads json, csv and vcard back: into the same database it changes nothing.

Examples:
  rel export -o rel-backup.json
  rel export --format ics -o ~/rel.ics
  rel export --format vcard > people.vcf      (a card imported with N:Smith;Mary Ann;;; is written with it)
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
        ctx.out(`Exported ${people} ${people === 1 ? 'person' : 'people'} to ${opts.output} (${opts.format.name}).`);
      }),
    );
}

/**
 * The export's text, in chunks made as they are written (people are read one at a time, so a lifetime is
 * never held whole), and how many people it had (known once the chunks are read).
 */
export async function run(opts: ExportOptions, ctx: Ctx): Promise<{ chunks: Iterable<string>; count: () => number }> {
  let n = 0;
  const people = (function* () {
    for (const p of eachPerson(ctx.db(), { touchpoints: opts.format.writesTouches === true })) {
      n++;
      yield p;
    }
  })();
  const write = await opts.format.write!();
  return { chunks: write(people, { now: ctx.now, today: ctx.today }), count: () => n };
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
