/**
 * Display widths, for the table engine (render/table.ts). Display widths come from string-width, so
 * emoji, CJK and colour codes line up; text of one-column letters, the common case, is measured without it.
 */
import stringWidth from 'string-width';

const COLOUR = /\x1b\[[0-9;]*m/g;
/**
 * Printable ASCII, and the Latin, Greek and Cyrillic letters and signs of U+00A0-U+02FF and
 * U+0370-U+052F: each one UTF-16 unit and one column, as string-width measures them (a test checks each
 * of them). Not the combining marks between (U+0300-U+036F, no column), nor anything above.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u0370-\u052f]*$/;

/**
 * The display width of a cell. One-column text (once colour codes are taken out: José Núñez, Zoë,
 * Σοφία, Дмитрий) is one column a character; anything else goes to string-width, whose emoji pattern
 * costs a few ms to compile the first time.
 */
export function width(cell: string): number {
  const bare = cell.includes('\x1b') ? cell.replace(COLOUR, '') : cell;
  return NARROW.test(bare) ? bare.length : stringWidth(cell);
}

let graphemes: Intl.Segmenter | undefined;

/**
 * `cell` cut to at most `max` columns, ending in "…" (itself one column). Colour codes before the cut
 * are kept, and reset after it; a wide character (CJK, emoji) is never split.
 */
export function cut(cell: string, max: number): string {
  if (width(cell) <= max) return cell;
  if (max <= 1) return max === 1 ? '…' : '';
  const room = max - 1;
  if (!cell.includes('\x1b') && NARROW.test(cell)) return `${cell.slice(0, room).trimEnd()}…`;
  let out = '';
  let used = 0;
  let coloured = false;
  for (const part of cell.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) {
      out += part;
      coloured = true;
      continue;
    }
    for (const { segment } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(part)) {
      const n = width(segment);
      if (used + n > room) return `${out.trimEnd()}…${coloured ? '\x1b[0m' : ''}`;
      out += segment;
      used += n;
    }
  }
  return out;
}
