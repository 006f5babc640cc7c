/**
 * Colour. chalk decides colour at import time from stdout alone and ignores NO_COLOR, so rel makes the
 * decision itself (Ctx.color) and hands it here.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';

export function paint(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? (Math.max(chalk.level, 1) as 1 | 2 | 3) : 0 });
}
