/** The shape of a calendar day in rel: one pattern, used wherever a day or a yearless date is read. */

/** The number the `width` digits of `text` at `at` spell, or -1 when one of them is not a digit 0-9. */
export function digitsAt(text: string, at: number, width: number): number {
  let n = 0;
  for (let i = at; i < at + width; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DASH = 45;

/**
 * A day (`YYYY-MM-DD`) or a yearless anniversary (`--MM-DD`, year null) in numbers; null for any other
 * text. It checks the shape only: parseDay() and validDay() check that the day is real. Read digit by
 * digit (no regular expression): rel due reads a birthday for every candidate.
 */
export function dayParts(text: string): { year: number | null; month: number; day: number } | null {
  const yearless = text.length === 7 && text.charCodeAt(0) === DASH;
  if (!yearless && text.length !== 10) return null;
  const at = yearless ? 1 : 4; // the dash before the month
  const year = yearless ? null : digitsAt(text, 0, 4);
  const month = digitsAt(text, at + 1, 2);
  const day = digitsAt(text, at + 4, 2);
  if (text.charCodeAt(at) !== DASH || text.charCodeAt(at + 3) !== DASH || year === -1 || month < 0 || day < 0) return null;
  return { year, month, day };
}
