/**
 * rel capture's rules (issue 14): which calendar event and which mail message becomes which touch.
 * Pure: `now`, my own addresses and the people's addresses are arguments; readers (src/formats/calendar.ts,
 * src/formats/mail.ts) turn files into the plain records below, the store writes what plan*() decides.
 */
import { addDays, todayOf } from './dates.js';
import type { Channel, Day } from './types.js';

export interface Address {
  email: string;
  name: string | null;
}

export interface Attendee extends Address {
  /** PARTSTAT, upper case (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION), or null. */
  partstat: string | null;
}

/** One instance of a calendar event (a recurring event gives one per occurrence). */
export interface EventInstance {
  /** Where it is, for messages: "file.ics:12". */
  location: string;
  /** The source key: UID, and for an instance of a recurring event the instant of its original start. */
  key: string;
  start: Date;
  end: Date;
  allDay: boolean;
  status: string | null;
  /** CLASS (PUBLIC, PRIVATE, CONFIDENTIAL), upper case, or null. */
  privacy: string | null;
  summary: string | null;
  organizer: Address | null;
  attendees: Attendee[];
  /** URL, LOCATION, DESCRIPTION and the conference properties, where a video link may be. */
  linkText: string;
}

/** The headers of one mail message that capture reads. No body. */
export interface MailMessage {
  location: string;
  messageId: string | null;
  date: Date;
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string | null;
  listId: string | null;
  precedence: string | null;
  autoSubmitted: string | null;
}

export interface CaptureRules {
  now: Date;
  /** My addresses, already normalized with emailKey(). */
  me: ReadonlySet<string>;
  /** A person's id by each of their normalized addresses. */
  people: ReadonlyMap<string, string>;
  /** The first local day captured. */
  since: Day;
  maxPeople: number;
  includePrivate: boolean;
  /** capture.notes: store the summary or subject as the note. */
  notes: boolean;
  /** Count messages from a known person to me. */
  received: boolean;
}

export type SkipReason =
  | 'broken'
  | 'before_since'
  | 'not_ended'
  | 'cancelled'
  | 'declined'
  | 'private'
  | 'all_day'
  | 'too_many_people'
  | 'no_known_people'
  | 'bulk'
  | 'not_mine'
  | 'received'
  | 'already_captured';

/** A touch capture would write: one group with every known participant. */
export interface PlannedTouch {
  key: string;
  day: Day;
  via: Channel;
  note: string | null;
  personIds: string[];
}

export type Decision =
  | { kind: 'touch'; touch: PlannedTouch; unknown: Address[] }
  | { kind: 'skip'; reason: SkipReason; unknown: Address[] };

const VIDEO = /meet\.google\.com|(?:^|[./])zoom\.us\/|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.jit\.si|jitsi|webex\.com/i;

/** Does the text carry a video-call link (Google Meet, Zoom, Teams, Jitsi, Webex)? */
export const hasVideoLink = (text: string): boolean => VIDEO.test(text);

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form in which addresses are compared: lower case; for gmail.com and googlemail.com (one mailbox)
 * without dots or a +tag in the local part. Null for what is not an address.
 */
export function emailKey(email: string): string | null {
  let k = keys.get(email);
  if (k === undefined) {
    if (keys.size > 100_000) keys.clear();
    keys.set(email, (k = computeKey(email)));
  }
  return k;
}
/** emailKey() is asked about the same few thousand addresses again and again (every instance of a series). */
const keys = new Map<string, string | null>();

function computeKey(email: string): string | null {
  const e = email.trim().replace(/^mailto:/i, '').toLowerCase();
  const at = e.lastIndexOf('@');
  if (at <= 0 || at === e.length - 1 || /\s/.test(e)) return null;
  const domain = e.slice(at + 1);
  const local = e.slice(0, at);
  if (!GMAIL.has(domain)) return e;
  return `${local.split('+')[0]!.replaceAll('.', '')}@gmail.com`;
}

/** The first day captured when --since is not given: the day of the last capture, else 90 days ago. */
export const defaultSince = (lastDay: Day | null, today: Day): Day => lastDay ?? addDays(today, -90);

/**
 * Everyone in an event other than me, once each (by normalized address), who did not decline; and
 * whether I declined (my own ATTENDEE line says so; the ORGANIZER line says nothing about that).
 */
function participants(e: EventInstance, me: ReadonlySet<string>): { others: Address[]; meDeclined: boolean } {
  // The instances of a series share their attendee list: work it out once per list (and per `me`).
  const hit = participantsOf.get(e.attendees);
  if (hit && hit.me === me && hit.organizer === e.organizer) return hit.result;
  const result = computeParticipants(e, me);
  participantsOf.set(e.attendees, { me, organizer: e.organizer, result });
  return result;
}
const participantsOf = new WeakMap<Attendee[], { me: ReadonlySet<string>; organizer: Address | null; result: ReturnType<typeof computeParticipants> }>();

function computeParticipants(e: EventInstance, me: ReadonlySet<string>): { others: Address[]; meDeclined: boolean } {
  const seen = new Map<string, Attendee>();
  let meDeclined = false;
  for (const a of e.attendees) {
    const k = emailKey(a.email);
    if (!k) continue;
    if (me.has(k)) meDeclined ||= a.partstat === 'DECLINED';
    else if (!seen.has(k)) seen.set(k, a);
  }
  const org = e.organizer && emailKey(e.organizer.email);
  if (org && !me.has(org) && !seen.has(org)) seen.set(org, { ...e.organizer!, partstat: null });
  const others = [...seen.values()].filter((a) => a.partstat !== 'DECLINED').map((a) => ({ email: a.email, name: a.name }));
  return { others, meDeclined };
}

/** What one calendar event instance becomes. */
export function decideEvent(e: EventInstance, r: CaptureRules): Decision {
  const skip = (reason: SkipReason, unknown: Address[] = []): Decision => ({ kind: 'skip', reason, unknown });
  const day = todayOf(e.start);
  if (day < r.since) return skip('before_since');
  if (e.end.getTime() > r.now.getTime()) return skip('not_ended');
  if ((e.status ?? '').toUpperCase() === 'CANCELLED') return skip('cancelled');
  const { others, meDeclined } = participants(e, r.me);
  if (meDeclined) return skip('declined');
  if (!r.includePrivate && (e.privacy === 'PRIVATE' || e.privacy === 'CONFIDENTIAL')) return skip('private');
  if (e.allDay) return skip('all_day');
  if (others.length + 1 > r.maxPeople) return skip('too_many_people'); // + 1: me
  const known = new Set<string>();
  const unknown: Address[] = [];
  for (const a of others) {
    const id = r.people.get(emailKey(a.email)!);
    if (id) known.add(id);
    else unknown.push({ email: a.email, name: a.name });
  }
  if (known.size === 0) return skip('no_known_people', unknown);
  const via: Channel = hasVideoLink(`${e.linkText}`) ? 'video' : 'meeting';
  const note = r.notes ? cleanSubject(e.summary) : null;
  return { kind: 'touch', touch: { key: e.key, day, via, note, personIds: [...known].sort() }, unknown };
}

/**
 * What one message becomes: one touch per known person (merged per person and day by planMail). The key
 * is the Message-ID; the touch keys name the person and the day.
 */
export function decideMessage(m: MailMessage, r: CaptureRules): Decision {
  const skip = (reason: SkipReason, unknown: Address[] = []): Decision => ({ kind: 'skip', reason, unknown });
  const day = todayOf(m.date);
  if (day < r.since) return skip('before_since');
  if (m.listId || /^(bulk|list|junk)$/i.test(m.precedence?.trim() ?? '') || isAutoSubmitted(m.autoSubmitted)) return skip('bulk');
  const fromKey = m.from ? emailKey(m.from.email) : null;
  const recipients = new Map<string, Address>();
  let toMe = false;
  for (const a of [...m.to, ...m.cc]) {
    const k = emailKey(a.email);
    if (!k) continue;
    if (r.me.has(k)) toMe = true;
    else if (k !== fromKey && !recipients.has(k)) recipients.set(k, a);
  }
  const key = `mail:${m.messageId ?? `${m.date.toISOString()}|${fromKey}|${m.subject ?? ''}`}`;
  const note = r.notes ? cleanSubject(m.subject) : null;
  let candidates: [string, Address][];
  if (fromKey && r.me.has(fromKey)) {
    if (recipients.size > r.maxPeople) return skip('too_many_people');
    candidates = [...recipients];
  } else if (toMe && fromKey && m.from) {
    if (!r.received) return skip('received');
    if (recipients.size + 1 > r.maxPeople) return skip('too_many_people');
    candidates = [[fromKey, m.from]];
  } else {
    return skip('not_mine');
  }
  const known = new Set<string>();
  const unknown: Address[] = [];
  for (const [k, a] of candidates) {
    const id = r.people.get(k);
    if (id) known.add(id);
    else unknown.push(a);
  }
  if (known.size === 0) return skip('no_known_people', unknown);
  return { kind: 'touch', touch: { key, day, via: 'email', note, personIds: [...known].sort() }, unknown };
}

const isAutoSubmitted = (v: string | null): boolean => v !== null && v.trim() !== '' && !/^no\b/i.test(v.trim());

const MAX_SUBJECT = 300;

/** A summary or subject as a note: one line, no "Re:"/"Fwd:" prefixes, at most 300 characters. */
export function cleanSubject(text: string | null): string | null {
  if (text === null) return null;
  let t = text.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/^(re|fwd?|aw|wg|sv|vs|tr)\s*(\[\d+\])?\s*:\s*/i, '');
  }
  if (t === '') return null;
  return t.length > MAX_SUBJECT ? `${t.slice(0, MAX_SUBJECT - 1)}…` : t;
}

/** One email touch per person per day: the messages of that day, their subjects joined. */
export interface MailDay {
  personId: string;
  day: Day;
  note: string | null;
  messageKeys: string[];
}

/** Groups message touches by person and day, in the order they came; distinct subjects joined with "; ". */
export function mailDays(touches: PlannedTouch[]): MailDay[] {
  const byKey = new Map<string, MailDay>();
  for (const t of touches) {
    for (const personId of t.personIds) {
      const k = `${personId}|${t.day}`;
      let d = byKey.get(k);
      if (!d) byKey.set(k, (d = { personId, day: t.day, note: null, messageKeys: [] }));
      d.messageKeys.push(t.key);
      d.note = joinNotes(d.note, t.note);
    }
  }
  return [...byKey.values()];
}

/** Adds a subject to a day's note unless it is already there. */
export function joinNotes(a: string | null, b: string | null): string | null {
  if (b === null) return a;
  if (a === null) return b;
  if (a.split('; ').includes(b)) return a;
  const joined = `${a}; ${b}`;
  return joined.length > MAX_SUBJECT ? a : joined;
}

/** The people met who are not in rel, most frequent first; the name from the first CN or display name. */
export function tallyUnknown(seen: Address[]): { email: string; name: string | null; times: number }[] {
  const map = new Map<string, { email: string; name: string | null; times: number }>();
  for (const a of seen) {
    const k = emailKey(a.email);
    if (!k) continue;
    const u = map.get(k);
    if (u) {
      u.times++;
      u.name ??= cleanName(a.name, a.email);
    } else map.set(k, { email: a.email.toLowerCase(), name: cleanName(a.name, a.email), times: 1 });
  }
  return [...map.values()].sort((x, y) => y.times - x.times || (x.email < y.email ? -1 : 1));
}

/** A display name worth keeping: not empty, not the address itself. */
function cleanName(name: string | null, email: string): string | null {
  const n = name?.replace(/\s+/g, ' ').trim().replace(/^["']|["']$/g, '') ?? '';
  return n === '' || n.toLowerCase() === email.toLowerCase() ? null : n;
}

/** A fingerprint of what a captured touch says, to see whether an event changed since it was captured. */
export const touchDigest = (t: PlannedTouch): string => JSON.stringify([t.day, t.via, t.note, t.personIds]);
