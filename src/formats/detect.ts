/** Telling an imported file's format from its content: vCard, rel JSON, or the CSV header of a known program. Pure. */
import { DELIMITERS, HEADER_SEARCH, isGoogleHeader, isLinkedInHeader, readRows, type Row } from './csv.js';
import { outlookLanguage } from './outlook.js';
import { isThunderbirdHeader } from './thunderbird.js';

export type Format = 'linkedin' | 'google' | 'outlook' | 'thunderbird' | 'vcard' | 'json' | 'csv';

/** A generic header: 2+ short, non-empty cells that are not data (no @, not numbers or dates). */
function looksLikeHeader(row: Row, next: Row | undefined): boolean {
  const cells = row.cells.map((c) => c.trim());
  return cells.length >= 2 && (next === undefined || next.cells.length >= 2) &&
    cells.every((c) => c !== '' && c.length <= 64 && !c.includes('@') && /\p{L}/u.test(c));
}

export function detectFormat(text: string): Format | null {
  const t = text.replace(/^\uFEFF/, '');
  if (t.includes('\0') || t.trim() === '') return null;
  const start = t.trimStart();
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  for (const d of DELIMITERS) {
    let rows: Row[];
    try {
      rows = readRows(t, d, 2 * HEADER_SEARCH).slice(0, HEADER_SEARCH);
    } catch {
      continue;
    }
    for (const { cells } of rows) {
      if (isLinkedInHeader(cells)) return 'linkedin';
      if (isGoogleHeader(cells)) return 'google';
      if (isThunderbirdHeader(cells)) return 'thunderbird';
      if (outlookLanguage(cells) !== null) return 'outlook';
    }
    if (rows.some((r, i) => looksLikeHeader(r, rows[i + 1]))) return 'csv';
  }
  return null;
}
