/**
 * Colour and tables. chalk decides colour at import time from stdout alone and ignores NO_COLOR, so rel
 * makes the decision itself (Ctx.color) and hands it here.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export function paint(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? Math.max(chalk.level, 1) as 1 | 2 | 3 : 0 });
}

/** A borderless table (cli-table3), headings in bold when colour is on. */
export function table(head: string[], rows: string[][], color: boolean): string {
  const c = paint(color);
  const t = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
    },
  });
  t.push(...rows);
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
