/**
 * The output options every read command that prints a table shares (as `rel due` has them):
 * `--format table|plain|tsv|json` (`--json` is `--format json`) and `-q` (nothing at all when there is
 * nothing to show; no summary lines).
 */
import { Option } from 'commander';
import type { Ctx } from '../../app.js';
import { UsageError } from '../../errors.js';
import { FORMATS, type Format } from '../../render/format.js';

export { FORMATS, type Format } from '../../render/format.js';

export interface RawOutput {
  json?: boolean;
  format?: Format;
  quiet?: boolean;
}

/** --format, described with what one plain line holds. */
export const formatOption = (plain: string) =>
  new Option(
    '--format <format>',
    `table; or one line per row, no colour: plain (${plain}), tsv (a header row of the JSON field names), json`,
  ).choices(FORMATS);

export const QUIET = ['-q, --quiet', 'print nothing when there is nothing to show, and no summary lines'] as const;

/** The output: --format, or --json; both at once only when they agree. */
export function parseFormat(raw: RawOutput): Format {
  if (raw.json && raw.format !== undefined && raw.format !== 'json') {
    throw new UsageError(`--json and --format ${raw.format} disagree: use one of them`);
  }
  return raw.json ? 'json' : (raw.format ?? 'table');
}

/** --limit N: a whole number, 1 or more; undefined when not given. */
export function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new UsageError(`bad --limit "${raw}": use a whole number, 1 or more`);
  return Number(raw);
}

/** How one kind of list is shown: its TSV columns (JSON field names), one plain line, and the table. */
export interface ListShapes<T> {
  fields: readonly (keyof T & string)[];
  plain: (item: T) => string;
  /** The human table, or what to say when the list is empty. */
  table: () => string;
}

/**
 * Prints a list as --format asks: JSON, TSV, one plain line per item, or the table. An empty list is
 * `[]` in JSON, the table's own words ("No dates for Maya..."), and nothing at all in plain, TSV or -q.
 */
export async function printList<T>(ctx: Ctx, items: T[], format: Format, quiet: boolean, shapes: ListShapes<T>): Promise<void> {
  if (format === 'json') return ctx.json(items);
  if (items.length === 0 && (quiet || format !== 'table')) return;
  if (format === 'table') return ctx.out(shapes.table());
  const lines = format === 'plain' ? items.map(shapes.plain) : [...(await import('../../render/tsv.js')).tsvLines(items, shapes.fields)];
  ctx.out(lines.join('\n'));
}
