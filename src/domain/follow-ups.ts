/**
 * When a touch closes a follow-up. A follow-up is a promise ("send Ravi the deck by Friday"); a touch
 * closes it only when it plainly comes after the promise, never by surprise:
 *  - `auto` (rel log, rel intro): a touch closes the person's open follow-ups that were set on an earlier
 *    day than the touch's date. A follow-up is set on the later of the day of the touch that made it and
 *    the day it was written down, so a second touch the same day (a message an hour after the call that
 *    set it) never closes it, nor does back-filling an older meeting.
 *  - `keep` (rel log --keep-follow-up): the touch closes none.
 *  - `close` (rel log --close-follow-up): the touch closes all of them, the same day too: "done".
 * Pure: days are `YYYY-MM-DD`; the written-down instant is turned into the local day it fell on.
 */
import { todayOf } from './dates.js';
import type { Day } from './types.js';

export type FollowUpMode = 'auto' | 'keep' | 'close';

export interface OpenFollowUp {
  id: string;
  /** The day of the touch that set it; null when it came without one (an import) or that touch is gone. */
  touch_date: Day | null;
  /** When it was written down (ISO 8601 UTC). */
  created_at: string;
}

/** The day a follow-up was set: the later of its touch's day and the local day it was written down. */
export function setOn(f: OpenFollowUp): Day {
  const written = todayOf(new Date(f.created_at));
  return f.touch_date !== null && f.touch_date > written ? f.touch_date : written;
}

/** The ids of the open follow-ups that a touch dated `date` closes. */
export function followUpsClosedBy(open: OpenFollowUp[], date: Day, mode: FollowUpMode): string[] {
  if (mode === 'keep') return [];
  return open.filter((f) => mode === 'close' || setOn(f) < date).map((f) => f.id);
}
