/**
 * Aligned columns for the hot path (`rel due`, every morning). cli-table3's layout engine (spans,
 * conflicts, per-cell option merging) costs 10-15 ms for 20 rows on a cold start, a third of rel's
 * start-up budget; borderless columns need only widths. Display widths come from string-width, so
 * emoji, CJK and colour codes line up.
 */
import stringWidth from 'string-width';

export function columns(head: string[], rows: string[][], gap = 2): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell) + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}
