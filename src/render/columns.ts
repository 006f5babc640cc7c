/**
 * Aligned columns for the hot path (`rel due`, every morning). cli-table3's layout engine (spans,
 * conflicts, per-cell option merging) costs 10-15 ms for 20 rows on a cold start, a third of rel's
 * start-up budget; borderless columns need only widths. Display widths come from string-width, so
 * emoji, CJK and colour codes line up.
 */
import stringWidth from 'string-width';

const COLOUR = /\x1b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The display width of a cell. Plain ASCII (once colour codes are taken out) is one column a character;
 * anything else goes to string-width, whose emoji pattern costs a few ms to compile the first time.
 */
export function width(cell: string): number {
  const bare = cell.includes('\x1b') ? cell.replace(COLOUR, '') : cell;
  return PRINTABLE_ASCII.test(bare) ? bare.length : stringWidth(cell);
}

export function columns(head: string[], rows: string[][], gap = 2): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell) + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
