/** The shape of a calendar day in rel: one pattern, used wherever a day or a yearless date is read. */

/** A day, or an anniversary without a year: `YYYY-MM-DD` or `--MM-DD`. */
const DAY_OR_YEARLESS_RE = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/;

/**
 * A day (`YYYY-MM-DD`) or a yearless anniversary (`--MM-DD`, year null) in numbers; null for any other
 * text. It checks the shape only: parseDay() and validDay() check that the day is real.
 */
export function dayParts(text: string): { year: number | null; month: number; day: number } | null {
  const m = DAY_OR_YEARLESS_RE.exec(text);
  return m ? { year: m[1] === undefined ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}
