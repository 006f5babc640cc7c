/**
 * The output options every read command that prints a table shares (as `rel due` has them):
 * `--format table|plain|tsv|json` (`--json` is `--format json`) and `-q` (nothing at all when there is
 * nothing to show; no summary lines).
 */
import { Option } from 'commander';
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
