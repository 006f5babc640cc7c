/**
 * Colour. chalk decides colour at import time from stdout alone and ignores NO_COLOR, so rel makes the
 * decision itself (Ctx.color) and hands it here. Without colour (a pipe, a file, NO_COLOR) the styles
 * return the text as it is, and chalk is not loaded at all: its set-up (the styles' table, the colour
 * check of both streams) cost ~1.3 ms of `rel due` into a pipe. In the bundle chalk loads on first use
 * (build.mjs, lazyChalk).
 */
import { Chalk, supportsColor } from 'chalk';

type Style = (text: string) => string;

/** The styles rel's renderers use. */
export type Paint = Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta', Style>;

const same: Style = (text) => text;
const PLAIN: Paint = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same, magenta: same };

export function paint(color: boolean): Paint {
  // At least basic colour when rel decided on colour; more when the terminal says it has more.
  return color ? new Chalk({ level: Math.max(supportsColor ? supportsColor.level : 0, 1) as 1 | 2 | 3 }) : PLAIN;
}
