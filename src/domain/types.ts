/** Plain data shared by the functional core. Calendar days are `YYYY-MM-DD` strings. */

/** A local calendar day, `YYYY-MM-DD`. */
export type Day = string;

export const CHANNELS = ['meeting', 'call', 'video', 'email', 'message', 'social', 'event', 'letter', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const KINDS = ['intro', 'referral', 'advice', 'help', 'gift', 'favor', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface Person {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  tags: string[];
  every_days: number | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  met: string | null;
  /** The day you met or connected, when known (an import may say). */
  met_on: Day | null;
  linkedin_url: string | null;
  snoozed_until: Day | null;
  /** The local day the person was added to rel. */
  added_on: Day;
  created_at: string;
  updated_at: string;
}

export interface Touchpoint {
  id: string;
  person_id: string;
  /** Touchpoints logged together (one meeting with several people) share a group id. */
  group_id: string;
  date: Day;
  via: Channel;
  note: string | null;
  give: Kind | null;
  ask: Kind | null;
  created_at: string;
}

export interface Fact {
  id: string;
  person_id: string;
  text: string;
  date: Day;
}

export interface FollowUp {
  id: string;
  person_id: string;
  touchpoint_id: string | null;
  due_on: Day;
  note: string | null;
  closed_by: string | null;
}

/** A person with the day of their last touch (kept by triggers): what most views start from. */
export type PersonWithLastTouch = Person & { last_touch: Day | null };

/** What rel list shows of a person (store/people.ts listRows, render/people.ts). */
export type ListedPerson = Pick<PersonWithLastTouch, 'id' | 'name' | 'tags' | 'every_days' | 'last_touch' | 'company' | 'emails'> & {
  /** Left out of rel due until this day (after today), else null. */
  snoozed_until: Day | null;
};

/**
 * What rel list's table needs before its first row (store/people.ts listShape), so that no row is held:
 * how many people; the widest id (its first 8 characters), name and company among ASCII texts (their
 * length, which is their width but for control characters, which rel's own texts never hold: then more
 * than their width, never less); the people whose id, name or company is not ASCII (few in most
 * networks; each is an id and two texts), measured by the renderer (a CJK character or an emoji is two
 * columns); each distinct tag list, rhythm with its running snooze, and last touch (hundreds among
 * 10,000 people), put in words by the renderer.
 */
export interface ListShape {
  count: number;
  ascii: { id: number; name: number; company: number };
  other: { id: string; name: string; company: string | null }[];
  tags: string[][];
  rhythms: { every_days: number | null; snoozed_until: Day | null }[];
  lastTouches: (Day | null)[];
}

/** What a person needs (rel need) or offers (rel offer). */
export type WishKind = 'need' | 'offer';

/** Something an import or a capture could not take as it was: where in the file, and why. */
export interface Problem {
  /** "line 12", "card 3", "people[4]", or "file". */
  where: string;
  why: string;
}
