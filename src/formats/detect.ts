/**
 * Telling an imported file's format from its content, through the registry: a format told by the start
 * of the file (vCard, rel JSON), else the first whose header a CSV row matches, else a generic CSV with a
 * header row. Pure but for loading the formats' header tests.
 */
import { DELIMITERS, HEADER_SEARCH, readRows, type Row } from './csv.js';
import { FORMATS, type FormatEntry } from './registry.js';

/** A generic header: 2+ short, non-empty cells that are not data (no @, not numbers or dates). */
function looksLikeHeader(row: Row, next: Row | undefined): boolean {
  const cells = row.cells.map((c) => c.trim());
  return cells.length >= 2 && (next === undefined || next.cells.length >= 2) &&
    cells.every((c) => c !== '' && c.length <= 64 && !c.includes('@') && /\p{L}/u.test(c));
}

/** The detector, with the header test of every format loaded: (text) => its format, or null. */
export async function detector(): Promise<(text: string) => FormatEntry | null> {
  const headers = await Promise.all(
    FORMATS.filter((f) => f.header).map(async (f) => ({ f, matches: await f.header!() })),
  );
  const csv = FORMATS.find((f) => f.name === 'csv')!;
  return (text) => {
    const t = text.replace(/^\uFEFF/, '');
    if (t.includes('\0') || t.trim() === '') return null;
    const start = t.trimStart();
    const byStart = FORMATS.find((f) => f.start?.test(start));
    if (byStart) return byStart;
    for (const d of DELIMITERS) {
      let rows: Row[];
      try {
        rows = readRows(t, d, 2 * HEADER_SEARCH).slice(0, HEADER_SEARCH);
      } catch {
        continue;
      }
      for (const { cells } of rows) {
        const known = headers.find(({ matches }) => matches(cells));
        if (known) return known.f;
      }
      if (rows.some((r, i) => looksLikeHeader(r, rows[i + 1]))) return csv;
    }
    return null;
  };
}
