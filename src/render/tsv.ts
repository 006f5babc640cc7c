/** Tab-separated output (`--format tsv`): a header row of the JSON field names, then one row per item. */

/** A TSV field: null is empty; a list is joined with ", "; backslash, tab and line breaks escaped as \\ \t \n \r. */
export const tsvField = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : (Array.isArray(v) ? v.join(', ') : String(v)).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

export function* tsvLines<T>(items: Iterable<T>, fields: readonly (keyof T & string)[]): Generator<string> {
  yield fields.join('\t');
  for (const item of items) yield fields.map((f) => tsvField(item[f])).join('\t');
}
