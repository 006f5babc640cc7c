/** rel import FILE [--format F] [--dry-run] [--tag T]... [--every INTERVAL] [--map SPEC] [--json] */
import { basename } from 'node:path';
import { write, type App, type Ctx } from '../app.js';
import { intervalDays, parseInterval } from '../domain/interval.js';
import { planImport, type Decision, type ImportPlan, type MergeRecord, type PossibleDuplicate } from '../domain/merge.js';
import { tidyRecord } from '../domain/tidy.js';
import { UsageError } from '../errors.js';
import type { Problem } from '../formats/types.js';
import { newId } from '../store/ids.js';
import { knownRecords, peopleForMerge, writePlan, writeRelRecords, type NewPersonExtras, type RelItem } from '../store/transfer.js';
import { OWNED } from '../formats/json.js';
import { problemText } from '../render/words.js';
import { formatNamed, formatsHelp, type FormatEntry, type Parsed } from '../formats/registry.js';
import { detect, readRelPieces, readText, sizeOf } from './shared/import-read.js';
import { parseTag } from './shared/person-fields.js';
import type { ImportView } from '../render/import.js';

export interface ImportOptions {
  file: string;
  format: FormatEntry | null;
  dryRun: boolean;
  tags: string[];
  everyDays: number | null;
  map: Record<string, string> | null;
}

interface RawImport {
  format?: string;
  dryRun?: boolean;
  tag: string[];
  every?: string;
  map?: string;
  json?: boolean;
}

/** Above this many records (or bytes), a terminal gets a progress line on stderr. */
const LARGE = 2000;

const collect = (value: string, previous: string[]) => [...previous, value];

export async function parseImportFlags(file: string, raw: RawImport): Promise<ImportOptions> {
  let format = raw.format === undefined ? null : formatNamed(raw.format, 'read');
  let map: Record<string, string> | null = null;
  if (raw.map !== undefined) {
    if (format !== null && format.name !== 'csv') throw new UsageError(`--map is for --format csv, not ${format.name}`);
    format = formatNamed('csv', 'read');
    map = (await import('../formats/csv.js')).parseMap(raw.map);
  }
  return {
    file,
    format,
    dryRun: Boolean(raw.dryRun),
    tags: [...new Set(raw.tag.map(parseTag))],
    everyDays: raw.every === undefined ? null : intervalDays(parseInterval(raw.every)),
    map,
  };
}

export function register(app: App): void {
  app.program
    .command('import')
    .argument('<file>', 'a vCard (.vcf), a CSV (LinkedIn, Google, Outlook, Thunderbird or any with --map), or a rel JSON export')
    .description('bring people in from contacts files; matches people you have and merges, never duplicates')
    .option('--format <format>', 'one of the formats below (default: told from the content)')
    .option('--dry-run', 'show what would be added, merged and skipped; write nothing')
    .option('--tag <tag>', 'tag everyone in the file (repeatable)', collect, [])
    .option('--every <interval>', 'a rhythm for the people added: 2w, 1m, quarterly...')
    .option('--map <spec>', 'which CSV column holds which field: FIELD=COLUMN,... (fields below)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Formats:
${formatsHelp('read')}

Fields for --map: name, first, last, email, phone, company, title, tags, birthday, note, met.

Examples:
  rel import Connections.csv --tag linkedin --dry-run
  rel import contacts.vcf --every 3m
  rel import crm.csv --map "name=Full Name,email=Mail,note=Remarks"
  rel import rel-export.json          (from another machine: adds what is missing)

People of the same name who disagree (another email, phone, company or connection date) are kept apart
and listed as possible duplicates; join two that are one person with rel merge WHO PERSON.`,
    )
    .action(
      app.action(async (ctx, file: string, raw: RawImport) => {
        ctx.creates = !raw.dryRun; // a dry run writes nothing, not even a new database
        const view = await run(await parseImportFlags(file, raw), ctx);
        if (raw.json) return ctx.json(view);
        const { importLines } = await import('../render/import.js');
        const { out, err } = importLines(view, file);
        for (const line of out) ctx.out(line);
        for (const line of err) ctx.err(line);
      }, { creates: true }),
    );
}

export async function run(opts: ImportOptions, ctx: Ctx): Promise<ImportView> {
  const show = progressLine(ctx);
  try {
    return await importWith(opts, ctx, show);
  } finally {
    show(null); // an error, too, starts on a line of its own
  }
}

async function importWith(opts: ImportOptions, ctx: Ctx, show: ReturnType<typeof progressLine>): Promise<ImportView> {
  const problems: Problem[] = [];
  show.large = sizeOf(opts.file) > 1_000_000;
  show(`reading ${basename(opts.file)}…`);
  // A rel export is read one person at a time (~240 MB less at the peak of a 90 MB export); any other
  // file, or one that reader cannot take, is read whole.
  const pieces = await readRelPieces(opts.file, opts.format ?? undefined);
  let format: FormatEntry;
  let parsed: Parsed;
  if (pieces) ({ format, parsed } = pieces);
  else {
    const text = readText(opts.file, problems);
    format = opts.format ?? (await detect(text, opts.file));
    parsed = (await format.read!())(text, opts.map);
  }
  for (const p of parsed.problems) problems.push(p); // a spread overflows the stack at ~125,000
  const records: MergeRecord[] = [];
  for (const r of parsed.records) {
    const rec = tidyRecord(r.value, r.where, problems, ctx.today);
    if (rec) records.push(r.id === undefined ? rec : { ...rec, id: r.id });
  }
  parsed.records.length = 0; // tidied, the records as read are not needed again: let them go before the plan
  if (records.length === 0 && !(parsed.rel !== undefined && problems.length === 0)) { // an empty rel export is fine
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new UsageError(`no one could be read from ${opts.file}${first ? `: ${problemText(first)}${more}` : ''}`);
  }
  show.large ||= records.length > LARGE;
  show(`matching ${records.length.toLocaleString('en')} records…`);

  const go = (): ImportPlan => plan(ctx, opts, format, parsed, records, show);
  const result = opts.dryRun
    ? go()
    : write(ctx, 'import', (p: ImportPlan) => `import: ${p.counts.added} added, ${p.counts.merged} merged from ${basename(opts.file)}`, go);
  const skipped_why: Record<string, number> = {};
  for (const d of result.decisions) {
    if (d.action !== 'skip' || d.why === null) continue;
    const why = d.skip === 'repeated' ? 'repeated in the file' : d.skip === 'ambiguous' ? 'ambiguous name' : d.why;
    skipped_why[why] = (skipped_why[why] ?? 0) + 1;
  }
  return {
    format: format.name,
    dry_run: opts.dryRun,
    ...result.counts,
    problems,
    possible_duplicates: result.possible_duplicates,
    skipped_why,
    ...(opts.dryRun ? { records: result.decisions } : {}),
  };
}

/** Reads rel, plans, and (unless a dry run) writes: inside the import's transaction. */
function plan(
  ctx: Ctx, opts: ImportOptions, format: FormatEntry, parsed: Parsed, records: MergeRecord[], show: (s: string | null) => void,
): ImportPlan {
  const db = ctx.db();
  const rel = parsed.rel;
  // A rel export's records whose ids rel has already (the same export brought in again) are left out.
  const known = new Set<string>();
  if (rel) {
    const has = knownRecords(db);
    for (const rec of records) {
      const ids = rel.people.get(rec.id!)!.ids;
      rec.pending = [];
      for (const kind of OWNED) {
        let news = 0;
        for (const id of ids[kind]) {
          if (has(kind, id)) known.add(id);
          else news += 1;
        }
        if (news > 0) rec.pending.push(`${news} ${(news === 1 ? ONE : MANY)[kind]}`);
      }
    }
  }
  const p = planImport(peopleForMerge(db), records, {
    today: ctx.today,
    tags: opts.tags,
    everyDays: opts.everyDays,
    distinctRecords: format.distinctRecords === true,
    newId,
  });
  if (opts.dryRun) return p;
  const extras = new Map<string, NewPersonExtras>();
  if (rel) {
    for (const person of p.added) {
      const r = rel.people.get(person.id);
      if (r) extras.set(person.id, { snoozed_until: r.snoozed_until, added_on: r.added_on, created_at: r.created_at, updated_at: r.updated_at });
    }
  }
  writePlan(db, {
    added: p.added, updated: p.updated, extras, today: ctx.today, now: ctx.nowIso, newId,
    onProgress: (done, total) => show(`writing ${done.toLocaleString('en')} of ${total.toLocaleString('en')}…`),
  });
  if (rel) {
    const ids = new Map<string, string>(); // the export's person id: the person in rel their records go to
    let touches = 0;
    p.decisions.forEach((d, i) => {
      const id = records[i]!.id!;
      if (d.person_id === null) return;
      ids.set(id, d.person_id);
      for (const t of rel.people.get(id)!.ids.touchpoints) if (!known.has(t)) touches += 1;
    });
    const fresh = <T extends { id: string }>(rows: T[]): T[] => (known.size === 0 ? rows : rows.filter((r) => !known.has(r.id)));
    let done = 0;
    const items = function* (): Generator<RelItem> {
      for (const person of rel.records()) {
        if (++done % 1000 === 0) show(`writing the records of ${done.toLocaleString('en')} of ${rel.people.size.toLocaleString('en')} people…`);
        const personId = ids.get(person.id);
        if (personId === undefined) continue;
        yield {
          personId,
          records: {
            facts: fresh(person.facts), touchpoints: fresh(person.touchpoints), follow_ups: fresh(person.follow_ups),
            dates: fresh(person.dates), wishes: fresh(person.wishes),
          },
        };
      }
    };
    writeRelRecords(db, items(), ids, touches);
  }
  return p;
}

const ONE: Record<string, string> = { facts: 'fact', touchpoints: 'touchpoint', follow_ups: 'follow-up', dates: 'date', wishes: 'wish' };
const MANY: Record<string, string> = { facts: 'facts', touchpoints: 'touchpoints', follow_ups: 'follow-ups', dates: 'dates', wishes: 'wishes' };

/** A line on stderr that rewrites itself, only for a large import in a terminal; null clears it. */
function progressLine(ctx: Ctx): ((text: string | null) => void) & { large: boolean } {
  let shown = false;
  const show = (text: string | null): void => {
    if (!show.large || ctx.deps.stderrIsTTY !== true) return;
    if (text === null) {
      if (shown) ctx.deps.err.write('\r\x1b[K');
      shown = false;
      return;
    }
    ctx.deps.err.write(`\r\x1b[Kimport: ${text}`);
    shown = true;
  };
  show.large = false;
  return show;
}
