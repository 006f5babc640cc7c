/** The output formats of every read command that prints rows: a table, plain lines, TSV, or JSON. */
export const FORMATS = ['table', 'plain', 'tsv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
