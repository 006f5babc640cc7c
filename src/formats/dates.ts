/** Dates in imported files (the user's own input goes through domain/dates.ts). Pure. */
import { parseDay } from '../domain/dates.js';
import type { Day } from '../domain/types.js';

/**
 * How to read `a/b/y`: `us` is month/day unless the first part is over 12; `dmy` is day/month (Outlook
 * in Europe); `strict` refuses 3/4/2020. `a.b.y` and `a-b-y` are always day first.
 */
export type Slash = 'us' | 'dmy' | 'strict';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const real = (y: number, m: number, d: number): Day | null => parseDay(`${pad(y, 4)}-${pad(m)}-${pad(d)}`);

/** Parts of `2024-03-12`, `3/12/24`, `12.3.2024`, `12 Mar 2024`, `Mar 12, 2024`; a time after it is ignored. */
function ymd(text: string, slash: Slash): { y: number; m: number; d: number; short: boolean } | null {
  const s = text.trim().replace(/(,|\s|T)\s*\d{1,2}:\d{2}.*$/i, '');
  const month = (w: string): number => (w.length <= 9 ? MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1 : 0);
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) return { y: +r[1]!, m: +r[2]!, d: +r[3]!, short: false };
  if ((r = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s))) {
    const [a, b, y, short] = [+r[1]!, +r[3]!, +r[4]!, r[4]!.length === 2];
    const dayFirst = r[2] !== '/' || slash === 'dmy' || (a > 12 && b <= 12);
    if (!dayFirst && slash === 'strict' && b <= 12 && a !== b) return null; // 3/4/2020: March or April?
    return dayFirst ? { y, m: b, d: a, short } : { y, m: a, d: b, short };
  }
  if ((r = /^(\d{1,2})[\s-]+(\p{L}+)\.?[\s-]+(\d{4})$/u.exec(s))) return { y: +r[3]!, m: month(r[2]!), d: +r[1]!, short: false };
  if ((r = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(s))) return { y: +r[3]!, m: month(r[1]!), d: +r[2]!, short: false };
  return null;
}

/** A real calendar day `YYYY-MM-DD`, or null. Two-digit years follow POSIX: 69-99 -> 19xx, 00-68 -> 20xx. */
export function readDay(text: string, slash: Slash): Day | null {
  const p = ymd(text, slash);
  return p && real(p.short ? (p.y >= 69 ? 1900 : 2000) + p.y : p.y, p.m, p.d);
}

/**
 * `YYYY-MM-DD`, or `--MM-DD` when the year is unknown: `--03-14`, a two-digit year, or a year before
 * 1900 (Apple writes 1604, some tools 0000); null when not understood.
 */
export function readBirthday(text: string, slash: Slash): string | null {
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(text.trim());
  const p = yearless ? { y: 0, m: +yearless[1]!, d: +yearless[2]!, short: true } : ymd(text, slash);
  if (p === null || real(p.short || p.y < 1900 ? 2000 : p.y, p.m, p.d) === null) return null;
  return p.short || p.y < 1900 ? `--${pad(p.m)}-${pad(p.d)}` : real(p.y, p.m, p.d);
}

