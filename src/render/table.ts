/**
 * rel's one table engine: borderless aligned columns, fitted to the terminal, produced line by line.
 *
 * Why not cli-table3 (measured, rel list of 10,000 people to a pipe): its layout engine (spans, per-cell
 * option merging, word wrap) took 5.8 s; these columns take a few ms, and they start ~10 ms faster. rel's
 * tables need only widths: what cli-table3 adds is borders and wrapping, which rel does not want (a table
 * never wraps: it is cut to the terminal's width with "…").
 *
 * Fitting: when the natural widths are wider than `width`, the columns with the highest `cut` give up
 * width first (notes 3, free text 2, names 1; 0 never): cut to their narrowest, then dropped, before
 * the next level is touched, so a name stays whole as long as a note can give way. If the columns that
 * never give way are still too wide, they are cut too, the rightmost first. Text that is not a table (a
 * summary sentence) is not cut. Cells may carry colour: a cut
 * keeps the codes before the cut and resets after the "…".
 */
import { paint } from './paint.js';
import { cut, width } from './columns.js';

export interface Column {
  head: string;
  /** How readily the column gives up width (higher first): notes 3, free text 2, names 1; 0: never. */
  cut?: number;
  /**
   * The narrowest it is cut to before it is dropped (default 8). At its width (a day's DAY_WIDTH), or
   * Infinity, it is whole or not at all.
   */
  min?: number;
}

export interface Fit {
  color: boolean;
  /** The terminal's width in columns; undefined (a pipe, a file): no limit. */
  width?: number;
}

const GAP = 2;
/** The width of a day as rel writes it (YYYY-MM-DD): a column of days is this wide, whole or not at all. */
export const DAY_WIDTH = 10;
/** The narrowest a cut column becomes before it is dropped, unless it says (`min`). */
const NARROWEST = 8;

/** The widths to print each column at; 0 for a dropped column. */
export function fitWidths(natural: number[], cols: Column[], limit: number | undefined): number[] {
  const w = [...natural];
  if (limit === undefined) return w;
  const total = () => {
    const shown = w.filter((x) => x > 0);
    return shown.reduce((a, b) => a + b, 0) + GAP * Math.max(0, shown.length - 1);
  };
  // Level by level, the highest `cut` first: its columns are cut (the rightmost first) down to their
  // narrowest, then dropped, before the next level gives anything.
  const levels = [...new Set(cols.map((c) => c.cut ?? 0).filter((c) => c > 0))].sort((a, b) => b - a);
  for (const level of levels) {
    const at = cols.map((c, i) => ({ c, i })).filter(({ c }) => (c.cut ?? 0) === level).map(({ i }) => i).reverse();
    for (const i of at) {
      const excess = total() - limit;
      if (excess <= 0) return w;
      w[i] = Math.max(Math.min(w[i]!, cols[i]!.min ?? NARROWEST), w[i]! - excess);
    }
    for (const i of at) {
      if (total() <= limit) break;
      if (w.filter((x) => x > 0).length > 1) w[i] = 0;
    }
    if (total() <= limit) {
      // A column dropped may leave room: give it back to those cut at this level, the leftmost first.
      for (const i of [...at].reverse()) {
        if (w[i]! > 0) w[i] = Math.min(natural[i]!, w[i]! + limit - total());
      }
      return w;
    }
  }
  // Only columns that never give way are left, and they are too wide: cut them too, from the right.
  for (let i = w.length - 1; i >= 0 && total() > limit; i--) {
    if (w[i] === 0) continue;
    w[i] = Math.max(1, w[i]! - (total() - limit));
  }
  return w;
}

/** One line of a cell: what follows a line break is cut, with "…". */
const oneLine = (cell: string) => {
  const at = cell.search(/[\r\n]/);
  return at < 0 ? cell : `${cell.slice(0, at).trimEnd()} …`;
};

/** The width a cell takes in a table (its first line: see oneLine). */
export const cellWidth = (cell: string) => width(oneLine(cell));

/** The widest of `cells` (cellWidth), and at least `from`. */
export function widest(cells: Iterable<string>, from = 0): number {
  let w = from;
  for (const c of cells) w = Math.max(w, cellWidth(c));
  return w;
}

/** `items` through `f`, one at a time (rows made as they are written). */
export function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** Lays out columns of the given natural widths; returns the function that makes each line. */
function layout(cols: Column[], natural: number[], fit: Fit) {
  const w = fitWidths(cols.map((c, i) => Math.max(width(c.head), natural[i] ?? 0)), cols, fit.width);
  const shown = cols.map((_, i) => i).filter((i) => w[i]! > 0);
  const last = shown.length - 1;
  const bold = paint(fit.color).bold;
  /** A row's line; `measured(i)` is the width of cell i (already one line), or undefined to measure it here. */
  return (r: readonly string[], measured?: (i: number) => number, head = false) => {
    let s = '';
    for (let k = 0; k <= last; k++) {
      const i = shown[k]!;
      let cell = measured ? r[i]! : oneLine(r[i] ?? '');
      let cw = measured ? measured(i) : width(cell);
      // Wider than its column: cut to fit (fitted, or a cell wider than the width it was promised).
      if (cw > w[i]!) {
        cell = cut(cell, w[i]!);
        cw = width(cell);
      }
      if (head && cell !== '') cell = bold(cell);
      s += k === last ? cell : cell + ' '.repeat(w[i]! - cw + GAP);
    }
    return s.trimEnd();
  };
}

/**
 * The table's lines, produced one at a time (the header first). `rows` is read twice: once for the
 * widths, once to print.
 */
export function* tableLines(columns: (string | Column)[], rows: readonly string[][], fit: Fit): Generator<string> {
  const cols = columns.map((c) => (typeof c === 'string' ? { head: c } : c));
  const n = cols.length;
  const natural = cols.map(() => 0);
  // Each cell's width is measured once (10,000 rows of 7 columns: measuring twice was a fifth of the time).
  const widths = new Uint32Array(rows.length * n);
  const cells = rows.map((r, k) => {
    const one: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const cell = oneLine(r[i] ?? '');
      const w = width(cell);
      one[i] = cell;
      widths[k * n + i] = w;
      if (w > natural[i]!) natural[i] = w;
    }
    return one;
  });
  const line = layout(cols, natural, fit);
  yield line(cols.map((c) => c.head), undefined, true);
  for (let k = 0; k < cells.length; k++) yield line(cells[k]!, (i) => widths[k * n + i]!);
}

/**
 * A table written as its rows are read, none of them held: `natural` gives each column's width before
 * the first row (the store measures the whole network's columns in SQL: store/people.ts listShape). A
 * width more than the widest cell makes the column that wide; a cell wider than its column is cut with
 * "…" like any other, so a wrong width never breaks the alignment.
 */
export function* streamedTableLines(columns: (string | Column)[], natural: number[], rows: Iterable<readonly string[]>, fit: Fit): Generator<string> {
  const cols = columns.map((c) => (typeof c === 'string' ? { head: c } : c));
  const line = layout(cols, natural, fit);
  yield line(cols.map((c) => c.head), undefined, true);
  for (const r of rows) yield line(r);
}

/** The whole table as one string (small tables; long ones go through writeLines). */
export function table(columns: (string | Column)[], rows: readonly string[][], fit: Fit): string {
  return [...tableLines(columns, rows, fit)].join('\n');
}

/** Writes lines as they come, gathered into writes of about 64 kB (not one string of everything). */
export function writeLines(write: (text: string) => void, lines: Iterable<string>): void {
  let chunk = '';
  for (const l of lines) {
    chunk += `${l}\n`;
    if (chunk.length >= 65536) {
      write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') write(chunk);
}
